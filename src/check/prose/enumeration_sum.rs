//! prose/enumeration-sum: a stated total that its itemised parts contradict
//! ("发布信息70余条，其中…47条…2条…26条…" = 94).

use crate::check::Ctx;
use crate::check::year::sentences;
use crate::finding::Finding;
use crate::span::Span;
use crate::syntax::numbers::{Number, after_spaces, numbers};

const MEASURES: &[char] = &['条', '件', '篇', '个', '项', '次', '起', '家', '人', '期', '场'];
const MARKERS: &[&str] =
    &["其中", "包括", "包含", "分别为", "分别是", "主要有", "具体为", "具体包括", "中，", "中,", "中：", "含"];

struct Counted {
    n: Number,
    /// "70余" → 70..=79
    min: i64,
    max: i64,
    measure: char,
    end: usize,
}

fn counted(text: &str, n: &Number) -> Option<Counted> {
    let v = n.int()?;
    let (at, rest) = after_spaces(text, n.span.end);
    let approx = rest.starts_with(['余', '多']);
    let (at2, rest2) = if approx { after_spaces(text, at + 3) } else { (at, rest) };
    let m = rest2.chars().next().filter(|c| MEASURES.contains(c))?;
    let (min, max) = if approx {
        // "70余" is 70–79, "360余" 360–369, "100余" 100–199
        let zeros = n.digits.chars().rev().take_while(|&c| c == '0').count().max(1) as u32;
        (v, v + 10i64.pow(zeros.min(6)) - 1)
    } else {
        (v, v)
    };
    Some(Counted { n: n.clone(), min, max, measure: m, end: at2 + m.len_utf8() })
}

/// A part of a breakdown names what it counts before its number
/// ("工作动态 47 条"); "5件属于网络平台申请" counts along another dimension.
fn labelled(t: &str, sent: Span, c: &Counted) -> bool {
    let head = &t[sent.start..c.n.span.start];
    let clause_start = head
        .rfind(['，', '、', '；', '：', ',', ';', ':', '（', '('])
        .map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    let label: String = head[clause_start..].chars().filter(|ch| !ch.is_whitespace()).collect();
    let label = label.trim_start_matches(['以', '及', '且', '和', '与', '另', '还', '有']);
    label.chars().filter(|ch| ('\u{4e00}'..='\u{9fff}').contains(ch)).count() >= 2
}

/// The marker starting earliest within the first 17 characters of `after`
/// (the first in `MARKERS` order at the same place): what searching the
/// whole rest of the sentence for every marker and keeping the nearest
/// within 16 characters found. Those searches, after every number, were most
/// of this rule's time on long drafts.
fn first_marker(after: &str) -> Option<(usize, &'static str)> {
    after
        .char_indices()
        .take(17)
        .find_map(|(i, _)| MARKERS.iter().find(|m| after[i..].starts_with(*m)).map(|m| (i, *m)))
}

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let t = cx.text;
    for p in cx.report.paragraphs() {
        for sent in sentences(t, p.span) {
            // `counted` skips whitespace, line breaks included, to find the
            // measure word: one found past the sentence is not this
            // sentence's ("…信息10\n件，其中…" panicked slicing before this).
            let items: Vec<Counted> =
                numbers(t, sent).iter().filter_map(|n| counted(t, n)).filter(|c| c.end <= sent.end).collect();
            for (k, total) in items.iter().enumerate() {
                let after = &t[total.end..sent.end];
                // the breakdown must be introduced right after the total
                let Some((mpos, marker)) = first_marker(after) else {
                    continue;
                };
                // "上年结转2件，办结13件，其中…": the breakdown belongs to 13, not 2
                if items[k + 1..].iter().any(|c| c.n.span.start < total.end + mpos) {
                    continue;
                }
                let parts_from = total.end + mpos + marker.len();
                // parts run until the next breakdown marker, or the closing
                // bracket when the breakdown is in brackets: "121件（其中…）"
                let mut parts_to = MARKERS
                    .iter()
                    .filter_map(|m| t[parts_from..sent.end].find(m))
                    .min()
                    .map_or(sent.end, |p| parts_from + p);
                if after[..mpos].contains(['(', '（']) {
                    if let Some(close) = t[parts_from..sent.end].find([')', '）']) {
                        parts_to = parts_to.min(parts_from + close);
                    }
                }
                let parts: Vec<&Counted> = items[k + 1..]
                    .iter()
                    .filter(|c| c.n.span.start >= parts_from && c.n.span.end <= parts_to && c.measure == total.measure)
                    .filter(|c| labelled(t, sent, c))
                    .collect();
                if parts.len() < 2 {
                    continue;
                }
                let sum: i64 = parts.iter().map(|c| c.min).sum();
                let exhaustive = marker.starts_with("分别");
                if sum > total.max || (exhaustive && sum < total.min) {
                    let stated = if total.min == total.max {
                        format!("{}", total.min)
                    } else {
                        format!(
                            "{}（{}–{}）",
                            t[total.n.span.start..total.end - total.measure.len_utf8()].trim(),
                            total.min,
                            total.max
                        )
                    };
                    let list = parts.iter().map(|c| c.min.to_string()).collect::<Vec<_>>().join("+");
                    out.push(Finding::new(
                        "prose/enumeration-sum",
                        Span::new(total.n.span.start, total.end),
                        format!("所述总数为 {stated}{m}，分项合计 {list} = {sum}{m}", m = total.measure),
                    ));
                }
            }
        }
    }
}
