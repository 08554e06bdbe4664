//! year/stale: a past year used as the current year, e.g. "2024年，我局…",
//! "本单位2024年度通过门户网站…", "截至2024年底，累计…" in a 2025 report
//! (usually last year's text left in). Which mentions are uses of the
//! current year is decided once, in `model::year_use`; documents, dates,
//! comparisons, histories and carried-over applications are not uses.

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::{Edit, Finding};
use crate::model::year_use::Form;

declare_rule! {
    id: "year/stale",
    severity: Warning,
    summary: "把往年写成了本年度工作",
    fixes: Review,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    let Some(year) = r.report_year else { return };
    let uses = cx.year_uses();
    // A body written for another year altogether is one year/mismatch, not a
    // finding in every sentence.
    if super::other_body_year(uses, year).is_some() {
        return;
    }
    for u in uses {
        let y = &u.mention;
        // plans in 五 are next year's work: year/plan judges their years
        if y.year >= year || (u.plan && u.section == 5) {
            continue;
        }
        // A leftover comes from last year's report, or the one before it;
        // "2018年，我镇建成政务服务中心" in a 2025 report is history.
        if y.year < year - 2 {
            continue;
        }
        let message = match u.form {
            Form::Cutoff => {
                format!("{year} 年度报告写的是截至 {} 年末的情况，应为截至本年度末，疑为往年内容未更新", y.year)
            }
            _ => format!("{year} 年度报告中把 {} 年当作本年度来写，疑为往年内容未更新", y.year),
        };
        let mut f = Finding::new(RULE.id, y.span, message);
        // Only mentions read as "this year" get here, so the report year is
        // what was meant, however old the leftover.
        let new = super::same_digits(y.span.slice(cx.text), year);
        f = f.fix(format!("改为 {year}"), vec![Edit::replace(y.span, new)], false);
        out.push(f);
    }
}
