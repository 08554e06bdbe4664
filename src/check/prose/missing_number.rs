//! prose/missing-number: a measure word whose number is missing
//! ("收到政府信息公开申请件").

use super::{clauses, fact_before, spaced_numbers, table_values};
use crate::check::Ctx;
use crate::finding::{Edit, Finding};
use crate::span::Span;
use crate::syntax::numbers::before_spaces;

/// Nouns that are counted, and the measure word that follows their number.
const COUNTED: &[(&str, char)] = &[
    ("申请", '件'),
    ("事项", '件'),
    ("建议", '件'),
    ("提案", '件'),
    ("复议", '件'),
    ("诉讼", '件'),
    ("信息", '条'),
    ("动态", '条'),
    ("资质", '条'),
    ("公告", '条'),
    ("通知", '条'),
    ("政策", '条'),
    ("解读", '条'),
    ("新闻", '条'),
    ("数据", '条'),
    ("内容", '条'),
    ("文件", '条'),
    ("文件", '个'),
    ("信息", '篇'),
    ("文章", '篇'),
];

const COUNTING: &[&str] = &[
    "收到", "受理", "接收", "接到", "新收", "办结", "答复", "结转", "发布", "公开", "制发", "更新", "转载", "推送",
    "上传", "共", "累计", "其中", "包括", "处理", "办理", "公布",
];

/// The measure words of `COUNTED`.
static MEASURES: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
    let mut v: Vec<char> = COUNTED.iter().map(|(_, m)| *m).collect();
    v.dedup();
    v
});

/// `COUNTING.iter().any(|c| cs.contains(c))`, in one pass: most clauses hold
/// none of the words, and 22 substring searches per clause made this the
/// costliest rule on long drafts. A 1024-bit filter of the words' first
/// characters lets almost every character through with one bit test.
fn contains_counting(cs: &str) -> bool {
    static FIRST: std::sync::LazyLock<[u64; 16]> = std::sync::LazyLock::new(|| {
        let mut bits = [0u64; 16];
        for w in COUNTING {
            if let Some(c) = w.chars().next() {
                let h = c as usize & 1023;
                bits[h / 64] |= 1 << (h % 64);
            }
        }
        bits
    });
    let bits = &*FIRST;
    cs.char_indices().any(|(i, c)| {
        let h = c as usize & 1023;
        bits[h / 64] & (1 << (h % 64)) != 0 && COUNTING.iter().any(|w| cs[i..].starts_with(w))
    })
}

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    let spaced = spaced_numbers(cx.text);
    for p in r.paragraphs() {
        for clause in clauses(cx.text, p.span) {
            let cs = clause.slice(cx.text);
            if !contains_counting(cs) {
                continue;
            }
            for (i, m) in cs.char_indices() {
                // only the four measure words can end a counted noun
                if !MEASURES.contains(&m) {
                    continue;
                }
                let Some((noun, _)) = COUNTED.iter().find(|(n, mw)| *mw == m && before_spaces(cs, i).ends_with(n))
                else {
                    continue;
                };
                // the measure word must end the clause or be followed by a particle
                let rest = &cs[i + m.len_utf8()..];
                if !(rest.trim().is_empty() || rest.starts_with(['，', '。', '；', '、', '）', ')'])) {
                    continue;
                }
                let at = clause.start + i;
                let noun_start = clause.start + before_spaces(cs, i).len() - noun.len();
                let span = Span::new(noun_start, at + m.len_utf8());
                let mut f = Finding::new("prose/missing-number", span, format!("“{noun}{m}”前缺少数字"));
                if let Some(fact) = fact_before(cs, i) {
                    if let Some((v, cell, name)) = table_values(r, fact).into_iter().next() {
                        let insert = if spaced { format!(" {v} ") } else { v.to_string() };
                        let insert_at = clause.start + before_spaces(cs, i).len();
                        f = f.related(cell, name.clone()).fix(
                            format!("填入表中的 {v}（{name}）"),
                            vec![Edit::replace(Span::new(insert_at, at), insert)],
                            false,
                        );
                    }
                }
                out.push(f);
            }
        }
    }
}
