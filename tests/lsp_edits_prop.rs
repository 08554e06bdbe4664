//! Property: random incremental edits sent to the real server leave its
//! text identical to a naive client-side model (tests/oracles: a flat
//! vector of UTF-16 units or UTF-8 bytes), and the diagnostics it then
//! serves on a pull equal `nianbao_core::analyze` run from scratch on that text.
//!
//! Edits aim at what breaks position arithmetic: both halves of surrogate
//! pairs, the gap inside CRLF, lone CR joining a following LF, U+2028,
//! columns and lines past the end, reversed ranges, and several changes in
//! one notification (each applies to the result of the previous one).

mod common;
mod oracles;

use common::lsp::{Lsp, Workspace};
use nianbao_core::span::ColumnUnit;
use nianbao_core::text_edit::Pos;
use nianbao_core::{Config, LineIndex};
use oracles::Reference;
use proptest::prelude::*;
use serde_json::{Value, json};

const PIECES: &[&str] = &[
    "",
    "0",
    "１２",
    "年",
    "𠮷",
    "😀",
    "\n",
    "\r",
    "\r\n",
    "\u{2028}",
    "\t",
    "e\u{301}",
    "件",
    "总计\t",
    "一、总体情况\n",
];

/// An edit in abstract numbers, resolved against the current text when it
/// is applied (line and column are taken modulo what exists, plus a margin
/// past the end).
#[derive(Debug, Clone)]
struct Change {
    line: u16,
    col: u16,
    span_lines: u8,
    end_col: u16,
    pieces: Vec<u8>,
    /// Send with the previous change in one didChange.
    batch: bool,
}

fn change() -> impl Strategy<Value = Change> {
    (any::<u16>(), any::<u16>(), 0u8..3, any::<u16>(), prop::collection::vec(any::<u8>(), 0..4), any::<bool>())
        .prop_map(|(line, col, span_lines, end_col, pieces, batch)| Change {
            line,
            col,
            span_lines,
            end_col,
            pieces,
            batch,
        })
}

fn resolve(c: &Change, model: &Reference) -> (Pos, Pos, String) {
    let lines = model.line_starts().len();
    let width = |l: usize| model.line_bounds(l).map_or(0, |(s, e)| e - s);
    let line = usize::from(c.line) % (lines + 1);
    let col = usize::from(c.col) % (width(line) + 2);
    let end_line = line + usize::from(c.span_lines);
    let end_col = usize::from(c.end_col) % (width(end_line) + 2);
    let text = c.pieces.iter().map(|&p| PIECES[usize::from(p) % PIECES.len()]).collect();
    // a reversed range now and then: end before start on the same line
    let (start, end) = if c.span_lines == 0 && c.end_col % 7 == 0 {
        (Pos::new(line, col), Pos::new(line, col.saturating_sub(usize::from(c.end_col % 3))))
    } else {
        (Pos::new(line, col), Pos::new(end_line, end_col))
    };
    (start, end, text)
}

fn pos(p: Pos) -> Value {
    json!({"line": p.line, "character": p.col})
}

/// The server's pulled diagnostics as comparable tuples.
fn pulled(lsp: &mut Lsp, uri: &str) -> Vec<(String, Value, String)> {
    let r = lsp.call("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
    let mut v: Vec<_> = r["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (d["code"].as_str().unwrap().to_owned(), d["range"].clone(), d["message"].as_str().unwrap().to_owned())
        })
        .collect();
    v.sort_by(|a, b| (&a.0, a.1.to_string(), &a.2).cmp(&(&b.0, b.1.to_string(), &b.2)));
    v
}

/// What the server should say about `text`, computed from scratch.
fn expected(text: &str, unit: ColumnUnit) -> Vec<(String, Value, String)> {
    // analyze_checked also fails on a rule that panicked: the server hides
    // such a panic (it only loses that rule's findings), and so would a
    // plain comparison, since both sides lose the same findings.
    let analysis = oracles::analyze_checked(text, &Config::default());
    // the server stays quiet on documents that do not look like reports
    if !analysis.report.looks_like_report() {
        return Vec::new();
    }
    let index = LineIndex::new(text);
    let p = |o: usize| {
        let (line, character) = index.position(text, o, unit);
        json!({"line": line, "character": character})
    };
    let mut v: Vec<_> = analysis
        .findings
        .iter()
        .map(|f| (f.rule.to_owned(), json!({"start": p(f.span.start), "end": p(f.span.end)}), f.message.clone()))
        .collect();
    v.sort_by(|a, b| (&a.0, a.1.to_string(), &a.2).cmp(&(&b.0, b.1.to_string(), &b.2)));
    v
}

fn run(initial: &str, utf8: bool, changes: &[Change]) {
    let mut lsp = Lsp::spawn();
    let caps = if utf8 { json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}) } else { json!({}) };
    lsp.initialize(caps, None);
    let unit = lsp.unit;
    assert_eq!(unit == ColumnUnit::Utf8, utf8);
    let ws = Workspace::new();
    let uri = ws.uri("draft.txt");
    lsp.open(&uri, "plaintext", initial, 1);
    let mut model = Reference::new(initial, unit);
    let mut version = 1;
    let mut batch: Vec<Value> = Vec::new();
    for c in changes {
        if !c.batch && !batch.is_empty() {
            version += 1;
            lsp.change(&uri, version, Value::Array(std::mem::take(&mut batch)));
        }
        let (start, end, text) = resolve(c, &model);
        model.apply(start, end, &text);
        batch.push(json!({"range": {"start": pos(start), "end": pos(end)}, "text": text}));
    }
    if !batch.is_empty() {
        version += 1;
        lsp.change(&uri, version, Value::Array(batch));
    }
    let text = model.text();
    assert_eq!(lsp.server_text(&uri), text, "server text differs after {} changes", changes.len());
    assert_eq!(pulled(&mut lsp, &uri), expected(&text, unit), "diagnostics after edits differ from a fresh analysis");
}

fn initial() -> impl Strategy<Value = (String, bool)> {
    let draft = common::lsp::fixture("xiaye-2025-draft.txt");
    let md = common::lsp::fixture("qingshan-2025.md");
    (0usize..4, any::<bool>()).prop_map(move |(which, utf8)| {
        let text = match which {
            0 => draft.clone(),
            1 => md.clone(),
            2 => draft.replace('\n', "\r\n"),
            // astral characters and line separators on every line
            _ => md.lines().map(|l| format!("𠮷{l}\u{2028}")).collect::<Vec<_>>().join("\r"),
        };
        (text, utf8)
    })
}

proptest! {
    // Each case starts a server process; 24 cases of up to 60 changes keep
    // the test under a minute while covering both encodings and every
    // starting text many times.
    #![proptest_config(ProptestConfig { cases: 24, max_shrink_iters: 200, ..ProptestConfig::default() })]

    #[test]
    fn edits_through_the_server_match_the_model_and_a_fresh_analysis(
        (text, utf8) in initial(),
        changes in prop::collection::vec(change(), 1..60),
    ) {
        run(&text, utf8, &changes);
    }
}
