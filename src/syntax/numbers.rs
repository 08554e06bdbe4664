//! Numbers and years in running text. Drafts write "2025 年", "２０２５年",
//! "360 余条": digits may be full-width and spaces may stand between a number
//! and its word.

use super::normalize::is_space;
use crate::span::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub span: Span,
    pub value: f64,
    /// The digits as written, folded to ASCII.
    pub digits: String,
}

impl Number {
    pub fn int(&self) -> Option<i64> {
        (!self.digits.contains('.')).then(|| self.digits.parse().ok()).flatten()
    }
}

fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - 0xFF10 + '0' as u32),
        _ => None,
    }
}

/// Every maximal run of digits (with one decimal point) in `span`.
pub fn numbers(text: &str, span: Span) -> Vec<Number> {
    let s = span.slice(text);
    let mut out = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(d) = ascii_digit(c) {
            match &mut cur {
                Some((_, digits)) => digits.push(d),
                None => cur = Some((i, d.to_string())),
            }
            continue;
        }
        if let Some((start, digits)) = cur.as_mut() {
            let next_is_digit = chars.peek().is_some_and(|(_, n)| ascii_digit(*n).is_some());
            if matches!(c, '.' | '．') && next_is_digit && !digits.contains('.') {
                digits.push('.');
                continue;
            }
            let (start, digits) = (*start, std::mem::take(digits));
            cur = None;
            out.push(make(span.start + start, span.start + i, digits));
        }
    }
    if let Some((start, digits)) = cur {
        out.push(make(span.start + start, span.end, digits));
    }
    out
}

fn make(start: usize, end: usize, digits: String) -> Number {
    let value = digits.parse().unwrap_or(0.0);
    Number { span: Span::new(start, end), value, digits }
}

/// The text after `at`, skipping spaces: where a measure word would be.
pub fn after_spaces(text: &str, at: usize) -> (usize, &str) {
    let rest = &text[at..];
    let trimmed = rest.trim_start_matches(is_space);
    (at + rest.len() - trimmed.len(), trimmed)
}

/// The text before `at`, skipping spaces.
pub fn before_spaces(text: &str, at: usize) -> &str {
    text[..at].trim_end_matches(is_space)
}

#[derive(Debug, Clone, PartialEq)]
pub struct YearMention {
    pub year: i32,
    /// The digits only.
    pub span: Span,
    /// Where "年" ends.
    pub end: usize,
}

/// "2025年", "2025 年", "２０２５年度" — four digits then 年.
pub fn years(text: &str, span: Span) -> Vec<YearMention> {
    numbers(text, span)
        .into_iter()
        .filter_map(|n| {
            if n.digits.len() != 4 || n.digits.contains('.') {
                return None;
            }
            let year: i32 = n.digits.parse().ok()?;
            if !(1949..=2199).contains(&year) {
                return None;
            }
            let (at, rest) = after_spaces(text, n.span.end);
            if at > span.end {
                return None;
            }
            rest.starts_with('年').then(|| YearMention { year, span: n.span, end: at + '年'.len_utf8() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_numbers_and_years() {
        let t = "２０２５ 年发布 360 余条，1.5万元，2025年";
        let all = numbers(t, Span::new(0, t.len()));
        assert_eq!(all.iter().map(|n| n.digits.as_str()).collect::<Vec<_>>(), ["2025", "360", "1.5", "2025"]);
        let ys = years(t, Span::new(0, t.len()));
        assert_eq!(ys.len(), 2);
        assert_eq!(ys[0].year, 2025);
    }
}
