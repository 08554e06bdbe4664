// E2E probe: runs inside the real VS Code extension host (code-server), drives the
// installed nianbao extension through public VS Code APIs and writes a JSON verdict to
// $NIANBAO_E2E_OUT. It ends with the draft open, the Problems panel shown and a hover
// on a finding, so the driver can take the screenshot.
const vscode = require('vscode');
const fs = require('fs');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(fn, ms, what) {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error('timeout waiting for ' + what);
    await sleep(20);
  }
}

exports.activate = async function () {
  const out = process.env.NIANBAO_E2E_OUT;
  const log = { vscode: vscode.version, steps: [], pass: false };
  const t0 = Date.now();
  const step = (name, extra) => log.steps.push({ name, ms: Date.now() - t0, ...extra });
  const check = (cond, msg) => {
    if (!cond) throw new Error('ASSERT: ' + msg);
  };
  try {
    const expect = JSON.parse(fs.readFileSync(process.env.NIANBAO_E2E_EXPECT, 'utf8'));
    const fixedLines = fs.readFileSync(process.env.NIANBAO_E2E_FIXED, 'utf8').split('\n');

    // Activate explicitly so that an activation failure is reported here
    // (with extensionDependencies the probe would silently never run).
    const ext = vscode.extensions.getExtension('nianbao.nianbao');
    check(ext, 'nianbao extension not installed');
    const api = await ext.activate();
    step('extensionActive', { server: api.serverPath(), settings: api.serverSettings() });
    // nianbao.path is unset: the server must be the binary bundled in the .vsix
    check(api.serverPath() === require('path').join(ext.extensionPath, 'bin', 'nianbao'), 'server ' + api.serverPath());

    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'xiaye-2025-draft.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    step('opened', { languageId: doc.languageId });
    check(doc.languageId === 'plaintext', 'languageId ' + doc.languageId);

    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'nianbao');
    const sorted = (ds) => [...ds].sort((a, b) => a.range.start.compareTo(b.range.start));
    let diags = await waitFor(() => {
      const d = ours();
      return d.length >= expect.diagnostics.length ? sorted(d) : null;
    }, 30000, 'diagnostics');
    step('diagnostics', { count: diags.length });

    // positions: VS Code columns are UTF-16; the anchors are in characters
    const charCol = (line, utf16) => [...doc.lineAt(line).text.slice(0, utf16)].length;
    const codeOf = (d) => String(typeof d.code === 'object' ? d.code.value : d.code);
    for (const a of expect.diagnostics) {
      const hit = diags.find(
        (d) =>
          codeOf(d) === a.code &&
          d.range.start.line === a.line &&
          charCol(a.line, d.range.start.character) === a.character &&
          doc.getText(d.range).startsWith(a.text),
      );
      check(hit, `expected ${a.code} at ${a.line + 1}:${a.character + 1}`);
    }
    step('anchors', {
      sample: diags.slice(0, 3).map((d) => ({ code: codeOf(d), at: [d.range.start.line, d.range.start.character], text: doc.getText(d.range).slice(0, 20), severity: d.severity })),
    });
    // editors/vscode/example/settings.json sets nianbao.rules {"prose/enumeration-sum": "info"}: initial settings reached the server
    const enumSum = diags.find((d) => codeOf(d) === 'prose/enumeration-sum');
    check(enumSum.severity === vscode.DiagnosticSeverity.Information, 'initial settings: severity ' + enumSum.severity);

    // status bar item
    await waitFor(() => (api.statusText(doc) || '').includes(`${diags.length} 个问题`), 5000, 'status text');
    const status = api.statusText(doc);
    check(status.includes('2025'), 'status ' + status);
    step('status', { status });

    // didChangeConfiguration: turn year/plan off, then back on
    const cfg = () => vscode.workspace.getConfiguration('nianbao');
    const rules = cfg().get('rules');
    await cfg().update('rules', { ...rules, 'year/plan': 'off' }, vscode.ConfigurationTarget.Global);
    await waitFor(() => ours().length > 0 && !ours().some((d) => codeOf(d) === 'year/plan'), 10000, 'year/plan off');
    await cfg().update('rules', rules, vscode.ConfigurationTarget.Global);
    await waitFor(() => ours().some((d) => codeOf(d) === 'year/plan'), 10000, 'year/plan back');
    step('settingsChange');

    // the table-三 code action; retry: a cold start can miss the first request
    const lines = doc.getText().split('\n');
    const region = (ls) => {
      const s = ls.findIndex((l) => l.startsWith('三、收到和处理政府信息公开申请情况'));
      const e = ls.findIndex((l, i) => i > s && l.startsWith('四、政府信息公开行政复议'));
      return [s + 1, e];
    };
    const [s3, e3] = region(lines);
    const range = new vscode.Range(s3, 0, e3, 0);
    let action;
    let tries = 0;
    const titles = new Set();
    const deadline = Date.now() + 30000;
    while (!action && Date.now() < deadline) {
      tries++;
      const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, undefined, 100)) || [];
      actions.forEach((a) => titles.add(a.title));
      for (const want of expect.table3_actions) action = action || actions.find((a) => a.title.includes(want) && a.edit);
      if (!action) await sleep(200);
    }
    step('codeActions', { tries, titles: [...titles] });
    check(action, 'no table-三 code action');
    check(await vscode.workspace.applyEdit(action.edit), 'applyEdit failed');
    const now = doc.getText().split('\n');
    const [a1, b1] = region(now);
    const [a2, b2] = region(fixedLines);
    check(JSON.stringify(now.slice(a1, b1)) === JSON.stringify(fixedLines.slice(a2, b2)), 'table 三 != corrected twin');
    await waitFor(() => ours().length > 0 && !ours().some((d) => codeOf(d).startsWith('table/')), 10000, 'table/ gone');
    step('applied', { title: action.title, remaining: ours().map(codeOf) });

    // commands on scratch documents
    const scratch = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    await vscode.window.showTextDocument(scratch);
    check(await vscode.commands.executeCommand('nianbao.insertSkeleton', 2025), 'insertSkeleton');
    check(scratch.lineAt(0).text.includes('2025年政府信息公开工作年度报告'), 'skeleton title ' + scratch.lineAt(0).text);
    const skel = scratch.getText().split('\n');
    const [ks, ke] = region(skel);
    const want3 = skel.slice(ks, ke).join('\n').trim();
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    const scratch2 = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    await vscode.window.showTextDocument(scratch2);
    check(await vscode.commands.executeCommand('nianbao.insertTable', '三', 2025), 'insertTable');
    check(scratch2.getText().trim() === want3, 'insertTable 三 text');
    step('commands', { skeletonLines: skel.length, tableLines: scratch2.lineCount });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    // back to the untouched draft for the screenshot: revert, Problems panel, hover
    await vscode.window.showTextDocument(doc);
    const restore = new vscode.WorkspaceEdit();
    restore.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), fs.readFileSync(uri.fsPath, 'utf8'));
    check(await vscode.workspace.applyEdit(restore), 'restore draft');
    // Under load the client's pull after a whole-document edit can be lost;
    // a user would type again, so nudge with an edit that changes nothing.
    for (let attempt = 1; ; attempt++) {
      try {
        await waitFor(() => ours().some((d) => codeOf(d).startsWith('table/')), 10000, 'findings after revert');
        break;
      } catch (e) {
        if (attempt === 3) {
          const disk = fs.readFileSync(uri.fsPath, 'utf8');
          throw new Error(`${e.message}; findings ${JSON.stringify(ours().map(codeOf))}; text restored ${doc.getText() === disk}; dirty ${doc.isDirty}; version ${doc.version}`);
        }
        const end = doc.lineAt(doc.lineCount - 1).range.end;
        const add = new vscode.WorkspaceEdit();
        add.insert(uri, end, ' ');
        await vscode.workspace.applyEdit(add);
        const del = new vscode.WorkspaceEdit();
        del.delete(uri, new vscode.Range(end, end.translate(0, 1)));
        await vscode.workspace.applyEdit(del);
      }
    }
    diags = sorted(ours());
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const target = diags.find((d) => codeOf(d) === 'prose/missing-number');
    const ed = vscode.window.visibleTextEditors.find((e) => e.document === doc) || editor;
    await vscode.window.showTextDocument(doc, { viewColumn: ed.viewColumn, preserveFocus: false });
    const pos = target.range.start;
    vscode.window.activeTextEditor.selection = new vscode.Selection(pos, pos);
    vscode.window.activeTextEditor.revealRange(new vscode.Range(pos.line - 4, 0, pos.line + 4, 0), vscode.TextEditorRevealType.AtTop);
    await sleep(300);
    await vscode.commands.executeCommand('editor.action.showHover');
    step('screenshotStaged', { count: diags.length });
    log.pass = true;
  } catch (e) {
    log.error = String((e && e.stack) || e);
  }
  fs.writeFileSync(out, JSON.stringify(log, null, 2));
};
