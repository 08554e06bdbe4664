//! Hover, outline and folding answer from the newest finished analysis while
//! the current version waits for its own (a long analysis, a debounce): the
//! answers are the old snapshot's, placed in the current text, and nothing
//! for text that snapshot has not seen. Diagnostics still wait for the
//! current version. A 10 s debounce keeps the current version unanalysed
//! until a pull asks, so what answers is known without any timing.

mod common;

use common::lsp::*;
use serde_json::{Value, json};

/// A copy of `v` with every `line` inside a position moved by `by`.
fn shifted(v: &Value, by: i64) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, x)| {
                    let moved = match (k.as_str(), x.as_i64()) {
                        ("line" | "startLine" | "endLine", Some(n)) => json!(n + by),
                        _ => shifted(x, by),
                    };
                    (k.clone(), moved)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(|x| shifted(x, by)).collect()),
        other => other.clone(),
    }
}

fn start(ws: &Workspace, text: &str) -> (Lsp, String) {
    let mut lsp = Lsp::spawn();
    lsp.initialize(json!({}), Some(json!({"debounceMs": 10000})));
    let uri = ws.uri("draft.txt");
    lsp.open(&uri, "plaintext", text, 1);
    // the first version is analysed at once; its debounce then applies to edits
    assert!(!lsp.diagnostics(&uri, 1).is_empty());
    (lsp, uri)
}

struct Answers {
    hover: Value,
    symbols: Value,
    folds: Value,
}

fn ask(lsp: &mut Lsp, uri: &str, at: &Value) -> Answers {
    let doc = json!({"uri": uri});
    Answers {
        hover: lsp.call("textDocument/hover", json!({"textDocument": doc, "position": at})),
        symbols: lsp.call("textDocument/documentSymbol", json!({"textDocument": doc})),
        folds: lsp.call("textDocument/foldingRange", json!({"textDocument": doc})),
    }
}

/// A long draft: the fixture with its 总体情况 grown by many paragraphs.
fn big_draft() -> String {
    let draft = fixture("xiaye-2025-draft.txt");
    let at = draft.find("二、主动公开政府信息情况").unwrap();
    let extra = "本镇持续推进政务公开标准化规范化建设，完善公开目录，按时更新栏目内容。\n".repeat(3000);
    format!("{}{extra}{}", &draft[..at], &draft[at..])
}

#[test]
fn requests_answer_from_the_last_analysis_placed_in_the_edited_text() {
    let ws = Workspace::new();
    let text = big_draft();
    let (mut lsp, uri) = start(&ws, &text);
    // a table cell: its hover names the row and column
    let row = text.find("二、上年结转政府信息公开申请数量").unwrap();
    let cell = row + text[row..].find(char::is_numeric).unwrap();
    let unit = lsp.unit;
    let before = ask(&mut lsp, &uri, &position(&text, cell, unit));
    assert!(before.hover["contents"]["value"].as_str().is_some_and(|s| s.contains("行：")), "{}", before.hover);
    assert!(before.symbols.as_array().is_some_and(|s| !s.is_empty()));
    assert!(before.folds.as_array().is_some_and(|f| !f.is_empty()));

    // another title line added at the top: every old answer moves down a line
    let added = "上冶镇人民政府 2026 年政府信息公开工作年度报告\n";
    lsp.change(
        &uri,
        2,
        json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "text": added}]),
    );
    let edited = format!("{added}{text}");
    let now = ask(&mut lsp, &uri, &position(&edited, cell + added.len(), unit));
    assert_eq!(now.hover, shifted(&before.hover, 1));
    assert_eq!(now.symbols, shifted(&before.symbols, 1));
    assert_eq!(now.folds, shifted(&before.folds, 1));
    // the added line is text the last analysis has not seen
    let inside =
        lsp.call("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}}));
    assert_eq!(inside, Value::Null);

    // diagnostics wait for the current version; the outline then is its own
    let pulled = lsp.call("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
    assert!(pulled["items"].as_array().is_some_and(|d| !d.is_empty()), "{pulled}");
    let fresh = lsp.call("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    assert_ne!(fresh, now.symbols, "the new version's outline has the added title");
}

#[test]
fn a_replaced_text_gets_no_answer_until_it_is_analysed() {
    let ws = Workspace::new();
    let text = big_draft();
    let (mut lsp, uri) = start(&ws, &text);
    let row = text.find("二、上年结转政府信息公开申请数量").unwrap();
    let cell = position(&text, row + text[row..].find(char::is_numeric).unwrap(), lsp.unit);
    assert_ne!(ask(&mut lsp, &uri, &cell).hover, Value::Null);

    // the whole text sent again (an editor without incremental sync, a paste
    // over everything): the old analysis maps to none of it
    lsp.change(&uri, 2, json!([{"text": format!("{text}\n")}]));
    let now = ask(&mut lsp, &uri, &cell);
    assert_eq!(now.hover, Value::Null);
    assert_eq!(now.symbols, json!([]));
    assert_eq!(now.folds, json!([]));

    lsp.call("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
    let analysed = ask(&mut lsp, &uri, &cell);
    assert_ne!(analysed.hover, Value::Null, "answers again once the new text is analysed");
    assert!(analysed.symbols.as_array().is_some_and(|s| !s.is_empty()));
}
