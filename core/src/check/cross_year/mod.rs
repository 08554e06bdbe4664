//! cross-year: this year's report against last year's of the same body
//! (`Ctx::previous`). Without last year's report these rules find nothing.

pub mod carry_over;
pub mod copied_text;
pub mod rules_in_force;

use crate::check::rule::Rule;
use crate::finding::Finding;
use crate::span::Span;

/// Whether a rule is of this family: `check::run_cross_year` runs only these.
pub(crate) fn member(rule: &Rule) -> bool {
    rule.id.starts_with("cross-year/")
}

/// A finding at the rule's declared level: `run_cross_year` keeps the level
/// a rule gives unless the configuration sets one (copied-text grades its
/// findings by similarity).
fn finding(rule: &Rule, span: Span, message: String) -> Finding {
    let mut f = Finding::new(rule.id, span, message);
    f.severity = rule.severity;
    f
}
