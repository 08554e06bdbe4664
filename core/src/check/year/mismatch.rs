//! year/mismatch: the title's year, the statistics period's and the year the
//! body is written for disagree — in both directions: last year's title on
//! this year's body, and this year's title on last year's body.

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::{Edit, Finding};
use crate::model::report::YearSource;
use crate::model::year_use;

declare_rule! {
    id: "year/mismatch",
    severity: Error,
    summary: "标题、统计期限中的年份不一致",
    fixes: Review,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    let Some(year) = r.report_year else { return };
    let title_year = r.title.as_ref().and_then(|t| t.year.clone());
    if let (Some(YearSource::Config), Some(ty)) = (r.year_source, &title_year) {
        if ty.year != year {
            out.push(Finding::new(RULE.id, ty.span, format!("标题年份为 {}，配置的报告年度为 {year}", ty.year)).fix(
                format!("改为 {year}"),
                vec![Edit::replace(ty.span, super::same_digits(ty.span.slice(cx.text), year))],
                false,
            ));
        }
    }
    let uses = cx.year_uses();
    // The model took the statistics period's year because the body agrees
    // with it: the title is the odd one out.
    if let (Some(YearSource::StatPeriod), Some(ty), Some(p)) = (r.year_source, &title_year, &r.stat_period) {
        if ty.year != year {
            let n = year_use::count(uses, year);
            let message = if n > 0 {
                format!("标题年份为 {}，统计期限和正文中 {year} 年作为本年度出现 {n} 次", ty.year)
            } else {
                format!("标题年份为 {}，统计期限为 {year}，正文的工作计划也是 {} 年度报告的写法", ty.year, year)
            };
            let mut f = Finding::new(RULE.id, ty.span, message).related(p.start.span, "统计期限中的年份");
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
        if let Some((other, n, own)) = super::other_body_year(uses, year) {
            let first = uses.iter().find(|u| !u.plan && u.mention.year == other).map(|u| u.mention.span);
            let (span, basis) = match (&title_year, r.year_source, &r.stat_period) {
                (Some(ty), Some(YearSource::Title), _) => (ty.span, "标题年份"),
                (_, Some(YearSource::StatPeriod), Some(p)) => (p.start.span, "统计期限中的年份"),
                _ => (first.unwrap_or_default(), "配置的报告年度"),
            };
            // no fix: whether the title or the body is stale is the author's call
            let mut f = Finding::new(
                RULE.id,
                span,
                format!("{basis}为 {year}，正文中 {other} 年作为本年度出现 {n} 次、{year} 年只出现 {own} 次"),
            );
            if let Some(s) = first.filter(|s| *s != span) {
                f = f.related(s, format!("以 {other} 年为本年度"));
            }
            out.push(f);
        }
    }
    preamble(cx, year, out);
    if let Some(p) = &r.stat_period {
        let both = if p.start.span == p.end.span { vec![&p.start] } else { vec![&p.start, &p.end] };
        // The period is "fixed" to the report year only when the body agrees
        // with that year; with no evidence either way the title may be the
        // wrong one.
        let certain = year_use::evidence(uses) == Some(year);
        for y in both {
            if y.year != year {
                let basis = match r.year_source {
                    Some(YearSource::Config) => "配置的报告年度",
                    _ => "标题年份",
                };
                let mut f = Finding::new(RULE.id, y.span, format!("统计期限中的年份为 {}，{basis}为 {year}", y.year));
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

/// The preamble names the report it introduces: "编制完成2023年度政府信息
/// 公开工作年度报告", "现将××镇2024年政府信息公开工作年度报告公布如下"; a
/// sentence anywhere may restate the statistics period ("统计期限自2024年
/// 1月1日起…"). A year there other than the report year is last year's text
/// left in. Notices cited by name ("关于做好2024年政府信息公开工作年度报告…
/// 的通知"), the title, and the work of publishing last year's report in
/// section 一 ("按时编制2024年度报告") are not the report presented.
fn preamble(cx: &Ctx, year: i32, out: &mut Vec<Finding>) {
    let r = cx.report;
    let Some(title) = &r.title else { return };
    if r.year_source == Some(YearSource::Preamble) {
        return;
    }
    const PRESENT: &[&str] = &["编制", "现将", "现发布", "现予", "公布", "发布", "形成", "撰写"];
    const PRESENT_HERE: &[&str] = &["现将", "现予", "现发布", "现公布"];
    const CITED: &[&str] = &["关于", "通知", "要求", "做好", "上年", "上一", "去年"];
    const PERIOD: &[&str] = &["统计期限", "统计时限", "统计时间", "统计区间", "统计周期"];
    let period = r.stat_period.as_ref().map(|p| p.span);
    for (p, ys) in cx.paragraphs().iter().zip(cx.paragraph_years()).filter(|(p, _)| p.span.start >= title.span.end) {
        // most paragraphs name only the report year
        if ys.iter().all(|y| y.year == year) {
            continue;
        }
        let line = p.span.slice(cx.text);
        let names_period = PERIOD.iter().any(|w| line.contains(w));
        let mut taken = None;
        for (k, y) in ys.iter().enumerate() {
            if y.year == year || period.is_some_and(|s| s.contains(y.span.start)) || taken == Some(k) {
                continue;
            }
            let after = &cx.text[y.end..p.span.end];
            let after = after.strip_prefix('度').unwrap_or(after);
            // a restated statistics period: its first day or its last
            let period_year = names_period && (after.starts_with("1月1日") || after.starts_with("12月31日"));
            let names_report = {
                let head: String = after.chars().take(16).collect();
                after.starts_with("政府信息公开") && head.contains("报告")
            };
            // the 30 characters before the year, within its clause (bounded:
            // a line of many years stays linear)
            let before = &cx.text[p.span.start..y.span.start];
            let near = before.char_indices().rev().nth(29).map_or(before, |(i, _)| &before[i..]);
            let clause = near.rfind(['，', '。', '；', ',', ';']).map_or(near, |i| &near[i..]);
            let presents = if p.section == 0 { PRESENT } else { PRESENT_HERE };
            let presented = names_report
                && presents.iter().any(|w| clause.contains(w))
                && !CITED.iter().any(|w| clause.contains(w));
            if !presented && !period_year {
                continue;
            }
            let what = if period_year { "统计期限写的是" } else { "前言中编制的是" };
            let message = if y.year < year {
                format!("{what} {} 年度，报告年度为 {year}，疑为沿用往年内容", y.year)
            } else {
                format!("{what} {} 年度，报告年度为 {year}", y.year)
            };
            let mut edits = vec![Edit::replace(y.span, super::same_digits(y.span.slice(cx.text), year))];
            // "自2024年1月1日起至2024年12月31日止" is one period: one finding, both years fixed
            if period_year {
                if let Some(e) = ys
                    .get(k + 1)
                    .filter(|e| e.year == y.year && cx.text[e.end..p.span.end].trim_start().starts_with("12月31日"))
                {
                    edits.push(Edit::replace(e.span, super::same_digits(e.span.slice(cx.text), year)));
                    taken = Some(k + 1);
                }
            }
            out.push(Finding::new(RULE.id, y.span, message).related(title.span, "标题").fix(
                format!("改为 {year}"),
                edits,
                false,
            ));
        }
    }
}
