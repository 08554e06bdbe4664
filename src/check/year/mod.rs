//! year: the report year and its use in the text.

pub mod future;
pub mod malformed;
pub mod mismatch;
pub mod plan;
pub mod stale;
pub mod unknown;

use crate::span::Span;

/// Sentences of a paragraph, split after 。！？； (and their ASCII twins).
pub fn sentences(text: &str, para: Span) -> Vec<Span> {
    let s = para.slice(text);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';') {
            let end = i + c.len_utf8();
            out.push(Span::new(para.start + start, para.start + end));
            start = end;
        }
    }
    if start < s.len() {
        out.push(Span::new(para.start + start, para.end));
    }
    out
}

/// Whether `offset` sits inside 《…》, “…” or 〔…〕 within `within`.
pub fn inside_quotes(text: &str, within: Span, offset: usize) -> bool {
    Quotes::new(text, within).inside(offset)
}

const QUOTE_PAIRS: [(char, char); 7] =
    [('《', '》'), ('“', '”'), ('〔', '〕'), ('[', ']'), ('【', '】'), ('「', '」'), ('"', '"')];

/// `inside_quotes` for many offsets in one span: the text before each offset
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

/// Skip a leading list marker and a short lead-in like "（一）主动公开：".
pub fn skip_lead_in(text: &str, sentence: Span) -> usize {
    let s = sentence.slice(text);
    let t = s.trim_start_matches(crate::syntax::normalize::is_space);
    let mut off = s.len() - t.len();
    if let Some(colon) = t.find(['：', ':']) {
        if t[..colon].chars().count() <= 16 && !t[..colon].chars().any(|c| c.is_ascii_digit()) {
            off += colon + t[colon..].chars().next().map_or(0, char::len_utf8);
        }
    } else if t.starts_with(['（', '(']) {
        if let Some(close) = t.find(['）', ')']) {
            if close <= 9 {
                off += close + 3.min(t[close..].chars().next().map_or(0, char::len_utf8));
            }
        }
    }
    let rest = &s[off..];
    sentence.start + off + (rest.len() - rest.trim_start_matches(crate::syntax::normalize::is_space).len())
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
