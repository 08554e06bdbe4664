//! tally/row-total: table 三, a row's 总计 ≠ the sum of its six applicant columns.

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::check::table::row_name;
use crate::finding::{Edit, Finding};
use crate::model::TableId;
use crate::model::standard::{T3_TOTAL_COL, t3};

declare_rule! {
    id: "tally/row-total",
    severity: Error,
    summary: "表三某行总计不等于各类申请人之和",
    fixes: Safe,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(t) = cx.report.table(TableId::Three) else { return };
    for r in &t.rows {
        let sum = super::sum(t3::APPLICANTS.map(|c| super::count(t, r.spec, c)));
        let (Some(sum), Some(total), Some(cell)) =
            (sum, super::count(t, r.spec, T3_TOTAL_COL), t.cell(r.spec, T3_TOTAL_COL))
        else {
            continue;
        };
        if sum != total {
            out.push(
                Finding::new(
                    RULE.id,
                    cell.span,
                    format!("{}·总计为 {total}，六类申请人合计为 {sum}", row_name(t, r.spec)),
                )
                .fix(format!("改为 {sum}"), vec![Edit::replace(cell.span, sum.to_string())], true),
            );
        }
    }
}
