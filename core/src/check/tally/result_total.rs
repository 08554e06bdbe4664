//! tally/result-total: table 三, （七）总计 ≠ （一）+（二）+ items of （三）…（六）.

use super::result_items;
use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::{Edit, Finding};
use crate::model::TableId;
use crate::model::standard::{T3_COLUMNS, t3};

declare_rule! {
    id: "tally/result-total",
    severity: Error,
    summary: "表三（七）总计不等于各项办理结果之和",
    fixes: Safe,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(t) = cx.report.table(TableId::Three) else { return };
    let items = result_items(t);
    for (c, col) in T3_COLUMNS.iter().enumerate() {
        let (Some(total), Some(cell)) = (super::count(t, t3::TOTAL, c), t.cell(t3::TOTAL, c)) else { continue };
        let Some(sum) = super::sum(items.iter().map(|&r| super::count(t, r, c))) else { continue };
        if sum != total {
            out.push(
                Finding::new(RULE.id, cell.span, format!("表三（七）总计·{}为 {total}，分项合计为 {sum}", col)).fix(
                    format!("改为 {sum}"),
                    vec![Edit::replace(cell.span, sum.to_string())],
                    true,
                ),
            );
        }
    }
}
