//! Word lists matched with one automaton instead of one search per word.
//!
//! The rules ask "does this clause hold any of these 25 words?" and "which
//! of these 200 keywords starts here?" for every count and every sentence.
//! Asked word by word, that is a substring search per word (a Two-Way
//! searcher set up each time) and was the largest single cost of the prose
//! layer; an Aho-Corasick automaton answers in one pass over the text.
//! Built on first use, once per process.

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use std::sync::OnceLock;

pub struct Words {
    words: &'static [&'static str],
    automaton: OnceLock<AhoCorasick>,
}

impl Words {
    pub const fn new(words: &'static [&'static str]) -> Words {
        Words { words, automaton: OnceLock::new() }
    }

    fn automaton(&self) -> &AhoCorasick {
        self.automaton.get_or_init(|| build(self.words.iter().copied()))
    }

    /// Whether `s` contains any of the words.
    pub fn any_in(&self, s: &str) -> bool {
        !s.is_empty() && self.automaton().is_match(s)
    }

    /// Where the leftmost occurrence of any of the words starts, as
    /// `words.iter().filter_map(|w| s.find(w)).min()` would give.
    pub fn first_in(&self, s: &str) -> Option<usize> {
        self.automaton().find(s).map(|m| m.start())
    }

    /// The first word in list order that `s` starts with, as
    /// `words.iter().find(|w| s.starts_with(w))` would give.
    pub fn prefix_of(&self, s: &str) -> Option<&'static str> {
        let m = self.automaton().find(Input::new(s).anchored(Anchored::Yes))?;
        Some(self.words[m.pattern().as_usize()])
    }
}

/// Keywords with a payload, found left to right without overlaps: at each
/// position the first keyword in list order that starts there, the scan
/// going on after it (as a loop trying the list at each position would).
pub struct Keys<T: 'static> {
    keys: &'static [(&'static str, T)],
    automaton: OnceLock<AhoCorasick>,
}

impl<T> Keys<T> {
    pub const fn new(keys: &'static [(&'static str, T)]) -> Keys<T> {
        Keys { keys, automaton: OnceLock::new() }
    }

    /// Every keyword found in `s`: (start, end, its entry).
    pub fn scan<'a>(&'a self, s: &'a str) -> impl Iterator<Item = (usize, usize, &'static (&'static str, T))> + 'a {
        let automaton = self.automaton.get_or_init(|| build(self.keys.iter().map(|k| k.0)));
        automaton.find_iter(s).map(|m| (m.start(), m.end(), &self.keys[m.pattern().as_usize()]))
    }
}

/// `h.contains(n)` for the short strings the prose layer asks about (a
/// label, a sentence). std sets up a Two-Way searcher for each call on a
/// haystack this short, which cost more than the search; this tests the
/// needle at each place its first byte occurs.
pub fn has(h: &str, n: &str) -> bool {
    let (h, n) = (h.as_bytes(), n.as_bytes());
    let Some((&first, rest)) = n.split_first() else { return true };
    let mut i = 0;
    while i + n.len() <= h.len() {
        let Some(k) = h[i..=h.len() - n.len()].iter().position(|&b| b == first) else { return false };
        if &h[i + k + 1..i + k + n.len()] == rest {
            return true;
        }
        i += k + 1;
    }
    false
}

/// `h.rfind(n)` for short haystacks, by the same reasoning as [`has`]:
/// the needle is tested at each place its first byte occurs, from the end.
pub fn rfind_short(h: &str, n: &str) -> Option<usize> {
    let (hb, nb) = (h.as_bytes(), n.as_bytes());
    let Some(&first) = nb.first() else { return Some(h.len()) };
    let mut end = hb.len().checked_sub(nb.len())? + 1;
    while let Some(k) = hb[..end].iter().rposition(|&b| b == first) {
        if &hb[k..k + nb.len()] == nb {
            return Some(k);
        }
        end = k;
    }
    None
}

fn build<'a>(words: impl Iterator<Item = &'a str>) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .start_kind(StartKind::Both)
        .build(words)
        .expect("word lists are small and valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    static W: Words = Words::new(&["较上年", "较", "同比"]);
    static K: Keys<u8> = Keys::new(&[("结转下年", 1), ("结转", 2), ("下年", 3), ("公开", 4)]);

    #[test]
    fn rfind_short_is_rfind() {
        let hs = ["", "申", "申请", "分别为7件分别为", "予以公开分别", "分别分别", "a分b分别c", "依次为", "为"];
        for h in hs {
            for n in ["", "分别", "分别为", "依次为", "为", "申请", "别"] {
                assert_eq!(rfind_short(h, n), h.rfind(n), "{h:?} {n:?}");
            }
        }
    }

    #[test]
    fn has_is_contains() {
        for (h, n) in [
            ("", ""),
            ("", "申"),
            ("申请", "申请"),
            ("收到申请", "申请"),
            ("申", "申请"),
            ("ab申请c", "请c"),
            ("政府信", "政府信息"),
            ("信息公开信息", "公开信"),
        ] {
            assert_eq!(has(h, n), h.contains(n), "{h:?} {n:?}");
        }
    }

    #[test]
    fn matches_like_the_word_by_word_loops() {
        assert!(W.any_in("比较") && W.any_in("同比增长") && !W.any_in("上年") && !W.any_in(""));
        assert_eq!(W.prefix_of("较上年增加"), Some("较上年"));
        assert_eq!(W.prefix_of("增加较多"), None);
        assert_eq!(W.first_in("今年同比较"), Some(6));
        assert_eq!(W.first_in("今年"), None);
        let found: Vec<_> = K.scan("结转下年度，结转公开下年").map(|(a, b, k)| (a, b, k.1)).collect();
        // the earlier entry wins at a position; the scan goes on after it
        assert_eq!(found, [(0, 12, 1), (18, 24, 2), (24, 30, 4), (30, 36, 3)]);
    }
}
