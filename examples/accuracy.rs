//! Precision and recall of the checker on generated reports (tests/gen):
//! N correct reports and, for each defect class, reports carrying exactly
//! that one known defect. A finding counts as true when its rule is the
//! defect's rule (or an accepted consequence of it, `Defect::allowed`);
//! every other finding is false. Prints per-rule precision and recall, the
//! recall per defect class and the false findings per correct report.
//!
//! These figures are measured on our own generator, not on held-out text:
//! they show regressions and classes the checker misses, not how it fares
//! on reports written by others.
//!
//! cargo run --example accuracy [N]   (default 200 correct reports and 200 per defect class)

#[path = "../tests/gen/mod.rs"]
mod generator;

use generator::defects;
use generator::{Rng, prose};
use std::collections::BTreeMap;

#[derive(Default)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
}

fn main() {
    let n: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(200);
    let cfg = nianbao_core::Config::default();
    let mut rules: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let mut false_on_correct = 0usize;
    let mut correct_with_findings = 0usize;
    let mut false_by_rule: BTreeMap<&'static str, usize> = BTreeMap::new();
    for seed in 0..n {
        let doc = prose::report(&mut Rng::new(seed), prose::Twist::None);
        let f = nianbao_core::analyze(&doc.render(), &cfg).findings;
        false_on_correct += f.len();
        correct_with_findings += usize::from(!f.is_empty());
        for x in &f {
            rules.entry(x.rule).or_default().fp += 1;
            *false_by_rule.entry(x.rule).or_default() += 1;
        }
    }
    type Class = (String, &'static str, usize, usize, BTreeMap<&'static str, usize>);
    let mut classes: Vec<Class> = Vec::new();
    for (k, defect) in defects::ALL.iter().enumerate() {
        let (mut found, mut made) = (0usize, 0u64);
        let mut extra: BTreeMap<&'static str, usize> = BTreeMap::new();
        let mut seed = 1_000_000 * (k as u64 + 1);
        while made < n {
            seed += 1;
            let Some(doc) = defects::inject(&mut Rng::new(seed), *defect) else { continue };
            made += 1;
            let f = nianbao_core::analyze(&doc.render(), &cfg).findings;
            let rule = defect.rule();
            let hit = f.iter().any(|x| x.rule == rule);
            let t = rules.entry(rule).or_default();
            if hit {
                t.tp += 1;
                found += 1;
            } else {
                t.fn_ += 1;
            }
            for x in f.iter().filter(|x| x.rule != rule && !defect.allowed().contains(&x.rule)) {
                rules.entry(x.rule).or_default().fp += 1;
                *extra.entry(x.rule).or_default() += 1;
            }
        }
        classes.push((defect.name(), defect.rule(), found, made as usize, extra));
    }
    let (tp, fp, fn_) = rules.values().fold((0, 0, 0), |a, t| (a.0 + t.tp, a.1 + t.fp, a.2 + t.fn_));
    println!(
        "correct reports: {n}; with any finding: {correct_with_findings}; false findings per correct report: {:.3}",
        false_on_correct as f64 / n as f64
    );
    println!("false findings on correct reports by rule: {false_by_rule:?}");
    println!("overall: precision {:.3}, recall {:.3}", ratio(tp, tp + fp), ratio(tp, tp + fn_));
    println!();
    println!("| rule | precision | recall | true | false | missed |");
    println!("|---|---|---|---|---|---|");
    for (rule, t) in &rules {
        println!("| `{rule}` | {:.2} | {} | {} | {} | {} |", ratio(t.tp, t.tp + t.fp), recall(t), t.tp, t.fp, t.fn_);
    }
    println!();
    println!("| defect class | rule | found | reports | false findings on these reports |");
    println!("|---|---|---|---|---|");
    for (name, rule, found, made, extra) in classes {
        let extra: Vec<String> = extra.iter().map(|(r, n)| format!("{r} {n}")).collect();
        println!("| {name} | `{rule}` | {found} | {made} | {} |", extra.join(", "));
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn recall(t: &Tally) -> String {
    if t.tp + t.fn_ == 0 { "—".into() } else { format!("{:.2}", ratio(t.tp, t.tp + t.fn_)) }
}
