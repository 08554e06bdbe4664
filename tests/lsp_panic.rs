//! Panic isolation (needs `--features test-panic`): a panicking request is
//! answered with InternalError, a panicking analysis publishes nothing, and
//! the server keeps serving either way.

#![cfg(feature = "test-panic")]

mod common;

use common::lsp::*;
use serde_json::{Value, json};
use std::time::Duration;

const INTERNAL_ERROR: i64 = -32603;

#[test]
fn a_panicking_request_is_answered_with_an_error() {
    let ws = Workspace::new();
    let log = ws.path("server.log");
    let mut lsp = Lsp::spawn_with(&["lsp", "--log-file", log.to_str().unwrap()], &[]);
    lsp.initialize(json!({}), None);
    for _ in 0..3 {
        let r = lsp.request("nianbao/debugPanic", Value::Null);
        assert_eq!(r["error"]["code"], INTERNAL_ERROR, "{r}");
    }
    // still serving
    let uri = ws.uri("a.txt");
    lsp.open(&uri, "plaintext", &fixture("xiaye-2025-draft.txt"), 1);
    assert!(!lsp.diagnostics(&uri, 1).is_empty());
    assert!(lsp.shutdown_and_exit().success());
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(logged.contains("nianbao/debugPanic requested"), "the panic hook logs through tracing: {logged}");
}

#[test]
fn a_panicking_analysis_is_isolated() {
    let ws = Workspace::new();
    let (bad, good) = (ws.uri("bad.txt"), ws.uri("good.txt"));
    let draft = fixture("xiaye-2025-draft.txt");
    let poisoned = format!("{draft}\nNIANBAO_PANIC\n");
    let mut lsp = Lsp::start();
    lsp.open(&bad, "plaintext", &poisoned, 1);
    let hover = lsp
        .request("textDocument/hover", json!({"textDocument": {"uri": bad}, "position": {"line": 2, "character": 1}}));
    assert_eq!(hover["error"]["code"], INTERNAL_ERROR, "{hover}");
    let pushed = lsp.collect(Duration::from_millis(300), |m| m["params"]["uri"] == bad.as_str());
    assert!(pushed.is_empty(), "{pushed:?}");

    // other documents are unaffected
    lsp.open(&good, "plaintext", &draft, 1);
    assert!(!lsp.diagnostics(&good, 1).is_empty());

    // removing the trigger brings the document back
    let line = poisoned.lines().count() - 1;
    let r = json!({"start": {"line": line, "character": 0}, "end": {"line": line, "character": 13}});
    lsp.change(&bad, 2, json!([{"range": r, "text": ""}]));
    assert!(!lsp.diagnostics(&bad, 2).is_empty());
    assert_eq!(lsp.server_text(&bad), format!("{draft}\n\n"));
    assert!(lsp.shutdown_and_exit().success());
}
