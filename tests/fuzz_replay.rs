//! Replays every file of the fuzz corpora (fuzz/corpus/<target>/) through
//! the same oracle the fuzz target runs, so CI re-checks everything the
//! fuzzers ever found interesting without running a fuzzer. Inputs that
//! still crash live in fuzz/known-crashes/ instead, which this test does not
//! read (see the README there).

mod oracles;

use std::path::Path;

fn replay(target: &str, oracle: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    // A corpus that went missing would make this test pass vacuously.
    assert!(files.len() >= 10, "{}: only {} corpus files", dir.display(), files.len());
    let mut failed = Vec::new();
    for f in &files {
        let data = std::fs::read(f).unwrap();
        if std::panic::catch_unwind(|| oracle(&data)).is_err() {
            failed.push(f.display().to_string());
        }
    }
    assert!(failed.is_empty(), "{} of {} {target} inputs fail:\n{}", failed.len(), files.len(), failed.join("\n"));
}

#[test]
fn analyze_corpus() {
    replay("analyze", oracles::analyze);
}

#[test]
fn memo_over_the_analyze_corpus() {
    replay("analyze", oracles::memo);
}

#[test]
fn lsp_edit_corpus() {
    replay("lsp_edit", oracles::lsp_edit);
}

#[test]
fn fixes_corpus() {
    replay("fixes", oracles::fixes);
}

/// The oracles themselves must catch what they claim to; these guard
/// against an oracle that silently accepts everything.
#[test]
fn reference_editor_handles_surrogates_and_crlf() {
    use nianbao_core::span::ColumnUnit;
    use nianbao_core::text_edit::Pos;
    let mut r = oracles::Reference::new("a𠮷b\r\nc", ColumnUnit::Utf16);
    r.apply(Pos::new(0, 2), Pos::new(0, 3), "X");
    assert_eq!(r.text(), "aXb\r\nc");
    r.apply(Pos::new(0, 99), Pos::new(1, 0), "");
    assert_eq!(r.text(), "aXbc");
    let mut r = oracles::Reference::new("中\r", ColumnUnit::Utf8);
    r.apply(Pos::new(0, 1), Pos::new(5, 0), "\n");
    assert_eq!(r.text(), "\n");
}

#[test]
fn panics_inside_rules_are_counted() {
    let ((), n) = oracles::panics_during(|| {
        let _ = std::panic::catch_unwind(|| panic!("counted"));
    });
    assert_eq!(n, 1);
}

#[test]
fn map_span_follows_edits() {
    use nianbao_core::{Edit, Span};
    let edits = [Edit::replace(Span::new(2, 4), "xyz"), Edit::insert(0, "__")];
    // an insertion at a span's start joins the span
    assert_eq!(oracles::map_span(Span::new(0, 1), &edits), Span::new(0, 3));
    // ending where a replacement begins: only shifted
    assert_eq!(oracles::map_span(Span::new(1, 2), &edits), Span::new(3, 4));
    // the replaced cell maps to its replacement
    assert_eq!(oracles::map_span(Span::new(2, 4), &edits), Span::new(4, 7));
    assert_eq!(oracles::map_span(Span::new(3, 6), &edits), Span::new(4, 9));
    assert_eq!(oracles::map_span(Span::new(5, 6), &edits), Span::new(8, 9));
}
