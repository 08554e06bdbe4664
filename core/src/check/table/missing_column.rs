//! table/missing-column: a standard column is absent — from the header and
//! the rows (table 三 without 总计), or from every data row while the header
//! still names it. One dropped column is one finding: the rows it leaves
//! short are not also reported by table/row-width.

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::{Finding, FixPlan};
use crate::model::standard::{T3_COLUMNS, T3_TOTAL_COL, T4_GROUPS, T4_RESULTS, t3, t4};
use crate::model::{Dropped, MappedTable, TableId};
use crate::span::Span;

declare_rule! {
    id: "table/missing-column",
    severity: Error,
    summary: "表格缺少标准列",
    fixes: Review,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for t in &cx.report.tables {
        let anchor = t.header_span.unwrap_or(t.span);
        let anchor = first_line(cx.text, anchor);
        match t.id {
            TableId::Three => three(cx, t, anchor, out),
            TableId::Four => four(cx, t, anchor, out),
            TableId::Two => two(cx, t, out),
        }
    }
}

fn first_line(text: &str, span: Span) -> Span {
    Span::new(span.start, text[span.start..span.end].find(['\n', '\r']).map_or(span.end, |i| span.start + i))
}

fn rebuild_fix(cx: &Ctx, t: &MappedTable, f: Finding, title: &str) -> Finding {
    let table = cx.report.index_of(t).unwrap_or(usize::MAX);
    f.fix_plan(title, FixPlan::RebuildTable { table, format: cx.report.format }, false)
}

fn three(cx: &Ctx, t: &MappedTable, anchor: Span, out: &mut Vec<Finding>) {
    let in_data = t.dropped.first();
    // columns the data lost while the header kept them are reported below
    let lost = in_data.and_then(|d| d.column);
    if t.header_found {
        // where the missing column should follow: the last label found
        let anchor = t.header_cells.iter().max_by_key(|(c, _)| *c).map_or(anchor, |(_, s)| *s);
        let missing: Vec<&str> =
            t3::COLUMNS.filter(|c| !t.columns.contains(c) && Some(*c) != lost).map(|c| T3_COLUMNS[c]).collect();
        if !missing.is_empty() {
            let f = Finding::new(
                RULE.id,
                anchor,
                format!("表三缺少“{}”列（表头只有 {} 列，标准为 7 列）", missing.join("”“"), 7 - missing.len()),
            );
            let title = if missing == ["总计"] {
                "补上“总计”列并填入合计"
            } else {
                "替换为标准表三（保留已有数字）"
            };
            out.push(rebuild_fix(cx, t, f, title));
        }
    }
    // the header lost a label the rows still fill
    let unnamed: Vec<&str> = t3::COLUMNS
        .filter(|c| t.header_found && t.columns.contains(c) && !t.header_cells.iter().any(|(h, _)| h == c))
        .map(|c| T3_COLUMNS[c])
        .collect();
    if t.columns.len() == 7 && !unnamed.is_empty() {
        let f = Finding::new(RULE.id, anchor, format!("表三表头缺少“{}”列名（各行仍有 7 个数）", unnamed.join("”“")));
        out.push(rebuild_fix(cx, t, f, "替换为标准表三（保留已有数字）"));
    }
    let Some(d) = in_data else { return };
    let at = rows_span(t, d).unwrap_or(anchor);
    let width = t.columns.len() + usize::from(d.column.is_some());
    let basis = if d.in_header { "表头有" } else { "应有" };
    match d.column {
        Some(c) => {
            let why = if c == T3_TOTAL_COL { "（各行最后一个数不是其余之和）" } else { "" };
            let f = Finding::new(
                RULE.id,
                at,
                format!("表三各行只有 {} 个数，{basis} {width} 列：缺的是“{}”列{why}", width - 1, T3_COLUMNS[c]),
            );
            let title = if c == T3_TOTAL_COL {
                "补上“总计”列并填入合计"
            } else {
                "替换为标准表三（保留已有数字）"
            };
            out.push(rebuild_fix(cx, t, f, title));
        }
        None => out.push(Finding::new(
            RULE.id,
            at,
            format!(
                "表三各行只有 {} 个数，{basis} {width} 列：缺了一列{}，从数字无法判断是哪一列",
                width - 1,
                if total_kept(t, d) { "申请人数据（各行最后一个数仍是总计）" } else { "数据" }
            ),
        )),
    }
}

fn four(cx: &Ctx, t: &MappedTable, anchor: Span, out: &mut Vec<Finding>) {
    if t.header_found && t.columns.len() == 12 && t.dropped.is_empty() {
        let f = Finding::new(RULE.id, anchor, format!("表四缺少“总计”列（{}各组都应有总计）", T4_GROUPS.join("、")));
        out.push(rebuild_fix(cx, t, f, "补上“总计”列并填入合计"));
    }
    let Some(d) = t.dropped.first() else { return };
    let at = rows_span(t, d).unwrap_or(anchor);
    match (d.column, d.value) {
        (Some(c), Some(v)) => {
            let (g, r) = t4::key(c);
            let name = format!("{}·{}", T4_GROUPS[g], T4_RESULTS[r]);
            let f = Finding::new(
                RULE.id,
                at,
                format!("表四只有 14 个数，应有 15 个：缺的是“{name}”列（按该组合计应为 {v}）"),
            );
            out.push(rebuild_fix(cx, t, f, &format!("补上“{name}”列并填入 {v}")));
        }
        _ => {
            let place = d.group.map_or(String::new(), |g| format!("，缺的在“{}”组中", T4_GROUPS[g]));
            out.push(Finding::new(
                RULE.id,
                at,
                format!("表四只有 14 个数，应有 15 个：缺了一列，从数字无法判断是哪一列{place}"),
            ));
        }
    }
}

fn two(cx: &Ctx, t: &MappedTable, out: &mut Vec<Finding>) {
    for d in &t.dropped {
        let Some(&first) = d.rows.first() else { continue };
        let spec = &t.row_specs()[first];
        let block = spec.block.unwrap_or("");
        let at = rows_span(t, d).unwrap_or(first_line(cx.text, t.span));
        match d.column {
            Some(c) => {
                let f =
                    Finding::new(RULE.id, at, format!("表二{block}缺少“{}”列（表头和各行都没有）", spec.columns[c]));
                out.push(rebuild_fix(cx, t, f, "替换为标准表二（保留已有数字，缺的列填 0 待核实）"));
            }
            None => out.push(Finding::new(
                RULE.id,
                at,
                format!(
                    "表二{block}各行只有 {} 个数，表头有 {} 列：缺了一列数据，无法判断是哪一列",
                    spec.columns.len() - 1,
                    spec.columns.len()
                ),
            )),
        }
    }
}

/// The first row's label: where the reader sees the short rows start.
fn rows_span(t: &MappedTable, d: &Dropped) -> Option<Span> {
    d.rows.iter().filter_map(|&s| t.row(s)).map(|r| r.label).min_by_key(|s| s.start)
}

/// Table 三 rows one number short: the last number is still each row's
/// total when it is the sum of the others or more (the lost applicant
/// column held the rest) on every row, and some row has values.
fn total_kept(t: &MappedTable, d: &Dropped) -> bool {
    let mut values = false;
    for r in d.rows.iter().filter_map(|&s| t.row(s)) {
        let Some(v) = r.data.iter().map(|c| c.value.as_int()).collect::<Option<Vec<i64>>>() else { return false };
        let Some((&last, rest)) = v.split_last() else { continue };
        let rest: i64 = rest.iter().sum();
        if last < rest {
            return false;
        }
        values |= last != 0;
    }
    values
}
