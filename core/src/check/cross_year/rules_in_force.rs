//! cross-year/rules-in-force: 表二 现行有效件数 against last year's, per row
//! (规章, 行政规范性文件). A document in force at the end of this year was
//! in force at the end of last year or made this year, and was not repealed:
//! so 现行有效 ≤ 上年现行有效 + 本年制发 − 本年废止. It can be less, and
//! often is — documents also lapse when their term ends (有效期届满) or are
//! declared invalid without counting as 废止 — so only more is reported.
//! False alarms are worse than misses.

use super::finding;
use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::check::table::MAX_COUNT;
use crate::config::FormatVersion;
use crate::finding::Finding;
use crate::model::standard::T2_ROWS;
use crate::model::{MappedTable, TableId};

declare_rule! {
    id: "cross-year/rules-in-force",
    severity: Warning,
    summary: "表二“现行有效件数”多于上年现行有效加本年制发减本年废止",
    fixes: No,
    check,
}

const MADE: &str = "本年制发件数";
const REPEALED: &str = "本年废止件数";
const IN_FORCE: &str = "现行有效件数";

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(prev) = cx.previous else { return };
    let (Some(t), Some(p)) = (cx.report.table(TableId::Two), prev.report.table(TableId::Two)) else { return };
    // the 2019 table counts 对外公开总数量, another quantity
    if t.version != FormatVersion::Standard2021 || p.version != FormatVersion::Standard2021 {
        return;
    }
    for (row, spec) in T2_ROWS.iter().enumerate() {
        let col = |name: &str| spec.columns.iter().position(|c| *c == name);
        let (Some(made), Some(repealed), Some(in_force)) = (col(MADE), col(REPEALED), col(IN_FORCE)) else {
            continue;
        };
        let int = |t: &MappedTable, c: usize| t.int(row, c).filter(|v| (0..=MAX_COUNT).contains(v));
        let (Some(now), Some(before), Some(new), Some(gone)) =
            (int(t, in_force), int(p, in_force), int(t, made), int(t, repealed))
        else {
            continue;
        };
        let bound = before + new - gone;
        if now <= bound {
            continue;
        }
        let (Some(cell), Some(last)) = (t.cell(row, in_force), p.cell(row, in_force)) else { continue };
        let name = spec.name;
        let message = format!(
            "表二·{name}：现行有效 {now} 件，多于上年现行有效 {before} 件 + 本年制发 {new} 件 − 本年废止 {gone} 件 = {bound} 件"
        );
        let mut f =
            finding(&RULE, cell.span, message).related_in_previous(last.span, format!("上年报告·{name}·现行有效件数"));
        for (c, label) in [(made, MADE), (repealed, REPEALED)] {
            if let Some(x) = t.cell(row, c) {
                f = f.related(x.span, format!("{name}·{label}"));
            }
        }
        out.push(f);
    }
}
