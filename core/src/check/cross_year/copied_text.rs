//! cross-year/copied-text: a section whose running text is mostly last
//! year's. The share of this year's text found in last year's section is
//! measured on shingles (every run of `SHINGLE` characters) of the prose
//! without numbers, years, punctuation or short lines (sub-headings and
//! labels every report shares), so changing only the figures still counts
//! as copied. Linear: one hash set per section, each bounded by `MAX_CHARS`.

use super::finding;
use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::Finding;
use crate::model::Report;
use crate::model::sections;
use crate::severity::Severity;
use crate::syntax::charset::chars;
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

declare_rule! {
    id: "cross-year/copied-text",
    severity: Info,
    summary: "某部分正文与上年报告基本相同（照搬上年）",
    fixes: No,
    check,
}

/// Characters per shingle: long enough that the standard's own phrases
/// ("政府信息公开申请") shared by every report match only within longer
/// copied runs.
const SHINGLE: usize = 8;
/// A section with less prose than this (after normalising) is not judged:
/// "本年度未发生行政复议" is the same every year, rightly.
const MIN_CHARS: usize = 80;
/// Lines shorter than this are headings or labels ("（一）主动公开情况").
const MIN_LINE: usize = 16;
/// Enough of a section to judge it; a pasted megabyte costs no more.
const MAX_CHARS: usize = 40_000;
/// At this share and above the finding is a warning, below it a hint to look.
const WARN_PERCENT: u32 = 90;

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(prev) = cx.previous else { return };
    let threshold = u32::from(cx.config.cross_year.copied_text_threshold);
    let (now, then) = (prose(cx.text, cx.report), prose(prev.text, prev.report));
    for s in &cx.report.sections {
        let n = s.number as usize;
        let (mine, theirs) = (&now[n], &then[n]);
        if mine.len() < MIN_CHARS || theirs.len() < MIN_CHARS {
            continue;
        }
        let Some(last) = prev.report.section(s.number) else { continue };
        let a = shingles(mine);
        let b = shingles(theirs);
        if a.is_empty() {
            continue;
        }
        let shared = a.iter().filter(|h| b.contains(h)).count();
        // rounded down: 89.9% is not 90%
        let percent = (shared * 100 / a.len()) as u32;
        if percent < threshold {
            continue;
        }
        let title = sections::spec(s.number).title;
        let message = format!("“{title}”的正文约 {percent}% 与上年报告相同（阈值 {threshold}%），请按本年度情况撰写");
        let mut f =
            finding(&RULE, s.heading.line, message).related_in_previous(last.heading.line, format!("上年报告·{title}"));
        if percent >= WARN_PERCENT {
            f.severity = Severity::Warning;
        }
        out.push(f);
    }
}

/// Each section's prose (index = section number; 0 before 一), reduced to
/// what stays when a body copies last year's text and updates the figures:
/// letters and ideographs, without numerals.
fn prose(text: &str, report: &Report) -> [Vec<char>; 7] {
    let mut out: [Vec<char>; 7] = Default::default();
    for p in report.paragraphs() {
        let Some(slot) = out.get_mut(p.section as usize) else { continue };
        if slot.len() >= MAX_CHARS {
            continue;
        }
        let line: Vec<char> = p.span.slice(text).chars().filter(|&c| kept(c)).take(MAX_CHARS - slot.len()).collect();
        if line.len() >= MIN_LINE {
            slot.extend(line);
        }
    }
    out
}

fn kept(c: char) -> bool {
    c.is_alphabetic() && !chars!("〇零一二三四五六七八九十百千万亿两").contains(&c)
}

fn shingles(chars: &[char]) -> HashSet<u64> {
    chars
        .windows(SHINGLE)
        .map(|w| {
            let mut h = DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}
