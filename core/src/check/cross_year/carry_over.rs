//! cross-year/carry-over: 表三 二、上年结转 of this year equals last year's
//! 四、结转下年度继续办理, per applicant column and 总计 (format.md, "Across
//! years"). Both formats share the two rows and the columns.

use super::finding;
use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::check::tally::count;
use crate::finding::{Edit, Finding};
use crate::model::TableId;
use crate::model::standard::{T3_COLUMNS, t3};

declare_rule! {
    id: "cross-year/carry-over",
    severity: Error,
    summary: "表三“上年结转”与上年报告的“结转下年度继续办理”不一致",
    fixes: Review,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(prev) = cx.previous else { return };
    let (Some(t), Some(p)) = (cx.report.table(TableId::Three), prev.report.table(TableId::Three)) else { return };
    for (c, col) in T3_COLUMNS.iter().enumerate() {
        // a placeholder ("/") or a missing cell on either side is not compared:
        // table/bad-cell and table/missing-column speak for it
        let (Some(now), Some(then)) = (count(t, t3::CARRIED_IN, c), count(p, t3::CARRIED_OUT, c)) else { continue };
        if now == then {
            continue;
        }
        let (Some(cell), Some(last)) = (t.cell(t3::CARRIED_IN, c), p.cell(t3::CARRIED_OUT, c)) else { continue };
        let message = format!("表三·{col}：二、上年结转 {now} 件，上年报告“四、结转下年度继续办理”为 {then} 件");
        // not safe: last year's report may be the wrong one, and this
        // year's 一+二 = （七）+四 then needs another look
        out.push(
            finding(&RULE, cell.span, message)
                .related_in_previous(last.span, format!("上年报告·四、结转下年度继续办理·{col}"))
                .fix(format!("改为上年结转下年度的 {then}"), vec![Edit::replace(cell.span, then.to_string())], false),
        );
    }
}
