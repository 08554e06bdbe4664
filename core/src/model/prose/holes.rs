//! Holes: a counted noun and its measure word with the number between them
//! missing — "收到申请件", "举办业务培训期", "召开新闻发布会场",
//! "办理人大代表建议件" — wherever the sentence counts.

use super::target::Target;
use crate::span::Span;
use crate::syntax::charset::{CharSet, chars};
use crate::syntax::normalize::is_space;
use crate::syntax::words::Words;

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

/// Table labels that are counted in 件 wherever they stand: "上年结转件",
/// "予以公开件", "自然人件" need no counting verb to be a hole.
const TABLE_NOUNS: &[&str] = &[
    "上年结转",
    "结转下年度",
    "继续办理",
    "本年新收",
    "新收",
    "办结",
    "予以公开",
    "部分公开",
    "不予公开",
    "无法提供",
    "不予处理",
    "其他处理",
    "自然人",
    "法人或其他组织",
    "企业等组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "行政复议",
    "行政诉讼",
    "直接起诉",
    "复议后起诉",
];

/// Words that end in a measure character but are words of their own
/// ("其他文件", "现场", "各项"): never a hole in a list.
const WORDS: &[&str] = &[
    "文件", "案件", "事件", "稿件", "附件", "条件", "邮件", "证件", "信件", "软件", "硬件", "要件", "部件", "批件",
    "原件", "组件", "来件", "急件", "头条", "教条", "链条", "线条", "词条", "层次", "依次", "首次", "多次", "每次",
    "本次", "此次", "再次", "其次", "档次", "批次", "名次", "班次", "场次", "长篇", "通篇", "开篇", "全篇", "时期",
    "定期", "到期", "同期", "近期", "长期", "周期", "初期", "限期", "逾期", "按期", "如期", "日期", "学期", "预期",
    "星期", "分期", "中期", "末期", "前期", "后期", "当期", "本期", "上期", "每期", "假期", "工期", "任期", "延期",
    "过期", "会期", "为期", "现场", "市场", "广场", "立场", "会场", "机场", "考场", "赛场", "农场", "商场", "当场",
    "到场", "全场", "专场", "出场", "入场", "在场", "剧场", "整个", "各个", "这个", "那个", "每个", "某个", "几个",
    "单个", "事项", "各项", "专项", "款项", "选项", "逐项", "多项", "单项", "强项", "弱项", "立项", "分项", "本项",
    "此项", "该项", "国家", "专家", "大家", "全家", "商家", "农家", "厂家", "居家", "作家", "人家", "行家", "万家",
];

/// Verbs and words that make a clause a count ("发布…信息条" counts, "信息
/// 条目" does not).
const COUNTING: &[&str] = &[
    "收到", "受理", "接收", "接到", "新收", "办结", "答复", "结转", "发布", "公开", "制发", "更新", "转载", "推送",
    "上传", "共", "累计", "其中", "包括", "处理", "办理", "公布", "举办", "开展", "召开", "组织", "参加", "举行",
    "录制", "开设", "回复", "解答", "印发", "出台", "制定", "编发", "报送", "上报", "撰写", "策划", "参与", "承办",
    "编印", "刊发", "播出", "邀请", "合计", "计", "达", "有", "收取", "完成", "新建", "建成", "设立", "设置", "接待",
    "新增", "整改",
];

static COUNTING_W: Words = Words::new(COUNTING);

/// The last characters of [`TABLE_NOUNS`] and [`COUNTED`]'s nouns, sorted:
/// most measure words follow no known noun, and one lookup says so.
fn noun_last_chars() -> &'static [char] {
    static LAST: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    LAST.get_or_init(|| {
        let nouns = TABLE_NOUNS.iter().chain(COUNTED.iter().map(|(n, _)| n));
        let mut v: Vec<char> = nouns.filter_map(|n| n.chars().next_back()).collect();
        v.sort_unstable();
        v.dedup();
        v
    })
}

/// Characters a number would end with: a hole needs none of them before
/// the measure word.
fn numeral_before(s: &str) -> bool {
    s.chars().next_back().is_some_and(|c| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || chars!("零〇一二两三四五六七八九十百千万余多几数").contains(&c)
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
    // a counting word earlier in the sentence carries into a short clause:
    // "承办人大代表建议件，政协提案件"
    let mut sentence_counts = false;
    // the clause denies the count ("无转结下年度继续办理件"): no hole
    let mut denied = false;
    for (i, c) in s.char_indices() {
        if matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？') {
            clause_from = i + c.len_utf8();
            sentence_counts |= counting_end.is_some();
            counting_end = None;
            denied = false;
            continue;
        }
        if matches!(c, '无' | '未' | '没' | '尚' | '暂') && super::quantity::zero_at(s, i).is_some() {
            denied = true;
        }
        if counting_end.is_none() && COUNTING_FIRST.contains(&c) {
            if let Some(w) = COUNTING_W.prefix_of(&s[i..]) {
                counting_end = Some(i + w.len());
            }
        }
        if !chars!("件条篇次个份期场项人万家").contains(&c) {
            continue;
        }
        let before = s[..i].trim_end_matches(is_space);
        // "15件": a number stands there, the common case; decided before
        // the noun lists are searched (the same test ends the checks below)
        if numeral_before(before) {
            continue;
        }
        // a known noun must end in one of their last characters
        let noun_end = before.chars().next_back().is_some_and(|c| noun_last_chars().binary_search(&c).is_ok());
        let (table_noun, known) = if noun_end {
            let table_noun = TABLE_NOUNS.iter().find(|n| before.ends_with(**n) && s[i..].starts_with('件'));
            let known = COUNTED.iter().find_map(|(n, ms)| {
                let m = ms.iter().find(|m| s[i..].starts_with(**m))?;
                before.ends_with(n).then_some((*n, *m))
            });
            (table_noun, known)
        } else {
            (None, None)
        };
        let (noun, measure, generic): (&str, &'static str, bool) = match (table_noun, known) {
            (Some(n), _) => (n, "件", false),
            (None, Some((n, m))) => (n, m, false),
            (None, None) => {
                // any counted thing: "推送信息次", "新建政务公开专区个"
                let Some(m) = GENERIC.iter().find(|m| s[i..].starts_with(**m)) else { continue };
                let Some(last) = before.chars().next_back().filter(|c| is_ideograph(*c)) else { continue };
                let word = WORDS.iter().any(|w| w.strip_suffix(*m).is_some_and(|head| before.ends_with(head)));
                if DETERMINERS.contains(&last) || word {
                    continue;
                }
                // the noun: what follows the clause's counting word, its last
                // four characters at most ("推送信息次" → 信息)
                let Some(from) = counting_end.filter(|&e| e < before.len()) else { continue };
                let tail = before[from..].char_indices().rev().nth(3).map_or(from, |(j, _)| from + j);
                let noun = &before[tail..];
                if noun.chars().any(|c| !is_ideograph(c)) {
                    continue;
                }
                (noun, *m, true)
            }
        };
        // the measure word ends the phrase: "申请件。", "培训期，"
        let rest = &s[i + measure.len()..];
        if !(rest.trim_start_matches(is_space).is_empty()
            || rest.starts_with(['，', '。', '；', '、', '）', ')', '：', ',', ';', '！', '？']))
        {
            continue;
        }
        let noun_start = (before.len() - noun.len()).max(clause_from);
        if denied || noun_start < clause_from || numeral_before(&s[..noun_start]) || numeral_before(before) {
            continue;
        }
        // one hole per measure word: "人次" is not also a hole at its "次"
        if out.last().is_some_and(|h: &Hole| h.span.end > sent.start + i) {
            continue;
        }
        let counted = counting_end.is_some_and(|e| e <= noun_start)
            || (sentence_counts && s[clause_from..i].chars().count() <= 8);
        if table_noun.is_none() && !counted {
            continue;
        }
        // a generic hole needs its counting verb in its own clause
        if generic && counting_end.is_none_or(|e| e > noun_start) {
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

/// Measure words a hole may end in when the noun is not a known one.
const GENERIC: &[&str] = &["人次", "万元", "件", "条", "篇", "次", "个", "份", "期", "场", "项", "家"];
/// Characters that make the measure word part of a determiner ("各项",
/// "每次", "该件") rather than a count's.
const DETERMINERS: &CharSet = chars!("各每该此本这那其全整单多几诸首再依层历届逐批名按等频车");

fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Holes in a list whose other items have their numbers: "工作动态47条，政策
/// 文件条，财政信息26条" — a clause ending in the measure word of a
/// neighbouring clause's count, with no number of its own. `counts` are the
/// sentence's counts as (start, end of measure word, measure), in order.
pub fn in_lists(text: &str, sent: Span, counts: &[(usize, usize, &str)], found: &[Hole]) -> Vec<Hole> {
    let s = sent.slice(text);
    let mut out = Vec::new();
    let mut next = 0; // first count not before the clause
    let mut clause_from = 0;
    let mut prev_measure: Option<&str> = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), '。'))) {
        if !matches!(c, '，' | ',' | '、' | '；' | ';' | '。' | '！' | '？') {
            continue;
        }
        let (a, b) = (sent.start + clause_from, sent.start + i);
        clause_from = i + c.len_utf8();
        while next < counts.len() && counts[next].1 <= a {
            next += 1;
        }
        // the clause's own count, if it has one
        if let Some(&(_, _, m)) = counts.get(next).filter(|x| x.0 < b) {
            prev_measure = Some(m);
            continue;
        }
        let clause = text[a..b].trim_end_matches(is_space);
        // the next count, when only a short label separates it from this clause
        let following =
            counts.get(next).filter(|x| text[b..x.0].chars().filter(|c| !is_space(*c)).take(13).count() <= 12);
        let measure = MEASURE_CHARS.iter().find(|m| clause.ends_with(**m));
        let Some(measure) = measure else {
            prev_measure = None;
            continue;
        };
        let head = &clause[..clause.len() - measure.len()].trim_end_matches(is_space);
        let neighbour = prev_measure == Some(*measure) || following.is_some_and(|f| f.2 == *measure);
        prev_measure = None;
        if !neighbour
            || head.chars().count() < 2
            || numeral_before(head)
            || clause.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            || WORDS.iter().any(|w| clause.ends_with(w))
            || clause
                .char_indices()
                .any(|(j, c)| chars!("无未没尚暂").contains(&c) && super::quantity::zero_at(clause, j).is_some())
            || found.iter().any(|h| h.span.end == a + clause.len())
        {
            continue;
        }
        let noun_end = a + head.len();
        // the message quotes the label's last few characters
        let lead =
            head.len() - head.trim_start_matches(|c: char| is_space(c) || chars!("其中以及和另有").contains(&c)).len();
        let noun_start = head.char_indices().rev().nth(7).map_or(a + lead, |(j, _)| (a + j).max(a + lead));
        out.push(Hole {
            span: Span::new(noun_start, a + clause.len()),
            noun: Span::new(noun_start, noun_end),
            measure,
            insert_at: noun_end,
            measure_at: a + clause.len() - measure.len(),
            target: None,
            sentence: 0,
        });
    }
    out
}

/// Measure words a list's holes end in.
const MEASURE_CHARS: &[&str] = &["人次", "件", "条", "篇", "个", "期", "场", "次", "项", "家", "份"];

/// The first characters of [`COUNTING`] (a test keeps them in step).
const COUNTING_FIRST: &CharSet =
    chars!("上举公共其出刊制办包印参发受召合回处完建开录承报接推播撰收整新更有答策累组结编解计设转达邀");

#[cfg(test)]
mod tests {
    use super::*;

    fn holes(s: &str) -> Vec<&str> {
        find(s, Span::new(0, s.len())).into_iter().map(|h| &s[h.span.start..h.span.end]).collect()
    }

    #[test]
    fn counting_first_covers_every_word() {
        assert!(COUNTING.iter().all(|w| w.chars().next().is_some_and(|c| COUNTING_FIRST.contains(&c))));
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
