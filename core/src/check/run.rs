//! Running the rules over one analysed document.

use super::ctx::Ctx;
use super::ctx::Previous;
use super::{cross_year, registry, suppress};
use crate::config::Config;
use crate::finding::Finding;
use crate::model::Report;
use crate::model::prose::Prose;

/// Run every enabled rule, apply configured severities and suppression
/// comments, and sort by position.
pub fn run(text: &str, report: &Report, config: &Config) -> Vec<Finding> {
    run_until(text, report, config, &|| false).unwrap_or_default()
}

/// [`run`], abandoned (`None`) when `stop` returns true; it is asked before
/// each rule, the granularity at which a front end can cancel.
pub fn run_until(text: &str, report: &Report, config: &Config, stop: &dyn Fn() -> bool) -> Option<Vec<Finding>> {
    // Lets tests prove that the front ends survive a panicking analysis;
    // it sits outside the per-rule guard on purpose.
    #[cfg(feature = "test-panic")]
    if text.contains("NIANBAO_PANIC") {
        panic!("test-panic: analysis panicked on purpose");
    }
    // shared by the prose rules; a bug in reading it costs those rules'
    // findings, like a bug in one rule, never the analysis
    let prose = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Prose::read_until(text, report, stop))) {
        Ok(Some(prose)) => prose,
        Ok(None) => return None,
        Err(_) => Prose::default(),
    };
    let cx = Ctx { text, report, config, prose: &prose, previous: None, facts: Default::default() };
    let mut out = Vec::new();
    for rule in registry::RULES {
        if stop() {
            return None;
        }
        let Some(severity) = config.severity_of(rule.id, rule.severity) else { continue };
        let start = out.len();
        // A bug in one rule must cost only that rule's findings, never the
        // whole analysis (the CLI checks thousands of files in one run).
        let mut mine = Vec::new();
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (rule.check)(&cx, &mut mine)));
        if ran.is_ok() {
            out.extend(mine);
        }
        for f in &mut out[start..] {
            f.severity = severity;
        }
    }
    // sorted first so suppressions apply in one sweep; the sort is stable,
    // so filtering after it keeps the order filtering before it gave
    out.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.span.end.cmp(&b.span.end)).then(a.rule.cmp(b.rule)));
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
    let cx = Ctx { text, report, config, prose: &prose, previous: Some(previous), facts: Default::default() };
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
    out.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.span.end.cmp(&b.span.end)).then(a.rule.cmp(b.rule)));
    suppress::Suppressions::new(text, &report.syntax).retain_unsuppressed(&mut out);
    out
}
