//! nianbao: checks 政府信息公开工作年度报告 drafts against the national format.
//!
//! Data flows one way: text → [`syntax`] (blocks, tables, cells with byte
//! spans) → [`model`] (the standard format, and the draft mapped onto it) →
//! [`check`] (one module per rule) → [`fix`] (edits, skeletons). The library
//! does no I/O and knows no LSP types; the `nianbao` binary's `cli` and `lsp`
//! modules are the only front ends.

pub mod check;
pub mod config;
pub mod finding;
pub mod fix;
pub mod model;
pub mod rules;
pub mod span;
pub mod syntax;
pub mod text_edit;

pub use config::Config;
pub use finding::{Edit, Finding, Fix, Severity};
pub use model::Report;
pub use span::{ColumnUnit, LineIndex, Span};

/// The result of checking one document.
#[derive(Debug)]
pub struct Analysis {
    pub report: Report,
    /// Sorted by position, suppressions and configuration applied.
    pub findings: Vec<Finding>,
}

/// Check a draft. Never panics on any input (fuzzed); does no I/O.
pub fn analyze(text: &str, config: &Config) -> Analysis {
    let report = Report::build(text, config);
    let findings = check::run(text, &report, config);
    Analysis { report, findings }
}

/// [`analyze`], giving up (`None`) as soon as `stop` says so. `stop` is
/// asked between the phases and between rules, so a front end can abandon
/// an analysis nobody wants any more (the server: a newer version arrived,
/// the request was cancelled) without the library knowing why.
pub fn analyze_until(text: &str, config: &Config, stop: &dyn Fn() -> bool) -> Option<Analysis> {
    let report = Report::build(text, config);
    if stop() {
        return None;
    }
    let findings = check::run_until(text, &report, config, stop)?;
    Some(Analysis { report, findings })
}
