// VS Code client for the nianbao language server (`nianbao lsp`, stdio).
//
// - server: `nianbao.path` setting, else the binary bundled in <extension>/bin/, else `nianbao` on PATH
// - settings under "nianbao" go to the server as initializationOptions and, on change,
//   as workspace/didChangeConfiguration ({ settings: { nianbao: {...} } })
// - commands 插入年报模板 (nianbao.insertSkeleton [year]) / 插入表二/表三/表四
//   (nianbao.insertTable "二"|"三"|"四" [year]) insert `nianbao skeleton --year Y` output,
//   cut to one section for a table: server-independent, the same binary run as a one-shot CLI
// - a status-bar item: 年报 <year> · <n> 个问题
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import {
  DidChangeConfigurationNotification,
  DocumentDiagnosticRequest,
  Executable,
  LanguageClient,
  LanguageClientOptions,
  State,
} from 'vscode-languageclient/node';
import { detectYear, NUMERALS, sectionBody, tableNumber } from './report';

const SECTION = 'nianbao';
const LANGS = ['plaintext', 'markdown'];

let client: LanguageClient | undefined;
let status: vscode.StatusBarItem | undefined;
let output: vscode.LogOutputChannel | undefined;

/** Resolve the server binary: setting → bundled bin/ → PATH. */
export function serverPath(context: vscode.ExtensionContext): string {
  const configured = vscode.workspace.getConfiguration(SECTION).get<string>('path', '').trim();
  if (configured) return configured.replace(/^~(?=$|\/)/, process.env.HOME ?? '~');
  const exe = process.platform === 'win32' ? 'nianbao.exe' : 'nianbao';
  const bundled = context.asAbsolutePath(path.join('bin', exe));
  try {
    fs.accessSync(bundled, fs.constants.X_OK);
    return bundled;
  } catch {
    return 'nianbao';
  }
}

/** The settings the server understands, without client-only keys and unset values. */
export function serverSettings(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration(SECTION);
  const s: Record<string, unknown> = {};
  const put = (key: string, v: unknown) => {
    if (v === undefined || v === null || v === '') return;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0) return;
    if (Array.isArray(v) && v.length === 0) return;
    s[key] = v;
  };
  put('reportYear', c.get('reportYear'));
  put('bodyLevel', c.get('bodyLevel'));
  put('format', c.get('format'));
  put('rules', c.get('rules'));
  put('debounceMs', c.get('debounceMs'));
  put('include', c.get('include'));
  put('deadline', c.get('deadline'));
  return s;
}

function isReportDoc(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && LANGS.includes(doc.languageId);
}

function findingCount(uri: vscode.Uri): number {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'nianbao').length;
}

function reportYear(doc: vscode.TextDocument): number | undefined {
  return vscode.workspace.getConfiguration(SECTION).get<number | null>('reportYear') ?? detectYear(doc.getText());
}

/** Text of the status-bar item for a document (exported for the E2E probe). */
export function statusText(doc: vscode.TextDocument | undefined = vscode.window.activeTextEditor?.document): string | undefined {
  if (!isReportDoc(doc)) return undefined;
  const year = reportYear(doc);
  const n = findingCount(doc.uri);
  return `$(checklist) 年报 ${year ?? '—'} · ${n === 0 ? '无问题' : `${n} 个问题`}`;
}

function updateStatus(): void {
  if (!status) return;
  const doc = vscode.window.activeTextEditor?.document;
  const text = statusText(doc);
  if (!text || !doc) {
    status.hide();
    return;
  }
  const running = client?.state === State.Running;
  status.text = running ? text : `$(warning) 年报检查未运行`;
  status.tooltip = running
    ? `nianbao：${findingCount(doc.uri)} 个问题，点击打开“问题”面板`
    : '语言服务器未运行，点击查看输出';
  status.command = running ? 'workbench.actions.view.problems' : 'nianbao.showOutput';
  status.show();
}

function runSkeleton(bin: string, year: number, markdown: boolean): Promise<string> {
  const args = ['skeleton', '--year', String(year)];
  if (markdown) args.push('--style', 'markdown');
  return new Promise((resolve, reject) =>
    execFile(bin, args, { encoding: 'utf8', timeout: 10000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${bin} ${args.join(' ')}: ${stderr || err.message}`)) : resolve(stdout),
    ),
  );
}

async function askYear(doc: vscode.TextDocument): Promise<number | undefined> {
  const known = reportYear(doc);
  if (known) return known;
  const v = await vscode.window.showInputBox({
    title: '报告年度',
    prompt: '请输入报告年度（如 2025）',
    value: String(new Date().getFullYear() - 1),
    validateInput: (s) => (/^(19|20)\d\d$/.test(s.trim()) ? undefined : '请输入四位年份'),
  });
  return v ? Number(v.trim()) : undefined;
}

async function insertText(editor: vscode.TextEditor, text: string, replaceAll: boolean): Promise<boolean> {
  const doc = editor.document;
  return editor.edit((b) => {
    if (replaceAll) {
      b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
    } else {
      b.insert(editor.selection.active, text);
    }
  });
}

export async function activate(context: vscode.ExtensionContext) {
  output = vscode.window.createOutputChannel('年报检查 (nianbao)', { log: true });
  context.subscriptions.push(output);
  const bin = () => serverPath(context);

  const serverOptions: Executable = { command: bin(), args: ['lsp'] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGS.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    initializationOptions: serverSettings(),
    synchronize: {
      configurationSection: SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/nianbao.toml'),
    },
    // The "nianbao" section also holds client-only keys (path, trace.server) and
    // unset defaults ("" / {} / []); the server rejects unknown keys, so whatever it
    // receives — pushed on change or pulled with workspace/configuration — is serverSettings().
    middleware: {
      workspace: {
        didChangeConfiguration: async (sections, next) => {
          if (!client || !(sections ?? []).some((s) => s === SECTION || s.startsWith(SECTION + '.'))) {
            return next(sections);
          }
          await client.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { [SECTION]: serverSettings() },
          });
          // Re-pull diagnostics now rather than on the next edit. The server would ask with
          // workspace/diagnostic/refresh, but lsp-types 0.97 reads the client capability as
          // `workspace.diagnostic` instead of the spec's `workspace.diagnostics`, so it
          // never learns that VS Code supports the refresh request.
          client.getFeature(DocumentDiagnosticRequest.method)?.refresh();
        },
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return params.items.map((item, i) => (item.section === SECTION ? serverSettings() : result[i]));
        },
      },
    },
    outputChannel: output,
    traceOutputChannel: output,
  };
  client = new LanguageClient('nianbao', '年报检查 (nianbao)', serverOptions, clientOptions);

  status = vscode.window.createStatusBarItem('nianbao.status', vscode.StatusBarAlignment.Right, 100);
  status.name = '年报检查';
  context.subscriptions.push(
    status,
    client,
    client.onDidChangeState(updateStatus),
    vscode.languages.onDidChangeDiagnostics(updateStatus),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) updateStatus();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.path`)) {
        void vscode.window
          .showInformationMessage('nianbao.path 已更改，需要重启年报检查服务。', '重启')
          .then((c) => (c ? vscode.commands.executeCommand('nianbao.restartServer') : undefined));
      }
      if (e.affectsConfiguration(`${SECTION}.reportYear`)) updateStatus();
    }),
    vscode.commands.registerCommand('nianbao.showOutput', () => output?.show(true)),
    vscode.commands.registerCommand('nianbao.restartServer', async () => {
      serverOptions.command = bin(); // nianbao.path may have changed; the client re-reads this on start
      await client?.restart();
      updateStatus();
    }),
    vscode.commands.registerCommand('nianbao.insertSkeleton', async (yearArg?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      const year = Number(yearArg) || (await askYear(editor.document));
      if (!year) return false;
      try {
        const text = await runSkeleton(bin(), year, editor.document.languageId === 'markdown');
        return insertText(editor, text, editor.document.getText().trim() === '');
      } catch (e) {
        void vscode.window.showErrorMessage(`插入年报模板失败：${(e as Error).message}`);
        return false;
      }
    }),
    vscode.commands.registerCommand('nianbao.insertTable', async (tableArg?: unknown, yearArg?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      let n = tableNumber(tableArg);
      if (!n) {
        const picked = await vscode.window.showQuickPick(
          [
            { label: '表二', description: '主动公开政府信息情况', n: 2 as const },
            { label: '表三', description: '收到和处理政府信息公开申请情况', n: 3 as const },
            { label: '表四', description: '政府信息公开行政复议、行政诉讼情况', n: 4 as const },
          ],
          { title: '插入标准表格', placeHolder: '选择要插入的表格' },
        );
        n = picked?.n;
      }
      if (!n) return false;
      const year = Number(yearArg) || (await askYear(editor.document));
      if (!year) return false;
      try {
        const skeleton = await runSkeleton(bin(), year, editor.document.languageId === 'markdown');
        const table = sectionBody(skeleton, n);
        if (!table) throw new Error(`模板中没有找到第${NUMERALS[n - 1]}部分的表格`);
        return insertText(editor, table, false);
      } catch (e) {
        void vscode.window.showErrorMessage(`插入表${NUMERALS[n - 1]}失败：${(e as Error).message}`);
        return false;
      }
    }),
  );

  try {
    await client.start();
  } catch (e) {
    void vscode.window.showErrorMessage(
      `无法启动年报检查服务（${bin()} lsp）：${(e as Error).message}。请安装 nianbao 或设置 nianbao.path。`,
    );
  }
  updateStatus();
  return { client, statusText, serverPath: bin, serverSettings };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
