//! Years used as "this year": the time frame of the report's own work.
//!
//! A reviewer reads "2024年，我局…", "我局2024年共收到申请…", "全镇2024年主动
//!公开…", "截至2024年底，累计…" as the year the report is about; the same
//! digits in "〔2024〕", "2024年3月印发的", "与2024年相比", "2019年以来",
//! "2024年结转的申请" or "2024年度报告" are a document, a date, a comparison,
//! a history or the previous report. This module decides which mentions are
//! *uses* of the current year, by what stands right before the year (nothing,
//! a list marker, a subject such as 我局/全镇/本单位, or 截至) and what follows
//! it (a comma, a verb or adverb of the report's work, or 底/末 after 截至).
//! `year/stale` flags past years among the uses and `year/mismatch` compares
//! their majority with the title; the model uses the majority to decide
//! which of a disagreeing title and statistics period is right.

use super::paragraph::Paragraph;
use crate::span::Span;
use crate::syntax::charset::chars;
use crate::syntax::normalize::is_space;
use crate::syntax::numbers::{YearMention, years};
use crate::syntax::words::Words;

/// How the year is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// At the start of a clause: "2024年，我局…", "（一）2024年共发布…".
    Lead,
    /// After the subject: "我局2024年共收到…", "本单位2024年度通过…".
    Subject,
    /// "截至2024年底" / "截至2024年12月31日": the state at the end of the year.
    Cutoff,
}

#[derive(Debug, Clone)]
pub struct YearUse {
    pub mention: YearMention,
    pub form: Form,
    pub section: u32,
    /// In a plan ("将进一步…", "下一步"): that is next year's work, which
    /// `year/plan` judges; it never counts towards the body's year.
    pub plan: bool,
}

/// "将" alone is also the object marker (将A纳入B), so it only marks a plan
/// when an intention word follows.
const WILL: &[&str] = &[
    "进一步",
    "继续",
    "持续",
    "着力",
    "加强",
    "深化",
    "不断",
    "全面",
    "重点",
    "围绕",
    "紧扣",
    "坚持",
    "切实",
    "努力",
    "大力",
    "积极",
    "扎实",
    "聚焦",
    "做好",
    "推进",
    "强化",
    "提升",
    "加大",
    "完善",
    "健全",
    "抓好",
    "严格",
    "按照",
    "结合",
    "更加",
    "着重",
    "认真",
    "重视",
    "把",
    "从",
];
const PLAN: &[&str] = &["下一步", "计划", "拟", "力争", "今后", "明年", "下一年"];
const DONE: &[&str] = &["已经", "已将", "已于", "已完成", "已按", "已全部", "均已"];
static PLAN_W: Words = Words::new(PLAN);
static DONE_W: Words = Words::new(DONE);

/// Whether a sentence states a plan rather than work done.
pub fn is_plan(s: &str) -> bool {
    if DONE_W.any_in(s) {
        return false;
    }
    let squeezed: String;
    let s = if s.contains(char::is_whitespace) {
        squeezed = s.chars().filter(|c| !c.is_whitespace()).collect();
        squeezed.as_str()
    } else {
        s
    };
    PLAN_W.any_in(s) || s.match_indices('将').any(|(i, _)| WILL.iter().any(|w| s[i + '将'.len_utf8()..].starts_with(w)))
}

/// What may follow the year (after 年/年度) when it frames the report's own
/// work: the adverbs and verbs such sentences continue with …
const ACTS: &[&str] = &[
    "全年",
    "共",
    "累计",
    "通过",
    "主动",
    "收到",
    "新收",
    "受理",
    "办结",
    "办理",
    "答复",
    "发布",
    "公开",
    "依托",
    "围绕",
    "按照",
    "坚持",
    "持续",
    "继续",
    "进一步",
    "积极",
    "认真",
    "严格",
    "完成",
    "开展",
    "组织",
    "举办",
    "召开",
    "处理",
    "未",
    "没有",
    "无",
    "暂无",
    "均",
    "在",
    "对",
    "以",
    "根据",
    "结合",
    "依法",
    "及时",
    "不断",
    "切实",
    "着力",
    "重点",
    "深入",
    "扎实",
    "全面",
    "制定",
    "修订",
    "印发",
    "更新",
    "新增",
    "新建",
    "建立",
    "健全",
    "完善",
    "加强",
    "强化",
    "推进",
    "落实",
    "编制",
    "做好",
    "抓好",
    "提升",
    "已",
    "内",
    "期间",
    "因",
    "被",
    "共计",
    "合计",
    "总计",
];

/// … or the subjects and topics they name.
const NOUNS: &[&str] = &[
    "我",
    "本",
    "各",
    "全镇",
    "全乡",
    "全区",
    "全县",
    "全市",
    "全局",
    "全委",
    "全街道",
    "全系统",
    "依申请",
    "政府信息公开",
    "政务公开",
    "信息公开",
];

/// Results of a year that arrive after it: assessments, awards, final
/// accounts, the year's own annual report.
const AWARDS: &[&str] = &[
    "考核",
    "考评",
    "评估",
    "测评",
    "评议",
    "评比",
    "获评",
    "荣获",
    "获得",
    "被评为",
    "被确定为",
    "被列为",
    "决算",
    "年度报告",
    "年报",
];

/// Heads that make the year an object or a point in a comparison, range or
/// history rather than the frame of the sentence ("较2024年", "自2019年").
const HEAD_MARKS: &[char] = &[
    '较', '比', '与', '和', '同', '跟', '及', '或', '、', '至', '到', '自', '从', '于', '—', '-', '~', '～', '－', '–',
];

/// Subjects a sentence about the report's work starts with.
const BODY_SUFFIX: &[&str] = &[
    "局",
    "委",
    "办",
    "镇",
    "乡",
    "街道",
    "单位",
    "机关",
    "政府",
    "中心",
    "院",
    "部",
    "厅",
    "署",
    "区",
    "县",
    "市",
    "系统",
    "部门",
    "办事处",
    "管委会",
    "我们",
    "所",
    "站",
    "队",
    "公司",
    "社区",
    "村",
    "室",
    "处",
    "科",
    "股",
    "组",
];

/// Heads that open with a verb or preposition: the year is then inside an
/// object ("落实县政府2024年…", "根据2024年…").
const VERB_HEADS: &[&str] = &[
    "根据", "按照", "依据", "落实", "报送", "向", "对", "将", "把", "按", "经", "由", "为", "针对", "围绕", "完成",
    "参加", "参与", "配合", "协助", "开展", "贯彻", "执行", "印发", "制定", "转发", "对照", "结合", "对标", "延续",
    "在",
];

/// Nouns that make "2024年…" the name of a yearly document or exercise of
/// that year, which the report year legitimately mentions: last year's
/// report, final accounts, the annual assessment.
const YEARLY_THINGS: &[&str] =
    &["报告", "年报", "决算", "预算", "考核", "考评", "评估", "绩效", "要点", "计划", "规划", "总结"];

/// List markers and connectives before the year that leave it at the
/// clause's start.
fn strip_marker(head: &str) -> &str {
    let mut h = head.trim_start_matches(is_space);
    for w in ["首先", "其次", "同时", "此外", "另外", "再次", "最后", "另一方面", "总体上", "总体来看"]
    {
        if let Some(r) = h.strip_prefix(w) {
            h = r;
        }
    }
    // 一是 / 二是 …
    let mut cs = h.chars();
    if let (Some(a), Some('是')) = (cs.next(), cs.next()) {
        if chars!("一二三四五六七八九十").contains(&a) {
            h = cs.as_str();
        }
    }
    // （一） (1) 1. 1、 ①
    if let Some(r) = h.strip_prefix(['（', '(']) {
        if let Some(close) = r.find(['）', ')']) {
            if r[..close].chars().count() <= 3 {
                h = &r[close + r[close..].chars().next().map_or(0, char::len_utf8)..];
            }
        }
    }
    let digits = h.trim_start_matches(|c: char| c.is_ascii_digit() || chars!("一二三四五六七八九十").contains(&c));
    if digits.len() < h.len() {
        if let Some(r) = digits.strip_prefix(['.', '、', '．']) {
            h = r;
        }
    }
    h = h.trim_start_matches(|c: char| ('\u{2460}'..='\u{2473}').contains(&c));
    h.trim_matches(is_space)
}

/// A sub-heading a flattened web page ran into the paragraph: in
/// "（二）主动公开政府信息的主要类别2023年，在主动公开的…" the year still opens
/// the paragraph. Only with a list marker in front, a short title and the
/// year followed by a comma.
fn glued_heading(raw: &str, head: &str, tail: &str) -> bool {
    let raw = raw.trim_start_matches(is_space);
    let marked = raw.starts_with(['（', '(']) || raw.len() > head.len() + 2 && !raw.starts_with(head);
    marked
        && tail.starts_with(['，', ','])
        && head.chars().count() <= 16
        && !head.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && !VERB_HEADS.iter().any(|v| head.starts_with(v))
}

fn is_subject(head: &str) -> bool {
    let h = head.strip_suffix('在').unwrap_or(head);
    let n = h.chars().count();
    (1..=16).contains(&n)
        && !h.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && !VERB_HEADS.iter().any(|v| h.starts_with(v))
        && BODY_SUFFIX.iter().any(|s| h.ends_with(s))
}

const CLAUSE_END: &[char] = &['，', ',', '；', ';', '：', ':', '。', '！', '？', '!', '?'];

/// How far around a year its head and tail are read. Every form needs a
/// short head (a subject is at most 16 characters) and the tail's tests look
/// at its first words, so the bound changes no decision; it keeps a sentence
/// of thousands of years linear.
const NEAR: usize = 64;

/// At most `n` characters of `s` from its start.
fn prefix(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// At most `n` characters of `s` up to its end.
fn suffix(s: &str, n: usize) -> &str {
    s.char_indices().rev().nth(n.saturating_sub(1)).map_or(s, |(i, _)| &s[i..])
}

/// The form of one mention within its sentence, or `None` when the year is
/// not used as the current year. `compared` says whether the sentence
/// carries over, or compares, anywhere.
fn form_of(text: &str, sentence: Span, y: &YearMention, compared: bool) -> Option<Form> {
    let near = suffix(&text[sentence.start..y.span.start], NEAR + 1);
    let head_raw = match near.rfind(CLAUSE_END) {
        Some(i) => &near[i + near[i..].chars().next().map_or(0, char::len_utf8)..],
        // the clause starts farther back than any head we accept
        None if near.len() < y.span.start - sentence.start => return None,
        None => near,
    };
    let head = strip_marker(head_raw);
    let after = prefix(&text[y.end.min(sentence.end)..sentence.end], NEAR);
    let tail = after.strip_prefix('度').unwrap_or(after).trim_start_matches(is_space);
    let clause_tail = &tail[..tail.find(CLAUSE_END).unwrap_or(tail.len())];
    let clause = format!("{head}{clause_tail}");
    // a comparison, a history or carried-over applications in the year's own clause
    const CLAUSE_MARKS: &[&str] = &[
        "以来", "至今", "同比", "环比", "相比", "相较", "对比", "持平", "同期", "结转", "遗留", "以前", "之前", "以后",
        "之后",
    ];
    static MARKS: Words = Words::new(CLAUSE_MARKS);
    if MARKS.any_in(&clause) {
        return None;
    }
    if ["截至", "截止", "截止到", "截至到"].contains(&head) {
        // the state carried over or compared anywhere in the sentence is not this year's total
        if compared {
            return None;
        }
        let end_of_year = ["底", "末", "年底", "年末", "12月31日", "１２月３１日"].iter().any(|e| tail.starts_with(e));
        return end_of_year.then_some(Form::Cutoff);
    }
    // "我镇于2024年通过…发布信息60条": 于 dates the sentence's own action;
    // "于2024年制定的制度" is a relative clause, which the 的 test below drops
    let head = match head.strip_suffix('于') {
        Some(h) if h.is_empty() || is_subject(h) => h,
        _ => head,
    };
    // after 截至 the only use is the end of the year; 至/到 otherwise make a range
    if head.ends_with(HEAD_MARKS) {
        return None;
    }
    let form = if head.is_empty() || glued_heading(head_raw, head, tail) {
        Form::Lead
    } else if is_subject(head) {
        Form::Subject
    } else {
        return None;
    };
    // "2024年收到的申请", "2024年制定的制度": the year modifies a noun
    if clause_tail.chars().take(8).any(|c| c == '的') {
        return None;
    }
    // "本单位2024年度未收取…的情况已在上年报告中说明": a longer relative
    // clause, the subject of a predicate about something already done
    if clause_tail.find('的').is_some_and(|i| clause_tail[i..].contains('已')) {
        return None;
    }
    // A verb or adverb right after the year makes it the time of an action:
    // "2024年通过预决算公开平台…" is work, whatever noun follows. After a
    // noun, a yearly document or exercise names that year's thing:
    // "2024年度政府信息公开工作年度报告", "2024年度政务公开考核".
    // That year's assessment, award or designation, reported the year after
    // it was given: "2024年度，我局在全县政务公开考核中获评优秀".
    let rest = &tail[..tail.find(['；', ';', '。', '！', '？']).unwrap_or(tail.len())];
    // (预决算 is a platform's name, 上年度报告 the report before, neither the year's own result)
    let own_result = |m: &&str| {
        rest.match_indices(*m).any(|(i, _)| {
            let before = &rest[..i];
            !(*m == "决算" && before.ends_with('预') || *m == "年度报告" && before.ends_with(['上', '一']))
        })
    };
    // (the automaton says whether any is there; the loop, rarely run, where)
    if AWARDS_W.any_in(rest) && AWARDS.iter().any(own_result) {
        return None;
    }
    let act = tail.starts_with(['，', ',']) || ACTS_W.prefix_of(tail).is_some();
    let topic = NOUNS_W.prefix_of(tail).is_some() && !YEARLY_THINGS_W.any_in(clause_tail);
    (act || topic).then_some(form)
}

/// Bracket pairs whose inside is a title, a quotation, a document number or
/// an aside ("（2024年：12件）"), never the sentence's own frame.
const PAIRS: [(char, char); 10] = [
    ('《', '》'),
    ('“', '”'),
    ('〔', '〕'),
    ('[', ']'),
    ('【', '】'),
    ('「', '」'),
    ('（', '）'),
    ('(', ')'),
    ('﹝', '﹞'),
    ('‘', '’'),
];

/// For each year of `ys` (in order, inside `sentence`), whether it stands
/// inside a bracket pair or ASCII quotes opened earlier in the sentence:
/// one pass over the sentence for all of them.
fn bracketed(text: &str, sentence: Span, ys: &[YearMention]) -> Vec<bool> {
    let mut open = [false; PAIRS.len()];
    let mut quote = false;
    let mut out = Vec::with_capacity(ys.len());
    let mut next = ys.iter().peekable();
    for (i, c) in sentence.slice(text).char_indices() {
        while next.peek().is_some_and(|y| y.span.start <= sentence.start + i) {
            next.next();
            out.push(quote || open.iter().any(|o| *o));
        }
        // every year placed: the rest of the sentence changes no answer
        if next.peek().is_none() {
            break;
        }
        if c == '"' {
            quote = !quote;
        }
        for (k, (o, cl)) in PAIRS.iter().enumerate() {
            if c == *o {
                open[k] = true;
            } else if c == *cl {
                open[k] = false;
            }
        }
    }
    out.resize(ys.len(), quote || open.iter().any(|o| *o));
    out
}

const CN_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

fn cn_digit(c: char) -> Option<i32> {
    if c == '零' {
        return Some(0);
    }
    CN_DIGITS.iter().position(|&d| d == c).map(|d| d as i32)
}

/// Years written in Chinese numerals, "二〇二四年" / "二零二四年": exactly four
/// numeral characters, then 年. Every year of this century has a zero, so a
/// sentence without 〇 or 零 costs one scan.
pub fn cn_years(text: &str, span: Span) -> Vec<YearMention> {
    let s = span.slice(text);
    let mut out = Vec::new();
    if !s.contains(['〇', '零']) {
        return out;
    }
    let mut run: Vec<(usize, i32)> = Vec::new();
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if let Some(d) = cn_digit(c) {
            run.push((i, d));
            continue;
        }
        if run.len() == 4 && c == '年' {
            let year = run.iter().fold(0, |y, (_, d)| y * 10 + d);
            if (1949..=2199).contains(&year) {
                let start = span.start + run[0].0;
                out.push(YearMention {
                    year,
                    span: Span::new(start, span.start + i),
                    end: span.start + i + '年'.len_utf8(),
                });
            }
        }
        run.clear();
    }
    out
}

static AWARDS_W: Words = Words::new(AWARDS);
static ACTS_W: Words = Words::new(ACTS);
static NOUNS_W: Words = Words::new(NOUNS);
static YEARLY_THINGS_W: Words = Words::new(YEARLY_THINGS);

/// Words that make a sentence compare its year with another.
static COMPARED: Words = Words::new(&["结转", "遗留", "较", "同比", "相比", "比上"]);
/// Words stating the current year without its digits.
static STATED: Words = Words::new(&["全年", "本年", "今年", "年内"]);

/// Every use of a year as the current year in sections 一 to 六. `period` is
/// the statistics period, whose years are the report year's source and never
/// a use. Linear in the text: each sentence is scanned a fixed number of
/// times, and each year looks at most [`NEAR`] characters around it.
pub fn uses(text: &str, paragraphs: &[Paragraph], period: Option<Span>) -> Vec<YearUse> {
    // split after 。！？ only: "2025年共收到15件；2024年共收到12件。" is one
    // sentence comparing two years
    let sentences = paragraphs
        .iter()
        .flat_map(|p| crate::syntax::lines::sentences(text, p.span).into_iter().map(|s| (s, p.section)));
    uses_in(text, sentences, period)
}

/// [`uses`] over sentences already split ((span, section) in text order, as
/// `Prose` holds them), so the rules need not split the text again.
pub fn uses_in(text: &str, sentences: impl Iterator<Item = (Span, u32)>, period: Option<Span>) -> Vec<YearUse> {
    let mut out = Vec::new();
    for (sent, section) in sentences.filter(|(_, section)| (1..=6).contains(section)) {
        let mut ys = years(text, sent);
        let cn = cn_years(text, sent);
        if !cn.is_empty() {
            ys.extend(cn);
            ys.sort_by_key(|y| y.span.start);
        }
        if ys.is_empty() {
            continue;
        }
        let s = sent.slice(text);
        let inside = bracketed(text, sent, &ys);
        let compared = COMPARED.any_in(s);
        // "全年收到申请15件，2024年共12件": the current year already stated
        // without digits in an earlier clause makes a later year a comparison
        let stated = STATED.first_in(s);
        // (a figure in that clause: "全年，我镇于2024年…" states nothing)
        let stated_end = stated.and_then(|w| s[w..].find(CLAUSE_END).map(|i| w + i)).filter(|&e| {
            stated.is_some_and(|w| s[w..e].chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)))
        });
        // the clause (up to ；) a year sits in decides whether it is a plan
        let semis: Vec<usize> = s.match_indices(['；', ';']).map(|(i, _)| i).collect();
        let mut plan_of: Option<(usize, bool)> = None;
        let mut found: Vec<YearUse> = Vec::new();
        for (y, inside) in ys.into_iter().zip(inside) {
            if inside || period.is_some_and(|s| s.contains(y.span.start)) {
                continue;
            }
            let Some(form) = form_of(text, sent, &y, compared) else { continue };
            let rel = y.span.start - sent.start;
            if form != Form::Cutoff && stated_end.is_some_and(|e| e < rel) {
                continue;
            }
            let k = semis.partition_point(|&i| i < rel);
            let plan = match plan_of {
                Some((at, plan)) if at == k => plan,
                _ => {
                    let from = k
                        .checked_sub(1)
                        .map_or(0, |j| semis[j] + s[semis[j]..].chars().next().map_or(0, char::len_utf8));
                    let to = semis.get(k).copied().unwrap_or(s.len());
                    let plan = is_plan(&s[from..to]);
                    plan_of = Some((k, plan));
                    plan
                }
            };
            found.push(YearUse { mention: y, form, section, plan });
        }
        // Two different years both used as "this year" in one sentence are
        // set against each other ("2025年共收到15件；2024年共收到12件").
        let first = found.first().map(|u| u.mention.year);
        if found.iter().any(|u| Some(u.mention.year) != first) {
            continue;
        }
        out.extend(found);
    }
    out
}

/// The year the body is written for: the most frequent year among the uses
/// outside plans, with its count, when no other year is as frequent.
pub fn body_year(uses: &[YearUse]) -> Option<(i32, usize)> {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for u in uses.iter().filter(|u| !u.plan) {
        match counts.iter_mut().find(|(y, _)| *y == u.mention.year) {
            Some((_, n)) => *n += 1,
            None => counts.push((u.mention.year, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [] => None,
        [only] => Some(*only),
        [a, b, ..] => (a.1 > b.1).then_some(*a),
    }
}

/// The year the body speaks for: [`body_year`], or else the year before the
/// one its plans name ("2026年，我镇将…" is written in a 2025 report).
pub fn evidence(uses: &[YearUse]) -> Option<i32> {
    body_year(uses).map(|(y, _)| y).or_else(|| plans_year(uses))
}

/// The report year the plans speak for: the year before the one they all
/// name, when they agree.
fn plans_year(uses: &[YearUse]) -> Option<i32> {
    let mut plans = uses.iter().filter(|u| u.plan).map(|u| u.mention.year);
    let first = plans.next()?;
    plans.all(|y| y == first).then_some(first - 1)
}

/// Whether the body speaks for `year` against all other years together:
/// more of its uses outside plans name `year` than name any other year (the
/// others summed), or, with no such uses, its plans all name the year after.
/// A majority and not [`body_year`]'s plurality, so that the verdict is
/// monotone: turning a stale year into the title's year (the `year/stale`
/// fix) must never tip the report year from the title to the statistics
/// period — with a plurality, 2020 ×2 against 2024 ×2 was a tie the title
/// won, and the fixed 2020 ×1, 2022 ×1, 2024 ×2 made 2024 the year, so the
/// fix brought back the finding it answered (found by the `fixes` fuzzer).
pub fn outvotes(uses: &[YearUse], year: i32) -> bool {
    let (mut own, mut others) = (0usize, 0usize);
    for u in uses.iter().filter(|u| !u.plan) {
        if u.mention.year == year {
            own += 1;
        } else {
            others += 1;
        }
    }
    if own + others > 0 {
        return own > others;
    }
    plans_year(uses) == Some(year)
}

/// How many uses outside plans name `year`.
pub fn count(uses: &[YearUse], year: i32) -> usize {
    uses.iter().filter(|u| !u.plan && u.mention.year == year).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uses(years: &[i32], plans: &[i32]) -> Vec<YearUse> {
        let one = |year: i32, plan: bool| YearUse {
            mention: YearMention { year, span: Span::new(0, 4), end: 5 },
            form: Form::Lead,
            section: 1,
            plan,
        };
        years.iter().map(|&y| one(y, false)).chain(plans.iter().map(|&y| one(y, true))).collect()
    }

    #[test]
    fn a_period_year_needs_a_majority_of_the_body() {
        assert!(outvotes(&uses(&[2024, 2024, 2020], &[]), 2024));
        // a tie with a stale year is no majority, and neither is a plurality
        assert!(!outvotes(&uses(&[2024, 2024, 2020, 2020], &[]), 2024));
        assert!(!outvotes(&uses(&[2024, 2024, 2020, 2022], &[]), 2024));
        // without uses, the plans' year tells (2025's plans are a 2024 report's)
        assert!(outvotes(&uses(&[], &[2025, 2025]), 2024));
        assert!(!outvotes(&uses(&[], &[2025, 2026]), 2024));
        assert!(!outvotes(&uses(&[], &[]), 2024));
    }

    /// Turning any one use into `title` (what the `year/stale` fix does) never
    /// makes the period's year win where it did not.
    #[test]
    fn fixing_a_use_to_the_title_year_never_tips_the_verdict() {
        let (title, period) = (2022, 2024);
        let pool = [2020, 2021, 2022, 2024];
        // every body of up to five uses from the pool
        for n in 0..=5u32 {
            for code in 0..4usize.pow(n) {
                let years: Vec<i32> = (0..n).map(|i| pool[code / 4usize.pow(i) % 4]).collect();
                if outvotes(&uses(&years, &[]), period) {
                    continue;
                }
                for i in 0..years.len() {
                    let mut fixed = years.clone();
                    fixed[i] = title;
                    assert!(!outvotes(&uses(&fixed, &[]), period), "{years:?} → {fixed:?}");
                }
            }
        }
    }
}
