//! table/extra-row: a row that is not in the standard table.

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::Finding;

declare_rule! {
    id: "table/extra-row",
    severity: Warning,
    summary: "表格中有标准格式之外的行",
    fixes: No,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for t in &cx.report.tables {
        for e in &t.extra_rows {
            out.push(Finding::new(
                RULE.id,
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
