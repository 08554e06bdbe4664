//! year/plan: section 五 plans dated the report year or earlier.

use super::{Quotes, sentences};
use crate::check::ctx::Ctx;
use crate::finding::{Edit, Finding};
use crate::syntax::numbers::years;

use crate::check::rule::declare_rule;
/// The plan test lives with the reading of years in the model, which also
/// needs it (plans never count towards the year the body is written for).
pub use crate::model::year_use::is_plan;

declare_rule! {
    id: "year/plan",
    severity: Warning,
    summary: "改进计划写成了本年度或更早",
    fixes: Review,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    let Some(year) = r.report_year else { return };
    // The statistics period's years are what the report year was read from:
    // never a plan date, and "fixing" one would move the report year with it.
    let period = r.stat_period.as_ref().map(|p| p.span);
    for p in cx.paragraphs().iter().filter(|p| p.section == 5) {
        for sent in sentences(cx.text, p.span) {
            // the years first: most sentences of a plan name none, and the
            // plan test reads the whole sentence for its words
            let mut dated = years(cx.text, sent)
                .into_iter()
                .filter(|y| y.year <= year && !period.is_some_and(|p| p.contains(y.span.start)))
                .peekable();
            if dated.peek().is_none() || !is_plan(sent.slice(cx.text)) {
                continue;
            }
            let mut quotes = Quotes::new(cx.text, sent);
            for y in dated {
                if quotes.inside(y.span.start) {
                    continue;
                }
                // "2024年度报告中指出的问题" names last year's report, not a date
                let after: String = cx.text[y.end..sent.end].chars().filter(|c| !c.is_whitespace()).take(12).collect();
                if after.starts_with("度报告")
                    || after.contains("年度报告")
                    || after.starts_with("度政府信息公开")
                    || after.starts_with("以来")
                {
                    continue;
                }
                let next = year + 1;
                out.push(
                    Finding::new(
                        RULE.id,
                        y.span,
                        format!("改进计划写的是 {} 年，{year} 年度报告的计划应为 {next} 年", y.year),
                    )
                    .fix(
                        format!("改为 {next}"),
                        vec![Edit::replace(y.span, next.to_string())],
                        false,
                    ),
                );
            }
        }
    }
}
