//! year/malformed: a garbled year or date ("202020年", "2020你那12月31日",
//! "2025年13月", "2025  1  1  日").

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::Finding;
use crate::span::Span;
use crate::syntax::charset::chars;
use crate::syntax::normalize::is_space;
use crate::syntax::numbers::{Number, after_spaces};

declare_rule! {
    id: "year/malformed",
    severity: Error,
    summary: "年份或日期写法错误",
    fixes: No,
    check,
}

fn days_in(month: i64) -> i64 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let t = cx.text;
    for nums in cx.paragraph_numbers() {
        for (i, n) in nums.iter().enumerate() {
            let (at, rest) = after_spaces(t, n.span.end);
            let next = nums.get(i + 1);
            let word = |w: char| rest.starts_with(w);
            let digits = n.digits.len();
            let Some(v) = n.int() else { continue };
            let mut flag = |span: Span, msg: String| out.push(Finding::new(RULE.id, span, msg));
            if word('年') && (5..=8).contains(&digits) && !runs_into_year(t, nums, i) {
                flag(n.span, format!("“{}年”不是有效的年份", crate::finding::excerpt(&n.digits, 40)));
                continue;
            }
            if word('月') && (v == 0 || v > 12) && digits <= 2 {
                flag(n.span, format!("“{}月”不是有效的月份", crate::finding::excerpt(&n.digits, 40)));
                continue;
            }
            if word('日') {
                let month = i.checked_sub(1).and_then(|k| month_before(t, &nums[k], n));
                let max = month.map_or(31, days_in);
                // "1231日": 月 lost between month and day, right after a year or 至/到
                let lost_month = (3..=4).contains(&digits) && {
                    let before = crate::syntax::numbers::before_spaces(t, n.span.start);
                    before.ends_with(['至', '到', '日', '-', '—'])
                        || i.checked_sub(1).is_some_and(|k| nums[k].digits.len() == 4)
                };
                let bad_day = month.is_some() && (v == 0 || v > max);
                if lost_month || bad_day {
                    let what = if digits >= 3 {
                        format!("“{}日”缺少“月”", crate::finding::excerpt(&n.digits, 40))
                    } else {
                        format!("“{}日”不是有效的日期", crate::finding::excerpt(&n.digits, 40))
                    };
                    flag(n.span, what);
                    continue;
                }
            }
            // a year followed by junk and then a month: "2020你那12月31日"
            if digits == 4 && (1990..=2100).contains(&v) && !word('年') {
                if let Some(m) = next {
                    let between = &t[at..m.span.start];
                    let after_m = after_spaces(t, m.span.end).1;
                    let junk = between.chars().count();
                    let cjk_junk = between
                        .chars()
                        .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) && !chars!("年至到和及与或").contains(&c));
                    if (1..=3).contains(&junk) && cjk_junk && after_m.starts_with('月') {
                        flag(
                            Span::new(n.span.start, m.span.end),
                            format!(
                                "“{}”中年份后的文字有误",
                                crate::finding::excerpt(&t[n.span.start..m.span.end], 40)
                            ),
                        );
                        continue;
                    }
                    // "2025  1  1  日": 年 and 月 lost
                    if between.trim().is_empty() && m.digits.len() <= 2 {
                        if let Some(d) = nums.get(i + 2) {
                            let gap = &t[m.span.end..d.span.start];
                            if gap.trim().is_empty()
                                && d.digits.len() <= 2
                                && after_spaces(t, d.span.end).1.starts_with('日')
                            {
                                flag(
                                    Span::new(n.span.start, d.span.end),
                                    format!(
                                        "日期“{}”缺少“年”“月”",
                                        crate::finding::excerpt(
                                            &t[n.span.start..d.span.end]
                                                .split_whitespace()
                                                .collect::<Vec<_>>()
                                                .join(" "),
                                            40
                                        )
                                    ),
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A flattened table row running into the next sentence's year: in
/// "总计 3 32025年1月" the run "32025" is a cell ("3") glued to "2025年".
/// The run ends in a plausible year and the number before it is separated
/// only by spaces, so its head belongs to that preceding sequence of cells.
/// "202020年" stands alone and stays malformed.
fn runs_into_year(text: &str, nums: &[Number], i: usize) -> bool {
    let n = &nums[i];
    let tail = &n.digits[n.digits.len() - 4..];
    let plausible = tail.parse::<i64>().is_ok_and(|y| (1949..=2100).contains(&y));
    let after_cell = i
        .checked_sub(1)
        .map(|k| &nums[k])
        .is_some_and(|p| p.span.end < n.span.start && text[p.span.end..n.span.start].chars().all(is_space));
    plausible && after_cell
}

/// The month of "…M月D日", when `prev` is that M.
fn month_before(text: &str, prev: &Number, day: &Number) -> Option<i64> {
    let between = &text[prev.span.end..day.span.start];
    (between.trim() == "月").then(|| prev.int()).flatten()
}
