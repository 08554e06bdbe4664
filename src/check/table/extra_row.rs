//! table/extra-row: a row that is not in the standard table.

use crate::check::Ctx;
use crate::finding::Finding;

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for t in &cx.report.tables {
        for e in &t.extra_rows {
            out.push(Finding::new(
                "table/extra-row",
                e.label,
                format!(
                    "{}中的“{}”行不属于标准格式",
                    t.id.zh(),
                    crate::finding::excerpt(e.label.slice(cx.text).trim(), 40)
                ),
            ));
        }
    }
}
