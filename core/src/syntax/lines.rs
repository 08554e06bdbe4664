//! Logical lines: what the author sees as separate lines.
//!
//! Besides `\n`, `\r\n` and `\r`, Word's soft breaks (U+2028, VT, FF, U+2029,
//! U+0085) also end a logical line here. Byte spans keep every position exact,
//! so this never disturbs the LSP's own line numbering.

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogicalLine {
    /// The line's content, without its break.
    pub span: Span,
}

/// The characters that end a logical line (CR LF counts once).
pub(crate) fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{000B}' | '\u{000C}' | '\u{0085}')
}

pub fn logical_lines(text: &str) -> Vec<LogicalLine> {
    // Read as bytes: every break begins with LF, VT, FF, CR, or the lead
    // byte of U+0085 (C2) or U+2028/U+2029 (E2), none of which can stand
    // inside another character's UTF-8, so the rest of the text is skipped
    // without decoding it (every byte of every document passes through here).
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(k) = super::bytes::position(&b[i..], |x| (x.wrapping_sub(0x0A) < 4) | (x == 0xC2) | (x == 0xE2)) {
        i += k;
        let len = match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            // U+0085
            0xC2 if b.get(i + 1) == Some(&0x85) => 2,
            // U+2028, U+2029
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => 3,
            0xC2 | 0xE2 => {
                i += 1;
                continue;
            }
            _ => 1,
        };
        out.push(LogicalLine { span: Span::new(start, i) });
        i += len;
        start = i;
    }
    out.push(LogicalLine { span: Span::new(start, text.len()) });
    out
}

/// The span of `s[span]` with surrounding spaces (incl. U+3000, BOM) removed.
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let lead = s.len() - s.trim_start_matches(super::normalize::is_space).len();
    let trail = s.len() - s.trim_end_matches(super::normalize::is_space).len();
    if lead >= s.len() {
        return Span::empty(span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}

/// Sentences of a paragraph, ending at 。！？ (and their ASCII twins). A
/// semicolon stays inside: long breakdowns list their parts with it
/// ("其中:减税降费5条；财政预算7条；…"), and what ends a breakdown is a new
/// statement, not the punctuation.
pub fn sentences(text: &str, para: Span) -> Vec<Span> {
    split_after(text, para, |c| matches!(c, '。' | '！' | '？' | '!' | '?'))
}

/// `span` cut after every character `end` accepts (the last piece runs to
/// the span's end): sentences after 。！？, clauses after ；…
pub fn split_after(text: &str, span: Span, end: impl Fn(char) -> bool) -> Vec<Span> {
    let s = span.slice(text);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if end(c) {
            let stop = i + c.len_utf8();
            out.push(Span::new(span.start + start, span.start + stop));
            start = stop;
        }
    }
    if start < s.len() {
        out.push(Span::new(span.start + start, span.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition: split at every `is_break` character, CR LF once.
    fn by_chars(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if !is_break(c) {
                continue;
            }
            let mut next = i + c.len_utf8();
            if c == '\r' && iter.peek().is_some_and(|&(_, n)| n == '\n') {
                iter.next();
                next += 1;
            }
            out.push(Span::new(start, i));
            start = next;
        }
        out.push(Span::new(start, text.len()));
        out
    }

    #[test]
    fn the_byte_scan_splits_where_the_characters_break() {
        // every break, CR LF pairs and lone CRs, and the neighbours of the
        // multi-byte breaks (same lead bytes, other characters)
        let pieces = [
            "一", "\n", "\r\n", "\r", "\r\r\n", "\u{2028}", "\u{2029}", "\u{000B}", "\u{000C}", "\u{0085}", "\u{2027}",
            "\u{202A}", "\u{0084}", "\u{00A0}", "“", "”", "—", "a", "",
        ];
        let mut texts: Vec<String> = pieces.iter().map(|p| p.to_string()).collect();
        for a in pieces {
            for b in pieces {
                for c in ["", "表", "\r"] {
                    texts.push(format!("{a}{c}{b}{a}"));
                }
            }
        }
        for t in &texts {
            let got: Vec<Span> = logical_lines(t).into_iter().map(|l| l.span).collect();
            assert_eq!(got, by_chars(t), "{t:?}");
        }
    }
}
