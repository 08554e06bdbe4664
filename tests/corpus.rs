//! The real published reports, read where they are: ../shared/corpus (30
//! reports) and ../shared/corpus2 (45 reports), beside the repository. They
//! belong to their publishers, so the repository keeps no copy — only the
//! verdicts on what the checker says about them (tests/corpus/review.tsv and
//! tests/corpus/review2.tsv). When ../shared is absent the tests say so and
//! pass without checking.
//!
//! Each report is checked with its report year configured (its "# year:"
//! line), as an evaluator would run it. No input may panic; every
//! error-severity finding must appear in the corpus's review file, where
//! each was judged by reading the report; a new error, or a reviewed one
//! that disappears, fails the test.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

struct Corpus {
    name: &'static str,
    dir: PathBuf,
    review: PathBuf,
}

fn corpora() -> [Corpus; 2] {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        Corpus { name: "corpus", dir: root.join("../shared/corpus"), review: root.join("tests/corpus/review.tsv") },
        Corpus { name: "corpus2", dir: root.join("../shared/corpus2"), review: root.join("tests/corpus/review2.tsv") },
    ]
}

/// The reports of one corpus as (file name, text, report year); `None`
/// (after saying so) when the shared directory is not beside the clone.
fn reports(c: &Corpus) -> Option<Vec<(String, String, i32)>> {
    let Ok(entries) = std::fs::read_dir(&c.dir) else {
        println!("{} is absent ({}): its checks are skipped", c.name, c.dir.display());
        return None;
    };
    let mut out = Vec::new();
    for e in entries {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            let text = std::fs::read_to_string(&p).unwrap();
            // both corpora: line 1 "# source: …", line 2 "# year: 2024"
            let year = text
                .lines()
                .find_map(|l| l.strip_prefix("# year:"))
                .and_then(|y| y.trim().parse().ok())
                .unwrap_or_else(|| panic!("{}: no `# year:` line", p.display()));
            out.push((p.file_name().unwrap().to_string_lossy().into_owned(), text, year));
        }
    }
    out.sort();
    Some(out)
}

fn analyze(text: &str, year: i32) -> Vec<nianbao_core::Finding> {
    let cfg = nianbao_core::Config { report_year: Some(year), ..Default::default() };
    nianbao_core::analyze(text, &cfg).findings
}

#[test]
fn the_corpora_hold_all_their_reports() {
    let [c1, c2] = corpora();
    if let Some(r) = reports(&c1) {
        assert_eq!(r.len(), 30);
    }
    if let Some(r) = reports(&c2) {
        assert_eq!(r.len(), 45);
    }
}

fn reviewed(path: &Path) -> BTreeSet<(String, usize, String)> {
    let review = std::fs::read_to_string(path).unwrap();
    review
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 4, "{l}");
            assert!(!c[3].trim().is_empty(), "verdict missing: {l}");
            (c[0].to_string(), c[1].parse().unwrap(), c[2].to_string())
        })
        .collect()
}

fn errors(reports: &[(String, String, i32)]) -> BTreeSet<(String, usize, String)> {
    let mut found = BTreeSet::new();
    for (name, text, year) in reports {
        let idx = nianbao_core::LineIndex::new(text);
        for f in analyze(text, *year).iter().filter(|f| f.severity == nianbao_core::Severity::Error) {
            let line = idx.position(text, f.span.start, nianbao_core::ColumnUnit::Scalar).0 + 1;
            found.insert((name.clone(), line, f.rule.to_string()));
        }
    }
    found
}

#[test]
fn every_error_on_the_corpora_was_reviewed() {
    for c in corpora() {
        let Some(reports) = reports(&c) else { continue };
        let reviewed = reviewed(&c.review);
        let found = errors(&reports);
        let unreviewed: Vec<_> = found.difference(&reviewed).collect();
        let vanished: Vec<_> = reviewed.difference(&found).collect();
        assert!(unreviewed.is_empty(), "{}: errors not yet reviewed: {unreviewed:#?}", c.name);
        assert!(vanished.is_empty(), "{}: reviewed errors no longer reported (regression?): {vanished:#?}", c.name);
    }
}

/// Findings per report of one corpus, to ask what a report got.
struct Found(Vec<(String, Vec<nianbao_core::Finding>)>);

impl Found {
    fn of(c: &Corpus) -> Option<Found> {
        let r = reports(c)?;
        Some(Found(r.into_iter().map(|(n, t, y)| (n.clone(), analyze(&t, y))).collect()))
    }
    fn has(&self, file: &str, rule: &str) -> bool {
        self.0.iter().any(|(n, fs)| n == file && fs.iter().any(|f| f.rule == rule))
    }
}

#[test]
fn known_defects_noted_in_the_index_are_found() {
    let [c1, _] = corpora();
    let Some(all) = Found::of(&c1) else { return };
    let has = |file: &str, rule: &str| all.has(file, rule);
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
fn known_defects_noted_in_the_index_of_corpus2_are_found() {
    // the defects INDEX.tsv notes that a rule of the catalogue covers; the
    // rest of its notes (wording, 口径, structure descriptions) are no rule's
    let [_, c2] = corpora();
    let Some(all) = Found::of(&c2) else { return };
    let missing: Vec<&str> = [
        ("101.txt", "year/stale", "2023年，在主动公开的61条政府信息中 (a 2024 report)"),
        ("101.txt", "prose/enumeration-sum", "61条 = 5+1+7+12+51 = 76"),
        ("103.txt", "table/missing-row", "表二 without the 规章 row"),
        ("103.txt", "table/outdated-format", "（六）其他处理 without its three items in a 2023 report"),
        ("105.txt", "tally/result-total", "（七）总计 0 while （一）予以公开 is 2"),
        ("107.txt", "structure/heading-typo", "四、政府信息公开行政法复议、行政诉讼情况"),
        ("111.txt", "basis/outdated", "国办公开办函〔202130号"),
        ("153.txt", "table/missing-row", "表二 without the 规章 row"),
        ("163.txt", "table/extra-row", "表二 with an added 其他主动公开文件 row"),
    ]
    .iter()
    .filter(|(file, rule, _)| !all.has(file, rule))
    .map(|(_, _, what)| *what)
    .collect();
    assert!(missing.is_empty(), "known defects not found: {missing:#?}");
    // text that adds up must stay quiet
    assert!(!all.has("103.txt", "prose/enumeration-sum"), "159 = 2+2+2+2+7+144");
    assert!(!all.has("105.txt", "prose/enumeration-sum"), "152 = 2+30+4+12+31+41+32");
}

#[test]
fn no_input_in_the_corpora_panics_even_mangled() {
    for c in corpora() {
        let Some(reports) = reports(&c) else { continue };
        for (_, text, _) in reports {
            // CRLF, BOM, full-width digits, Word's soft breaks
            let variants = [
                text.replace('\n', "\r\n"),
                format!("\u{feff}{text}"),
                text.replace('2', "２").replace('0', "０"),
                text.replace('\n', "\u{2028}"),
                text.replace('\t', "  "),
            ];
            for v in variants {
                let _ = nianbao_core::analyze(&v, &nianbao_core::Config::default());
            }
        }
    }
}
