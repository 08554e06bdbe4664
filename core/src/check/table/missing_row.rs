//! table/missing-row: a standard row is absent.

use super::row_name;
use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::{Finding, FixPlan};
use crate::model::TableId;
use crate::model::standard::t3_rows;

declare_rule! {
    id: "table/missing-row",
    severity: Error,
    summary: "表格缺少标准行",
    fixes: Review,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for t in &cx.report.tables {
        let expected: Vec<usize> = match t.id {
            TableId::Three => t3_rows(t.version == crate::config::FormatVersion::Trial2019),
            TableId::Two => (0..t.row_specs().len()).collect(),
            TableId::Four => vec![0],
        };
        let missing: Vec<usize> = expected.into_iter().filter(|&r| t.row(r).is_none()).collect();
        if missing.is_empty() {
            continue;
        }
        let rebuild = FixPlan::RebuildTable { table: cx.report.index_of(t).unwrap_or(usize::MAX), format: t.version };
        let fix_title = format!("替换为标准{}（保留已有数字，缺行补 0）", t.id.zh());
        // A table cut short (a truncated page, half a paste) misses many rows:
        // one finding that says so reads better than twenty.
        if missing.len() > 3 && t.id != TableId::Four {
            let names: Vec<String> = missing.iter().take(3).map(|&r| t.row_specs()[r].name.to_string()).collect();
            let span = t.rows.last().map_or_else(|| first_line(cx.text, t.span), |m| m.label);
            out.push(
                Finding::new(
                    RULE.id,
                    span,
                    format!("{}缺少 {} 行：“{}”等，表格可能不完整", t.id.zh(), missing.len(), names.join("”“")),
                )
                .fix_plan(fix_title, rebuild, false),
            );
            continue;
        }
        for r in missing {
            let (span, msg) = match t.id {
                TableId::Four => (t.span, "表四缺少数据行".to_string()),
                _ => {
                    // anchor at the row before where it belongs, else the table start
                    let prev = t.rows.iter().filter(|m| m.spec < r).max_by_key(|m| m.spec).map(|m| m.label);
                    (
                        prev.unwrap_or(crate::span::Span::new(t.span.start, t.span.start)),
                        format!(
                            "{}缺少“{}”行",
                            t.id.zh(),
                            row_name(t, r).trim_start_matches(t.id.zh()).trim_matches(['“', '”'])
                        ),
                    )
                }
            };
            let span = if span.is_empty() { first_line(cx.text, t.span) } else { span };
            out.push(Finding::new(RULE.id, span, msg).fix_plan(fix_title.clone(), rebuild.clone(), false));
        }
    }
}

fn first_line(text: &str, span: crate::span::Span) -> crate::span::Span {
    let end = text[span.start..span.end].find(['\n', '\r']).map_or(span.end, |i| span.start + i);
    crate::span::Span::new(span.start, end)
}
