//! year/stale: a past year presented as this year's work, e.g. "2023年，我局…"
//! in a 2025 report (usually last year's text left in).

use super::{inside_quotes, sentences, skip_lead_in};
use crate::check::Ctx;
use crate::finding::{Edit, Finding};
use crate::syntax::numbers::years;

const COMPARISON: &[&str] = &[
    "上年",
    "去年",
    "上一年",
    "同比",
    "较",
    "相比",
    "比上",
    "以来",
    "截至",
    "截止",
    "至今",
    "起",
    "至",
    "到",
    "结转",
    "年度报告",
    "整改",
    "问题",
];

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    let Some(year) = r.report_year else { return };
    // 五 is where last year's problems are legitimately discussed
    for p in r.paragraphs().iter().filter(|p| p.section != 5 && p.section != 0) {
        for sent in sentences(cx.text, p.span) {
            let start = skip_lead_in(cx.text, sent);
            let Some(y) = years(cx.text, sent).into_iter().find(|y| y.span.start == start) else { continue };
            if y.year >= year || inside_quotes(cx.text, sent, y.span.start) {
                continue;
            }
            // "2024年，我局…" is a leftover; "2024年12月，…" dates a real event
            let after: String = cx.text[y.end..sent.end].chars().filter(|c| !c.is_whitespace()).take(3).collect();
            let dated_event = after.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
                || after.starts_with([
                    '底', '初', '末', '上', '下', '春', '夏', '秋', '冬', '第', '元', '一', '二', '三', '四', '五',
                    '六', '七', '八', '九', '十',
                ]);
            if dated_event {
                continue;
            }
            let s = sent.slice(cx.text);
            if COMPARISON.iter().any(|c| s.contains(c)) {
                continue;
            }
            out.push(
                Finding::new(
                    "year/stale",
                    y.span,
                    format!("{} 年度报告中写的是“{} 年”，疑为往年内容未更新", year, y.year),
                )
                .fix(format!("改为 {year}"), vec![Edit::replace(y.span, year.to_string())], false),
            );
        }
    }
}
