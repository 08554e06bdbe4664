//! Bounded output from the server (issue 10, items 3 and 6): a hostile
//! document with thousands of findings publishes a bounded number of
//! diagnostics, a whole-document code-action request a bounded list, and a
//! storm of invalid settings a bounded number of pop-ups.

mod common;
use common::lsp::Lsp;
use serde_json::json;
use std::time::Duration;

/// The example report with 3 000 lines, each one malformed date
/// (`year/malformed`): 3 000 findings.
fn hostile() -> String {
    let base =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/xiaye-2025-fixed.txt"))
            .unwrap();
    let extra: String = (0..3000).map(|i| format!("（{i}）2025年13月完成了第{i}项工作。\n")).collect();
    format!("{base}\n{extra}")
}

#[test]
fn a_document_publishes_at_most_1000_diagnostics_and_says_how_many_more() {
    let mut s = Lsp::start();
    let uri = "file:///tmp/nianbao-bounds/hostile.txt";
    s.open(uri, "plaintext", &hostile(), 1);
    let diags = s.diagnostics(uri, 1);
    assert_eq!(diags.len(), 1001, "published {}", diags.len());
    let last = diags.last().unwrap()["message"].as_str().unwrap();
    assert!(last.contains("另有 2000 个问题未显示"), "{last}");
    assert!(diags[..1000].iter().all(|d| d["code"] == "year/malformed"));
    // pulled diagnostics are bounded the same way
    let pulled = s.call("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
    assert_eq!(pulled["items"].as_array().unwrap().len(), 1001);
}

#[test]
fn a_clean_document_gets_no_truncation_notice() {
    let mut s = Lsp::start();
    let uri = "file:///tmp/nianbao-bounds/few.txt";
    let base = hostile();
    let few: String = base.lines().take_while(|l| !l.starts_with("（0）")).collect::<Vec<_>>().join("\n");
    let text = format!("{few}\n（1）2025年13月完成了工作。\n");
    s.open(uri, "plaintext", &text, 1);
    let diags = s.diagnostics(uri, 1);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["code"], "year/malformed");
}

#[test]
fn a_whole_document_code_action_request_is_bounded() {
    let mut s = Lsp::start();
    let uri = "file:///tmp/nianbao-bounds/actions.txt";
    let text = hostile();
    let lines = text.lines().count();
    s.open(uri, "plaintext", &text, 1);
    s.diagnostics(uri, 1);
    let actions = s.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": lines + 1, "character": 0}},
               "context": {"diagnostics": []}}),
    );
    let n = actions.as_array().map_or(0, Vec::len);
    // 100 findings × (their fixes + one "disable") + rebuilds + fix-all;
    // without the bound this is one "disable" per finding, 3 000+
    assert!(n > 0 && n <= 2 * 100 + 10 + 1, "{n} code actions");
}

#[test]
fn a_storm_of_invalid_settings_shows_a_bounded_number_of_messages() {
    let mut s = Lsp::start();
    for i in 0..500 {
        // each invalid in its own way: 500 distinct problems
        s.notify("workspace/didChangeConfiguration", json!({"settings": {"nianbao": {"reportYear": 3000 + i}}}));
    }
    // and the same problem 100 times
    for _ in 0..100 {
        s.notify("workspace/didChangeConfiguration", json!({"settings": {"nianbao": {"reportYear": 1999}}}));
    }
    // the server is still responsive, and everything sent has been handled
    s.request("nianbao/documentText", json!({"textDocument": {"uri": "file:///none.txt"}}));
    let shown = s.collect(Duration::from_millis(500), |m| m["method"] == "window/showMessage");
    assert!(!shown.is_empty() && shown.len() <= 4, "{} pop-ups: {:?}", shown.len(), shown.first());
    let texts: Vec<&str> = shown.iter().filter_map(|m| m["params"]["message"].as_str()).collect();
    assert!(texts[0].contains("3000") && texts[0].contains("不是有效的报告年度"), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("暂停弹出提示")), "{texts:?}");
}
