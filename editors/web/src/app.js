// The page of `nianbao serve`: CodeMirror 6 talking LSP over a WebSocket to
// the same server `nianbao lsp` runs. Nothing is analysed here: findings,
// hovers, fixes and formatting all come from the server; the page only
// shows them and converts what the browser gives (pasted HTML, files) by
// asking the server too (/api/open), so Word's tables read as in `convert`.

import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection, ViewPlugin } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { history, defaultKeymap, historyKeymap } from "@codemirror/commands";
import { searchKeymap } from "@codemirror/search";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { LSPClient, LSPPlugin, hoverTooltips, serverCompletion, formatDocument, formatKeymap } from "@codemirror/lsp-client";
import { sanitize } from "./sanitize.js";
import { showFindings, showMenu, hideMenu } from "./panel.js";

// The server reads the document's kind from its name: a plain-text draft.
const URI = "file:///draft.txt";
const $ = (id) => document.getElementById(id);
const status = (text, bad = false) => {
  $("status").textContent = text;
  $("status").classList.toggle("bad", bad);
};

/** One WebSocket = one server session; its messages are JSON-RPC texts. */
function connect(url) {
  return new Promise((resolve, reject) => {
    const sock = new WebSocket(url);
    let handlers = [];
    sock.onmessage = (e) => handlers.forEach((h) => h(String(e.data)));
    sock.onerror = () => reject(new Error("WebSocket"));
    sock.onclose = () => status("与 nianbao 的连接已断开：请先保存文本，再重新运行 nianbao serve 并刷新页面", true);
    sock.onopen = () =>
      resolve({
        send: (m) => sock.send(m),
        subscribe: (h) => handlers.push(h),
        unsubscribe: (h) => (handlers = handlers.filter((x) => x !== h)),
      });
  });
}

let view = null;
/** The findings shown now: LSP diagnostics with their offsets in the editor. */
let current = [];

/** Shows diagnostics given against `doc` (the synced text they are about). */
function render(diags, doc) {
  const plugin = view && LSPPlugin.get(view);
  if (!plugin) return;
  const len = doc.length;
  const at = (p) => plugin.unsyncedChanges.mapPos(Math.min(plugin.fromPosition(p, doc), len));
  current = diags.map((d) => ({ d, from: at(d.range.start), to: at(d.range.end) }));
  view.dispatch(
    setDiagnostics(
      view.state,
      current.map(({ d, from, to }) => ({
        from,
        to,
        severity: d.severity === 1 ? "error" : d.severity === 2 ? "warning" : "info",
        source: typeof d.code === "string" ? d.code : undefined,
        message: d.message,
        actions: [{ name: d.data && d.data.fixes > 0 ? "修复…" : "操作…", apply: () => fixesFor(d) }],
      })),
    ),
  );
  showFindings(current, view, fixesFor);
  status("已检查");
}

// The server answers pull requests (textDocument/diagnostic), which this
// client advertises; it pushes instead to clients that do not. Both are
// handled: a pull after every pause in typing, and any push that comes.
const pushed = {
  clientCapabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
  notificationHandlers: {
    "textDocument/publishDiagnostics": (client, params) => {
      const file = client.workspace.getFile(params.uri);
      if (!file || (params.version != null && params.version !== file.version)) return true;
      render(params.diagnostics, file.doc);
      return true;
    },
  },
};

const PAUSE_MS = 300;
let pullTimer = -1;
let pullSeq = 0;
function schedulePull() {
  clearTimeout(pullTimer);
  pullTimer = setTimeout(pull, PAUSE_MS);
}
async function pull() {
  if (!view) return;
  client.sync();
  const file = client.workspace.getFile(URI);
  if (!file) return;
  const seq = ++pullSeq;
  const { version, doc } = file;
  status("检查中…");
  try {
    const res = await client.request("textDocument/diagnostic", { textDocument: { uri: URI } });
    // a later pull is on its way, or the text moved on: this answer is stale
    if (seq !== pullSeq || file.version !== version) return;
    render(res && res.items ? res.items : [], doc);
  } catch (e) {
    if (seq === pullSeq) status("检查失败：" + (e.message || e), true);
  }
}
const pullOnChange = ViewPlugin.define(() => ({
  update(u) {
    if (u.docChanged) {
      hideMenu();
      schedulePull();
    }
  },
}));

const client = new LSPClient({
  extensions: [serverCompletion(), hoverTooltips(), pushed],
  sanitizeHTML: sanitize,
  timeout: 30000,
});

/** A WorkspaceEdit's edits to this document as CodeMirror changes. */
function changesOf(edit) {
  let edits = (edit.changes && edit.changes[URI]) || [];
  for (const dc of edit.documentChanges || []) {
    if (dc.textDocument && dc.textDocument.uri === URI) edits = edits.concat(dc.edits);
  }
  const plugin = LSPPlugin.get(view);
  return edits
    .map((e) => ({ from: plugin.fromPosition(e.range.start), to: plugin.fromPosition(e.range.end), insert: e.newText }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
}

/** Asks the server for the actions over `range` and lists them. */
async function offer(range, diagnostics, heading) {
  client.sync();
  const version = client.workspace.getFile(URI).version;
  let actions;
  try {
    actions = (await client.request("textDocument/codeAction", { textDocument: { uri: URI }, range, context: { diagnostics } })) || [];
  } catch (e) {
    status("获取修复失败：" + (e.message || e), true);
    return;
  }
  // the menu is closed on every change, so offsets still fit the text
  if (client.workspace.getFile(URI).version !== version) return;
  const usable = actions.filter((a) => a.edit);
  showMenu(
    heading,
    usable.map((a) => ({
      title: a.title,
      run: () => {
        view.dispatch({ changes: changesOf(a.edit), userEvent: "input.fix", scrollIntoView: true });
        view.focus();
      },
    })),
  );
}

function fixesFor(d) {
  offer(d.range, [d], "修复：" + d.message);
}

function fixesAtCursor() {
  const plugin = LSPPlugin.get(view);
  const { from, to } = view.state.selection.main;
  const range = { start: plugin.toPosition(from), end: plugin.toPosition(to) };
  const here = current.filter((c) => c.from <= to && from <= c.to).map((c) => c.d);
  offer(range, here, view.state.doc.length ? "光标处的修复" : "空文档");
  return true;
}

function setText(text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 }, scrollIntoView: true });
}

/** The text nianbao checks for a file's bytes (the server reads .docx and .html). */
async function convert(name, body) {
  const res = await fetch("/api/open?name=" + encodeURIComponent(name), { method: "POST", body });
  const text = await res.text();
  if (!res.ok) throw new Error(text);
  return text;
}

let fileName = "年度报告.txt";
async function openFile(file) {
  status("正在读取 " + file.name + "…");
  try {
    setText(await convert(file.name, await file.arrayBuffer()));
    fileName = file.name.replace(/\.[^.]*$/, "") + ".txt";
    status("已打开 " + file.name);
  } catch (e) {
    status(e.message, true);
  }
}

function save() {
  // a BOM so that old Windows Notepad reads it as UTF-8; nianbao skips it
  const blob = new Blob(["\uFEFF" + view.state.doc.toString()], { type: "text/plain;charset=utf-8" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Word and WPS put tables on the clipboard as HTML; as plain text they lose their cells. */
function onPaste(event, v) {
  const html = event.clipboardData && event.clipboardData.getData("text/html");
  if (!html || !/<table[\s>]/i.test(html)) return false;
  event.preventDefault();
  const plain = event.clipboardData.getData("text/plain");
  const { from, to } = v.state.selection.main;
  const before = v.state.doc;
  const insert = (text) => {
    // the text may have changed while the server converted: then at the cursor
    const r = v.state.doc === before ? { from, to } : v.state.selection.main;
    v.dispatch({ changes: { from: r.from, to: r.to, insert: text }, selection: { anchor: r.from + text.length }, userEvent: "input.paste", scrollIntoView: true });
  };
  // the fragment has no declaration of its own; the clipboard is UTF-8
  convert("clipboard.html", '<meta charset="utf-8">' + html).then(insert, () => insert(plain));
  return true;
}

async function openExample() {
  const res = await fetch("/example.txt");
  setText(await res.text());
  fileName = "xiaye-2025-draft.txt";
}

async function main() {
  status("正在连接…");
  let transport;
  try {
    transport = await connect(`ws://${location.host}/lsp`);
  } catch {
    status("无法连接 nianbao：请确认 nianbao serve 仍在运行", true);
    return;
  }
  client.connect(transport);
  view = new EditorView({
    parent: $("editor"),
    state: EditorState.create({
      doc: "",
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        EditorView.lineWrapping,
        EditorState.tabSize.of(8),
        lintGutter(),
        keymap.of([{ key: "Mod-.", run: fixesAtCursor, preventDefault: true }, ...formatKeymap, ...searchKeymap, ...historyKeymap, ...defaultKeymap]),
        EditorView.domEventHandlers({ paste: onPaste }),
        client.plugin(URI, "plaintext"),
        pullOnChange,
      ],
    }),
  });
  await client.initializing;
  status("已连接");
  showFindings([], view, fixesFor);

  $("open").onclick = () => $("file").click();
  $("file").onchange = () => $("file").files[0] && openFile($("file").files[0]);
  $("save").onclick = save;
  $("fixes").onclick = fixesAtCursor;
  $("format").onclick = () => formatDocument(view);
  $("example").onclick = () => (location.hash === "#example" ? openExample() : (location.hash = "example"));
  window.addEventListener("hashchange", () => location.hash === "#example" && openExample());

  // a dropped file opens (capture phase: the editor would paste its bytes)
  const drop = $("drop");
  const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types).includes("Files");
  document.addEventListener("dragover", (e) => { if (hasFiles(e)) { e.preventDefault(); drop.hidden = false; } }, true);
  document.addEventListener("dragleave", (e) => { if (!e.relatedTarget) drop.hidden = true; }, true);
  document.addEventListener("drop", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.stopPropagation();
    drop.hidden = true;
    if (e.dataTransfer.files[0]) openFile(e.dataTransfer.files[0]);
  }, true);

  if (location.hash === "#example") await openExample();
  schedulePull();
  // for the browser test and the curious: the editor itself
  window.nianbao = { view, findings: () => current };
}

main();
