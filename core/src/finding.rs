//! What a check reports: a finding, its severity and its fixes.

use crate::span::Span;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
            Severity::Hint => "建议",
        }
    }
}

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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    /// Safe fixes change nothing the author meant (a "/" to 0, a total to the
    /// sum of its parts); `check --fix` and "fix all" apply only these.
    pub safe: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    pub span: Span,
    pub message: String,
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
        self.related.push(Related { span, message: message.into() });
        self
    }
    pub fn fix(mut self, title: impl Into<String>, edits: Vec<Edit>, safe: bool) -> Self {
        self.fixes.push(Fix { title: title.into(), edits, safe });
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
