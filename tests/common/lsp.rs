//! Driving the real `nianbao lsp` binary over stdio with JSON-RPC framing.
//!
//! A reader thread parses `Content-Length` frames and answers the server's
//! own requests (`workspace/configuration`, `client/registerCapability`);
//! every wait has a timeout, so a hung server fails the test instead of
//! blocking it.

#![allow(dead_code)]

use nianbao_core::{ColumnUnit, LineIndex, Span};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const TIMEOUT: Duration = Duration::from_secs(30);

pub struct Lsp {
    child: Child,
    stdin: Arc<Mutex<Option<ChildStdin>>>,
    rx: Receiver<Value>,
    backlog: Vec<Value>,
    next_id: i64,
    /// What the fake client answers to `workspace/configuration`.
    pub configuration: Arc<Mutex<Value>>,
    /// Columns the server negotiated (set by `initialize`).
    pub unit: ColumnUnit,
    /// Holds the rule-doc cache (`XDG_CACHE_HOME`) for this server.
    pub cache: tempfile::TempDir,
}

fn write_frame(stdin: &Mutex<Option<ChildStdin>>, msg: &Value) {
    let body = serde_json::to_vec(msg).unwrap();
    let mut guard = stdin.lock().unwrap();
    if let Some(w) = guard.as_mut() {
        // a server that already exited is reported by the waits, not here
        let _ = w.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
        let _ = w.write_all(&body);
        let _ = w.flush();
    }
}

/// One JSON-RPC message from a Content-Length framed stream.
pub fn read_frame(r: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            len = v.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; len?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn reader(
    stdout: impl Read,
    tx: Sender<Value>,
    stdin: Arc<Mutex<Option<ChildStdin>>>,
    configuration: Arc<Mutex<Value>>,
) {
    let mut r = BufReader::new(stdout);
    while let Some(msg) = read_frame(&mut r) {
        if let (Some(id), Some(method)) = (msg.get("id"), msg.get("method").and_then(Value::as_str)) {
            let result = match method {
                "workspace/configuration" => {
                    let n = msg["params"]["items"].as_array().map_or(1, Vec::len);
                    Value::Array(vec![configuration.lock().unwrap().clone(); n])
                }
                _ => Value::Null,
            };
            write_frame(&stdin, &json!({"jsonrpc": "2.0", "id": id, "result": result}));
        }
        if tx.send(msg).is_err() {
            return;
        }
    }
}

impl Lsp {
    pub fn spawn() -> Lsp {
        Lsp::spawn_with(&["lsp"], &[])
    }

    pub fn spawn_with(args: &[&str], env: &[(&str, &str)]) -> Lsp {
        let cache = tempfile::tempdir().unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_nianbao"));
        cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::inherit());
        cmd.env("XDG_CACHE_HOME", cache.path());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("spawn nianbao lsp");
        let stdin = Arc::new(Mutex::new(child.stdin.take()));
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        let configuration = Arc::new(Mutex::new(Value::Null));
        {
            let (stdin, configuration) = (stdin.clone(), configuration.clone());
            std::thread::spawn(move || reader(stdout, tx, stdin, configuration));
        }
        Lsp { child, stdin, rx, backlog: Vec::new(), next_id: 0, configuration, unit: ColumnUnit::Utf16, cache }
    }

    /// The server's process id (tests read /proc/<pid>/status).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Send a request without waiting; its id, for `response` or a cancel.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// The response to a request sent with `send_request`.
    pub fn response(&mut self, id: i64) -> Value {
        self.expect(&format!("the response to request {id}"), |m| m["id"] == json!(id) && m.get("method").is_none())
    }

    pub fn send(&self, msg: &Value) {
        write_frame(&self.stdin, msg);
    }

    pub fn notify(&self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The first message (already received or arriving within `timeout`)
    /// that satisfies `pred`; others are kept for later waits.
    pub fn wait_for(&mut self, timeout: Duration, pred: impl Fn(&Value) -> bool) -> Option<Value> {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return Some(self.backlog.remove(i));
        }
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(m) if pred(&m) => return Some(m),
                Ok(m) => self.backlog.push(m),
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => {
                    return None;
                }
            }
        }
    }

    pub fn expect(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        self.wait_for(TIMEOUT, pred).unwrap_or_else(|| panic!("timed out waiting for {what}"))
    }

    /// Send a request; its whole response (`result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.expect(&format!("the response to {method}"), |m| m["id"] == json!(id) && m.get("method").is_none())
    }

    /// Send a request that must succeed; its result.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let r = self.request(method, params);
        assert!(r.get("error").is_none(), "{method} failed: {r}");
        r["result"].clone()
    }

    /// `initialize` with these client capabilities and options, then
    /// `initialized`. Nothing is sent before the response arrives.
    pub fn initialize(&mut self, capabilities: Value, options: Option<Value>) -> Value {
        let mut params = json!({"processId": null, "rootUri": null, "capabilities": capabilities});
        if let Some(o) = options {
            params["initializationOptions"] = o;
        }
        let result = self.call("initialize", params);
        self.unit = match result["capabilities"]["positionEncoding"].as_str() {
            Some("utf-8") => ColumnUnit::Utf8,
            _ => ColumnUnit::Utf16,
        };
        self.notify("initialized", json!({}));
        result
    }

    pub fn start() -> Lsp {
        let mut s = Lsp::spawn();
        s.initialize(json!({}), None);
        s
    }

    pub fn open(&self, uri: &str, language: &str, text: &str, version: i64) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
        );
    }

    pub fn change(&self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    /// The diagnostics pushed for `uri` at `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let m = self.expect(&format!("diagnostics for {uri} v{version}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == json!(version)
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }

    /// Every message received so far (and within `settle`) for which `pred` holds.
    pub fn collect(&mut self, settle: Duration, pred: impl Fn(&Value) -> bool) -> Vec<Value> {
        let deadline = Instant::now() + settle;
        while let Ok(m) = self.rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            self.backlog.push(m);
        }
        let (hit, rest): (Vec<Value>, Vec<Value>) =
            std::mem::take(&mut self.backlog).into_iter().partition(|m| pred(m));
        self.backlog = rest;
        hit
    }

    /// The server's own copy of a document.
    pub fn server_text(&mut self, uri: &str) -> String {
        let r = self.call("nianbao/documentText", json!({"textDocument": {"uri": uri}}));
        r["text"].as_str().unwrap_or_else(|| panic!("{uri} is not open: {r}")).to_string()
    }

    pub fn close_stdin(&self) {
        self.stdin.lock().unwrap().take();
    }

    /// Wait for the process to end; kill it (and fail) after `TIMEOUT`.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("server did not exit");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// `shutdown` then `exit`, with stdin left open (some editors never
    /// close it); the exit status.
    pub fn shutdown_and_exit(mut self) -> ExitStatus {
        assert_eq!(self.call("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        self.wait_exit()
    }
}

impl Drop for Lsp {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

// ------------------------------------------------------------ the client's model

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name)).unwrap()
}

/// A scratch directory and `file:` URIs inside it.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace { dir: tempfile::tempdir().unwrap() }
    }
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    pub fn uri(&self, name: &str) -> String {
        format!("file://{}", self.path(name).display())
    }
    pub fn write(&self, name: &str, text: &str) {
        std::fs::write(self.path(name), text).unwrap();
    }
}

pub fn position(text: &str, offset: usize, unit: ColumnUnit) -> Value {
    let (line, character) = LineIndex::new(text).position(text, offset, unit);
    json!({"line": line, "character": character})
}

pub fn range(text: &str, span: Span, unit: ColumnUnit) -> Value {
    json!({"start": position(text, span.start, unit), "end": position(text, span.end, unit)})
}

pub fn offset(text: &str, pos: &Value, unit: ColumnUnit) -> usize {
    let (line, col) = (pos["line"].as_u64().unwrap() as usize, pos["character"].as_u64().unwrap() as usize);
    LineIndex::new(text).offset(text, line, col, unit)
}

/// Apply LSP text edits (all against `text`, as the protocol defines them).
pub fn apply_edits(text: &str, edits: &[Value], unit: ColumnUnit) -> String {
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            let (a, b) = (offset(text, &e["range"]["start"], unit), offset(text, &e["range"]["end"], unit));
            (a, b, e["newText"].as_str().unwrap())
        })
        .collect();
    spans.sort_by_key(|&(a, b, _)| (a, b));
    for w in spans.windows(2) {
        assert!(w[0].1 <= w[1].0, "overlapping edits {:?} {:?}", w[0], w[1]);
    }
    let mut out = text.to_string();
    for (a, b, t) in spans.into_iter().rev() {
        out.replace_range(a..b, t);
    }
    out
}

/// The edits a code action makes to `uri`.
pub fn action_edits(action: &Value, uri: &str) -> Vec<Value> {
    assert!(action.get("command").is_none(), "actions must not need client commands: {action}");
    action["edit"]["changes"][uri].as_array().unwrap_or_else(|| panic!("no edit for {uri}: {action}")).clone()
}

/// Send a client-side edit the way editors do: one incremental change per
/// text edit, from the end of the document backwards so earlier positions
/// stay valid.
pub fn send_edits(lsp: &Lsp, uri: &str, version: i64, text: &str, edits: &[Value]) -> String {
    let mut sorted: Vec<&Value> = edits.iter().collect();
    sorted.sort_by_key(|e| std::cmp::Reverse(offset(text, &e["range"]["start"], lsp.unit)));
    let changes: Vec<Value> = sorted.iter().map(|e| json!({"range": e["range"], "text": e["newText"]})).collect();
    lsp.change(uri, version, Value::Array(changes));
    apply_edits(text, edits, lsp.unit)
}

pub fn codes(diags: &[Value]) -> Vec<String> {
    diags.iter().map(|d| d["code"].as_str().unwrap().to_string()).collect()
}

/// Code actions at a range, as a list.
pub fn actions(lsp: &mut Lsp, uri: &str, range: Value, only: Option<Value>) -> Vec<Value> {
    let mut context = json!({"diagnostics": []});
    if let Some(o) = only {
        context["only"] = o;
    }
    let r =
        lsp.call("textDocument/codeAction", json!({"textDocument": {"uri": uri}, "range": range, "context": context}));
    r.as_array().cloned().unwrap_or_default()
}

pub fn titled<'a>(actions: &'a [Value], prefix: &str) -> &'a Value {
    actions
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with(prefix)))
        .unwrap_or_else(|| panic!("no action starting with {prefix}: {:#}", Value::Array(actions.to_vec())))
}

/// Code actions at a byte span of the client's text.
pub fn actions_at(lsp: &mut Lsp, uri: &str, text: &str, span: Span, only: Option<Value>) -> Vec<Value> {
    let r = range(text, span, lsp.unit);
    actions(lsp, uri, r, only)
}

/// A started server with one document open: the server, the scratch
/// directory holding the document (keep it alive) and the document's URI.
pub fn with_document(name: &str, language: &str, text: &str) -> (Lsp, Workspace, String) {
    let ws = Workspace::new();
    let uri = ws.uri(name);
    let lsp = Lsp::start();
    lsp.open(&uri, language, text, 1);
    (lsp, ws, uri)
}
