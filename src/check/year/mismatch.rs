//! year/mismatch: the title's year, the statistics period's and the year the
//! body is written for disagree — in both directions: last year's title on
//! this year's body, and this year's title on last year's body.

use crate::check::Ctx;
use crate::finding::{Edit, Finding};
use crate::model::report::YearSource;
use crate::model::year_use;

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    let Some(year) = r.report_year else { return };
    let title_year = r.title.as_ref().and_then(|t| t.year.clone());
    if let (Some(YearSource::Config), Some(ty)) = (r.year_source, &title_year) {
        if ty.year != year {
            out.push(
                Finding::new("year/mismatch", ty.span, format!("标题年份为 {}，配置的报告年度为 {year}", ty.year)).fix(
                    format!("改为 {year}"),
                    vec![Edit::replace(ty.span, super::same_digits(ty.span.slice(cx.text), year))],
                    false,
                ),
            );
        }
    }
    let uses = year_use::uses(cx.text, &r.paragraphs(), r.stat_period.as_ref().map(|p| p.span));
    // The model took the statistics period's year because the body agrees
    // with it: the title is the odd one out.
    if let (Some(YearSource::StatPeriod), Some(ty), Some(p)) = (r.year_source, &title_year, &r.stat_period) {
        if ty.year != year {
            let n = year_use::count(&uses, year);
            let message = if n > 0 {
                format!("标题年份为 {}，统计期限和正文中 {year} 年作为本年度出现 {n} 次", ty.year)
            } else {
                format!("标题年份为 {}，统计期限为 {year}，正文的工作计划也是 {} 年度报告的写法", ty.year, year)
            };
            let mut f = Finding::new("year/mismatch", ty.span, message).related(p.start.span, "统计期限中的年份");
            // Last year's title on an updated body is certain; a newer title
            // on last year's body may be the one that is right (the body
            // copied and not yet rewritten), so that way there is no fix.
            if ty.year < year {
                f = f.fix(
                    format!("改为 {year}"),
                    vec![Edit::replace(ty.span, super::same_digits(ty.span.slice(cx.text), year))],
                    false,
                );
            }
            out.push(f);
        }
    }
    // A body written for another year than the title's (or the configured
    // year), with no statistics period to settle it.
    // Without a title year, the statistics period is what the body disagrees with.
    let untitled_period = r.year_source == Some(YearSource::StatPeriod) && title_year.is_none();
    if matches!(r.year_source, Some(YearSource::Title) | Some(YearSource::Config)) || untitled_period {
        if let Some((other, n, own)) = super::other_body_year(&uses, year) {
            let first = uses.iter().find(|u| !u.plan && u.mention.year == other).map(|u| u.mention.span);
            let (span, basis) = match (&title_year, r.year_source, &r.stat_period) {
                (Some(ty), Some(YearSource::Title), _) => (ty.span, "标题年份"),
                (_, Some(YearSource::StatPeriod), Some(p)) => (p.start.span, "统计期限中的年份"),
                _ => (first.unwrap_or_default(), "配置的报告年度"),
            };
            // no fix: whether the title or the body is stale is the author's call
            let mut f = Finding::new(
                "year/mismatch",
                span,
                format!("{basis}为 {year}，正文中 {other} 年作为本年度出现 {n} 次、{year} 年只出现 {own} 次"),
            );
            if let Some(s) = first.filter(|s| *s != span) {
                f = f.related(s, format!("以 {other} 年为本年度"));
            }
            out.push(f);
        }
    }
    if let Some(p) = &r.stat_period {
        let both = if p.start.span == p.end.span { vec![&p.start] } else { vec![&p.start, &p.end] };
        // The period is "fixed" to the report year only when the body agrees
        // with that year; with no evidence either way the title may be the
        // wrong one.
        let certain = year_use::evidence(&uses) == Some(year);
        for y in both {
            if y.year != year {
                let basis = match r.year_source {
                    Some(YearSource::Config) => "配置的报告年度",
                    _ => "标题年份",
                };
                let mut f =
                    Finding::new("year/mismatch", y.span, format!("统计期限中的年份为 {}，{basis}为 {year}", y.year));
                if certain || r.year_source == Some(YearSource::Config) {
                    f = f.fix(
                        format!("改为 {year}"),
                        vec![Edit::replace(y.span, super::same_digits(y.span.slice(cx.text), year))],
                        false,
                    );
                }
                if let Some(ty) = &title_year {
                    f = f.related(ty.span, "标题中的年份");
                }
                out.push(f);
            }
        }
    }
}
