//! `check DIR… --summary FILE`: one row per report for the office that
//! collects them — file, body, year, body level, errors, warnings, a count
//! per rule, whether last year's report was found — with totals, written
//! as CSV or a self-contained HTML page by the file's extension.
//! `--expect FILE` names the bodies that must have a report; the summary
//! lists those that have none.

mod csv;
mod html;
pub mod level;

use super::kept::Done;
use super::{Checked, Outcome, decode, names, position, settings};
use nianbao_core::model::identity;
use nianbao_core::rules::RULES;
use nianbao_core::{LineIndex, Severity};
use std::collections::HashSet;
use std::path::Path;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Csv,
    Html,
}

/// The format the summary file's extension asks for.
pub fn kind_of(path: &Path) -> Result<Kind, String> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("csv") => Ok(Kind::Csv),
        Some("html" | "htm") => Ok(Kind::Html),
        _ => Err(format!("--summary {}：文件扩展名应为 .csv 或 .html", names::shown(path))),
    }
}

/// Findings listed per report in the HTML page; the counts include all.
const MAX_LISTED: usize = 300;

pub struct Finding {
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub rule: &'static str,
    pub message: String,
}

pub struct Row {
    pub file: String,
    pub body: Option<String>,
    pub year: Option<i32>,
    pub level: Option<level::Level>,
    /// `None`: not checked (unreadable, bad config); the reason is `note`.
    pub counts: Option<Counts>,
    pub previous: bool,
    pub note: Option<String>,
    pub findings: Vec<Finding>,
    /// Findings beyond `findings`.
    pub more: usize,
}

#[derive(Default, Clone)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    /// By column of `Summary::rules`.
    pub by_rule: Vec<usize>,
}

pub struct Summary {
    /// Every rule id, in catalogue order: the CSV's columns are the same
    /// in every run, so scripts and spreadsheets can rely on them.
    pub rules: Vec<&'static str>,
    pub rows: Vec<Row>,
    pub totals: Counts,
    pub reports: usize,
    pub with_previous: usize,
    /// Expected bodies without a report, as the list spells them.
    pub missing: Vec<String>,
}

/// A body name as a title writes it, for people: without a breadcrumb
/// before it, a leading year, quotes or a trailing "关于".
fn display_body(raw: &str) -> String {
    let name = raw.rsplit(['/', '>', '»']).next().unwrap_or(raw);
    let name = name.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || c == '年');
    let mut s: String = name.chars().filter(|c| !matches!(c, '《' | '》' | '“' | '”' | '"' | '*' | '#')).collect();
    for tail in ["关于", "的"] {
        if let Some(t) = s.strip_suffix(tail) {
            s.truncate(t.len());
        }
    }
    s.trim().to_owned()
}

/// The bodies of `--expect FILE`: one a line; blank lines and `#` lines
/// are skipped; GBK and BOMs are read like the drafts.
pub fn read_expected(path: &Path) -> Result<Vec<String>, String> {
    let shown = names::shown(path);
    let bytes = std::fs::read(path).map_err(|e| format!("--expect {shown}：{}", super::walk::io_message(&e)))?;
    let (text, _) = decode::decode(&bytes).map_err(|e| format!("--expect {shown}：{e}"))?;
    Ok(text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_owned).collect())
}

/// One checked file's row, made while its analysis is at hand.
pub fn row(path: &Path, c: &Checked) -> Row {
    let column: std::collections::HashMap<&str, usize> = RULES.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let report = &c.analysis.report;
    let body = report.title.as_ref().and_then(|t| t.body.as_deref()).map(display_body).filter(|b| !b.is_empty());
    let mut counts = Counts { by_rule: vec![0; RULES.len()], ..Counts::default() };
    for f in &c.analysis.findings {
        match f.severity {
            Severity::Error => counts.errors += 1,
            Severity::Warning => counts.warnings += 1,
            Severity::Info | Severity::Hint => {}
        }
        if let Some(&i) = column.get(f.rule) {
            counts.by_rule[i] += 1;
        }
    }
    let idx = LineIndex::new(&c.text);
    let findings = c
        .analysis
        .findings
        .iter()
        .take(MAX_LISTED)
        .map(|f| {
            let (line, column) = position(&c.text, &idx, f.span.start);
            Finding { line, column, severity: f.severity, rule: f.rule, message: f.message.clone() }
        })
        .collect();
    Row {
        file: names::shown(path),
        level: body.as_deref().and_then(level::of),
        body,
        year: report.report_year,
        counts: Some(counts),
        previous: c.previous.is_some(),
        note: c.encoding.note().map(str::to_owned),
        findings,
        more: c.analysis.findings.len().saturating_sub(MAX_LISTED),
    }
}

/// The summary from the rows the files left (taken out of them).
pub fn build(results: &mut [Done], expected: &[String]) -> Summary {
    let mut rows = Vec::with_capacity(results.len());
    for r in results.iter_mut() {
        let row = match &mut r.outcome {
            Outcome::Checked(k) => k.row.take(),
            other => Some(Row {
                file: names::shown(&r.path),
                body: None,
                year: None,
                level: None,
                counts: None,
                previous: false,
                note: Some(m_of(other)),
                findings: Vec::new(),
                more: 0,
            }),
        };
        rows.extend(row);
    }
    let mut per_rule = vec![0usize; RULES.len()];
    for c in rows.iter().filter_map(|r| r.counts.as_ref()) {
        per_rule.iter_mut().zip(&c.by_rule).for_each(|(t, n)| *t += n);
    }
    let mut totals = Counts { by_rule: per_rule, ..Counts::default() };
    for c in rows.iter().filter_map(|r| r.counts.as_ref()) {
        totals.errors += c.errors;
        totals.warnings += c.warnings;
    }
    // a report whose title names no body (misspelt, missing) still counts
    // for the body its file is named after ("下冶镇.txt"), as offices name them
    let stems = results.iter().filter(|r| matches!(r.outcome, Outcome::Checked(_)));
    let stems = stems.filter_map(|r| r.path.file_stem()?.to_str()).map(identity::body_key);
    let have: HashSet<String> =
        rows.iter().filter_map(|r| r.body.as_deref()).map(identity::body_key).chain(stems).collect();
    let mut seen = HashSet::new();
    let missing = expected
        .iter()
        .filter(|b| {
            let key = identity::body_key(b);
            !have.contains(&key) && seen.insert(key)
        })
        .cloned()
        .collect();
    Summary {
        rules: RULES.iter().map(|r| r.id).collect(),
        reports: rows.iter().filter(|r| r.counts.is_some()).count(),
        with_previous: rows.iter().filter(|r| r.previous).count(),
        rows,
        totals,
        missing,
    }
}

fn m_of<C>(o: &Outcome<C>) -> String {
    match o {
        Outcome::Failed(m) => m.clone(),
        Outcome::ConfigFailed(e) => settings::describe(e),
        Outcome::Checked(_) => String::new(),
    }
}

/// Checks `--summary`/`--expect` before the run (a wrong extension must
/// not cost a long check) and reads the expected bodies.
pub fn arguments(summary: Option<&Path>, expect: Option<&Path>) -> Result<Vec<String>, String> {
    let Some(summary) = summary else { return Ok(Vec::new()) };
    kind_of(summary)?;
    expect.map_or(Ok(Vec::new()), read_expected)
}

/// Writes the summary and says on stderr where it is and which expected
/// bodies have no report.
pub fn finish(path: &Path, results: &mut [Done], expected: &[String]) -> Result<(), ()> {
    match write(path, results, expected) {
        Ok(s) => {
            if !s.missing.is_empty() {
                eprintln!("warning: {} 个机关没有找到报告：{}", s.missing.len(), s.missing.join("、"));
            }
            eprintln!("note: 汇总已写入 {}（{} 份报告）", names::shown(path), s.reports);
            Ok(())
        }
        Err(m) => {
            eprintln!("error: {m}");
            Err(())
        }
    }
}

/// Writes the summary in the format of `path`'s extension and returns it
/// (the caller names the missing bodies on stderr).
pub fn write(path: &Path, results: &mut [Done], expected: &[String]) -> Result<Summary, String> {
    let summary = build(results, expected);
    let bytes = match kind_of(path)? {
        Kind::Csv => csv::render(&summary).into_bytes(),
        Kind::Html => html::render(&summary).into_bytes(),
    };
    std::fs::write(path, bytes).map_err(|e| format!("--summary {}：无法写入（{e}）", names::shown(path)))?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_shown_as_titles_write_them() {
        assert_eq!(display_body("首页/政务公开/下冶镇人民政府"), "下冶镇人民政府");
        assert_eq!(display_body("2025湖口县大垅乡"), "湖口县大垅乡");
        assert_eq!(display_body("《某县交通运输局关于"), "某县交通运输局");
    }

    #[test]
    fn summary_files_are_csv_or_html_by_extension() {
        assert_eq!(kind_of(Path::new("汇总.CSV")), Ok(Kind::Csv));
        assert_eq!(kind_of(Path::new("a/汇总.htm")), Ok(Kind::Html));
        assert!(kind_of(Path::new("汇总.xlsx")).unwrap_err().contains(".csv 或 .html"));
        assert!(kind_of(Path::new("汇总")).is_err());
    }
}
