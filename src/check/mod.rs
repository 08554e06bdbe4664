//! The rules. One file per rule, grouped by family: `check/tally/balance.rs`
//! is `tally/balance`.

pub mod basis;
pub mod content;
pub mod deadline;
pub mod plausibility;
pub mod prose;
pub mod structure;
pub mod suppress;
pub mod table;
pub mod tally;
pub mod text;
pub mod year;

use crate::config::Config;
use crate::finding::Finding;
use crate::model::Report;
use crate::model::prose::Prose;

/// What every rule sees.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub report: &'a Report,
    pub config: &'a Config,
    /// The running text read once (sentences, counts, their cells).
    pub prose: &'a Prose,
}

pub type Rule = fn(&Ctx, &mut Vec<Finding>);

/// Every rule, in catalogue order.
pub fn all() -> Vec<(&'static str, Rule)> {
    vec![
        ("structure/missing-section", structure::missing_section::check),
        ("structure/section-order", structure::section_order::check),
        ("structure/heading-typo", structure::heading_typo::check),
        ("structure/missing-table", structure::missing_table::check),
        ("structure/empty-section", structure::empty_section::check),
        ("table/missing-column", table::missing_column::check),
        ("table/missing-row", table::missing_row::check),
        ("table/extra-row", table::extra_row::check),
        ("table/row-width", table::row_width::check),
        ("table/bad-cell", table::bad_cell::check),
        ("table/outdated-format", table::outdated_format::check),
        ("tally/row-total", tally::row_total::check),
        ("tally/result-total", tally::result_total::check),
        ("tally/balance", tally::balance::check),
        ("tally/review-total", tally::review_total::check),
        ("year/unknown", year::unknown::check),
        ("year/mismatch", year::mismatch::check),
        ("year/plan", year::plan::check),
        ("year/stale", year::stale::check),
        ("year/future", year::future::check),
        ("year/malformed", year::malformed::check),
        ("prose/missing-number", prose::missing_number::check),
        ("prose/enumeration-sum", prose::enumeration_sum::check),
        ("prose/table-mismatch", prose::table_mismatch::check),
        ("basis/outdated", basis::outdated::check),
        ("content/fee-statement", content::fee_statement::check),
        ("plausibility/township-rules", plausibility::township_rules::check),
        ("deadline/late", deadline::late::check),
        ("text/invisible-char", text::invisible_char::check),
    ]
}

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
    let prose =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Prose::read(text, report))).unwrap_or_default();
    let cx = Ctx { text, report, config, prose: &prose };
    let mut out = Vec::new();
    for (id, rule) in all() {
        if stop() {
            return None;
        }
        let default = crate::rules::lookup(id).map(|r| r.severity).unwrap_or(crate::finding::Severity::Warning);
        let Some(severity) = config.severity_of(id, default) else { continue };
        let start = out.len();
        // A bug in one rule must cost only that rule's findings, never the
        // whole analysis (the CLI checks thousands of files in one run).
        let mut mine = Vec::new();
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| rule(&cx, &mut mine)));
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
