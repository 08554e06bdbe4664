//! The six sections of the report and the headings accepted for each.

use crate::syntax::normalize::{core_key, similarity};
use std::sync::LazyLock;

pub struct SectionSpec {
    /// 1..=6
    pub number: u32,
    pub title: &'static str,
    /// Wordings used in practice that must not be flagged.
    pub variants: &'static [&'static str],
    /// Whether the section holds one of the three fixed tables.
    pub table: Option<TableId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum TableId {
    /// 表二：主动公开政府信息情况
    Two,
    /// 表三：收到和处理政府信息公开申请情况
    Three,
    /// 表四：行政复议、行政诉讼情况
    Four,
}

impl TableId {
    pub fn zh(self) -> &'static str {
        match self {
            TableId::Two => "表二",
            TableId::Three => "表三",
            TableId::Four => "表四",
        }
    }
    pub fn section(self) -> u32 {
        match self {
            TableId::Two => 2,
            TableId::Three => 3,
            TableId::Four => 4,
        }
    }
}

pub static SECTIONS: [SectionSpec; 6] = [
    SectionSpec { number: 1, title: "总体情况", variants: &["概述", "总体情况概述"], table: None },
    SectionSpec {
        number: 2,
        title: "主动公开政府信息情况",
        variants: &["主动公开政府信息的情况"],
        table: Some(TableId::Two),
    },
    SectionSpec {
        number: 3,
        title: "收到和处理政府信息公开申请情况",
        variants: &["收到和处理政府信息公开申请的情况"],
        table: Some(TableId::Three),
    },
    SectionSpec {
        number: 4,
        title: "政府信息公开行政复议、行政诉讼情况",
        variants: &[
            "政府信息公开行政复议和行政诉讼情况",
            "政府信息公开行政复议及行政诉讼情况",
            "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
            "因政府信息公开申请行政复议、提起行政诉讼的情况",
            "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        ],
        table: Some(TableId::Four),
    },
    SectionSpec {
        number: 5,
        title: "存在的主要问题及改进情况",
        variants: &["政府信息公开工作存在的主要问题及改进情况", "存在的主要问题和改进情况"],
        table: None,
    },
    SectionSpec {
        number: 6, title: "其他需要报告的事项", variants: &["其他需要报告的情况"], table: None
    },
];

pub fn spec(number: u32) -> &'static SectionSpec {
    &SECTIONS[(number.clamp(1, 6) - 1) as usize]
}

/// Headings that look like sections but are rows of table 三.
const TABLE_ROW_TITLES: &[&str] =
    &["本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "本年度办理结果", "结转下年度继续办理"];

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HeadingMatch {
    /// The standard wording or an accepted variant (punctuation aside).
    Exact(u32),
    /// Close to a standard heading: a typo.
    Near(u32, f64),
}

impl HeadingMatch {
    pub fn number(self) -> u32 {
        match self {
            HeadingMatch::Exact(n) | HeadingMatch::Near(n, _) => n,
        }
    }
}

/// The core keys of [`TABLE_ROW_TITLES`], and of every section's title and
/// variants with the section number and length in chars, reduced once: every
/// heading-like line is compared with all of them.
static ROW_TITLE_KEYS: LazyLock<Vec<String>> = LazyLock::new(|| TABLE_ROW_TITLES.iter().map(|t| core_key(t)).collect());
static SECTION_KEYS: LazyLock<Vec<(u32, String, usize)>> = LazyLock::new(|| {
    let mut v = Vec::new();
    for s in &SECTIONS {
        for cand in std::iter::once(&s.title).chain(s.variants.iter()) {
            let ck = core_key(cand);
            let n = ck.chars().count();
            v.push((s.number, ck, n));
        }
    }
    v
});

/// Decide whether a heading title is one of the six sections.
pub fn classify(title: &str, numeral: u32) -> Option<HeadingMatch> {
    let key = core_key(title);
    if key.is_empty() || ROW_TITLE_KEYS.contains(&key) {
        return None;
    }
    if let Some((n, _, _)) = SECTION_KEYS.iter().find(|(_, ck, _)| *ck == key) {
        return Some(HeadingMatch::Exact(*n));
    }
    let len = key.chars().count();
    let mut best: Option<(u32, f64)> = None;
    for (number, ck, ck_len) in SECTION_KEYS.iter() {
        // LCS ≤ the shorter length bounds the similarity; below 0.6 a
        // candidate can neither match nor beat one that does, so skip the
        // quadratic LCS (the outcome is the same)
        if (2.0 * len.min(*ck_len) as f64 / (len + ck_len) as f64) < 0.6 {
            continue;
        }
        let sim = similarity(ck, &key);
        if best.is_none_or(|(_, b)| sim > b) {
            best = Some((*number, sim));
        }
    }
    let (n, sim) = best?;
    // A close wording is a typo; a looser one only when the numeral agrees.
    if sim >= 0.8 || (sim >= 0.6 && n == numeral) { Some(HeadingMatch::Near(n, sim)) } else { None }
}

/// A section title found at the start of running text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TitleMatch {
    pub number: u32,
    /// Core characters the title takes.
    pub used: usize,
    /// Length of the wording it was matched with.
    pub wording: usize,
    /// The wording itself, not a close spelling.
    pub exact: bool,
}

/// A section title at the start of `core` (core characters of text that
/// runs on after the title, as on a page saved as one line): the standard
/// title or an accepted variant exactly, the longest that fits; else, for
/// the section the numeral names only, a close spelling — similarity ≥ 0.9,
/// or ≥ 0.7 when the first four characters are the wording's (as a heading
/// line's "…及明年工作计划" for "…及改进情况"; prose follows, so the start
/// must agree).
pub fn match_title_prefix(core: &[char], numeral: u32) -> Option<TitleMatch> {
    let mut best: Option<(u32, usize)> = None;
    for (n, key, len) in SECTION_KEYS.iter() {
        if *len <= core.len() && key.chars().zip(core).all(|(a, b)| a == *b) && best.is_none_or(|(_, l)| *len > l) {
            best = Some((*n, *len));
        }
    }
    if let Some((number, len)) = best {
        return Some(TitleMatch { number, used: len, wording: len, exact: true });
    }
    let mut fuzzy: Option<(TitleMatch, f64)> = None;
    for (n, key, len) in SECTION_KEYS.iter().filter(|(n, _, _)| *n == numeral) {
        let same_start = *len >= 4 && key.chars().take(4).eq(core.iter().take(4).copied());
        // a typo adds, drops or changes a character or two
        for l in len.saturating_sub(2).max(4)..=(len + 2).min(core.len()) {
            let cand: String = core[..l].iter().collect();
            let sim = similarity(key, &cand);
            let close = sim >= 0.9 || (same_start && sim >= 0.7);
            if close && fuzzy.is_none_or(|(_, b)| sim > b) {
                fuzzy = Some((TitleMatch { number: *n, used: l, wording: *len, exact: false }, sim));
            }
        }
    }
    fuzzy.map(|(m, _)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_and_typos() {
        assert_eq!(classify("政府信息公开行政复议、行政诉讼情况", 4), Some(HeadingMatch::Exact(4)));
        assert_eq!(classify("政府信息公开行政复议行政诉讼情况", 4), Some(HeadingMatch::Exact(4)));
        assert_eq!(classify("因政府信息公开申请行政复议、提起行政诉讼的情况", 4), Some(HeadingMatch::Exact(4)));
        assert_eq!(classify("政府信息公开工作存在的主要问题及改进情况", 5), Some(HeadingMatch::Exact(5)));
        assert!(matches!(classify("政府信息公开行政法复议、行政诉讼情况", 4), Some(HeadingMatch::Near(4, _))));
        assert!(matches!(classify("其他需报告的事项", 6), Some(HeadingMatch::Near(6, _))));
        assert_eq!(classify("本年新收政府信息公开申请数量", 1), None);
        assert_eq!(classify("结转下年度继续办理", 4), None);
        assert_eq!(classify("强化思想认识", 1), None);
    }

    #[test]
    fn titles_that_run_on_into_the_body() {
        let m =
            |s: &str, n| match_title_prefix(&core_key(s).chars().collect::<Vec<_>>(), n).map(|m| (m.number, m.used));
        assert_eq!(m("总体情况2025年，我局", 1), Some((1, 4)));
        assert_eq!(m("总体情况概述本年", 1), Some((1, 6)));
        assert_eq!(m("政府信息公开行政复议、行政诉讼情况行政复议", 4), Some((4, 16)));
        // a typo only under the numeral that names the section
        assert_eq!(m("政府信息公开行政法复议、行政诉讼情况行政复议", 4), Some((4, 17)));
        assert_eq!(m("政府信息公开行政法复议、行政诉讼情况行政复议", 2), None);
        assert_eq!(m("总体情况", 1), Some((1, 4)));
        assert_eq!(m("总休情况良好", 1), None);
        assert_eq!(m("是强化思想认识", 1), None);
        assert_eq!(m("结转下年度继续办理", 4), None);
        // a different ending, under its own numeral, with the start in common
        assert_eq!(m("存在的主要问题及明年工作计划一存在问题", 5).map(|(n, _)| n), Some(5));
        assert_eq!(m("存在的主要问题及明年工作计划一存在问题", 3), None);
        assert_eq!(m("存在问题及明年工作计划", 5), None);
        // a sentence that starts like a title is not one
        assert_eq!(m("主动公开信息数量较上年增加", 2), None);
    }
}
