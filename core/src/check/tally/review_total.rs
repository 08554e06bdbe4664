//! tally/review-total: table 四, a group's 总计 ≠ 维持+纠正+其他+尚未审结.

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::{Edit, Finding};
use crate::model::TableId;
use crate::model::standard::{T4_GROUPS, t4};

declare_rule! {
    id: "tally/review-total",
    severity: Error,
    summary: "表四总计不等于各结果之和",
    fixes: Safe,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(t) = cx.report.table(TableId::Four) else { return };
    for (g, name) in T4_GROUPS.iter().enumerate() {
        let sum = crate::check::tally::sum(t4::PARTS.map(|i| crate::check::tally::count(t, t4::ROW, t4::col(g, i))));
        let (Some(sum), Some(total), Some(cell)) =
            (sum, crate::check::tally::count(t, t4::ROW, t4::total(g)), t.cell(t4::ROW, t4::total(g)))
        else {
            continue;
        };
        if sum != total {
            out.push(Finding::new(RULE.id, cell.span, format!("表四{name}·总计为 {total}，四项结果合计为 {sum}")).fix(
                format!("改为 {sum}"),
                vec![Edit::replace(cell.span, sum.to_string())],
                true,
            ));
        }
    }
}
