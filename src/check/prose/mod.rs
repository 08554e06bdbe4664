//! prose: numbers in the running text, checked on the prose layer
//! ([`crate::model::prose`]), which reads every sentence once.

pub mod enumeration_sum;
pub mod missing_number;
pub mod table_mismatch;

use crate::span::Span;

/// At most `max` characters of `span`'s text, with "…" where cut: messages
/// quote the text, and a clause can be megabytes long.
pub(crate) fn quote(text: &str, span: Span, max: usize) -> String {
    let s = span.slice(text).trim();
    let mut out: String = s.chars().filter(|c| !c.is_control()).take(max).collect();
    if s.chars().count() > max {
        out.push('…');
    }
    out
}
