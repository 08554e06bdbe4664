//! Holes: a counted noun and its measure word with the number between them
//! missing — "收到申请件", "举办业务培训期", "召开新闻发布会场",
//! "办理人大代表建议件" — wherever the sentence counts.

use super::target::Target;
use crate::span::Span;
use crate::syntax::normalize::is_space;

#[derive(Debug, Clone)]
pub struct Hole {
    /// The noun and the measure word ("申请件").
    pub span: Span,
    pub noun: Span,
    pub measure: &'static str,
    /// Where the number belongs (after the noun, before any spaces).
    pub insert_at: usize,
    /// Where the number must go: the measure word's start.
    pub measure_at: usize,
    pub target: Option<Target>,
    pub sentence: usize,
}

/// Nouns that are counted, and the measure words their number takes.
/// Longer nouns first where one ends another ("培训班" before "培训").
const COUNTED: &[(&str, &[&str])] = &[
    ("申请", &["件"]),
    ("建议", &["件"]),
    ("提案", &["件"]),
    ("复议", &["件", "起"]),
    ("诉讼", &["件", "起"]),
    ("信息", &["条", "篇"]),
    ("动态", &["条", "篇"]),
    ("政策", &["条", "件", "篇"]),
    ("解读", &["条", "篇", "次"]),
    ("文件", &["件", "个", "份"]),
    ("新闻", &["条", "篇"]),
    ("稿件", &["篇"]),
    ("文章", &["篇"]),
    ("通知", &["条", "个"]),
    ("公告", &["条", "个"]),
    ("公示", &["条", "次"]),
    ("事项", &["项", "个", "件", "条"]),
    ("培训班", &["期", "个"]),
    ("培训", &["期", "次", "场"]),
    ("发布会", &["场", "次"]),
    ("座谈会", &["场", "次"]),
    ("会议", &["次", "场"]),
    ("活动", &["次", "场", "项"]),
    ("访谈", &["期", "次", "场"]),
    ("直播", &["场", "次"]),
    ("讲座", &["场", "次", "期"]),
    ("开放日", &["次", "场", "期"]),
    ("留言", &["条", "件"]),
    ("资质", &["条"]),
    ("数据", &["条"]),
    ("视频", &["条", "个", "部"]),
    ("微博", &["条"]),
    ("推文", &["条", "篇"]),
    ("报道", &["篇", "条"]),
    ("简报", &["期"]),
];

/// Verbs and words that make a clause a count ("发布…信息条" counts, "信息
/// 条目" does not).
const COUNTING: &[&str] = &[
    "收到", "受理", "接收", "接到", "新收", "办结", "答复", "结转", "发布", "公开", "制发", "更新", "转载", "推送",
    "上传", "共", "累计", "其中", "包括", "处理", "办理", "公布", "举办", "开展", "召开", "组织", "参加", "举行",
    "录制", "开设", "回复", "解答", "印发", "出台", "制定", "编发", "报送", "上报", "撰写", "策划", "参与", "承办",
    "编印", "刊发", "播出", "邀请", "合计", "计", "达", "有",
];

/// Characters a number would end with: a hole needs none of them before
/// the measure word.
fn numeral_before(s: &str) -> bool {
    s.chars().next_back().is_some_and(|c| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "零〇一二两三四五六七八九十百千万余多几数".contains(c)
    })
}

/// Every hole in a sentence, in one pass: the clause's first counting word
/// is recorded as the scan passes it, so no clause is searched twice.
pub fn find(text: &str, sent: Span) -> Vec<Hole> {
    let s = sent.slice(text);
    let mut out = Vec::new();
    let mut clause_from = 0;
    // where the current clause's first counting word ends
    let mut counting_end: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？') {
            clause_from = i + c.len_utf8();
            counting_end = None;
            continue;
        }
        if counting_end.is_none() && COUNTING_FIRST.contains(c) {
            if let Some(w) = COUNTING.iter().find(|w| s[i..].starts_with(**w)) {
                counting_end = Some(i + w.len());
            }
        }
        if !"件条篇次个份期场项起部".contains(c) {
            continue;
        }
        let before = s[..i].trim_end_matches(is_space);
        let Some((noun, measures)) = COUNTED.iter().find(|(n, _)| before.ends_with(n)) else { continue };
        let Some(measure) = measures.iter().find(|m| s[i..].starts_with(**m)) else { continue };
        // the measure word ends the phrase: "申请件。", "培训期，"
        let rest = &s[i + measure.len()..];
        if !(rest.trim_start_matches(is_space).is_empty()
            || rest.starts_with(['，', '。', '；', '、', '）', ')', '：', ',', ';', '！', '？']))
        {
            continue;
        }
        let noun_start = before.len() - noun.len();
        if noun_start < clause_from || numeral_before(&s[..noun_start]) {
            continue;
        }
        if counting_end.is_none_or(|e| e > noun_start) {
            continue;
        }
        out.push(Hole {
            span: Span::new(sent.start + noun_start, sent.start + i + measure.len()),
            noun: Span::new(sent.start + noun_start, sent.start + before.len()),
            measure,
            insert_at: sent.start + before.len(),
            measure_at: sent.start + i,
            target: None,
            sentence: 0,
        });
    }
    out
}

/// The first characters of [`COUNTING`] (a test keeps them in step).
const COUNTING_FIRST: &str = "上举公共其出刊制办包印参发受召合回处开录承报接推播撰收新更有答策累组结编解计转达邀";

#[cfg(test)]
mod tests {
    use super::*;

    fn holes(s: &str) -> Vec<&str> {
        find(s, Span::new(0, s.len())).into_iter().map(|h| &s[h.span.start..h.span.end]).collect()
    }

    #[test]
    fn counting_first_covers_every_word() {
        assert!(COUNTING.iter().all(|w| w.chars().next().is_some_and(|c| COUNTING_FIRST.contains(c))));
    }

    #[test]
    fn finds_missing_numbers_in_any_shape() {
        assert_eq!(holes("全年收到政府信息公开申请件。"), ["申请件"]);
        assert_eq!(holes("举办业务培训期，参训200人次。"), ["培训期"]);
        assert_eq!(holes("召开新闻发布会场。"), ["发布会场"]);
        assert_eq!(holes("办理人大代表建议件、政协提案件。"), ["建议件", "提案件"]);
        assert!(holes("收到申请12件。").is_empty());
        assert!(holes("印发文件，布置会场。").is_empty());
        assert!(holes("培训期间发布信息条目清晰。").is_empty());
        assert!(holes("收到申请十二件。").is_empty());
    }
}
