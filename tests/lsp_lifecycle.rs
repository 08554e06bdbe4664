//! Starting, stopping and what the server says about itself.

mod common;

use common::lsp::*;
use serde_json::{Value, json};
use std::time::Duration;

#[test]
fn initialize_advertises_every_feature() {
    let mut lsp = Lsp::spawn();
    let r = lsp.initialize(json!({}), None);
    let caps = &r["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16", "utf-16 unless the client offers utf-8");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    for key in ["hoverProvider", "documentSymbolProvider", "foldingRangeProvider", "inlayHintProvider"] {
        assert_eq!(caps[key], true, "{key}");
    }
    assert_eq!(caps["documentFormattingProvider"], true);
    assert_eq!(caps["documentRangeFormattingProvider"], true);
    assert!(caps["completionProvider"].is_object());
    let kinds: Vec<&str> =
        caps["codeActionProvider"]["codeActionKinds"].as_array().unwrap().iter().map(|k| k.as_str().unwrap()).collect();
    for k in ["quickfix", "refactor.rewrite", "source.fixAll.nianbao"] {
        assert!(kinds.contains(&k), "{k} in {kinds:?}");
    }
    assert_eq!(caps["diagnosticProvider"]["identifier"], "nianbao");
    assert_eq!(r["serverInfo"]["name"], "nianbao");
    assert!(lsp.shutdown_and_exit().success());
}

#[test]
fn shutdown_then_exit_is_status_0_even_with_stdin_open() {
    let mut lsp = Lsp::start();
    lsp.open("file:///tmp/nianbao-lifecycle/a.txt", "plaintext", &fixture("xiaye-2025-fixed.txt"), 1);
    lsp.diagnostics("file:///tmp/nianbao-lifecycle/a.txt", 1);
    let status = lsp.shutdown_and_exit();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn exit_without_shutdown_is_status_1() {
    let mut lsp = Lsp::start();
    lsp.notify("exit", Value::Null);
    assert_eq!(lsp.wait_exit().code(), Some(1));
}

#[test]
fn end_of_input_without_exit_is_status_1() {
    let mut lsp = Lsp::start();
    lsp.close_stdin();
    assert_eq!(lsp.wait_exit().code(), Some(1));
}

#[test]
fn stdio_flag_and_log_file() {
    let ws = Workspace::new();
    let log = ws.path("server.log");
    let log_arg = log.to_str().unwrap();
    let mut lsp = Lsp::spawn_with(&["lsp", "--stdio", "--log-file", log_arg], &[("RUST_LOG", "info")]);
    lsp.initialize(json!({}), None);
    assert!(lsp.shutdown_and_exit().success());
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("position encoding utf-16"), "{text}");
    assert!(text.contains("shutdown"), "{text}");
}

#[test]
fn documents_that_are_not_reports_get_no_diagnostics() {
    let ws = Workspace::new();
    let mut lsp = Lsp::start();
    let note = ws.uri("note.txt");
    let code = ws.uri("report.py");
    let report = ws.uri("report.txt");
    lsp.open(&note, "plaintext", "今天开会，收到申请件。\n会议纪要。\n", 1);
    // report text, but not a text document the server checks
    lsp.open(&code, "python", &fixture("xiaye-2025-draft.txt"), 1);
    lsp.open(&report, "plaintext", &fixture("xiaye-2025-draft.txt"), 1);
    assert!(!lsp.diagnostics(&report, 1).is_empty());
    // documentText answers after the opens are processed
    lsp.server_text(&note);
    let pushed = lsp.collect(Duration::from_millis(500), |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] != report
    });
    assert!(pushed.is_empty(), "{pushed:?}");
    let pulled = lsp.call("textDocument/diagnostic", json!({"textDocument": {"uri": note}}));
    assert_eq!(pulled["items"], json!([]));

    // a report that stops being one is cleared once, then left alone
    lsp.change(&report, 2, json!([{"text": "会议纪要。\n"}]));
    assert!(lsp.diagnostics(&report, 2).is_empty());
    lsp.change(&report, 3, json!([{"text": "会议纪要。\n补充。\n"}]));
    lsp.server_text(&report);
    let later = lsp.collect(Duration::from_millis(500), |m| m["method"] == "textDocument/publishDiagnostics");
    assert!(later.is_empty(), "{later:?}");
    assert!(lsp.shutdown_and_exit().success());
}
