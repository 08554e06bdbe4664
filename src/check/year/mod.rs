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
