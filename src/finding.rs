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
    /// A finding at the rule's default severity; configuration may change it later.
    pub fn new(rule: &'static str, span: Span, message: impl Into<String>) -> Self {
        let severity = crate::rules::lookup(rule).map(|r| r.severity).unwrap_or(Severity::Warning);
        Finding { rule, severity, span, message: message.into(), related: Vec::new(), fixes: Vec::new() }
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
