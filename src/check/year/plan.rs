//! year/plan: section 五 plans dated the report year or earlier.

use super::{Quotes, sentences};
use crate::check::Ctx;
use crate::finding::{Edit, Finding};
use crate::syntax::numbers::years;

/// "将" alone is also the object marker (将A纳入B), so it only marks a plan
/// when an intention word follows.
const WILL: &[&str] = &[
    "进一步",
    "继续",
    "持续",
    "着力",
    "加强",
    "深化",
    "不断",
    "全面",
    "重点",
    "围绕",
    "紧扣",
    "坚持",
    "切实",
    "努力",
    "大力",
    "积极",
    "扎实",
    "聚焦",
    "做好",
    "推进",
    "强化",
    "提升",
    "加大",
    "完善",
    "健全",
    "抓好",
    "严格",
    "按照",
    "结合",
    "更加",
    "着重",
    "认真",
    "重视",
    "把",
    "从",
];
const PLAN: &[&str] = &["下一步", "计划", "拟", "力争", "今后", "明年", "下一年"];
const DONE: &[&str] = &["已经", "已将", "已于", "已完成", "已按", "已全部", "均已"];

pub fn is_plan(s: &str) -> bool {
    if DONE.iter().any(|d| s.contains(d)) {
        return false;
    }
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    PLAN.iter().any(|p| s.contains(p))
        || s.match_indices('将').any(|(i, _)| WILL.iter().any(|w| s[i + '将'.len_utf8()..].starts_with(w)))
}

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    let Some(year) = r.report_year else { return };
    // The statistics period's years are what the report year was read from:
    // never a plan date, and "fixing" one would move the report year with it.
    let period = r.stat_period.as_ref().map(|p| p.span);
    for p in r.paragraphs().iter().filter(|p| p.section == 5) {
        for sent in sentences(cx.text, p.span) {
            let s = sent.slice(cx.text);
            if !is_plan(s) {
                continue;
            }
            let mut quotes = Quotes::new(cx.text, sent);
            for y in years(cx.text, sent) {
                if y.year > year || quotes.inside(y.span.start) || period.is_some_and(|p| p.contains(y.span.start)) {
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
                        "year/plan",
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
