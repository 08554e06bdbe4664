//! table/row-width: a data row with more or fewer numbers than its columns.

use super::row_name;
use crate::check::Ctx;
use crate::finding::Finding;
use crate::model::TableId;

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for t in &cx.report.tables {
        for r in &t.rows {
            if r.width_ok() || r.data.is_empty() {
                continue;
            }
            // one number short because a whole column went: table/missing-column says so once
            if t.dropped_for(r.spec).is_some() && r.data.len() + 1 == r.expected {
                continue;
            }
            let basis = match t.id {
                TableId::Three if t.header_found => "表头有",
                _ => "应有",
            };
            let numbers = r.data.first().zip(r.data.last()).map_or(r.line, |(a, b)| a.span.cover(b.span));
            out.push(Finding::new(
                "table/row-width",
                numbers,
                format!("{}行有 {} 个数，{basis} {} 列", row_name(t, r.spec), r.data.len(), r.expected),
            ));
        }
    }
}
