//! A digest of the analysis of many inputs, one line each: hashes of the
//! `Report` and of the findings (their `Debug` text). Run it on two commits
//! and diff the outputs to show a performance change altered no result.
//!
//! ```text
//! cargo run -p nianbao-core --release --example analysis_digest > after.txt
//! git stash; cargo run -p nianbao-core --release --example analysis_digest > before.txt; git stash pop
//! diff before.txt after.txt
//! ```
//!
//! Inputs: the shared corpora beside the repository (../shared/corpus and
//! ../shared/corpus2, skipped when absent) and examples (*.txt, *.md), the generated fixture,
//! 60k and 1m, 300 batch reports and 3 000 mutants of them (1–5 random
//! insertions, deletions or replacements with characters the rules care
//! about, fixed seed).
//!
//! `--memo` analyses each input as the language server does after an edit:
//! with a paragraph memo (`nianbao_core::analyze_memo`) that has just read
//! the input's base (a mutant's unmutated report; any other input itself).
//! Its digest must equal the plain one.
#[path = "../../benches/common/mod.rs"]
mod common;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

fn h(text: &str, memo: Option<(&str, &mut nianbao_core::Memo)>) -> String {
    let cfg = nianbao_core::Config::default();
    let a = match memo {
        None => nianbao_core::analyze(text, &cfg),
        Some((base, m)) => {
            nianbao_core::analyze_memo(base, &cfg, &|| false, m);
            nianbao_core::analyze_memo(text, &cfg, &|| false, m).expect("never stopped")
        }
    };
    let mut s = DefaultHasher::new();
    format!("{:?}", a.report).hash(&mut s);
    let r = s.finish();
    let mut s = DefaultHasher::new();
    format!("{:?}", a.findings).hash(&mut s);
    format!("{:016x} {:016x} {}", r, s.finish(), a.findings.len())
}

fn main() {
    let with_memo = std::env::args().any(|a| a == "--memo");
    let mut inputs: Vec<(String, String)> = Vec::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["../../shared/corpus", "../../shared/corpus2", "../examples"] {
        // the published reports are not in the repository; without them the
        // digest covers the rest
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            eprintln!("{dir} is absent: skipped");
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for p in paths {
            if let Ok(t) = std::fs::read_to_string(&p) {
                if p.extension().is_some_and(|e| e == "txt" || e == "md") {
                    inputs.push((format!("{dir}/{}", p.file_name().unwrap().to_string_lossy()), t));
                }
            }
        }
    }
    for n in ["fixture", "60k", "1m"] {
        inputs.push((n.to_string(), common::input(n).unwrap()));
    }
    for i in 0..300 {
        inputs.push((format!("batch{i}"), common::batch_report(i)));
    }
    // mutants: random edits with characters the rules care about
    let alphabet: Vec<char> =
        "0123456789 　\t\n|。，、；：（）()〔〕[]【】号年件条余其中总计一二三四五六七试行国办公开函·.-—１２\u{FEFF}"
            .chars()
            .collect();
    let bases: Vec<String> = inputs.iter().map(|(_, t)| t.clone()).filter(|t| t.len() < 70_000).collect();
    let mut rng = common::Rng::new(7);
    let plain = inputs.len();
    let mut base_of: Vec<usize> = Vec::new();
    for m in 0..3000 {
        let b = rng.below(bases.len());
        base_of.push(b);
        let base = &bases[b];
        let mut t = base.clone();
        for _ in 0..rng.range(1, 6) {
            let mut at = rng.below(t.len() + 1);
            while !t.is_char_boundary(at) {
                at -= 1;
            }
            match rng.below(3) {
                0 => t.insert(at, *rng.pick(&alphabet)),
                1 => {
                    let e = t[at..].chars().next().map_or(0, char::len_utf8);
                    t.replace_range(at..at + e, "");
                }
                _ => {
                    let c = *rng.pick(&alphabet);
                    let e = t[at..].chars().next().map_or(0, char::len_utf8);
                    t.replace_range(at..at + e, &c.to_string());
                }
            }
        }
        inputs.push((format!("mutant{m}"), t));
    }
    let mut memo = nianbao_core::Memo::default();
    for (i, (name, t)) in inputs.iter().enumerate() {
        let base = if i < plain { t } else { &bases[base_of[i - plain]] };
        println!("{name} {}", h(t, with_memo.then_some((base.as_str(), &mut memo))));
    }
}
