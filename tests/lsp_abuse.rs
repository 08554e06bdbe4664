//! Protocol abuse over stdio. Each test sends the real `nianbao lsp` binary
//! something a well-behaved client never would, checks that it is answered
//! with a JSON-RPC error or ignored with a log line, and then proves the
//! server still serves by a successful request.
//!
//! The shared harness (tests/common/lsp.rs) only speaks well-formed frames,
//! so this file has its own small client that can write raw bytes.

mod common;
use common::lsp::read_frame;
use serde_json::{Value, json};
use std::io::{BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

// Generous: a debug build takes most of a minute to analyse the 1 MB line.
const TIMEOUT: Duration = Duration::from_secs(180);

struct Raw {
    child: Child,
    stdin: Arc<Mutex<ChildStdin>>,
    rx: Receiver<Value>,
    backlog: Vec<Value>,
    next_id: i64,
    dir: tempfile::TempDir,
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

impl Raw {
    fn spawn() -> Raw {
        let dir = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .args(["lsp", "--log-file"])
            .arg(dir.path().join("server.log"))
            .env("XDG_CACHE_HOME", dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn nianbao lsp");
        let stdin = Arc::new(Mutex::new(child.stdin.take().unwrap()));
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        let replies = stdin.clone();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(msg) = read_frame(&mut r) {
                // The server's own requests (configuration, registrations)
                // get empty answers so it never waits on us.
                if let (Some(id), Some(method)) = (msg.get("id"), msg.get("method").and_then(Value::as_str)) {
                    let result = if method == "workspace/configuration" {
                        Value::Array(vec![Value::Null; msg["params"]["items"].as_array().map_or(1, Vec::len)])
                    } else {
                        Value::Null
                    };
                    let reply = json!({"jsonrpc": "2.0", "id": id, "result": result});
                    let _ = replies.lock().unwrap().write_all(&frame(&serde_json::to_vec(&reply).unwrap()));
                }
                if tx.send(msg).is_err() {
                    return;
                }
            }
        });
        Raw { child, stdin, rx, backlog: Vec::new(), next_id: 1000, dir }
    }

    fn started() -> Raw {
        let mut s = Raw::spawn();
        let r = s.request("initialize", json!({"processId": null, "rootUri": null, "capabilities": {}}));
        assert!(r.get("result").is_some(), "initialize failed: {r}");
        s.notify("initialized", json!({}));
        s
    }

    fn raw(&self, bytes: &[u8]) {
        let mut w = self.stdin.lock().unwrap();
        w.write_all(bytes).unwrap();
        w.flush().unwrap();
    }

    fn send(&self, msg: &Value) {
        self.raw(&frame(&serde_json::to_vec(msg).unwrap()));
    }

    fn notify(&self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn wait_for(&mut self, timeout: Duration, pred: impl Fn(&Value) -> bool) -> Option<Value> {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return Some(self.backlog.remove(i));
        }
        let deadline = Instant::now() + timeout;
        loop {
            match self.rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(m) if pred(&m) => return Some(m),
                Ok(m) => self.backlog.push(m),
                Err(_) => return None,
            }
        }
    }

    fn response(&mut self, id: &Value) -> Value {
        let id = id.clone();
        self.wait_for(TIMEOUT, |m| m.get("id") == Some(&id) && m.get("method").is_none())
            .unwrap_or_else(|| panic!("no response to request {id} (server alive: {})", self.alive_process()))
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = json!(self.next_id);
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.response(&id)
    }

    fn alive_process(&mut self) -> bool {
        self.child.try_wait().ok().flatten().is_none()
    }

    fn open(&self, uri: &str, text: &str, version: i64) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": version, "text": text}}),
        );
    }

    /// The server's copy of a document; the successful request every test
    /// ends with.
    fn text(&mut self, uri: &str) -> String {
        let r = self.request("nianbao/documentText", json!({"textDocument": {"uri": uri}}));
        r["result"]["text"].as_str().unwrap_or_else(|| panic!("documentText for {uri} failed: {r}")).to_owned()
    }

    /// Opens a fresh small document and reads it back: the server parses
    /// frames, dispatches notifications and answers requests.
    fn still_serving(&mut self) {
        let uri = format!("file:///still/serving/{}.txt", self.next_id);
        self.open(&uri, "一、总体情况\n", 1);
        assert_eq!(self.text(&uri), "一、总体情况\n");
        assert!(self.alive_process());
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }
}

impl Drop for Raw {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn error_code(r: &Value) -> i64 {
    r["error"]["code"].as_i64().unwrap_or_else(|| panic!("expected a JSON-RPC error, got {r}"))
}

#[test]
fn malformed_json_is_a_parse_error() {
    let mut s = Raw::started();
    s.raw(&frame(br#"{"jsonrpc": "2.0", "id": 1, "method": "#));
    s.raw(&frame(b"\xff\xfe not even utf-8"));
    s.raw(&frame(br#"[1, 2, 3]"#));
    s.raw(&frame(br#"{"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": "not an object"}"#));
    // The last one is well-formed JSON-RPC with bad params: InvalidParams.
    let r = s.response(&json!(7));
    assert_eq!(error_code(&r), -32602, "{r}");
    s.still_serving();
    // the first three never reach a handler: dropped with a log line each
    assert_eq!(s.log().matches("dropped from the client's input").count(), 3, "{}", s.log());
}

#[test]
fn a_wrong_content_length_costs_at_most_the_next_message() {
    let mut s = Raw::started();
    // Too short: the body is cut, and its tail is garbage before the next header.
    let body = serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": 1, "method": "nianbao/documentText", "params": {}}))
        .unwrap();
    let mut bad = format!("Content-Length: {}\r\n\r\n", body.len() - 10).into_bytes();
    bad.extend_from_slice(&body);
    s.raw(&bad);
    // Not a number, and no header at all.
    s.raw(b"Content-Length: lots\r\n\r\n{}");
    s.raw(b"\r\n\r\n{\"jsonrpc\": \"2.0\", \"method\": \"initialized\"}");
    // Too long: the server reads into whatever follows. A padding
    // notification (the server ignores `$/` notifications it does not
    // know) absorbs the overrun, as one lost message is unavoidable.
    let body = br#"{"jsonrpc": "2.0", "method": "$/nothing"}"#;
    let mut bad = format!("Content-Length: {}\r\n\r\n", body.len() + 40).into_bytes();
    bad.extend_from_slice(body);
    s.raw(&bad);
    s.notify("$/padding", json!({"pad": "x".repeat(100)}));
    s.still_serving();
    assert!(s.log().contains("dropped from the client's input"), "{}", s.log());
}

#[test]
fn unknown_methods_are_method_not_found_or_ignored() {
    let mut s = Raw::started();
    let r = s.request("nianbao/noSuchThing", json!({}));
    assert_eq!(error_code(&r), -32601, "{r}");
    let r = s.request("textDocument/noSuchThing", json!({"textDocument": {"uri": "file:///x.txt"}}));
    assert_eq!(error_code(&r), -32601, "{r}");
    // notifications have no reply to give; `$/` ones may be dropped silently
    s.notify("nianbao/noSuchNotification", json!({}));
    s.notify("$/noSuchNotification", json!({}));
    s.still_serving();
}

#[test]
fn requests_before_initialize_are_refused_then_initialize_works() {
    let mut s = Raw::spawn();
    let r = s.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///a.txt"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(error_code(&r), -32002, "ServerNotInitialized expected: {r}");
    let r = s.request("nianbao/documentText", json!({"textDocument": {"uri": "file:///a.txt"}}));
    assert_eq!(error_code(&r), -32002, "{r}");
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": "file:///a.txt", "languageId": "plaintext", "version": 1, "text": "x"}}),
    );
    let r = s.request("initialize", json!({"processId": null, "rootUri": null, "capabilities": {}}));
    assert!(r.get("result").is_some(), "{r}");
    s.notify("initialized", json!({}));
    // a second initialize is an error too (InvalidRequest)
    let r = s.request("initialize", json!({"processId": null, "rootUri": null, "capabilities": {}}));
    assert!(r.get("error").is_some(), "{r}");
    s.still_serving();
}

#[test]
fn documents_never_opened() {
    let mut s = Raw::started();
    let uri = "file:///never/opened.txt";
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "x"}]}),
    );
    s.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    let at = json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}});
    for method in ["textDocument/hover", "textDocument/completion", "textDocument/inlayHint"] {
        let mut params = at.clone();
        params["range"] = json!({"start": {"line": 0, "character": 0}, "end": {"line": 1, "character": 0}});
        let r = s.request(method, params);
        assert!(r.get("error").is_some() || r["result"].is_null(), "{method}: {r}");
    }
    let r = s.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
    assert!(r.get("error").is_some() || r["result"]["items"] == json!([]), "{r}");
    let r = s.request("nianbao/documentText", json!({"textDocument": {"uri": uri}}));
    assert!(r.get("error").is_some() || r["result"].is_null(), "{r}");
    s.still_serving();
    assert!(s.log().contains("not open"), "didChange for an unknown document is logged:\n{}", s.log());
}

#[test]
fn positions_past_the_end_of_a_line_and_of_the_document() {
    let mut s = Raw::started();
    let uri = "file:///past/end.txt";
    let text = "一、总体情况\r\n𠮷𠮷\n";
    s.open(uri, text, 1);
    let far = [
        json!({"line": 0, "character": 1_000_000}),
        json!({"line": 1, "character": 3}),
        json!({"line": 99, "character": 0}),
        json!({"line": u32::MAX, "character": u32::MAX}),
    ];
    for p in &far {
        let at = json!({"textDocument": {"uri": uri}, "position": p});
        let r = s.request("textDocument/hover", at.clone());
        assert!(r.get("result").is_some(), "hover at {p}: {r}");
        let r = s.request("textDocument/completion", at);
        assert!(r.get("result").is_some(), "completion at {p}: {r}");
        let range = json!({"start": p, "end": p});
        let r = s.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": []}}),
        );
        assert!(r.get("result").is_some(), "codeAction at {p}: {r}");
    }
    // Edits clamp: past a line's end means its end (before CRLF), inside a
    // surrogate pair means the pair's start, past the document its end.
    let change = |range: Value, text: &str| json!({"range": range, "text": text});
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            change(json!({"start": {"line": 0, "character": 500}, "end": {"line": 0, "character": 600}}), "！"),
            change(json!({"start": {"line": 1, "character": 3}, "end": {"line": 1, "character": 3}}), "|"),
            change(json!({"start": {"line": 4_000_000_000u32, "character": 0}, "end": {"line": 4_000_000_000u32, "character": 9}}), "末"),
        ]}),
    );
    assert_eq!(s.text(uri), "一、总体情况！\r\n𠮷|𠮷\n末");
    s.still_serving();
}

#[test]
fn versions_going_backwards_are_applied_in_arrival_order() {
    // The protocol says versions only increase. Dropping an out-of-order
    // incremental change would leave the server's text different from the
    // editor's for the rest of the session, so the server applies changes
    // in the order they arrive whatever their version; what matters here is
    // that the text stays right and the server keeps serving.
    let mut s = Raw::started();
    let uri = "file:///versions.txt";
    s.open(uri, "abc", 10);
    let at_end = |n: usize| json!({"start": {"line": 0, "character": n}, "end": {"line": 0, "character": n}});
    for (version, n, t) in [(9, 3, "d"), (3, 4, "e"), (-5, 5, "f"), (i64::from(i32::MAX), 6, "g")] {
        s.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"range": at_end(n), "text": t}]}),
        );
    }
    assert_eq!(s.text(uri), "abcdefg");
    // reopening an open document replaces it
    s.open(uri, "new", 1);
    assert_eq!(s.text(uri), "new");
    s.still_serving();
}

#[test]
fn nul_and_control_characters() {
    let mut s = Raw::started();
    let uri = "file:///control.txt";
    let mut text: String = (0u8..0x20).map(char::from).collect();
    text.push_str("\u{7f}\u{80}\u{9f}\u{fffe}\u{ffff}\u{feff}\u{2028}\u{2029}\u{85}\u{200b}\u{202e}一、总体情况\0\n三、收到和处理政府信息公开申请情况\0");
    s.open(uri, &text, 1);
    assert_eq!(s.text(uri), text);
    let r = s.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
    assert!(r.get("result").is_some(), "{r}");
    let r = s.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    assert!(r.get("result").is_some(), "{r}");
    // a NUL escaped in a change too
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "text": "\u{0}\u{1b}[31m"}
        ]}),
    );
    let mut expected = text.clone();
    expected.replace_range(0..1, "\u{0}\u{1b}[31m");
    assert_eq!(s.text(uri), expected);
    s.still_serving();
}

#[test]
fn a_single_one_megabyte_line() {
    let mut s = Raw::started();
    let uri = "file:///one-line.txt";
    let mut text = String::from("XX市人民政府2025年政府信息公开工作年度报告 ");
    while text.len() < 1 << 20 {
        text.push_str("本年新收政府信息公开申请13件，𠮷0\t");
    }
    s.open(uri, &text, 1);
    let units = text.encode_utf16().count();
    let end = json!({"line": 0, "character": units});
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": {"start": end, "end": end}, "text": "。"}]}),
    );
    text.push('。');
    for character in [0, units / 2, units / 2 + 1, units] {
        let r = s.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": character}}),
        );
        assert!(r.get("result").is_some(), "{r}");
    }
    let r = s.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
    assert!(r.get("result").is_some(), "{r}");
    assert_eq!(s.text(uri), text);
    s.still_serving();
}

#[test]
fn a_fifty_megabyte_document() {
    let mut s = Raw::started();
    let uri = "file:///big.txt";
    let line = "一、本年新收政府信息公开申请数量\t10\t3\t0\t0\t0\t0\t13\n";
    let text = line.repeat((50 << 20) / line.len() + 1);
    assert!(text.len() >= 50 << 20);
    s.open(uri, &text, 1);
    // The text arrives whole and edits still apply; analysis of it may take
    // its time on a worker thread but must not block the message loop.
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "text": "二"}
        ]}),
    );
    let started = Instant::now();
    s.still_serving();
    assert!(started.elapsed() < Duration::from_secs(30), "a small request waited {:?}", started.elapsed());
    let got = s.text(uri);
    assert_eq!(got.len(), text.len());
    assert!(got.starts_with("二、本年新收"));
    s.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    s.still_serving();
}
