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
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let brk = match c {
            '\r' => {
                if let Some(&(_, '\n')) = iter.peek() {
                    iter.next();
                    Some(i + 2)
                } else {
                    Some(i + 1)
                }
            }
            c if is_break(c) => Some(i + c.len_utf8()),
            _ => None,
        };
        if let Some(next) = brk {
            out.push(LogicalLine { span: Span::new(start, i) });
            start = next;
        }
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
