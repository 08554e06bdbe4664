//! Every rule, in catalogue order: the one list `nianbao rules`, `explain`,
//! configuration and the run read.

use super::rule::Rule;
use super::{basis, content, cross_year, deadline, plausibility, prose, structure, table, tally, text, year};

pub static RULES: &[&Rule] = &[
    &structure::missing_section::RULE,
    &structure::section_order::RULE,
    &structure::heading_typo::RULE,
    &structure::missing_table::RULE,
    &structure::empty_section::RULE,
    &table::missing_column::RULE,
    &table::missing_row::RULE,
    &table::extra_row::RULE,
    &table::row_width::RULE,
    &table::bad_cell::RULE,
    &table::outdated_format::RULE,
    &tally::row_total::RULE,
    &tally::result_total::RULE,
    &tally::balance::RULE,
    &tally::review_total::RULE,
    &year::unknown::RULE,
    &year::mismatch::RULE,
    &year::plan::RULE,
    &year::stale::RULE,
    &year::future::RULE,
    &year::malformed::RULE,
    &prose::missing_number::RULE,
    &prose::enumeration_sum::RULE,
    &prose::table_mismatch::RULE,
    &basis::outdated::RULE,
    &content::fee_statement::RULE,
    &plausibility::township_rules::RULE,
    &deadline::late::RULE,
    &text::invisible_char::RULE,
    &cross_year::carry_over::RULE,
    &cross_year::rules_in_force::RULE,
    &cross_year::copied_text::RULE,
];

/// The rule with this id.
pub fn lookup(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}
