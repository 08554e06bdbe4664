//! Counted quantities in a sentence: a number with its measure word
//! ("12件", "70 余条", "约 300 篇", "１２件"), a zero word with the thing it
//! denies ("未收到政府信息公开申请"), and holes — a measure word whose number
//! is missing ("收到申请件").

use crate::span::Span;
use crate::syntax::charset::chars;
use crate::syntax::normalize::is_space;
use crate::syntax::numbers::{Number, after_spaces, before_spaces};
use crate::syntax::words::Words;

/// What the text says the count is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Exact(i64),
    /// "70余" is 70–79, "100多" 100–199.
    Range(i64, i64),
    /// 约/近/超过/以上/左右: never compared exactly.
    About(i64),
    /// A decimal amount ("1.5万元").
    Decimal(f64),
}

impl Value {
    /// The bounds a reader may hold the text to, when it gives any.
    pub fn bounds(self) -> Option<(i64, i64)> {
        match self {
            Value::Exact(v) => Some((v, v)),
            Value::Range(a, b) => Some((a, b)),
            Value::About(_) | Value::Decimal(_) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The digits (or the zero word).
    pub digits: Span,
    /// From the first approximation word to the end of the measure word.
    pub span: Span,
    pub value: Value,
    /// The measure word, `None` for a zero word.
    pub measure: Option<&'static str>,
    /// "各1件", "每月2期": a count per item, not a count of the whole.
    pub each: bool,
    /// A zero word ("未收到申请").
    pub zero: bool,
}

/// Measure words of counts, longest first.
pub const MEASURES: &[&str] = &[
    "人次", "万元", "亿元", "件", "条", "次", "篇", "个", "期", "场", "家", "项", "起", "宗", "份", "批", "名", "人",
    "元", "张", "部", "本", "册", "则", "例", "户", "类", "处", "轮", "套", "台", "组", "支", "封", "幅", "单", "笔",
];

/// What a measure word is followed by when the number is a duration or a
/// rate rather than a count ("15个工作日", "3个月", "2个百分点").
const NOT_COUNTS: &[&str] = &["工作日", "月", "小时", "百分点", "自然日", "日", "星期", "季度", "年"];

fn measure_at(s: &str) -> Option<&'static str> {
    static MEASURE: Words = Words::new(MEASURES);
    let m = &MEASURE.prefix_of(s)?;
    let rest = &s[m.len()..];
    if *m == "个" && NOT_COUNTS.iter().any(|w| rest.starts_with(w)) {
        return None;
    }
    // "元" of "元旦", "人" of "人员"/"人民", "期" of "期间", "类" of "类型"
    let compound = match *m {
        "人" => rest.starts_with(['员', '民', '大', '口', '才', '力', '社', '事']),
        "期" => rest.starts_with(['间', '限', '刊']),
        "类" => rest.starts_with(['型', '别']),
        "次" => rest.starts_with(['数', '序']),
        "部" => rest.starts_with(['门', '署', '分', '位']),
        "本" => rest.starts_with(['级', '机', '单', '年', '次', '报', '局', '镇', '部']),
        "处" => rest.starts_with(['理', '置', '室', '罚', '分']),
        "元" => rest.starts_with(['旦', '素']),
        "单" => rest.starts_with(['位', '独']),
        "组" => rest.starts_with(['织', '长', '成']),
        "台" => rest.starts_with(['账', '阶']),
        "条" => rest.starts_with(['例', '件', '款']),
        "项" => rest.starts_with(['目']),
        "名" => rest.starts_with(['称', '单', '义']),
        "则" => rest.starts_with(['上', '是']),
        "场" => rest.starts_with(['所', '景']),
        "家" => rest.starts_with(['庭', '属']),
        _ => false,
    };
    (!compound).then_some(*m)
}

/// Words before a number that make it approximate.
const ABOUT_BEFORE: &[&str] = &["大约", "将近", "接近", "超过", "约", "近", "逾", "超"];
/// ... and after the measure word.
const ABOUT_AFTER: &[&str] = &["左右", "以上", "余"];

/// The quantity a number starts, when a measure word follows it.
pub fn at_number(text: &str, n: &Number, limit: usize) -> Option<Quantity> {
    let before = before_spaces(text, n.span.start);
    // ordinals ("第3期") and document numbers ("〔2025〕3号") are not counts
    if before.ends_with(['第', '〔', '[', '［', '.', '．', '-', '—', '/', '／']) {
        return None;
    }
    let (mut at, mut rest) = after_spaces(text, n.span.end);
    let mut approx = false;
    let mut times = 1i64;
    if rest.starts_with(['余', '多', '来']) {
        approx = true;
        (at, rest) = after_spaces(text, at + 3);
    }
    if rest.starts_with('万') && !rest.starts_with("万元") {
        times = 10_000;
        (at, rest) = after_spaces(text, at + 3);
        if rest.starts_with(['余', '多']) {
            approx = true;
            (at, rest) = after_spaces(text, at + 3);
        }
    }
    if at >= limit {
        return None;
    }
    let measure = measure_at(rest)?;
    let end = at + measure.len();
    if end > limit {
        return None;
    }
    let about_before = ABOUT_BEFORE.iter().any(|w| before.ends_with(w));
    let after = &text[end..limit];
    let about_after = ABOUT_AFTER.iter().any(|w| after.trim_start_matches(is_space).starts_with(w));
    let start = if about_before {
        let b = ABOUT_BEFORE.iter().find(|w| before.ends_with(**w)).map_or(0, |w| w.len());
        before.len() - b
    } else {
        n.span.start
    };
    let value = match n.int() {
        // "1.5万人" is about fifteen thousand
        None if times > 1 => Value::About((n.value * times as f64) as i64),
        None => Value::Decimal(n.value),
        Some(v) => {
            let v = v.checked_mul(times)?;
            if about_before || about_after || times > 1 {
                Value::About(v)
            } else if approx {
                // "70余" is 70–79, "360余" 360–369, "100余" 100–199
                let zeros = n.digits.chars().rev().take_while(|&c| c == '0').count().clamp(1, 9) as u32;
                Value::Range(v, v.checked_add(10i64.pow(zeros) - 1)?)
            } else {
                Value::Exact(v)
            }
        }
    };
    let each = before.ends_with(['各', '每', '均']) || before.ends_with("平均");
    Some(Quantity { digits: n.span, span: Span::new(start, end), value, measure: Some(measure), each, zero: false })
}

/// Zero words and what must follow them to deny a count: "未收到…申请",
/// "无行政复议", "没有发生…行政诉讼".
const ZERO_WORDS: &[&str] = &["没有", "尚无", "暂无", "未有", "未", "无"];
/// Words that start with a zero word but deny nothing countable, or are
/// themselves table labels ("无法提供", "未经复议", "尚未审结").
const NOT_ZERO: &[&str] = &[
    "无法",
    "无正当",
    "无偿",
    "无纸",
    "无障碍",
    "无论",
    "无需",
    "无须",
    "无误",
    "无缝",
    "无效",
    "无差别",
    "无一",
    "无关",
    "无异议",
    "无纰漏",
    "未经",
    "未按",
    "未审结",
    "未来",
    "未能",
    "未予",
    "未及时",
    "未公开",
    "未曾",
    "未达",
    "未完全",
    "未充分",
    "未形成",
    "未全部",
    "未办结",
    "无死角",
    "无条件",
    "没有现成",
];

/// A zero word at `at` in a clause: the span of the word, when it denies a
/// count (the caller decides what by the rest of the clause).
pub fn zero_at(clause: &str, at: usize) -> Option<usize> {
    let rest = &clause[at..];
    if NOT_ZERO.iter().any(|w| rest.starts_with(w)) {
        return None;
    }
    if clause[..at].ends_with(['尚', '逾', '期']) {
        return None;
    }
    ZERO_WORDS.iter().find(|w| rest.starts_with(**w)).map(|w| w.len())
}

/// Numbers written in Chinese numerals before a measure word: "十一件",
/// "两场", "二十三条". Fixed expressions ("一件事一次办", "一次性", "三类
/// 内部事务") are not counts; a lone 一 is too often one of them to count.
pub fn chinese_numbers(text: &str, sent: Span) -> Vec<Number> {
    let s = sent.slice(text);
    let mut out = Vec::new();
    let mut run: Option<usize> = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), '。'))) {
        if chars!("零〇一二两三四五六七八九十百千").contains(&c) {
            run.get_or_insert(i);
            continue;
        }
        let Some(start) = run.take() else { continue };
        let word = &s[start..i];
        let Some(value) = cn_value(word) else { continue };
        let rest = &s[i..];
        let Some(m) = measure_at(rest) else { continue };
        let after = &rest[m.len()..];
        let fixed =
            ["事", "性", "龙", "站", "窗", "网", "线", "体", "批", "把", "手", "般", "律", "直", "定", "起", "些"]
                .iter()
                .any(|w| after.starts_with(w));
        let before = &s[..start];
        let ordinal =
            before.ends_with(['第', '每', '各', '这', '那', '前', '后', '周', '星', '其', '之', '唯', '统', '同']);
        if value < 2 && !word.contains(['十', '百', '千'])
            || fixed
            || ordinal
            || !matches!(m, "件" | "条" | "次" | "篇" | "期" | "场" | "项" | "家" | "个" | "人次" | "份")
        {
            continue;
        }
        out.push(Number {
            span: Span::new(sent.start + start, sent.start + i),
            value: value as f64,
            digits: value.to_string(),
        });
    }
    out
}

/// The value of a Chinese numeral up to 9 999 ("十一" 11, "二十三" 23,
/// "两百" 200, "一千零五" 1005).
fn cn_value(w: &str) -> Option<i64> {
    let digit = |c: char| {
        "零〇一二三四五六七八九"
            .find(c)
            .map(|_| match c {
                '零' | '〇' => 0,
                '一' => 1,
                '二' => 2,
                '三' => 3,
                '四' => 4,
                '五' => 5,
                '六' => 6,
                '七' => 7,
                '八' => 8,
                _ => 9,
            })
            .or((c == '两').then_some(2))
    };
    let mut total = 0i64;
    let mut pending: Option<i64> = None;
    for c in w.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                if pending.is_some() && digit(c)? != 0 {
                    return None; // "二三" is not a number
                }
                // a 零 holds no place of its own ("一千零五")
                pending = Some(digit(c)?).filter(|d| *d != 0);
                continue;
            }
        };
        total += pending.take().unwrap_or(1) * unit;
    }
    Some(total + pending.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        for (w, v) in [("十一", 11), ("二十三", 23), ("两百", 200), ("一千零五", 1005), ("十", 10), ("三", 3)]
        {
            assert_eq!(cn_value(w), Some(v), "{w}");
        }
        assert_eq!(cn_value("二三"), None);
        let s = "共受理申请十一件，办理一件事一次办，开展两次培训，召开三场发布会，第三次会议。";
        let got: Vec<String> = chinese_numbers(s, Span::new(0, s.len())).iter().map(|n| n.digits.clone()).collect();
        assert_eq!(got, ["11", "2", "3"]);
    }
}
