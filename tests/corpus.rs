//! Every report of the real corpus (tests/corpus, copied from shared/corpus)
//! is checked with its report year configured, as an evaluator would run it.
//! No input may panic, and every error-severity finding must appear in
//! tests/corpus/review.tsv, where each was reviewed as a real defect. A new
//! error, or a reviewed one that disappears, fails the test.

use std::collections::BTreeSet;
use std::path::Path;

fn corpus() -> Vec<(String, String, i32)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut out = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            let text = std::fs::read_to_string(&p).unwrap();
            let year = text.lines().nth(1).and_then(|l| l.trim_start_matches("# year:").trim().parse().ok()).unwrap();
            out.push((p.file_name().unwrap().to_string_lossy().into_owned(), text, year));
        }
    }
    out.sort();
    out
}

#[test]
fn corpus_has_all_thirty_reports() {
    assert_eq!(corpus().len(), 30);
}

#[test]
fn every_error_on_the_corpus_was_reviewed() {
    let review =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/review.tsv")).unwrap();
    let reviewed: BTreeSet<(String, usize, String)> = review
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 4, "{l}");
            assert!(!c[3].trim().is_empty(), "verdict missing: {l}");
            (c[0].to_string(), c[1].parse().unwrap(), c[2].to_string())
        })
        .collect();
    let mut found = BTreeSet::new();
    for (name, text, year) in corpus() {
        let cfg = nianbao::Config { report_year: Some(year), ..Default::default() };
        let a = nianbao::analyze(&text, &cfg);
        let idx = nianbao::LineIndex::new(&text);
        for f in a.findings.iter().filter(|f| f.severity == nianbao::Severity::Error) {
            let line = idx.position(&text, f.span.start, nianbao::ColumnUnit::Scalar).0 + 1;
            found.insert((name.clone(), line, f.rule.to_string()));
        }
    }
    let unreviewed: Vec<_> = found.difference(&reviewed).collect();
    let vanished: Vec<_> = reviewed.difference(&found).collect();
    assert!(unreviewed.is_empty(), "errors not yet reviewed as real defects: {unreviewed:#?}");
    assert!(vanished.is_empty(), "reviewed errors no longer reported (regression?): {vanished:#?}");
}

#[test]
fn known_defects_noted_in_the_index_are_found() {
    let all: Vec<(String, Vec<nianbao::Finding>)> = corpus()
        .into_iter()
        .map(|(n, t, y)| {
            let cfg = nianbao::Config { report_year: Some(y), ..Default::default() };
            (n, nianbao::analyze(&t, &cfg).findings)
        })
        .collect();
    let has = |file: &str, rule: &str| all.iter().any(|(n, fs)| n == file && fs.iter().any(|f| f.rule == rule));
    assert!(has("003.txt", "table/outdated-format"), "2022 report on the 2019 table 二");
    assert!(has("005.txt", "plausibility/township-rules"), "a 镇 reporting 规章");
    assert!(has("011.txt", "basis/outdated"), "〔2021〕30号 called by 〔2019〕60号's title");
    assert!(has("027.txt", "basis/outdated"), "国办公开办函202130 号");
    assert!(has("043.txt", "prose/enumeration-sum"), "1条 ≠ 1+2");
    assert!(has("053.txt", "basis/outdated"));
    assert!(has("059.txt", "table/bad-cell"), "16368(件)");
    // text that adds up must stay quiet
    assert!(!has("023.txt", "prose/enumeration-sum"), "121 = 112 + 9 in brackets");
    assert!(!has("013.txt", "prose/enumeration-sum"));
}

#[test]
fn no_input_in_the_corpus_panics_even_mangled() {
    for (_, text, _) in corpus() {
        // CRLF, BOM, full-width digits, Word's soft breaks
        let variants = [
            text.replace('\n', "\r\n"),
            format!("\u{feff}{text}"),
            text.replace('2', "２").replace('0', "０"),
            text.replace('\n', "\u{2028}"),
            text.replace('\t', "  "),
        ];
        for v in variants {
            let _ = nianbao::analyze(&v, &nianbao::Config::default());
        }
    }
}
