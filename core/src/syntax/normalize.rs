//! Folding the many ways a draft writes the same thing into one form.
//!
//! Drafts mix full-width and ASCII forms, put spaces inside labels
//! ("结果 维持", "规 章") and numbers ("2025 年"), and carry Word's control
//! characters. Labels are compared only after folding.

use crate::syntax::charset::chars;
/// Full-width ASCII variants (digits, letters, punctuation) to ASCII,
/// ideographic space to space. Chinese punctuation with no ASCII twin stays.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2028}' | '\u{2029}' | '\u{000B}' | '\u{000C}' | '\u{FEFF}' => ' ',
        '【' | '〔' => '[',
        '】' | '〕' => ']',
        '。' => '.',
        '、' => ',',
        '—' | '–' | '‐' => '-',
        _ => c,
    }
}

/// `s` without its spaces, borrowed when it has none (the common case for
/// the clause and label keys the prose layer builds per count).
pub fn squeeze(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(is_space) {
        std::borrow::Cow::Owned(s.chars().filter(|c| !is_space(*c)).collect())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{3000}' | '\u{FEFF}' | '\u{200B}')
}

/// Fold and drop every space: the key used to compare labels.
pub fn label_key(s: &str) -> String {
    // Sized up front: collecting a filtered iterator grows the string from
    // nothing, and those reallocations were a seventh of all analysis time.
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().filter(|c| !is_space(*c)).map(fold_char));
    out
}

/// The comparable core of a label: folded, spaces, list marker and
/// punctuation removed.
pub fn label_core(raw: &str) -> String {
    let mut key = label_key(raw);
    // the marker is a prefix: `strip_marker` returns a suffix of the key
    let marker = key.len() - strip_marker(&key).1.len();
    key.drain(..marker);
    key.retain(is_core_char);
    key
}

/// Like [`label_key`] but also drops punctuation, quotes and list markers,
/// so "危及“三安全一稳定”" equals "危及三安全一稳定".
pub fn core_key(s: &str) -> String {
    let mut key = label_key(s);
    key.retain(is_core_char);
    key
}

/// What [`core_key`] keeps of a label key.
pub fn is_core_char(c: char) -> bool {
    !c.is_ascii_punctuation() && !matches!(c, '“' | '”' | '‘' | '’' | '《' | '》' | '·' | '…')
}

const CN_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// "一".."十" as a number (also 零/〇).
pub fn cn_numeral(s: &str) -> Option<u32> {
    let mut chars = s.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some('十'), None, _) => Some(10),
        (Some('十'), Some(d), None) => CN_DIGITS.iter().position(|&x| x == d).map(|p| 10 + p as u32),
        (Some(d), None, _) => CN_DIGITS.iter().position(|&x| x == d).map(|p| p as u32),
        _ => None,
    }
}

pub fn cn_numeral_char(n: usize) -> char {
    CN_DIGITS.get(n).copied().unwrap_or('?')
}

/// Strip a leading list marker — "一、", "（三）", "(3)", "3.", "3、", "第三项" is
/// left alone — returning the marker kind and the rest.
pub fn strip_marker(key: &str) -> (Option<Marker>, &str) {
    let s = key;
    // (一) / (1)
    if let Some(rest) = s.strip_prefix('(') {
        if let Some(close) = rest.find(')') {
            let inner = &rest[..close];
            let after = &rest[close + 1..];
            if let Some(n) = cn_numeral(inner) {
                return (Some(Marker::ParenCn(n)), after);
            }
            if let Ok(n) = inner.parse::<u32>() {
                return (Some(Marker::ParenNum(n)), after);
            }
        }
        return (None, s);
    }
    // 一, / 一.   (、 is folded to ',')
    let mut end = 0;
    for (i, c) in s.char_indices() {
        if CN_DIGITS.contains(&c) || c == '十' {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    if end > 0 {
        let after = &s[end..];
        if let Some(rest) = after.strip_prefix([',', '.']) {
            if let Some(n) = cn_numeral(&s[..end]) {
                return (Some(Marker::Cn(n)), rest);
            }
        }
        return (None, s);
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 2 {
        let after = &s[digits..];
        if let Some(rest) = after.strip_prefix([',', '.']) {
            if !rest.starts_with(|c: char| c.is_ascii_digit()) {
                return (Some(Marker::Num(s[..digits].parse().unwrap_or(0))), rest);
            }
        }
    }
    (None, s)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// 一、
    Cn(u32),
    /// （一）
    ParenCn(u32),
    /// 1. or 1、
    Num(u32),
    /// （1）
    ParenNum(u32),
}

/// Similarity of two strings in [0, 1]: 2·LCS / (|a| + |b|), over chars.
pub fn similarity(a: &str, b: &str) -> f64 {
    // Label matching compares every unknown cell with dozens of standard
    // labels; for the usual short labels a bit-parallel LCS without
    // allocation gives the same number several times faster.
    if let Some(v) = similarity_short(a, b) {
        return v;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for &ca in &a {
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    2.0 * prev[b.len()] as f64 / (a.len() + b.len()) as f64
}

/// [`similarity`] for strings of at most 64 chars, by the bit-parallel LCS
/// of Hyyrö (2004). `None` for longer strings.
fn similarity_short(a: &str, b: &str) -> Option<f64> {
    LcsPattern::new(a)?.similarity(b)
}

/// One side of [`similarity`] prepared once, for comparing one cell with
/// every standard label: each character's positions as a bit mask.
pub struct LcsPattern {
    chars: [(char, u64); 64],
    distinct: usize,
    len: usize,
}

impl LcsPattern {
    /// `None` for a string of more than 64 chars.
    pub fn new(a: &str) -> Option<LcsPattern> {
        let mut chars = [('\0', 0u64); 64];
        let mut distinct = 0;
        let mut len = 0;
        for c in a.chars() {
            if len == 64 {
                return None;
            }
            match chars[..distinct].iter_mut().find(|(x, _)| *x == c) {
                Some((_, mask)) => *mask |= 1 << len,
                None => {
                    chars[distinct] = (c, 1 << len);
                    distinct += 1;
                }
            }
            len += 1;
        }
        Some(LcsPattern { chars, distinct, len })
    }

    /// `similarity(a, b)` for the pattern's `a`; `None` when `b` has more
    /// than 64 chars. Bit i of `v` is 0 where a[..=i] has gained a match.
    pub fn similarity(&self, b: &str) -> Option<f64> {
        let la = self.len;
        let mut lb = 0;
        let mut v = u64::MAX;
        for c in b.chars() {
            lb += 1;
            if lb > 64 {
                return None;
            }
            if let Some((_, m)) = self.chars[..self.distinct].iter().find(|(x, _)| *x == c) {
                let u = v & m;
                v = v.wrapping_add(u) | (v - u);
            }
        }
        if la == 0 && lb == 0 {
            return Some(1.0);
        }
        if la == 0 || lb == 0 {
            return Some(0.0);
        }
        let lcs = (!v & (u64::MAX >> (64 - la))).count_ones() as usize;
        Some(2.0 * lcs as f64 / (la + lb) as f64)
    }
}

/// What a table cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Int(i64),
    Decimal(f64),
    /// Left empty (a merged cell in a data position).
    Empty,
    /// "/", "-", "—", "无", "×": a placeholder instead of 0.
    Placeholder,
    /// A number with a unit or note: "16368(件)", "211.509万".
    WithUnit(f64),
    /// Anything else in a data position.
    Text,
}

impl CellValue {
    pub fn as_int(&self) -> Option<i64> {
        match self {
            CellValue::Int(v) => Some(*v),
            _ => None,
        }
    }
    pub fn is_number(&self) -> bool {
        matches!(self, CellValue::Int(_) | CellValue::Decimal(_))
    }
    /// Cells that sit where numbers belong: numbers and the usual stand-ins.
    pub fn is_data_like(&self) -> bool {
        !matches!(self, CellValue::Text)
    }
}

/// Parse a table cell. Spaces and thousands separators inside are ignored,
/// full-width digits count.
pub fn parse_cell(raw: &str) -> CellValue {
    // Fast paths for the usual cells, which the general path below reads
    // the same way after two allocations: a plain run of ASCII digits, and
    // a label starting with a CJK ideograph (only the placeholders 无 and
    // 空 start that way and are not text; numbers start with a digit or sign).
    if !raw.is_empty() && raw.len() <= 18 && raw.bytes().all(|b| b.is_ascii_digit()) {
        return raw.parse().map_or(CellValue::Text, CellValue::Int);
    }
    if raw
        .chars()
        .find(|c| !is_space(*c))
        .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) && c != '无' && c != '空')
    {
        return CellValue::Text;
    }
    let key: String = label_key(raw).chars().filter(|&c| c != ',' && c != '，').collect();
    if key.is_empty() {
        return CellValue::Empty;
    }
    if matches!(key.as_str(), "/" | "-" | "--" | "无" | "×" | "x" | "X" | "\\" | "—" | "——" | "N/A" | "n/a" | "空")
    {
        return CellValue::Placeholder;
    }
    if let Some(v) = parse_plain_number(&key) {
        return v;
    }
    // a leading number followed by a unit or note
    let num_len = key
        .char_indices()
        .take_while(|(i, c)| c.is_ascii_digit() || *c == '.' || (*i == 0 && (*c == '-' || *c == '+')))
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    if num_len > 0 {
        if let Ok(v) = key[..num_len].parse::<f64>() {
            let rest = &key[num_len..];
            let unit_like =
                rest.chars().all(|c| chars!("件个条项次起人家户万元亿千百%()（）篇份宗余多天日月年次宗").contains(&c));
            if !key[..num_len].ends_with('.') && !rest.is_empty() && rest.chars().count() <= 6 && unit_like {
                return CellValue::WithUnit(v);
            }
        }
    }
    CellValue::Text
}

fn parse_plain_number(key: &str) -> Option<CellValue> {
    let body = key.strip_prefix('+').unwrap_or(key);
    let (neg, digits) = match body.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, body),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    if digits.starts_with('.') || digits.ends_with('.') || digits.matches('.').count() > 1 {
        return None;
    }
    if digits.contains('.') {
        let v: f64 = digits.parse().ok()?;
        return Some(CellValue::Decimal(if neg { -v } else { v }));
    }
    let v: i64 = digits.parse().unwrap_or(i64::MAX); // all digits: fails only on overflow; saturate so table/bad-cell sees it
    Some(CellValue::Int(if neg { -v } else { v }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells() {
        assert_eq!(parse_cell(" 1 2 "), CellValue::Int(12));
        assert_eq!(parse_cell("１６"), CellValue::Int(16));
        assert_eq!(parse_cell("-1942"), CellValue::Int(-1942));
        assert_eq!(parse_cell("0.35"), CellValue::Decimal(0.35));
        assert_eq!(parse_cell("/"), CellValue::Placeholder);
        assert_eq!(parse_cell("无"), CellValue::Placeholder);
        assert_eq!(parse_cell(""), CellValue::Empty);
        assert_eq!(parse_cell("16368(件)"), CellValue::WithUnit(16368.0));
        assert_eq!(parse_cell("211.509万"), CellValue::WithUnit(211.509));
        assert_eq!(parse_cell("1,234"), CellValue::Int(1234));
        assert_eq!(parse_cell("行政许可"), CellValue::Text);
        assert_eq!(parse_cell("1.属于国家秘密"), CellValue::Text);
        assert_eq!(parse_cell("2.重复申请"), CellValue::Text);
    }

    #[test]
    fn markers() {
        assert_eq!(strip_marker("(一)予以公开"), (Some(Marker::ParenCn(1)), "予以公开"));
        assert_eq!(strip_marker(&label_key("（七）总计")), (Some(Marker::ParenCn(7)), "总计"));
        assert_eq!(strip_marker(&label_key("一、本年新收")), (Some(Marker::Cn(1)), "本年新收"));
        assert_eq!(strip_marker("3.其他"), (Some(Marker::Num(3)), "其他"));
        assert_eq!(strip_marker("2025年"), (None, "2025年"));
    }

    #[test]
    fn bit_parallel_lcs_agrees_with_the_table() {
        let words = [
            "",
            "a",
            "ab",
            "政府信息公开",
            "行政复议",
            "复议行政",
            "本年新收政府信息公开申请数量",
            "申请人情况",
            "aaab",
            "abab",
        ];
        let dp = |a: &str, b: &str| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
            for i in 0..a.len() {
                for j in 0..b.len() {
                    t[i + 1][j + 1] = if a[i] == b[j] { t[i][j] + 1 } else { t[i][j + 1].max(t[i + 1][j]) };
                }
            }
            if a.is_empty() && b.is_empty() {
                1.0
            } else if a.is_empty() || b.is_empty() {
                0.0
            } else {
                2.0 * t[a.len()][b.len()] as f64 / (a.len() + b.len()) as f64
            }
        };
        for a in words {
            for b in words {
                assert_eq!(similarity(a, b), dp(a, b), "{a} / {b}");
                // prepared from either side (best_match_cores prepares the cell)
                assert_eq!(LcsPattern::new(b).and_then(|p| p.similarity(a)), Some(dp(a, b)), "{b} ~ {a}");
                let (la, lb) = (format!("{a}{}", "字".repeat(60)), format!("{}{b}", "字".repeat(70)));
                assert_eq!(similarity(&la, &lb), dp(&la, &lb), "long {a} / {b}");
            }
        }
    }

    #[test]
    fn similarity_is_symmetric_and_bounded() {
        assert_eq!(similarity("abc", "abc"), 1.0);
        assert!(similarity("政府信息公开行政法复议行政诉讼情况", "政府信息公开行政复议行政诉讼情况") > 0.9);
        assert_eq!(similarity("", "x"), 0.0);
    }
}
