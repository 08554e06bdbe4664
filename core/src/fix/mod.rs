//! Turning findings into text: applying edits, rendering the standard
//! tables and the report skeleton, rebuilding a damaged table.

pub mod format;
pub mod grid;
pub mod rebuild;
pub mod skeleton;

use crate::finding::{Edit, Finding, Fix, FixPlan};
use crate::model::Report;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    #[error("edit at {0}..{1} is outside the text or splits a character")]
    OutOfBounds(usize, usize),
}

/// Apply edits given against the same original text. Overlapping edits are
/// resolved by keeping the first (in position order) and dropping the rest,
/// which is what "fix all" needs when two findings propose fixes for the
/// same cell.
pub fn apply(text: &str, edits: &[Edit]) -> Result<(String, usize), ApplyError> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    let mut applied = 0;
    for e in sorted {
        let (s, t) = (e.span.start, e.span.end);
        if s > t || t > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(t) {
            return Err(ApplyError::OutOfBounds(s, t));
        }
        if s < pos {
            continue;
        }
        out.push_str(&text[pos..s]);
        out.push_str(&e.new_text);
        pos = t;
        applied += 1;
    }
    out.push_str(&text[pos..]);
    Ok((out, applied))
}

/// The edits a fix makes, rendered now from the analysed `text` and its
/// `report` (the ones the finding came from). Rebuilt tables and inserted
/// sections are rendered here, never during analysis.
pub fn edits(text: &str, report: &Report, fix: &Fix) -> Vec<Edit> {
    match &fix.plan {
        FixPlan::Edits(edits) => edits.clone(),
        FixPlan::RebuildTable { table, format } => {
            report.tables.get(*table).map(|t| rebuild::replace_edit(text, t, *format)).into_iter().collect()
        }
        FixPlan::InsertSection { number, at, with_table, before, after } => {
            let block = skeleton::section_block(*number, report.style, report.report_year, report.format, *with_table);
            vec![Edit::insert(*at, format!("{before}{block}{after}"))]
        }
        FixPlan::InsertTable { id, at, line_break } => {
            let table = skeleton::table(*id, report.style, report.format);
            let body = table.trim_end_matches('\n').replace('\n', line_break);
            // a line right below the heading (a misplaced table, a paragraph)
            // must not run on into the inserted rows: they would read as one
            // table with it, and the fix would not have inserted a table
            let end = if next_line_blank(text, *at) { "" } else { line_break };
            vec![Edit::insert(*at, format!("{line_break}{line_break}{body}{end}"))]
        }
    }
}

/// Whether the line after the one that ends at `at` is blank (spaces
/// only, as the parser counts blank) or missing.
fn next_line_blank(text: &str, at: usize) -> bool {
    let is_break = crate::syntax::lines::is_break;
    let rest = text.get(at..).unwrap_or("");
    let rest = match rest.strip_prefix("\r\n") {
        Some(after) => after,
        None => rest.strip_prefix(is_break).unwrap_or(rest),
    };
    let line = rest.split(is_break).next().unwrap_or("");
    line.chars().all(crate::syntax::normalize::is_space)
}

/// The edits of every safe fix, first fix of each finding.
pub fn safe_edits(text: &str, report: &Report, findings: &[Finding]) -> Vec<Edit> {
    findings.iter().filter_map(|f| f.fixes.iter().find(|x| x.safe)).flat_map(|x| edits(text, report, x)).collect()
}

/// What `check --fix` and the editor's "fix all" apply, one policy for
/// both: the first safe fix of each finding, taken whole or not at all (a
/// fix half applied is a fix nobody was shown). Fixes go in position order;
/// an edit identical to one already taken is the same fix proposed twice and
/// counts once; a fix touching a span already changed is dropped. The
/// result never overlaps, so `apply` applies every edit in it.
pub fn safe_plan(text: &str, report: &Report, findings: &[Finding]) -> Vec<Edit> {
    let fixes: Vec<&Fix> = findings.iter().filter_map(|f| f.fixes.iter().find(|x| x.safe)).collect();
    plan(text, report, &fixes)
}

/// [`safe_plan`]'s policy for any choice of fixes (the first fix of each
/// finding that has one, with `--unsafe-fixes`).
pub fn plan(text: &str, report: &Report, fixes: &[&Fix]) -> Vec<Edit> {
    let rendered: Vec<Vec<Edit>> = fixes.iter().map(|x| edits(text, report, x)).collect();
    let mut fixes: Vec<&[Edit]> = rendered.iter().map(Vec::as_slice).collect();
    fixes.sort_by_key(|edits| edits.iter().map(|e| (e.span.start, e.span.end)).min());
    let mut taken: Vec<Edit> = Vec::new();
    // Two findings can offer the same edit (a shared table rebuild); it is
    // applied once. A set, not a scan of `taken`: a million fixes must not
    // cost a million squared.
    let mut seen: std::collections::HashSet<(usize, usize, &str)> = std::collections::HashSet::new();
    // Fixes are sorted by their first edit, but a fix's later edits can land
    // anywhere; a sorted copy of the taken spans keeps the overlap test a
    // binary search instead of a scan.
    let mut spans: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let clashes = |spans: &std::collections::BTreeMap<usize, usize>, e: &Edit| {
        let (s, t) = (e.span.start, e.span.end);
        // the nearest taken span starting at or before s, and the first after it
        spans.range(..=s).next_back().is_some_and(|(&a, &b)| a == s || b > s)
            || spans.range(s + 1..).next().is_some_and(|(&a, _)| a < t)
    };
    for edits in fixes {
        let fresh: Vec<&Edit> =
            edits.iter().filter(|e| !seen.contains(&(e.span.start, e.span.end, e.new_text.as_str()))).collect();
        if fresh.is_empty() || fresh.iter().any(|e| clashes(&spans, e)) {
            continue;
        }
        for e in fresh {
            spans.insert(e.span.start, e.span.end);
            seen.insert((e.span.start, e.span.end, e.new_text.as_str()));
            taken.push(e.clone());
        }
    }
    taken.sort_by_key(|e| (e.span.start, e.span.end));
    taken
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let t = "ab/cd/ef";
        let edits = vec![
            Edit::replace(Span::new(5, 6), "0"),
            Edit::replace(Span::new(2, 3), "0"),
            Edit::replace(Span::new(2, 4), "x"),
        ];
        let (out, n) = apply(t, &edits).unwrap();
        assert_eq!(out, "ab0cd0ef");
        assert_eq!(n, 2);
        assert!(apply("中", &[Edit::insert(1, "x")]).is_err());
    }

    /// The fixes fuzzer's find: section 四 whose heading runs straight into
    /// rows of another table. The inserted table 四 must stay a table of its
    /// own, so that the fix removes its finding, in every table style.
    #[test]
    fn an_inserted_table_does_not_run_into_the_rows_below_its_heading() {
        let heading = "四、政府信息公开行政复议、行政诉讼情况";
        for rows in [
            "| 信息内容 | 本年处理决定数量 |\n| 行政许可 | 120 |\n| 行政处罚 | 31 |\n",
            "信息内容\t本年处理决定数量\n行政许可\t120\n行政处罚\t31\n",
            "信息内容　　本年处理决定数量\n行政许可　　120\n行政处罚　　31\n",
        ] {
            for br in ["\n", "\r\n"] {
                let text = format!("{heading}\n{rows}").replace('\n', br);
                let missing = |text: &str| {
                    let a = crate::analyze(text, &crate::Config::default());
                    let f = a.findings.iter().find(|f| f.rule == "structure/missing-table").cloned();
                    (a, f)
                };
                let (a, f) = missing(&text);
                let f = f.unwrap_or_else(|| panic!("no missing table in {text:?}"));
                let (fixed, _) = apply(&text, &edits(&text, &a.report, &f.fixes[0])).unwrap();
                assert!(missing(&fixed).1.is_none(), "{fixed}");
                // what was below the heading is still there, after a blank line
                assert!(fixed.contains(&format!("{br}{br}{}", rows.replace('\n', br))), "{fixed:?}");
            }
        }
    }

    fn finding(edits: Vec<Edit>) -> Finding {
        Finding::new("table/bad-cell", Span::new(0, 0), "x").fix("f", edits, true)
    }

    #[test]
    fn safe_plan_takes_whole_fixes_and_drops_clashing_ones() {
        let fs = vec![
            finding(vec![Edit::replace(Span::new(2, 3), "0")]),
            // the same edit again: one fix proposed by two findings
            finding(vec![Edit::replace(Span::new(2, 3), "0")]),
            // clashes with 2..3 in its second edit: dropped whole, 8..9 too
            finding(vec![Edit::replace(Span::new(8, 9), "1"), Edit::replace(Span::new(2, 4), "x")]),
            finding(vec![Edit::insert(5, "y")]),
            // a second insert at the same place clashes
            finding(vec![Edit::insert(5, "z")]),
        ];
        let text = "ab/cdefghij";
        let report = Report::build(text, &crate::Config::default());
        let plan = safe_plan(text, &report, &fs);
        assert_eq!(plan, vec![Edit::replace(Span::new(2, 3), "0"), Edit::insert(5, "y")]);
        assert_eq!(apply("ab/cdefghij", &plan).unwrap(), ("ab0cdyefghij".to_string(), 2));
    }
}
