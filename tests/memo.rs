//! The language server keeps each document's reading of its paragraphs
//! (`nianbao_core::model::prose::Memo`) and copies the ones an edit did not
//! touch. The analysis must be exactly the one without it: checked here on
//! every bundled draft, generated reports with and without defects and the
//! real corpora beside the repository (when present), with one memo shared
//! across all of them, and along random edits of a document.

#[path = "gen/mod.rs"]
mod generator;

use generator::{Rng, prose};
use nianbao_core::model::prose::{Memo, Prose};
use nianbao_core::{Config, Report};
use std::path::Path;

/// The prose reading, the findings and the model (its rows and cells), as
/// text to compare.
fn plain(text: &str, cfg: &Config) -> (String, String, String) {
    let report = Report::build(text, cfg);
    let prose = format!("{:?}", Prose::read(text, &report));
    let a = nianbao_core::analyze(text, cfg);
    (prose, format!("{:?}", a.findings), format!("{:?}", a.report))
}

/// Both memos a front end would keep: the prose reading's alone (to
/// compare the reading itself) and the analysis' (rows and prose).
#[derive(Default)]
struct Memos {
    prose: Memo,
    analysis: nianbao_core::Memo,
}

impl Memos {
    fn reused(&self) -> usize {
        self.prose.reused() + self.analysis.reused_paragraphs()
    }
}

fn with_memo(text: &str, cfg: &Config, memo: &mut Memos) -> (String, String, String) {
    let report = Report::build(text, cfg);
    let prose = format!("{:?}", Prose::read_memo(text, &report, &|| false, Some(&mut memo.prose)).unwrap());
    let a = nianbao_core::analyze_memo(text, cfg, &|| false, &mut memo.analysis).unwrap();
    (prose, format!("{:?}", a.findings), format!("{:?}", a.report))
}

fn documents() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = Vec::new();
    for name in ["xiaye-2025-draft.txt", "xiaye-2025-fixed.txt", "qingshan-2025.md"] {
        docs.push((name.to_string(), std::fs::read_to_string(root.join("examples").join(name)).unwrap()));
    }
    let twists = [prose::Twist::None, prose::Twist::MismatchApplications, prose::Twist::EnumerationOver];
    for seed in 0..150u64 {
        let mut rng = Rng::new(seed);
        let twist = twists[(seed % 3) as usize];
        docs.push((format!("generated {seed}"), prose::report(&mut rng, twist).render()));
    }
    for dir in ["../shared/corpus", "../shared/corpus2"] {
        let Ok(rd) = std::fs::read_dir(root.join(dir)) else { continue };
        let mut files: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        files.sort();
        for p in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md")) {
            if let Ok(t) = std::fs::read_to_string(&p) {
                docs.push((p.display().to_string(), t));
            }
        }
    }
    docs
}

#[test]
fn a_memo_shared_across_documents_changes_no_analysis() {
    let cfg = Config::default();
    let docs = documents();
    let mut memo = Memos::default();
    let (mut reused, mut rows, mut tables) = (0, 0, 0);
    // each twice: first with the memo of the document before (what two
    // reports share is copied), then again (every paragraph copied)
    for (name, text) in &docs {
        let want = plain(text, &cfg);
        for pass in 0..2 {
            assert_eq!(with_memo(text, &cfg, &mut memo), want, "{name}, pass {pass}");
            reused += memo.reused();
        }
        rows += memo.analysis.rows();
        tables += memo.analysis.tables();
    }
    assert!(reused > docs.len() * 10, "the memo was hardly used: {reused} paragraphs copied");
    assert!(rows > docs.len() * 10, "table rows were hardly kept: {rows}");
    assert!(tables > docs.len(), "mapped tables were hardly kept: {tables}");
}

#[test]
fn a_table_is_mapped_again_when_the_lines_after_it_change() {
    // a mapping reads past its table: a label alone on the line after it
    // is a row left unfilled, a number on the line after that makes it a
    // one-cell-per-line row, and a table at the very end of the text reads
    // to the end. Each table's last row is taken out and its label put
    // back alone after the table: the mapping must change, not be reused.
    let cfg = Config::default();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut differed = 0;
    for name in ["xiaye-2025-draft.txt", "xiaye-2025-fixed.txt", "qingshan-2025.md"] {
        let base = std::fs::read_to_string(root.join(name)).unwrap();
        let report = nianbao_core::analyze(&base, &cfg).report;
        for t in &report.tables {
            let Some(last) = t.rows.iter().max_by_key(|r| r.line.start) else { continue };
            let label = last.label.slice(&base).to_string();
            let cut = (last.line.start, base[last.line.end..].find('\n').map_or(base.len(), |i| last.line.end + i + 1));
            let without = format!("{}{}", &base[..cut.0], &base[cut.1..]);
            // the same, and ending right after the table
            for doc in [without.clone(), without[..cut.0].to_string()] {
                let mut memo = Memos::default();
                let before = with_memo(&doc, &cfg, &mut memo);
                for piece in [format!("{label}\n"), format!("\n{label}\n"), format!("{label}\n0\n"), label.clone()] {
                    let mut text = doc.clone();
                    text.insert_str(cut.0, &piece);
                    let want = plain(&text, &cfg);
                    differed += usize::from(want.2 != before.2);
                    assert_eq!(with_memo(&text, &cfg, &mut memo), want, "{name}, {piece:?} after {:?}", t.id);
                    // and back
                    assert_eq!(with_memo(&doc, &cfg, &mut memo), before, "{name}, {piece:?} undone");
                }
            }
        }
    }
    assert!(differed > 10, "the edits after the tables hardly changed a model: {differed}");
}

#[test]
fn random_edits_read_with_the_memo_as_without() {
    let cfg = Config::default();
    // what changes a paragraph's reading or its neighbours': list marks at
    // a line start, sentence ends, counts, line breaks, full-width spaces
    const PIECES: &[&str] = &[
        "、",
        "。",
        "，",
        "；",
        "\n",
        "\n、",
        "1",
        "12",
        "件",
        "条",
        "其中",
        "申请",
        "予以公开",
        "2024年",
        "\u{3000}",
        "（",
        "）",
        "共",
        "分别为",
    ];
    let docs = documents();
    let mut rng = Rng::new(7);
    let mut copied = 0;
    for (name, base) in docs.iter().take(12) {
        let mut text = base.clone();
        let mut memo = Memos::default();
        with_memo(&text, &cfg, &mut memo);
        for step in 0..40 {
            let mut at = rng.below(text.len() as u64 + 1) as usize;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            if rng.chance(35) {
                let mut end = (at + 1 + rng.below(24) as usize).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text.replace_range(at..end, "");
            } else {
                let piece: &str = PIECES[rng.below(PIECES.len() as u64) as usize];
                text.insert_str(at, piece);
            }
            assert_eq!(with_memo(&text, &cfg, &mut memo), plain(&text, &cfg), "{name}, edit {step} at {at}");
            copied += memo.reused();
        }
    }
    assert!(copied > 1000, "edits left the other paragraphs to be copied: {copied}");
}

#[test]
fn a_paragraph_is_read_again_when_the_next_line_starts_or_stops_a_list() {
    // "…工作动态45条" ending its line, and the next line going on with
    // "、通知公告25条": whether the count opens a list depends on the line
    // after it, which an edit of that line alone changes
    let cfg = Config::default();
    let base =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/xiaye-2025-fixed.txt")).unwrap();
    let at = base.find("二、主动公开政府信息情况").expect("section 二");
    let joined =
        format!("{}一、总体情况\n全年发布信息85条，工作动态45条\n、通知公告25条。\n{}", &base[..at], &base[at..]);
    let apart = joined.replace("\n、通知公告", "\n通知公告");
    assert_ne!(plain(&joined, &cfg).0, plain(&apart, &cfg).0, "the next line changes the reading");
    let mut memo = Memos::default();
    for (round, text) in [&joined, &apart, &joined].into_iter().enumerate() {
        assert_eq!(with_memo(text, &cfg, &mut memo), plain(text, &cfg));
        assert!(round == 0 || memo.reused() > 10, "round {round}: {}", memo.reused());
    }
}

#[test]
fn a_paragraph_is_read_again_when_the_line_before_it_ends_differently() {
    // "第" at the end of one line makes "3件" opening the next an ordinal,
    // not a count (the reading looks back through the line break): an
    // edit of the line before changes the paragraph's reading (found by
    // the `memo` fuzz target)
    let cfg = Config::default();
    let base =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/xiaye-2025-fixed.txt")).unwrap();
    let at = base.find("二、主动公开政府信息情况").expect("section 二");
    let ordinal = format!("{}一、总体情况\n本年度收到的第\n3件申请已办结。\n{}", &base[..at], &base[at..]);
    let count = ordinal.replace("收到的第\n", "收到的\n");
    assert_ne!(plain(&ordinal, &cfg).0, plain(&count, &cfg).0, "the line before changes the reading");
    let mut memo = Memos::default();
    for text in [&count, &ordinal, &count] {
        assert_eq!(with_memo(text, &cfg, &mut memo), plain(text, &cfg));
    }
}
