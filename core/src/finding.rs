//! What a check reports: a finding, its severity and its fixes.

use crate::config::FormatVersion;
use crate::model::TableId;
pub use crate::severity::Severity;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// At most `max_chars` characters of `text` for quoting in a message, cut
/// in the middle with "…" so both ends stay recognisable. Messages quote the
/// document; without a bound a 1 MB clause copied into each of thousands of
/// findings made gigabytes of output. Line breaks and other controls become
/// spaces: a message is one line.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let clean = |c: char| if c.is_control() || c == '\u{2028}' || c == '\u{2029}' { ' ' } else { c };
    // count only as far as needed: the text may be megabytes long
    if text.chars().nth(max_chars).is_none() {
        return text.chars().map(clean).collect();
    }
    let keep = max_chars.saturating_sub(1);
    let head = keep - keep / 2;
    let tail = keep / 2;
    let mut out: String = text.chars().take(head).map(clean).collect();
    out.push('…');
    let back: Vec<char> = text.chars().rev().take(tail).collect();
    out.extend(back.into_iter().rev().map(clean));
    out
}

/// Replace `span` with `new_text`; an empty span inserts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub span: Span,
    pub new_text: String,
}

impl Edit {
    pub fn replace(span: Span, new_text: impl Into<String>) -> Self {
        Edit { span, new_text: new_text.into() }
    }
    pub fn insert(at: usize, new_text: impl Into<String>) -> Self {
        Edit { span: Span::empty(at), new_text: new_text.into() }
    }
}

/// A fix as a finding describes it: what and why, and what to do. The
/// text to write is computed only when a front end asks
/// (`nianbao_core::fix::edits`: `--fix`, a code action), never on every
/// analysis: a rebuilt table or an inserted section is kilobytes, and every
/// keystroke analyses the document again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub plan: FixPlan,
    /// Safe fixes change nothing the author meant (a "/" to 0, a total to the
    /// sum of its parts); `check --fix` and "fix all" apply only these.
    pub safe: bool,
}

/// What a fix does. Spans and offsets are into the analysed text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FixPlan {
    /// A few small edits the rule computed (a cell, a word, a total).
    Edits(Vec<Edit>),
    /// Swap a table (its index in `Report::tables`) for the standard one of
    /// `format`, keeping its numbers.
    RebuildTable { table: usize, format: FormatVersion },
    /// Insert standard section `number` at `at` (with its table when
    /// `with_table`), `before` and `after` being the line breaks around it.
    InsertSection { number: u32, at: usize, with_table: bool, before: &'static str, after: &'static str },
    /// Insert the standard empty table `id` at `at`, the end of a heading
    /// line whose line break is `line_break`.
    InsertTable { id: TableId, at: usize, line_break: &'static str },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// Into the analysed text, or into last year's when `in_previous`.
    pub span: Span,
    pub message: String,
    /// The span is in last year's report (the cross-year rules): a front
    /// end names that file, not this one.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_previous: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub related: Vec<Related>,
    pub fixes: Vec<Fix>,
}

impl Finding {
    /// A finding of the rule `rule` (its `RULE.id`). Its severity is set by
    /// the run, from the rule's declaration and the configuration.
    pub fn new(rule: &'static str, span: Span, message: impl Into<String>) -> Self {
        Finding {
            rule,
            severity: Severity::Warning,
            span,
            message: message.into(),
            related: Vec::new(),
            fixes: Vec::new(),
        }
    }
    pub fn related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related { span, message: message.into(), in_previous: false });
        self
    }
    /// Related information in last year's report (`Previous::text`).
    pub fn related_in_previous(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related { span, message: message.into(), in_previous: true });
        self
    }
    pub fn fix(self, title: impl Into<String>, edits: Vec<Edit>, safe: bool) -> Self {
        self.fix_plan(title, FixPlan::Edits(edits), safe)
    }
    pub fn fix_plan(mut self, title: impl Into<String>, plan: FixPlan, safe: bool) -> Self {
        self.fixes.push(Fix { title: title.into(), plan, safe });
        self
    }
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpt_keeps_short_text_and_cuts_long_text_in_the_middle() {
        assert_eq!(excerpt("共收到申请13件", 40), "共收到申请13件");
        assert_eq!(excerpt("", 40), "");
        let long = format!("开头{}结尾", "数".repeat(100_000));
        let e = excerpt(&long, 40);
        assert_eq!(e.chars().count(), 40);
        assert!(e.starts_with("开头") && e.ends_with("结尾") && e.contains('…'), "{e}");
        assert_eq!(excerpt("一二三四五", 5), "一二三四五");
        assert_eq!(excerpt("一二三四五六", 5), "一二…六".replace("…六", "…五六"));
        assert_eq!(excerpt("甲\n乙\u{2028}丙", 40), "甲 乙 丙");
    }
}
