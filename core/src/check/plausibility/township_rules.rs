//! plausibility/township-rules: only 省级 and 设区的市级 people's governments
//! make 规章, so a 乡镇/街道 or a department reporting 规章 ≠ 0 is suspect.

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::config::BodyLevel;
use crate::finding::Finding;
use crate::model::TableId;
use crate::model::standard::t2;

declare_rule! {
    id: "plausibility/township-rules",
    severity: Warning,
    summary: "乡镇、街道或部门填报了规章",
    fixes: No,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    let Some(level) = r.level else { return };
    if level == BodyLevel::Government {
        return;
    }
    let Some(t) = r.table(TableId::Two) else { return };
    let Some(row) = t.row(t2::REGULATIONS) else { return };
    let nonzero: Vec<(usize, i64)> =
        row.data.iter().enumerate().filter_map(|(i, c)| c.value.as_int().filter(|v| *v != 0).map(|v| (i, v))).collect();
    if nonzero.is_empty() {
        return;
    }
    let nums = row.data.iter().map(|c| c.span.slice(cx.text).trim().to_string()).collect::<Vec<_>>().join(" ");
    out.push(Finding::new(
        RULE.id,
        row.label,
        format!(
            "{}无权制定规章，表二“规章”行却填了 {}，请核对是否误填",
            level.zh(),
            crate::finding::excerpt(&nums, 40)
        ),
    ));
}
