//! Incremental sync: hundreds of random edits, CJK, 𠮷, CRLF, lone CR,
//! U+2028 and deletions across lines, leave the server's text identical to
//! the client's, in either position encoding.

mod common;

use common::lsp::*;
use nianbao_core::{ColumnUnit, LineIndex};
use serde_json::{Value, json};

/// xorshift64*: deterministic, no extra crates.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PIECES: &[&str] =
    &["年", "𠮷", "\r\n", "\n", "\r", "ab", "，", "\u{2028}", "表三\t0\t", "😀", "政府信息公开", "\r\n\r\n", "12"];

/// A random position: usually at a character, sometimes past the end of
/// its line or of the document (the server clamps like the client does).
fn random_position(rng: &mut Rng, text: &str, near: Option<usize>, unit: ColumnUnit) -> Value {
    let idx = LineIndex::new(text);
    match rng.below(25) {
        0 if near.is_none() => json!({"line": idx.line_count() + 2, "character": 0}),
        1 if near.is_none() => json!({"line": rng.below(idx.line_count()), "character": 9999}),
        _ => {
            // deletions stay local (a few lines) so the text keeps reading like a report
            let (lo, hi) = near.map_or((0, text.len()), |n| (n, (n + 1 + rng.below(120)).min(text.len())));
            let bounds: Vec<usize> = (lo..=hi).filter(|&i| text.is_char_boundary(i)).collect();
            position(text, bounds[rng.below(bounds.len())], unit)
        }
    }
}

/// One change event and the client's text after it.
fn random_change(rng: &mut Rng, text: &str, unit: ColumnUnit) -> (Value, String) {
    let a = random_position(rng, text, None, unit);
    let oa = offset(text, &a, unit);
    let b = if rng.below(3) == 0 { a.clone() } else { random_position(rng, text, Some(oa), unit) };
    let ob = offset(text, &b, unit);
    let (start, end, lo, hi) = if oa <= ob { (a, b, oa, ob) } else { (b, a, ob, oa) };
    let insert: String = match rng.below(4) {
        0 => String::new(),
        _ => (0..1 + rng.below(3)).map(|_| PIECES[rng.below(PIECES.len())]).collect(),
    };
    let mut out = text.to_string();
    out.replace_range(lo..hi, &insert);
    (json!({"range": {"start": start, "end": end}, "text": insert}), out)
}

fn run(seed: u64, capabilities: Value, edits: usize) {
    let ws = Workspace::new();
    let uri = ws.uri("sync.txt");
    let mut lsp = Lsp::spawn();
    // included by path, so it is checked even when the edits garble its headings
    lsp.initialize(capabilities, Some(json!({"debounceMs": 0, "include": ["**/*.txt"]})));
    let unit = lsp.unit;
    let mut rng = Rng(seed);
    let mut text = fixture("xiaye-2025-draft.txt").replace("一、总体情况\n", "一、总体情况\r\n𠮷\r");
    lsp.open(&uri, "plaintext", &text, 1);
    let mut version = 1;
    let mut sent = 0;
    while sent < edits {
        // several changes in one notification apply one after another
        let n = 1 + rng.below(3).min(edits - sent - 1);
        let mut changes = Vec::new();
        for _ in 0..n {
            let (change, after) = random_change(&mut rng, &text, unit);
            changes.push(change);
            text = after;
        }
        sent += n;
        version += 1;
        lsp.change(&uri, version, Value::Array(changes));
        if version % 50 == 0 {
            assert_eq!(lsp.server_text(&uri), text, "diverged by version {version} (seed {seed})");
        }
    }
    assert_eq!(lsp.server_text(&uri), text, "seed {seed}");
    // the final text's findings are the library's, pushed and pulled
    let analysis = nianbao_core::analyze(&text, &nianbao_core::Config::default());
    let want: Vec<Value> = analysis.findings.iter().map(|f| range(&text, f.span, unit)).collect();
    let pulled = lsp.call("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
    let got: Vec<Value> = pulled["items"].as_array().unwrap().iter().map(|d| d["range"].clone()).collect();
    assert_eq!(got, want, "seed {seed}");
    assert!(!want.is_empty());
    let pushed: Vec<Value> = lsp.diagnostics(&uri, version).iter().map(|d| d["range"].clone()).collect();
    assert_eq!(pushed, want);
    assert!(lsp.shutdown_and_exit().success());
}

#[test]
fn three_hundred_random_edits_in_utf16() {
    run(0x9E37_79B9_7F4A_7C15, json!({}), 300);
}

#[test]
fn three_hundred_random_edits_in_utf8() {
    run(0xD1B5_4A32_D192_ED03, json!({"general": {"positionEncodings": ["utf-8"]}}), 300);
}
