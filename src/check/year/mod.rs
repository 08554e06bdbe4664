//! year: the report year and its use in the text.

pub mod future;
pub mod malformed;
pub mod mismatch;
pub mod plan;
pub mod stale;
pub mod unknown;

use crate::model::year_use::{self, YearUse};
use crate::span::Span;

/// The body written for a year other than `year`: that year, how often it is
/// used as the current year, and how often `year` is. Three uses and more
/// than twice the report year's keep a leftover sentence or two from
/// reading as a whole body.
pub fn other_body_year(uses: &[YearUse], year: i32) -> Option<(i32, usize, usize)> {
    let (other, n) = year_use::body_year(uses)?;
    let own = year_use::count(uses, year);
    // a body copied from a report two or more years back is rare, and a
    // year further away is the subject of a history, not the body's year
    (other != year && (other - year).abs() <= 2 && n >= 3 && n > own * 2).then_some((other, n, own))
}

/// `year` written in the digits of `like`: full-width when the draft wrote
/// "２０２４", so that a fix keeps the document's style.
pub fn same_digits(like: &str, year: i32) -> String {
    let s = year.to_string();
    if like.is_ascii() {
        return s;
    }
    // "二〇二四" / "二零二四": the same numerals and the same zero
    if like.chars().all(|c| c == '零' || "〇一二三四五六七八九".contains(c)) {
        let zero = if like.contains('零') { '零' } else { '〇' };
        return s
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(0) | None => zero,
                Some(d) => "〇一二三四五六七八九".chars().nth(d as usize).unwrap_or(zero),
            })
            .collect();
    }
    s.chars().map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c)).collect()
}

/// Sentences of a paragraph, split after 。！？； (and their ASCII twins).
pub fn sentences(text: &str, para: Span) -> Vec<Span> {
    crate::syntax::lines::split_after(text, para, |c| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';'))
}

/// Whether `offset` sits inside 《…》, “…” or 〔…〕 within `within`.
pub fn inside_quotes(text: &str, within: Span, offset: usize) -> bool {
    let before = &text[within.start..offset];
    let pairs = [('《', '》'), ('“', '”'), ('〔', '〕'), ('[', ']'), ('【', '】'), ('「', '」'), ('"', '"')];
    pairs.iter().any(|&(open, close)| {
        if open == close {
            before.matches(open).count() % 2 == 1
        } else {
            before.rfind(open).is_some_and(|o| before.rfind(close).is_none_or(|c| c < o))
        }
    })
}
