//! Code actions. Every action is a plain `WorkspaceEdit` (`changes` map):
//! editors that cannot run client-side commands still apply them.

use super::convert::Conv;
use super::diagnostics::to_diagnostic;
use super::documents::DocKind;
use super::snapshot::Snapshot;
use nianbao_core::fix::{rebuild, skeleton};
use nianbao_core::ide::locate::table_extent;
use nianbao_core::syntax::TableStyle;
use nianbao_core::{ColumnUnit, Edit, Finding, FixPlan, Span};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tower_lsp_server::lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, Range, TextEdit, Uri, WorkspaceEdit,
};

pub const FIX_ALL: CodeActionKind = CodeActionKind::new("source.fixAll.nianbao");

/// Findings whose quick fixes and "disable" actions one request offers. A
/// light-bulb menu is unusable past a screenful, and a whole-document
/// selection of a document with a million findings made a 394 MB reply
/// (each action carries its diagnostic): the first 100 in the selection, in
/// document order, is at most ~400 actions.
pub const MAX_ACTION_FINDINGS: usize = 100;
/// Table rebuilds offered at once (each carries a whole table's text).
pub const MAX_REBUILDS: usize = 10;
/// Edits one "fix all" carries; past this it fixes the first ones and
/// says so (run it again, or `nianbao check --fix`, for the rest).
pub const MAX_FIX_ALL_EDITS: usize = 10_000;

/// Whether an action of `kind` passes the client's `only` filter
/// (`quickfix` admits `quickfix.x`, `source` admits `source.fixAll.nianbao`).
fn wanted(kind: &CodeActionKind, only: Option<&[CodeActionKind]>) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|o| kind.as_str() == o.as_str() || kind.as_str().starts_with(&format!("{}.", o.as_str())))
    })
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// The year a new report is for: the configured one, else last year.
pub fn skeleton_year(snap: &Snapshot) -> i32 {
    snap.config.report_year.unwrap_or_else(|| current_year() - 1)
}

/// The current year (UTC), from the system clock.
fn current_year() -> i32 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    // days since 1970-01-01 to a civil year (H. Hinnant's algorithm)
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let year = yoe + era * 400 + i64::from(mp >= 10);
    year as i32
}

/// An action whose edits are computed only when the user picks it
/// (`codeAction/resolve`), for clients that can resolve: rendering a table
/// rebuild or the whole document's fix-all for every light-bulb request is
/// the cost lazy fixes exist to avoid. The indices are into the snapshot of
/// `version`; a resolve against another version is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "do", rename_all = "camelCase")]
pub enum Deferred {
    /// Fix `fix` of finding `finding`.
    Fix { finding: usize, fix: usize },
    /// The standard-shape rebuild of table `table`.
    Rebuild { table: usize },
    /// Every safe fix in the document.
    FixAll,
}

/// `CodeAction.data` of a deferred action.
#[derive(Debug, Serialize, Deserialize)]
pub struct ResolveData {
    pub uri: Uri,
    pub version: i32,
    #[serde(flatten)]
    pub what: Deferred,
}

/// What an action does: edits known now, or a [`Deferred`] computation.
enum Work {
    Now(Vec<Edit>),
    Later(Deferred),
}

/// The edits of a deferred action on the snapshot it was offered on.
/// `None` when the indices do not fit it.
pub fn deferred_edits(snap: &Snapshot, what: Deferred) -> Option<Vec<Edit>> {
    let text = snap.text.as_str();
    let report = &snap.analysis.report;
    Some(match what {
        Deferred::Fix { finding, fix } => {
            snap.analysis.edits(text, snap.analysis.findings.get(finding)?.fixes.get(fix)?)
        }
        Deferred::Rebuild { table } => vec![rebuild::replace_edit(text, report.tables.get(table)?, report.format)],
        Deferred::FixAll => {
            let mut kept = nianbao_core::fix::safe_plan(text, report, &snap.analysis.findings);
            kept.truncate(MAX_FIX_ALL_EDITS);
            kept
        }
    })
}

struct Builder<'a> {
    snap: &'a Snapshot,
    conv: Conv<'a>,
    out: Vec<CodeActionOrCommand>,
    only: Option<&'a [CodeActionKind]>,
    /// The client resolves actions: defer what is costly to compute.
    lazy: bool,
}

impl Builder<'_> {
    fn edit(&self, edits: &[Edit]) -> WorkspaceEdit {
        workspace_edit(self.snap, &self.conv, edits)
    }

    fn push(&mut self, title: String, kind: CodeActionKind, work: Work, diagnostics: Vec<Diagnostic>, preferred: bool) {
        if !wanted(&kind, self.only) {
            return;
        }
        let (edit, data) = match work {
            Work::Now(edits) => (Some(self.edit(&edits)), None),
            Work::Later(what) if self.lazy => {
                let data = ResolveData { uri: self.snap.uri.clone(), version: self.snap.version, what };
                (None, serde_json::to_value(data).ok())
            }
            Work::Later(what) => (deferred_edits(self.snap, what).map(|e| self.edit(&e)), None),
        };
        self.out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title,
            kind: Some(kind),
            diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
            edit,
            is_preferred: preferred.then_some(true),
            data,
            ..Default::default()
        }));
    }
}

/// A `changes`-map edit of the snapshot's document.
pub fn workspace_edit(snap: &Snapshot, conv: &Conv, edits: &[Edit]) -> WorkspaceEdit {
    let text_edits =
        edits.iter().map(|e| TextEdit { range: conv.range(e.span), new_text: e.new_text.clone() }).collect();
    WorkspaceEdit { changes: Some(HashMap::from([(snap.uri.clone(), text_edits)])), ..Default::default() }
}

/// Where a finding's quick fixes are offered: its span, and for a missing
/// table anywhere in the section that lacks it.
fn trigger(snap: &Snapshot, f: &Finding) -> Span {
    let report = &snap.analysis.report;
    if f.fixes.iter().any(|x| matches!(x.plan, FixPlan::InsertTable { .. })) {
        if let Some(s) = report.sections.iter().find(|s| s.heading.span == f.span) {
            return s.heading.line.cover(s.body);
        }
    }
    f.span
}

/// The line break used after the line holding `offset`.
fn line_break_at(text: &str, offset: usize) -> &'static str {
    match text[offset..].find(['\r', '\n']) {
        Some(i) if text[offset + i..].starts_with("\r\n") => "\r\n",
        Some(i) if text[offset + i..].starts_with('\r') => "\r",
        Some(_) => "\n",
        None if text.contains("\r\n") => "\r\n",
        None => "\n",
    }
}

pub fn code_actions(
    snap: &Snapshot,
    unit: ColumnUnit,
    range: Range,
    only: Option<&[CodeActionKind]>,
    lazy: bool,
) -> Vec<CodeActionOrCommand> {
    let mut b = Builder { snap, conv: snap.conv(unit), out: Vec::new(), only, lazy };
    let sel = b.conv.span(range);
    let text = snap.text.as_str();
    let report = &snap.analysis.report;

    if text.trim().is_empty() {
        let style = if snap.kind == DocKind::Markdown { TableStyle::Markdown } else { TableStyle::Tsv };
        let year = skeleton_year(snap);
        let body = skeleton::report(year, None, style) + "\n";
        let edit = Edit::replace(Span::new(0, text.len()), body);
        b.push(
            format!("插入{year}年度报告模板"),
            CodeActionKind::REFACTOR_REWRITE,
            Work::Now(vec![edit]),
            Vec::new(),
            false,
        );
        return b.out;
    }
    if !snap.checked {
        return b.out;
    }
    let findings = &snap.analysis.findings;

    // quick fixes, then "disable on this line", for each finding in range
    let here: Vec<(usize, &Finding)> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| overlaps(trigger(snap, f), sel))
        .take(MAX_ACTION_FINDINGS)
        .collect();
    for &(i, f) in &here {
        let diag = to_diagnostic(f, snap, &b.conv);
        for (j, fix) in f.fixes.iter().enumerate() {
            let work = Work::Later(Deferred::Fix { finding: i, fix: j });
            b.push(fix.title.clone(), CodeActionKind::QUICKFIX, work, vec![diag.clone()], fix.safe);
        }
    }

    // a damaged table: rebuild it in the standard shape, keeping its numbers
    // (unless a finding's own fix is that very rebuild)
    let mut rebuilds = 0;
    for (ti, t) in report.tables.iter().enumerate() {
        if rebuilds == MAX_REBUILDS {
            break;
        }
        let extent = table_extent(t);
        if !overlaps(extent, sel) {
            continue;
        }
        let damage: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.rule.starts_with("table/") && extent.touches(f.span.start))
            .take(MAX_ACTION_FINDINGS)
            .collect();
        if damage.is_empty() {
            continue;
        }
        let same = FixPlan::RebuildTable { table: ti, format: report.format };
        if here.iter().any(|(_, f)| f.fixes.iter().any(|x| x.plan == same)) {
            continue;
        }
        let diags = damage.iter().map(|f| to_diagnostic(f, snap, &b.conv)).collect();
        let work = Work::Later(Deferred::Rebuild { table: ti });
        b.push(format!("替换为标准{}（保留已有数字）", t.id.zh()), CodeActionKind::QUICKFIX, work, diags, false);
        rebuilds += 1;
    }

    let mut disabled: Vec<(usize, &str)> = Vec::new();
    for &(_, f) in &here {
        let line_start = snap.index.line_start(snap.index.line_of(f.span.start));
        if disabled.contains(&(line_start, f.rule)) {
            continue;
        }
        disabled.push((line_start, f.rule));
        let comment = format!("<!-- nianbao-disable-next-line {} -->{}", f.rule, line_break_at(text, line_start));
        let diag = to_diagnostic(f, snap, &b.conv);
        b.push(
            format!("在此行禁用 {}", f.rule),
            CodeActionKind::QUICKFIX,
            Work::Now(vec![Edit::insert(line_start, comment)]),
            vec![diag],
            false,
        );
    }

    // every safe fix in the document, overlapping ones resolved as `check
    // --fix` does; counted by findings, so the title needs no rendering
    let safe = findings.iter().filter(|f| f.fixes.iter().any(|x| x.safe)).count();
    if safe > MAX_FIX_ALL_EDITS {
        let title = format!("修复前 {MAX_FIX_ALL_EDITS} 处可安全修复的问题（共 {safe} 处，其余请再次运行）");
        b.push(title, FIX_ALL, Work::Later(Deferred::FixAll), Vec::new(), false);
    } else if safe > 0 {
        b.push(
            format!("修复全部可安全修复的问题（{safe} 处）"),
            FIX_ALL,
            Work::Later(Deferred::FixAll),
            Vec::new(),
            false,
        );
    }
    b.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_filter_admits_sub_kinds() {
        assert!(wanted(&FIX_ALL, None));
        assert!(wanted(&FIX_ALL, Some(&[CodeActionKind::SOURCE])));
        assert!(wanted(&FIX_ALL, Some(&[CodeActionKind::SOURCE_FIX_ALL])));
        assert!(!wanted(&FIX_ALL, Some(&[CodeActionKind::QUICKFIX])));
        assert!(!wanted(&CodeActionKind::new("sourcex"), Some(&[CodeActionKind::SOURCE])));
    }

    #[test]
    fn current_year_is_plausible() {
        let y = current_year();
        assert!((2024..2200).contains(&y), "{y}");
    }
}
