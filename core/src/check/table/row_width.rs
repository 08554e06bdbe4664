//! table/row-width: a data row with more or fewer numbers than its columns.

use super::row_name;
use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::Finding;
use crate::model::TableId;

declare_rule! {
    id: "table/row-width",
    severity: Error,
    summary: "数据行的数字个数与表头列数不符",
    fixes: No,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for t in &cx.report.tables {
        // Digits a page glued together that the table's arithmetic cannot
        // split one way only: the row cannot be read, and saying so once
        // per table beats a finding for every row of a flattened table.
        let mut glued: Vec<(String, crate::span::Span)> = Vec::new();
        for r in &t.rows {
            if r.width_ok() || r.data.is_empty() {
                continue;
            }
            // one number short because a whole column went: table/missing-column says so once
            if t.dropped_for(r.spec).is_some() && r.data.len() + 1 == r.expected {
                continue;
            }
            let numbers = r.data.first().zip(r.data.last()).map_or(r.line, |(a, b)| a.span.cover(b.span));
            if cx.report.glued.iter().any(|g| g.contains(numbers.start)) {
                glued.push((row_name(t, r.spec), numbers));
                continue;
            }
            let basis = match t.id {
                TableId::Three if t.header_found => "表头有",
                _ => "应有",
            };
            out.push(Finding::new(
                RULE.id,
                numbers,
                format!("{}行有 {} 个数，{basis} {} 列", row_name(t, r.spec), r.data.len(), r.expected),
            ));
        }
        if let Some((name, span)) = glued.first() {
            let digits = span.slice(cx.text);
            let message = if glued.len() == 1 {
                format!(
                    "{name}行的数字“{digits}”连在一起，无法唯一拆分到各列，该行无法读取：请用空格或制表符分隔各单元格"
                )
            } else {
                format!(
                    "{}有 {} 行的数字连在一起，无法唯一拆分到各列（首处：{name}“{digits}”），这些行无法读取：请用空格或制表符分隔各单元格",
                    t.id.zh(),
                    glued.len()
                )
            };
            out.push(Finding::new(RULE.id, *span, message));
        }
    }
}
