//! deadline/late: a publication date after the deadline (1月31日 of the next
//! year; 3月31日 for a government's own report; configurable).

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::config::BodyLevel;
use crate::finding::Finding;
use crate::span::Span;
use crate::syntax::charset::chars;
use crate::syntax::normalize::fold_char;
use crate::syntax::words::Words;

declare_rule! {
    id: "deadline/late",
    severity: Warning,
    summary: "发布日期晚于法定期限",
    fixes: No,
    check,
}

static LABEL_WORDS: Words = Words::new(LABELS);
const LABELS: &[&str] = &["发布时间", "发布日期", "公开日期", "成文日期", "印发日期", "发文日期", "发布于"];

/// (year, month, day, span) of a date written 2026-01-09, 2026/1/9,
/// 2026.01.09 or 2026年1月9日.
fn parse_date(s: &str, base: usize) -> Option<(i32, u32, u32, Span)> {
    // Folded but with its spaces: in "2025-01-23 16:43" the space ends the
    // date, and dropping it read the day as "2316".
    let key: String = s.chars().map(fold_char).collect();
    let digits: Vec<&str> = key.split(|c: char| !c.is_ascii_digit()).filter(|x| !x.is_empty()).collect();
    if digits.len() < 3 || digits[0].len() != 4 {
        return None;
    }
    let y: i32 = digits[0].parse().ok()?;
    let m: u32 = digits[1].parse().ok()?;
    let d: u32 = digits[2].parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d, Span::new(base, base + s.len())))
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    let Some(year) = r.report_year else { return };
    let level = r.level.unwrap_or(BodyLevel::Department);
    let dl = cx.config.deadlines.for_level(level);
    let mut candidates: Vec<(i32, u32, u32, Span)> = Vec::new();
    let paras = cx.paragraphs();
    for p in paras {
        let s = p.span.slice(cx.text);
        // (one pass says whether any label is there; most paragraphs have none)
        if !LABEL_WORDS.any_in(s) {
            continue;
        }
        for label in LABELS {
            if let Some(pos) = s.find(label) {
                let after = &s[pos + label.len()..];
                let skip = after.len() - after.trim_start_matches([':', '：', ' ', '\u{3000}']).len();
                let rest = &after[skip..];
                let end = rest
                    .find(|c: char| !(c.is_ascii_digit() || chars!("-/.年月日 ０１２３４５６７８９").contains(&c)))
                    .unwrap_or(rest.len());
                if let Some(d) = parse_date(rest[..end].trim_end(), p.span.start + pos + label.len() + skip) {
                    candidates.push(d);
                }
                break;
            }
        }
    }
    // a signature date alone on one of the last lines
    for p in paras.iter().rev().take(3) {
        let s = p.span.slice(cx.text).trim();
        if s.chars().count() <= 14 && s.ends_with('日') {
            if let Some(d) = parse_date(s, p.span.start + p.span.slice(cx.text).find(s).unwrap_or(0)) {
                candidates.push(d);
            }
        }
    }
    for (y, m, d, span) in candidates {
        let deadline = (year + 1, dl.month, dl.day);
        if (y, m, d) > deadline {
            out.push(Finding::new(
                RULE.id,
                span,
                format!(
                    "发布日期 {y}年{m}月{d}日晚于{}报告的法定期限 {}年{}月{}日",
                    level.zh(),
                    deadline.0,
                    deadline.1,
                    deadline.2
                ),
            ));
        }
    }
}
