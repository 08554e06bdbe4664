//! Thousands of generated correct reports (tests/gen): random but
//! arithmetically correct tables in TAB, Markdown and space-aligned styles,
//! 2019 and 2021 formats, townships, streets, departments and governments,
//! with prose that states the tables' numbers in varied real phrasing and
//! uses years correctly. A correct report must produce no finding at all.

#[path = "gen/mod.rs"]
mod generator;

use generator::{Rng, prose};

const REPORTS: u64 = 3_000;

#[test]
fn generated_correct_reports_produce_no_finding() {
    let mut failing = 0;
    let mut first: Option<(u64, String, Vec<String>)> = None;
    let mut by_rule: std::collections::BTreeMap<&str, usize> = Default::default();
    for seed in 0..REPORTS {
        let mut rng = Rng::new(seed);
        let doc = prose::report(&mut rng, prose::Twist::None);
        assert!(doc.tables.consistent(), "seed {seed}: the generator made inconsistent tables");
        let text = doc.render();
        let findings = nianbao_core::analyze(&text, &nianbao_core::Config::default()).findings;
        if findings.is_empty() {
            continue;
        }
        failing += 1;
        for f in &findings {
            *by_rule.entry(f.rule).or_default() += 1;
        }
        if first.is_none() {
            let shown = findings
                .iter()
                .map(|f| {
                    format!("{} at {:?}: {}", f.rule, &text[f.span.start..f.span.end.min(f.span.start + 60)], f.message)
                })
                .collect();
            first = Some((seed, text, shown));
        }
    }
    println!("{failing} of {REPORTS} correct reports have findings; by rule: {by_rule:?}");
    if let Some((seed, text, shown)) = first {
        panic!(
            "{failing} of {REPORTS} generated correct reports have findings ({by_rule:?}); first, seed {seed}:\n{}\n\n{text}",
            shown.join("\n")
        );
    }
}

#[test]
fn the_generator_varies_what_it_writes() {
    // a property test over one shape would prove little: every style,
    // format and body level must occur
    let mut styles = std::collections::BTreeSet::new();
    let mut formats = std::collections::BTreeSet::new();
    let mut levels = std::collections::BTreeSet::new();
    let mut approx = false;
    let mut zero_words = false;
    for seed in 0..300 {
        let doc = prose::report(&mut Rng::new(seed), prose::Twist::None);
        styles.insert(format!("{:?}", doc.style));
        formats.insert(format!("{:?}", doc.format));
        levels.insert(format!("{:?}", doc.body.level));
        let text = doc.render();
        approx |= text.contains("余条") || text.contains("多条");
        zero_words |= text.contains("未收到") || text.contains("没有收到") || text.contains("无上年结转");
    }
    assert_eq!(styles.len(), 3, "{styles:?}");
    assert_eq!(formats.len(), 2, "{formats:?}");
    assert_eq!(levels.len(), 4, "{levels:?}");
    assert!(approx && zero_words);
}
