//! year: the report year and its use in the text.

use crate::syntax::charset::chars;
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
    if like.chars().all(|c| c == '零' || chars!("〇一二三四五六七八九").contains(&c)) {
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

const QUOTE_PAIRS: [(char, char); 7] =
    [('《', '》'), ('“', '”'), ('〔', '〕'), ('[', ']'), ('【', '】'), ('「', '」'), ('"', '"')];

/// Whether offsets sit inside 《…》, “…” or 〔…〕 within a span, for many
/// offsets in one span: the text before each offset
/// is scanned once in all, not once per offset (a line of N years was
/// O(N²): 10 s for 1 MB of years on one line).
pub struct Quotes<'a> {
    text: &'a str,
    within: Span,
    /// Everything before `pos` has been read into the state below.
    pos: usize,
    /// Per pair: offset of the last opening and of the last closing mark
    /// before `pos`; for a symmetric pair ("), whether an odd count was seen.
    last_open: [Option<usize>; 7],
    last_close: [Option<usize>; 7],
    odd: bool,
    /// Characters read so far, for the test that each is read once.
    read: usize,
}

impl<'a> Quotes<'a> {
    pub fn new(text: &'a str, within: Span) -> Self {
        Quotes { text, within, pos: within.start, last_open: [None; 7], last_close: [None; 7], odd: false, read: 0 }
    }

    /// Whether `offset` sits inside a pair within the span. Offsets asked
    /// in increasing order cost the text between them; going back restarts.
    pub fn inside(&mut self, offset: usize) -> bool {
        if offset < self.pos {
            let read = self.read;
            *self = Quotes::new(self.text, self.within);
            self.read = read;
        }
        for (i, c) in self.text[self.pos..offset].char_indices() {
            let at = self.pos + i;
            self.read += 1;
            for (k, &(open, close)) in QUOTE_PAIRS.iter().enumerate() {
                if open == close {
                    if c == open {
                        self.odd = !self.odd;
                    }
                } else if c == open {
                    self.last_open[k] = Some(at);
                } else if c == close {
                    self.last_close[k] = Some(at);
                }
            }
        }
        self.pos = offset;
        QUOTE_PAIRS.iter().enumerate().any(|(k, &(open, close))| {
            if open == close {
                self.odd
            } else {
                self.last_open[k].is_some_and(|o| self.last_close[k].is_none_or(|c| c < o))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_read_each_character_once_and_agree_with_a_scan_per_offset() {
        let unit = "“2023年”、《2024年报告》、2025年、〔2021〕30号、\"2022年\"、【2020年";
        let text = unit.repeat(200);
        let span = Span::new(0, text.len());
        let mut q = Quotes::new(&text, span);
        for (at, _) in text.match_indices('年') {
            let before = &text[..at];
            let naive = QUOTE_PAIRS.iter().any(|&(open, close)| {
                if open == close {
                    before.matches(open).count() % 2 == 1
                } else {
                    before.rfind(open).is_some_and(|o| before.rfind(close).is_none_or(|c| c < o))
                }
            });
            assert_eq!(q.inside(at), naive, "at {at}");
        }
        // a year per few characters on one line: a scan per year read the
        // line's prefix each time (O(N²) characters)
        assert!(q.read <= text.chars().count(), "{} reads for {} characters", q.read, text.chars().count());
    }
}
