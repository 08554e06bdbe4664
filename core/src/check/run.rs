//! Running the rules over one analysed document.

use super::ctx::Ctx;
use super::ctx::Previous;
use super::{cross_year, registry, suppress};
use crate::config::Config;
use crate::finding::Finding;
use crate::model::Report;
use crate::model::prose::{Memo, Prose};

/// Run every enabled rule, apply configured severities and suppression
/// comments, and sort by position.
pub fn run(text: &str, report: &Report, config: &Config) -> Vec<Finding> {
    run_until(text, report, config, &|| false).unwrap_or_default()
}

/// [`run`], abandoned (`None`) when `stop` returns true; it is asked before
/// each rule, the granularity at which a front end can cancel.
pub fn run_until(text: &str, report: &Report, config: &Config, stop: &dyn Fn() -> bool) -> Option<Vec<Finding>> {
    run_in(text, report, config, stop, false, None)
}

/// [`run_until`] for [`crate::analyze`], which has already read the
/// invisible characters out of `text` when `no_invisible`, reading the prose
/// with `memo` when a front end keeps one ([`Prose::read_memo`]).
pub(crate) fn run_in(
    text: &str,
    report: &Report,
    config: &Config,
    stop: &dyn Fn() -> bool,
    no_invisible: bool,
    memo: Option<&mut Memo>,
) -> Option<Vec<Finding>> {
    // Lets tests prove that the front ends survive a panicking analysis;
    // it sits outside the per-rule guard on purpose.
    #[cfg(feature = "test-panic")]
    if text.contains("NIANBAO_PANIC") {
        panic!("test-panic: analysis panicked on purpose");
    }
    // shared by the prose rules; a bug in reading it costs those rules'
    // findings, like a bug in one rule, never the analysis
    let prose =
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Prose::read_memo(text, report, stop, memo))) {
            Ok(Some(prose)) => prose,
            Ok(None) => return None,
            Err(_) => Prose::default(),
        };
    let cx = Ctx { text, report, config, prose: &prose, previous: None, no_invisible, facts: Default::default() };
    let mut out = Vec::new();
    for rule in registry::RULES {
        if stop() {
            return None;
        }
        let Some(severity) = config.severity_of(rule.id, rule.severity) else { continue };
        let start = out.len();
        // A bug in one rule must cost only that rule's findings, never the
        // whole analysis (the CLI checks thousands of files in one run).
        // Rules push straight into `out`: a rule's own vector, moved over
        // afterwards, was a second copy of up to millions of findings.
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (rule.check)(&cx, &mut out)));
        if ran.is_err() {
            out.truncate(start);
        }
        for f in &mut out[start..] {
            f.severity = severity;
        }
    }
    // sorted first so suppressions apply in one sweep; the order is stable,
    // so filtering after it keeps the order filtering before it gave
    sort_by_position(&mut out);
    suppress::Suppressions::new(text, &report.syntax).retain_unsuppressed(&mut out);
    out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.message == b.message);
    Some(out)
}

/// The cross-year rules alone, with last year's report: what [`run`] gave
/// them no material for. Kept apart so a front end that already has this
/// year's analysis (a directory run pairs files after analysing them) pays
/// only for these rules. Severities: a configured level wins; otherwise the
/// level the rule gave the finding (cross-year/copied-text grades its own by
/// similarity). Suppressions as in [`run`].
pub fn run_cross_year(text: &str, report: &Report, config: &Config, previous: &Previous) -> Vec<Finding> {
    let prose = Prose::default();
    let cx = Ctx {
        text,
        report,
        config,
        prose: &prose,
        previous: Some(previous),
        no_invisible: false,
        facts: Default::default(),
    };
    let mut out = Vec::new();
    for rule in registry::RULES.iter().filter(|r| cross_year::member(r)) {
        let Some(configured) = config.severity_of(rule.id, rule.severity) else { continue };
        let own_grade = !config.rules.contains_key(rule.id);
        let mut mine = Vec::new();
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (rule.check)(&cx, &mut mine)));
        if ran.is_err() {
            continue;
        }
        for f in &mut mine {
            if !own_grade {
                f.severity = configured;
            }
        }
        out.extend(mine);
    }
    sort_by_position(&mut out);
    suppress::Suppressions::new(text, &report.syntax).retain_unsuppressed(&mut out);
    out
}

/// Findings in document order: by start, end, then rule id; findings equal
/// in all three keep the order their rule gave them (stable).
///
/// A stable sort of the findings themselves needs scratch space for half of
/// them — 100 MB for the two million a 10 MB document can give, memory the
/// process touches fresh on every analysis. Sorting small keys and then
/// moving each finding once, in place, needs 16 bytes per finding.
fn sort_by_position(out: &mut [Finding]) {
    let in_order = |a: &Finding, b: &Finding| {
        a.span.start.cmp(&b.span.start).then(a.span.end.cmp(&b.span.end)).then(a.rule.cmp(b.rule))
    };
    if out.is_sorted_by(|a, b| in_order(a, b).is_le()) {
        return;
    }
    let ranks = rule_ranks();
    // findings come in runs of one rule: look its rank up once per run
    let mut last: Option<(&str, u16)> = None;
    let mut rank = |rule: &'static str| match last {
        Some((seen, r)) if std::ptr::eq(seen, rule) || seen == rule => Some(r),
        _ => {
            let r = u16::try_from(ranks.binary_search(&rule).ok()?).ok()?;
            last = Some((rule, r));
            Some(r)
        }
    };
    let keys: Option<Vec<Key>> = out
        .iter()
        .enumerate()
        .map(|(i, f)| {
            Some(Key {
                start: u32::try_from(f.span.start).ok()?,
                end: u32::try_from(f.span.end).ok()?,
                rule: rank(f.rule)?,
                index: u32::try_from(i).ok()?,
            })
        })
        .collect();
    // a rule outside the registry or a span past 4 GiB: the plain sort
    let Some(mut keys) = keys else { return out.sort_by(in_order) };
    // the stable sort finds the runs each rule's findings already form (its
    // scratch is half the keys, not half the findings)
    keys.sort();
    // position i takes the finding at keys[i].index: follow each cycle of
    // the permutation once, marking a done position with its own index
    let mut from: Vec<u32> = keys.into_iter().map(|k| k.index).collect();
    for i in 0..from.len() {
        let mut at = i;
        while from[at] as usize != i {
            let next = from[at] as usize;
            out.swap(at, next);
            from[at] = at as u32;
            at = next;
        }
        from[at] = at as u32;
    }
}

/// The sort key of one finding, field order = comparison order.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    start: u32,
    end: u32,
    rule: u16,
    index: u32,
}

/// Every registered rule id in string order: a rule's rank orders its
/// findings as comparing the ids would.
fn rule_ranks() -> &'static [&'static str] {
    static RANKS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    RANKS.get_or_init(|| {
        let mut ids: Vec<&'static str> = registry::RULES.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    /// Findings in a scrambled order with many ties, as the plain stable
    /// sort orders them and as `sort_by_position` does.
    fn both(n: usize, rules: &[&'static str]) -> (Vec<Finding>, Vec<Finding>) {
        let mut seed = 0x2545_f491_u64;
        let mut next = move |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m) as usize
        };
        let findings: Vec<Finding> = (0..n)
            .map(|i| {
                let start = next(20);
                let span = Span::new(start, start + next(3));
                Finding::new(rules[next(rules.len() as u64)], span, format!("第 {i} 条"))
            })
            .collect();
        let mut expected = findings.clone();
        expected
            .sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.span.end.cmp(&b.span.end)).then(a.rule.cmp(b.rule)));
        let mut got = findings;
        sort_by_position(&mut got);
        (expected, got)
    }

    #[test]
    fn the_key_sort_orders_findings_like_the_stable_sort() {
        let rules: Vec<&'static str> = registry::RULES.iter().map(|r| r.id).take(5).collect();
        for n in [0, 1, 2, 7, 100, 5_000] {
            let (expected, got) = both(n, &rules);
            assert_eq!(got, expected, "{n} findings");
        }
    }

    #[test]
    fn a_rule_outside_the_registry_falls_back_to_the_plain_sort() {
        let (expected, got) = both(300, &["zz/not-registered", registry::RULES[0].id]);
        assert_eq!(got, expected);
    }
}
