//! basis/outdated: a 2021+ report naming 〔2019〕60号 or the 试行 format as its
//! basis, or misquoting 〔2021〕30号.

use crate::check::Ctx;
use crate::finding::{Edit, Finding};
use crate::span::Span;
use crate::syntax::normalize::is_space;

const RIGHT: &str = "国办公开办函〔2021〕30号";

/// Find `needle` in `text` ignoring spaces inside the text; returns the byte span.
fn find_loose(text: &str, from: usize, needle: &str) -> Option<Span> {
    let want: Vec<char> = needle.chars().filter(|c| !is_space(*c)).collect();
    let hay = &text[from..];
    for (start, _) in hay.char_indices() {
        let mut it = hay[start..].char_indices().filter(|(_, c)| !is_space(*c));
        let mut end = start;
        let mut ok = true;
        for w in &want {
            match it.next() {
                Some((i, c))
                    if c == *w || crate::syntax::normalize::fold_char(c) == crate::syntax::normalize::fold_char(*w) =>
                {
                    end = start + i + c.len_utf8();
                }
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            return Some(Span::new(from + start, from + end));
        }
    }
    None
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

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(year) = cx.report.report_year else { return };
    if year < 2021 {
        return;
    }
    let t = cx.text;
    for s in find_all(t, "〔2019〕60号").into_iter().chain(find_all(t, "[2019]60号")) {
        out.push(
            Finding::new(
                "basis/outdated",
                s,
                format!("{year} 年度报告应依据{RIGHT}格式，〔2019〕60号为已废止的试行格式"),
            )
            .fix(format!("改为“{RIGHT}”中的文号"), vec![Edit::replace(s, "〔2021〕30号")], false),
        );
    }
    for s in find_all(t, "年度报告格式（试行）").into_iter().chain(find_all(t, "年度报告格式(试行)"))
    {
        let trial = Span::new(s.end - t[..s.end].chars().rev().take(4).map(char::len_utf8).sum::<usize>(), s.end);
        out.push(Finding::new("basis/outdated", s, "“年度报告格式（试行）”已被 2021 年正式格式取代").fix(
            "删去“（试行）”",
            vec![Edit::replace(trial, "")],
            false,
        ));
    }
    // misquoted number of the right document
    for bad in [
        "国办政务公开办函〔2021〕30号",
        "国办公开办函202130号",
        "国办公开办函2021 30号",
        "国办公开函〔2021〕30号",
        "国办公开办〔2021〕30号",
    ] {
        for s in find_all(t, bad) {
            out.push(Finding::new("basis/outdated", s, format!("文号“{}”有误，应为“{RIGHT}”", s.slice(t))).fix(
                format!("改为“{RIGHT}”"),
                vec![Edit::replace(s, RIGHT)],
                true,
            ));
        }
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
                "basis/outdated",
                s,
                "《关于政府信息公开工作年度报告有关事项的通知》是〔2019〕60号的名称，〔2021〕30号是《中华人民共和国政府信息公开工作年度报告格式》",
            ));
        }
    }
    for s in find_all(t, "《中华人民共和国政府信息年度报告格式》") {
        out.push(
            Finding::new("basis/outdated", s, "格式名称有误，应为《中华人民共和国政府信息公开工作年度报告格式》").fix(
                "改为正确名称",
                vec![Edit::replace(s, "《中华人民共和国政府信息公开工作年度报告格式》")],
                true,
            ),
        );
    }
}
