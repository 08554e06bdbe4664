//! tally/balance: table 三, 一 + 二 ≠ （七）+ 四, per column. No fix: which
//! cell is wrong cannot be known.

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::Finding;
use crate::model::TableId;
use crate::model::standard::{T3_COLUMNS, t3};

declare_rule! {
    id: "tally/balance",
    severity: Error,
    summary: "表三勾稽关系不成立：一+二≠（七）+四",
    fixes: No,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(t) = cx.report.table(TableId::Three) else { return };
    for (c, col) in T3_COLUMNS.iter().enumerate() {
        let vals = [t3::NEW, t3::CARRIED_IN, t3::TOTAL, t3::CARRIED_OUT].map(|r| super::count(t, r, c));
        let [Some(new), Some(carried_in), Some(total), Some(carried_out)] = vals else { continue };
        let (Some(left), Some(right)) = (super::sum([vals[0], vals[1]]), super::sum([vals[2], vals[3]])) else {
            continue;
        };
        if left != right {
            let anchor = t.cell(t3::TOTAL, c).map(|x| x.span).unwrap_or(t.span);
            let mut f = Finding::new(
                RULE.id,
                anchor,
                format!(
                    "表三·{}：一+二 = {new}+{carried_in} = {left}，（七）+四 = {total}+{carried_out} = {right}",
                    col
                ),
            );
            for (r, label) in [(t3::NEW, "一"), (t3::CARRIED_IN, "二"), (t3::CARRIED_OUT, "四")] {
                if let Some(cell) = t.cell(r, c) {
                    f = f.related(cell.span, format!("{label}·{}", col));
                }
            }
            out.push(f);
        }
    }
}
