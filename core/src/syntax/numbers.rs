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

/// Every maximal run of digits (with one decimal point) in `span`.
pub fn numbers(text: &str, span: Span) -> Vec<Number> {
    let mut out = Vec::new();
    for_each_run(span.slice(text), |start, end, run| {
        out.push(make(span.start + start, span.start + end, fold_digits(run)));
    });
    out
}

/// The ASCII digit a byte position starts: `0`–`9` or full-width `０`–`９`
/// (EF BC 90–99), with the byte length of its encoding.
#[inline]
fn digit_at(b: &[u8], i: usize) -> Option<(u8, usize)> {
    match b[i] {
        d @ b'0'..=b'9' => Some((d, 1)),
        0xEF if b.get(i + 1) == Some(&0xBC) && matches!(b.get(i + 2), Some(0x90..=0x99)) => Some((b[i + 2] - 0x60, 3)),
        _ => None,
    }
}

/// Calls `f(start, end, run)` for every maximal run of digits in `s`, a
/// `.`/`．` joining two runs once when a digit follows it. Works on bytes and
/// allocates nothing: every rule that reads numbers or years goes through
/// here, many times per document, and the char-by-char scan building a
/// `String` per number was the largest single cost of checking long drafts.
/// (UTF-8 is self-synchronising: an ASCII byte or the lead byte 0xEF is
/// never inside another character.)
fn for_each_run(s: &str, mut f: impl FnMut(usize, usize, &str)) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // skip to the next byte that can start a digit (a tight loop: most
        // of a draft is ideographs)
        match super::bytes::position(&b[i..], |x| (x.wrapping_sub(b'0') < 10) | (x == 0xEF)) {
            Some(k) => i += k,
            None => break,
        }
        let Some((_, n)) = digit_at(b, i) else {
            i += 1;
            continue;
        };
        let start = i;
        i += n;
        let mut dot = false;
        loop {
            if i >= b.len() {
                break;
            }
            if let Some((_, n)) = digit_at(b, i) {
                i += n;
                continue;
            }
            // '.' (1 byte) or '．' (EF BC 8E), then a digit
            let point = match b[i] {
                b'.' => 1,
                0xEF if b.get(i + 1) == Some(&0xBC) && b.get(i + 2) == Some(&0x8E) => 3,
                _ => 0,
            };
            if point > 0 && !dot && i + point < b.len() && digit_at(b, i + point).is_some() {
                dot = true;
                i += point;
                continue;
            }
            break;
        }
        f(start, i, &s[start..i]);
    }
}

/// A run's digits folded to ASCII, its point to '.'.
fn fold_digits(run: &str) -> String {
    if run.is_ascii() {
        return run.to_string();
    }
    let b = run.as_bytes();
    let mut out = String::with_capacity(run.len());
    let mut i = 0;
    while i < b.len() {
        match digit_at(b, i) {
            Some((d, n)) => {
                out.push(d as char);
                i += n;
            }
            None => {
                out.push('.');
                i += if b[i] == b'.' { 1 } else { 3 };
            }
        }
    }
    out
}

fn make(start: usize, end: usize, digits: String) -> Number {
    // most numbers are short runs of ASCII digits, exact as an f64 below
    // 2^53: summed directly rather than by the float parser
    let value = if digits.len() <= 15 && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.bytes().fold(0u64, |v, b| v * 10 + u64::from(b - b'0')) as f64
    } else {
        digits.parse().unwrap_or(0.0)
    };
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

/// The value of a run of exactly four digits (ASCII or full-width, no point).
fn four_digits(run: &str) -> Option<i32> {
    let b = run.as_bytes();
    let (mut i, mut n, mut value) = (0, 0, 0);
    while i < b.len() {
        let (d, len) = digit_at(b, i)?;
        if n == 4 {
            return None;
        }
        value = value * 10 + i32::from(d - b'0');
        n += 1;
        i += len;
    }
    (n == 4).then_some(value)
}

/// "2025年", "2025 年", "２０２５年度" — four digits then 年.
pub fn years(text: &str, span: Span) -> Vec<YearMention> {
    let mut out = Vec::new();
    // only four-digit runs can be years: skip building the other numbers
    for_each_run(span.slice(text), |start, end, run| {
        // four digits take at most 12 bytes (full-width); read without
        // building the digits' string (years are asked for per sentence)
        if run.len() > 12 {
            return;
        }
        let Some(year) = four_digits(run) else { return };
        if !(1949..=2199).contains(&year) {
            return;
        }
        let n_end = span.start + end;
        let (at, rest) = after_spaces(text, n_end);
        if at > span.end {
            return;
        }
        if rest.starts_with('年') {
            out.push(YearMention { year, span: Span::new(span.start + start, n_end), end: at + '年'.len_utf8() });
        }
    });
    out
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
        // the integer fast path gives what the float parser gives
        for d in ["0", "7", "000123", "999999999999999", "9999999999999999", "12.5", "1.0"] {
            let t = format!("共{d}件");
            assert_eq!(numbers(&t, Span::new(0, t.len()))[0].value, d.parse::<f64>().unwrap(), "{d}");
        }
        // twelve digits before 年 are no year (and no overflow)
        assert!(years("123456789012年", Span::new(0, 15)).is_empty());
        assert_eq!(ys[0].year, 2025);
    }
}
