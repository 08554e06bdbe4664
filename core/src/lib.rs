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
pub mod ide;
pub mod invisible;
pub mod model;
pub mod rules;
pub mod severity;
pub mod span;
pub mod syntax;
pub mod text_edit;

pub use check::Previous;
pub use config::Config;
pub use finding::{Edit, Finding, Fix, FixPlan};
pub use model::Report;
pub use severity::Severity;
pub use span::{ColumnUnit, LineIndex, Span};

/// The result of checking one document.
#[derive(Debug)]
pub struct Analysis {
    pub report: Report,
    /// Sorted by position, suppressions and configuration applied.
    pub findings: Vec<Finding>,
}

impl Analysis {
    /// The edits of one of this analysis's fixes (`text` being the text
    /// analysed), computed now: see [`fix::edits`].
    pub fn edits(&self, text: &str, fix: &Fix) -> Vec<Edit> {
        fix::edits(text, &self.report, fix)
    }

    /// Add the cross-year findings against last year's report (`text` being
    /// the text analysed). Separate from [`analyze`] so that a front end
    /// can pair reports after analysing them, paying only for these rules.
    pub fn add_previous(&mut self, text: &str, config: &Config, previous: &Previous) {
        self.merge(check::run_cross_year(text, &self.report, config, previous));
    }

    /// Add findings computed apart ([`check::run_cross_year`]), keeping the
    /// order.
    pub fn merge(&mut self, extra: Vec<Finding>) {
        if extra.is_empty() {
            return;
        }
        self.findings.extend(extra);
        // the order check::run gives (stable: same-place findings keep theirs)
        self.findings.sort_by_key(|g| (g.span.start, g.span.end, g.rule));
    }
}

/// [`analyze`] with last year's report of the same body, for the
/// cross-year rules (`None`: they find nothing).
pub fn analyze_with(text: &str, config: &Config, previous: Option<&Previous>) -> Analysis {
    let mut a = analyze(text, config);
    if let Some(p) = previous {
        a.add_previous(text, config, p);
    }
    a
}

/// Check a draft. Never panics on any input (fuzzed); does no I/O.
pub fn analyze(text: &str, config: &Config) -> Analysis {
    match analyze_until(text, config, &|| false) {
        Some(a) => a,
        // `stop` never says so: unreachable, but an analysis is owed
        None => Analysis { report: Report::build(text, config), findings: Vec::new() },
    }
}

/// [`analyze`], giving up (`None`) as soon as `stop` says so. `stop` is
/// asked between the phases and between rules, so a front end can abandon
/// an analysis nobody wants any more (the server: a newer version arrived,
/// the request was cancelled) without the library knowing why.
pub fn analyze_until(text: &str, config: &Config, stop: &dyn Fn() -> bool) -> Option<Analysis> {
    analyze_in(text, config, stop, None)
}

/// What a front end keeps of one document between its analyses
/// ([`analyze_memo`]): the last version's table rows and the reading of its
/// paragraphs, which an edit elsewhere leaves as they were. Bounded by one
/// version's rows and prose.
#[derive(Default)]
pub struct Memo {
    prose: model::prose::Memo,
    rows: syntax::row_memo::RowMemo,
    tables: model::table_memo::TableMemo,
}

impl Memo {
    /// Paragraphs the last analysis copied instead of reading them.
    pub fn reused_paragraphs(&self) -> usize {
        self.prose.reused()
    }

    /// Table rows kept for the next analysis.
    pub fn rows(&self) -> usize {
        self.rows.len()
    }

    /// Mapped tables kept for the next analysis.
    pub fn tables(&self) -> usize {
        self.tables.len()
    }
}

/// [`analyze_until`] for a front end that analyses one document version
/// after version (the language server): `memo` keeps what the last version
/// split and read, and the rows and paragraphs an edit did not touch are
/// copied instead of split and read again ([`Memo`]). The analysis is the
/// same as without.
pub fn analyze_memo(text: &str, config: &Config, stop: &dyn Fn() -> bool, memo: &mut Memo) -> Option<Analysis> {
    analyze_in(text, config, stop, Some(memo))
}

fn analyze_in(text: &str, config: &Config, stop: &dyn Fn() -> bool, memo: Option<&mut Memo>) -> Option<Analysis> {
    let (rows, tables, prose) = match memo {
        Some(m) => (Some(&mut m.rows), Some(&mut m.tables), Some(&mut m.prose)),
        None => (None, None, None),
    };
    // Zero-width and bidi characters copied from web pages split "2025年"
    // or a row label for every rule: read a copy without them, then map
    // every span back, so findings and the report point into `text`.
    let Some(clean) = invisible::Cleaned::new(text) else {
        let report = Report::build_memo(text, config, stop, rows, tables)?;
        if stop() {
            return None;
        }
        let findings = check::run::run_in(text, &report, config, stop, true, prose)?;
        return Some(Analysis { report, findings });
    };
    let mut report = Report::build_memo(&clean.text, config, stop, rows, tables)?;
    if stop() {
        return None;
    }
    let mut findings = check::run::run_in(&clean.text, &report, config, stop, true, prose)?;
    // text/invisible-char is the one rule that must see the original; the
    // cleaned copy gave it nothing. Severity and suppression as in check::run.
    let rule = &check::text::invisible_char::RULE;
    let (id, default) = (rule.id, rule.severity);
    let suppressed = check::suppress::Suppressions::new(&clean.text, &report.syntax).suppressed(id, clean.first_run());
    let extra = config.severity_of(id, default).filter(|_| !suppressed).and_then(|severity| {
        let mut f = check::text::invisible_char::finding(text)?;
        f.severity = severity;
        Some(f)
    });
    clean.report(&mut report);
    for f in &mut findings {
        clean.finding(f);
    }
    // the mapping keeps the order check::run sorted in
    if let Some(f) = extra {
        let key = |g: &Finding| (g.span.start, g.span.end, g.rule);
        let at = findings.partition_point(|g| key(g) <= key(&f));
        findings.insert(at, f);
    }
    Some(Analysis { report, findings })
}
