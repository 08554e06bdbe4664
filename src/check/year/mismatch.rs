//! year/mismatch: title year, statistics-period year and the rest disagree.

use crate::check::Ctx;
use crate::finding::{Edit, Finding};
use crate::model::report::YearSource;
use crate::syntax::numbers::years;

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    let Some(year) = r.report_year else { return };
    let title_year = r.title.as_ref().and_then(|t| t.year.clone());
    if let (Some(YearSource::Config), Some(ty)) = (r.year_source, &title_year) {
        if ty.year != year {
            out.push(
                Finding::new("year/mismatch", ty.span, format!("标题年份为 {}，配置的报告年度为 {year}", ty.year)).fix(
                    format!("改为 {year}"),
                    vec![Edit::replace(ty.span, year.to_string())],
                    false,
                ),
            );
        }
    }
    // A title left from last year's report while the body was updated: the
    // body names another year far more often than the title's.
    if let (Some(ty), Some(YearSource::Title)) = (&title_year, r.year_source) {
        let mut counts: std::collections::BTreeMap<i32, usize> = Default::default();
        for p in r.paragraphs() {
            let mut quotes = super::Quotes::new(cx.text, p.span);
            for y in years(cx.text, p.span) {
                if !quotes.inside(y.span.start) {
                    *counts.entry(y.year).or_default() += 1;
                }
            }
        }
        let own = counts.get(&ty.year).copied().unwrap_or(0);
        if let Some((&other, &n)) =
            counts.iter().filter(|(y, _)| **y != ty.year && **y != ty.year + 1).max_by_key(|(_, n)| **n)
        {
            if n >= 3 && n > own * 2 {
                // no fix: whether the title or the body is stale is the author's call
                out.push(Finding::new(
                    "year/mismatch",
                    ty.span,
                    format!("标题年份为 {}，正文中 {other} 年出现 {n} 次、{} 年只出现 {own} 次", ty.year, ty.year),
                ));
            }
        }
    }
    if let Some(p) = &r.stat_period {
        let both = if p.start.span == p.end.span { vec![&p.start] } else { vec![&p.start, &p.end] };
        for y in both {
            if y.year != year {
                let basis = match r.year_source {
                    Some(YearSource::Config) => "配置的报告年度",
                    _ => "标题年份",
                };
                let mut f =
                    Finding::new("year/mismatch", y.span, format!("统计期限中的年份为 {}，{basis}为 {year}", y.year))
                        .fix(format!("改为 {year}"), vec![Edit::replace(y.span, year.to_string())], false);
                if let Some(ty) = &title_year {
                    f = f.related(ty.span, "标题中的年份");
                }
                out.push(f);
            }
        }
    }
}
