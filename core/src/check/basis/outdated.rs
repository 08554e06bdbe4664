//! basis/outdated: a 2021+ report naming 〔2019〕60号 or the 试行 format as its
//! basis, or misquoting 〔2021〕30号.

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::{Edit, Finding};
use crate::span::Span;
use crate::syntax::charset::{CharSet, chars};
use crate::syntax::normalize::{fold_char, is_space};

declare_rule! {
    id: "basis/outdated",
    severity: Warning,
    summary: "引用了过时或错误的格式依据",
    fixes: Both,
    check,
}

const RIGHT: &str = "国办公开办函〔2021〕30号";

/// Find `needle` in `text` ignoring spaces inside the text; returns the byte span.
fn find_loose(text: &str, from: usize, needle: &str) -> Option<Span> {
    let want: Vec<char> = needle.chars().filter(|c| !is_space(*c)).collect();
    let hay = &text[from..];
    // Trying every position for ten needles made this the slowest rule.
    // Every match has the needle's k-th character at some place q, so jump
    // from one q to the next and try only the start k characters before it.
    // A CJK ideograph folds from itself alone, so `str::find` finds every q;
    // a rare one (not in COMMON) keeps the candidates few. Matches come in
    // the order of their q, so the first that holds is the one the
    // position-by-position scan found.
    const COMMON: &CharSet = chars!("年度报告政府信息公开工作国中华人民共和行");
    let ideograph = |c: &char| ('\u{4e00}'..='\u{9fff}').contains(c);
    let k = want.iter().rposition(|c| ideograph(c) && !COMMON.contains(c)).or_else(|| want.iter().rposition(ideograph));
    // a needle without ideographs: any character folding to its first one
    let (k, anchor) = match k {
        Some(k) => (k, want[k]),
        None => (0, *want.first()?),
    };
    // `str::find(char)` looks for the character's last byte, which for an
    // ideograph is a continuation byte shared by hundreds of others: a
    // substring search for all three bytes stops only where it stands
    let mut utf8 = [0u8; 4];
    let finder = memchr::memmem::Finder::new(anchor.encode_utf8(&mut utf8).as_bytes());
    let next = |at: usize| match k {
        0 if !ideograph(&anchor) => {
            hay[at..].char_indices().find(|&(_, c)| fold_char(c) == fold_char(anchor)).map(|(q, _)| at + q)
        }
        _ => finder.find(&hay.as_bytes()[at..]).map(|q| at + q),
    };
    let mut at = 0;
    while let Some(q) = next(at) {
        if let Some(p) = back_non_space(hay, q, k) {
            if let Some(end) = match_at(hay, p, &want) {
                // The matcher skips spaces, so a run of spaces right before
                // the match starts it, as it did when every position was tried.
                let start = hay[..p].trim_end_matches(is_space).len();
                return Some(Span::new(from + start, from + end));
            }
        }
        at = q + hay[q..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Where the k-th non-space character before `q` starts (`q` itself for 0).
fn back_non_space(hay: &str, q: usize, k: usize) -> Option<usize> {
    let mut p = q;
    let mut left = k;
    let mut chars = hay[..q].char_indices().rev();
    while left > 0 {
        let (i, c) = chars.next()?;
        if !is_space(c) {
            left -= 1;
            p = i;
        }
    }
    Some(p)
}

/// The end of `want` matched at `p`, spaces in the text skipped.
fn match_at(hay: &str, p: usize, want: &[char]) -> Option<usize> {
    let mut it = hay[p..].char_indices().filter(|(_, c)| !is_space(*c));
    let mut end = p;
    for w in want {
        match it.next() {
            Some((i, c)) if c == *w || fold_char(c) == fold_char(*w) => end = p + i + c.len_utf8(),
            _ => return None,
        }
    }
    Some(end)
}

fn find_all(text: &str, needle: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(s) = find_loose(text, from, needle) {
        out.push(s);
        from = s.end;
    }
    out
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(year) = cx.report.report_year else { return };
    if year < 2021 {
        return;
    }
    let t = cx.text;
    for s in find_all(t, "〔2019〕60号").into_iter().chain(find_all(t, "[2019]60号")) {
        out.push(
            Finding::new(RULE.id, s, format!("{year} 年度报告应依据{RIGHT}格式，〔2019〕60号为已废止的试行格式")).fix(
                format!("改为“{RIGHT}”中的文号"),
                vec![Edit::replace(s, "〔2021〕30号")],
                false,
            ),
        );
    }
    for s in find_all(t, "年度报告格式（试行）").into_iter().chain(find_all(t, "年度报告格式(试行)"))
    {
        let trial = Span::new(s.end - t[..s.end].chars().rev().take(4).map(char::len_utf8).sum::<usize>(), s.end);
        out.push(Finding::new(RULE.id, s, "“年度报告格式（试行）”已被 2021 年正式格式取代").fix(
            "删去“（试行）”",
            vec![Edit::replace(trial, "")],
            false,
        ));
    }
    // misquoted number of the right document: every "国办…30号" citation
    // of 2021 is compared, brackets and spaces folded, with the right one
    // ("国办政务公开办函", "202130号", "〔202130号", "国办公开函〔2021〕30号")
    for s in citations_2021(t) {
        out.push(
            Finding::new(RULE.id, s, format!("文号“{}”有误，应为“{RIGHT}”", crate::finding::excerpt(s.slice(t), 40)))
                .fix(format!("改为“{RIGHT}”"), vec![Edit::replace(s, RIGHT)], true),
        );
    }
    // 〔2021〕30号 called by the title of 〔2019〕60号, or the format misnamed
    for s in find_all(t, "关于政府信息公开工作年度报告有关事项的通知") {
        let mut a = s.start.saturating_sub(200);
        while !t.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (s.end + 200).min(t.len());
        while !t.is_char_boundary(b) {
            b += 1;
        }
        let near = &t[a..b];
        if near.contains("30号") || near.contains("30 号") {
            out.push(Finding::new(
                RULE.id,
                s,
                "《关于政府信息公开工作年度报告有关事项的通知》是〔2019〕60号的名称，〔2021〕30号是《中华人民共和国政府信息公开工作年度报告格式》",
            ));
        }
    }
    for s in find_all(t, "《中华人民共和国政府信息年度报告格式》") {
        out.push(Finding::new(RULE.id, s, "格式名称有误，应为《中华人民共和国政府信息公开工作年度报告格式》").fix(
            "改为正确名称",
            vec![Edit::replace(s, "《中华人民共和国政府信息公开工作年度报告格式》")],
            true,
        ));
    }
}

/// Citations of 〔2021〕30号 that are not written right: from "国办" to the
/// "号" of a "30号" within a few characters, naming 2021, which folded
/// (spaces dropped, any bracket read as 〔〕) differ from the right one.
fn citations_2021(t: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for start in find_all(t, "国办").into_iter().map(|s| s.start) {
        let window: String = t[start..].chars().take(24).collect();
        let Some(hao) = window.find("号") else { continue };
        let cited = &window[..hao + "号".len()];
        let folded: String = cited
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
            .map(|c| match c {
                '[' | '［' | '【' | '(' | '（' => '〔',
                ']' | '］' | '】' | ')' | '）' => '〕',
                c => c,
            })
            .collect();
        let digits: String = folded.chars().filter(|c| c.is_ascii_digit()).collect();
        if digits != "202130" || !folded.contains("函") || folded == RIGHT {
            continue;
        }
        out.push(Span::new(start, start + cited.len()));
    }
    out
}
