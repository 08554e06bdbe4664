//! The prose layer: the running text read once, the way a reviewer reads
//! it, and shared by every rule that checks numbers in the text.
//!
//! Each sentence yields its *mentions* — counted quantities ("12件", "70余条",
//! "未收到申请") with the label phrase they count, the table cell that label
//! names (`target`), and their *scope*: a lone count, the total of a
//! breakdown, a part of one, a member of a list, or a nested part. It also
//! yields *holes*: a counted noun and its measure word with the number
//! missing ("收到申请件"). Rules compare mentions with the tables
//! (prose/table-mismatch), parts with their totals (prose/enumeration-sum)
//! and report holes (prose/missing-number); none of them re-reads the text.

use crate::syntax::charset::chars;
use crate::syntax::normalize::squeeze;
use crate::syntax::words::{Words, has, rfind_short};
pub mod holes;
pub mod label;
pub mod memo;
pub mod quantity;
pub mod target;

use crate::model::Report;
use crate::model::paragraph::Paragraph;
use crate::model::year_use::{self, YearUse};
use crate::span::Span;
use crate::syntax::normalize::is_space;
use crate::syntax::numbers::{Number, YearMention, numbers, years};
pub use holes::Hole;
pub use label::Label;
pub use memo::Memo;
pub use quantity::{Quantity, Value};
pub use target::{Cols, Group4, Rows, TableValue, Target, table_values};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// A lone count.
    Single,
    /// A count whose breakdown follows.
    Total,
    /// A part of a stated total (after 其中/包括/分别为/含, or in brackets).
    Part,
    /// One of a list of sibling counts with no stated total.
    Member,
    /// A part of a part.
    Nested,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Single => "single",
            Scope::Total => "total",
            Scope::Part => "part",
            Scope::Member => "member",
            Scope::Nested => "nested",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Sentence {
    pub span: Span,
    pub section: u32,
}

#[derive(Debug, Clone)]
pub struct Mention {
    pub quantity: Quantity,
    pub sentence: usize,
    pub scope: Scope,
    /// The total this is a part of (an index into [`Prose::mentions`]).
    pub parent: Option<usize>,
    /// How many totals it sits under (0 for a top-level count).
    pub depth: usize,
    /// The label phrase (before the number, or after it in "5件予以公开").
    pub label: Span,
    pub target: Option<Target>,
    /// The figure is this year's own: not a comparison ("较上年"), a past
    /// year's ("2024年收到"), a running total ("累计", "截至") or history.
    pub current: bool,
    /// The breakdown it opens sums its parts (false when they are counted in
    /// different units).
    pub sums: bool,
    /// It states the sum of the counts before it ("合计10件").
    pub sum: bool,
    /// Its parts may add up to less than it without saying so: results under
    /// "收到申请12件，其中予以公开…" (this year's results include last year's
    /// applications), or a list that follows it without 其中.
    pub above_only: bool,
}

impl Mention {
    /// The phrase corpus's notation: `value measure scope target`.
    pub fn describe(&self) -> String {
        let v = match self.quantity.value {
            Value::Exact(v) => v.to_string(),
            Value::Range(a, b) => format!("{a}~{b}"),
            Value::About(v) => format!("≈{v}"),
            Value::Decimal(d) => format!("{d}"),
        };
        let t = self.target.map_or("-".to_string(), |t| t.describe());
        format!("{v} {} {} {t}", self.quantity.measure.unwrap_or("-"), self.scope.as_str())
    }
}

/// How many sentences [`Prose::read_until`] reads between two questions
/// to `stop` (a few hundred microseconds of work).
pub const STOP_EVERY: usize = 64;

#[derive(Debug, Default)]
pub struct Prose {
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    pub holes: Vec<Hole>,
    /// The years written in each paragraph, one list per paragraph of
    /// `Report::paragraphs` (the year rules read them; kept here so the
    /// memo keeps them too).
    pub paragraph_years: Vec<Vec<YearMention>>,
    /// The numbers written in each paragraph, likewise (year/malformed).
    pub paragraph_numbers: Vec<Vec<Number>>,
    /// Every use of a year as the current year ([`year_use::uses_in`] over
    /// the sentences), in text order.
    pub year_uses: Vec<YearUse>,
    /// The document writes "360 余条" with spaces around numbers.
    pub spaced: bool,
}

impl Prose {
    pub fn read(text: &str, report: &Report) -> Prose {
        Prose::read_until(text, report, &|| false).unwrap_or_default()
    }

    /// [`Prose::read`], abandoned (`None`) when `stop` returns true; asked
    /// every [`STOP_EVERY`] sentences, since reading the prose is most of a
    /// long document's analysis and a newer edit should not wait for it.
    pub fn read_until(text: &str, report: &Report, stop: &dyn Fn() -> bool) -> Option<Prose> {
        Prose::read_memo(text, report, stop, None)
    }

    /// [`Prose::read_until`], copying from `memo` every paragraph read
    /// before with the same key and keeping this reading's paragraphs in it
    /// for the next ([`Memo`]). The result is the same with or without it.
    pub fn read_memo(
        text: &str,
        report: &Report,
        stop: &dyn Fn() -> bool,
        mut memo: Option<&mut Memo>,
    ) -> Option<Prose> {
        let mut p = Prose { spaced: spaced_numbers(text), ..Default::default() };
        let year = report.report_year;
        let period = report.stat_period.as_ref().map(|p| p.span);
        if let Some(m) = memo.as_deref_mut() {
            m.start();
        }
        for para in report.paragraphs() {
            let Some(m) = memo.as_deref_mut() else {
                read_paragraph(text, &para, year, period, stop, &mut p)?;
                continue;
            };
            let key = memo::Key::of(text, &para, year, period);
            let before = p.sentences.len();
            if m.replay(&key, para.span.start, &mut p) {
                // asked as often as reading them would have
                if before / STOP_EVERY != p.sentences.len() / STOP_EVERY && stop() {
                    return None;
                }
                continue;
            }
            let from = memo::Marks::of(&p);
            read_paragraph(text, &para, year, period, stop, &mut p)?;
            m.record(key, para.span.start, from, &p);
        }
        if let Some(m) = memo {
            m.finish();
        }
        Some(p)
    }

    /// The mentions whose number lies in `span`, described (for tests and
    /// the phrase corpus).
    pub fn describe_in(&self, span: Span) -> Vec<String> {
        self.mentions.iter().filter(|m| span.contains(m.quantity.digits.start)).map(Mention::describe).collect()
    }
}

/// Read one paragraph into `p`; `None` when `stop` said to give up.
fn read_paragraph(
    text: &str,
    para: &Paragraph,
    year: Option<i32>,
    period: Option<Span>,
    stop: &dyn Fn() -> bool,
    p: &mut Prose,
) -> Option<()> {
    let first = p.sentences.len();
    let mut para_applications = false;
    // a count ending its sentence, which the next may break down
    // ("…公开政府信息8769条。其中，通过市政府网站…")
    let mut carry: Option<usize> = None;
    for span in sentences(text, para.span) {
        let index = p.sentences.len();
        if index % STOP_EVERY == STOP_EVERY - 1 && stop() {
            return None;
        }
        p.sentences.push(Sentence { span, section: para.section });
        let s = span.slice(text);
        let applications = has(s, "申请") || RESULT_WORDS_W.any_in(s);
        let cx = Context {
            index,
            section: para.section,
            applications: applications || para.section == 3,
            results: applications || para_applications || para.section == 3,
            disclosure: para.section == 4
                || has(s, "信息公开")
                || has(s, "政府信息")
                || (para_applications && para.section == 1),
            year,
        };
        let before = p.mentions.len();
        read_sentence(text, span, &cx, carry.take(), p);
        para_applications |= applications;
        carry = p.mentions[before..]
            .iter()
            .rposition(|m| m.depth == 0)
            .map(|i| before + i)
            .filter(|&i| span.end - p.mentions[i].quantity.span.end <= "。".len() + 3);
    }
    p.paragraph_years.push(years(text, para.span));
    p.paragraph_numbers.push(numbers(text, para.span));
    let uses = year_use::uses_in(text, p.sentences[first..].iter().map(|s| (s.span, s.section)), period);
    p.year_uses.extend(uses);
    Some(())
}

struct Context {
    index: usize,
    section: u32,
    /// The sentence speaks of applications ("申请").
    applications: bool,
    /// Result words (予以公开, 办结…) count applications: the sentence or an
    /// earlier one of its paragraph speaks of them.
    results: bool,
    disclosure: bool,
    year: Option<i32>,
}

/// Sentences of a paragraph (in `syntax`: the year rules split by them too).
pub use crate::syntax::lines::sentences;

/// Where a label phrase can start. Not 、: it joins nouns inside a label
/// ("公民、法人或其他组织提出的申请"), and between two counts the previous
/// count's end bounds the label anyway.
fn is_separator(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '（' | '(' | '）' | ')' | '。' | '！' | '？' | '\n')
}

/// Separators that end a clause (not the 、 inside a list).
fn is_clause_end(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？' | '\n')
}

/// Words only reports of applications use: a sentence holding one speaks of
/// applications even without saying 申请 ("办结13件，其中予以公开7件").
const RESULT_WORDS: &[&str] = &["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "上年结转", "结转下年度"];

/// Words that introduce a breakdown of the count before them.
const MARKERS: &[&str] =
    &["其中", "包括", "包含", "分别为", "分别是", "主要有", "主要包括", "具体为", "具体包括", "具体是", "含"];
/// Clause openers that start a new statement, ending a breakdown.
const BREAKS: &[&str] = &["另有", "另外", "此外", "同时", "还有", "另", "且", "并且", "而"];
static BREAK: Words = Words::new(BREAKS);
/// Verbs that, opening a clause, make it a new statement of its own
/// ("…其中解读材料65条，解读产品41条，发布本系统政务动态信息596条").
const STATEMENT_VERBS: &[&str] = &[
    "发布", "更新", "收到", "受理", "接收", "接到", "办结", "答复", "印发", "制发", "出台", "制作", "开展", "举办",
    "召开", "组织", "完成", "推送", "转载", "编制", "报送", "提供", "办理", "新增", "累计",
];
/// More verbs that open a statement after a semicolon ("…12条；公开财政
/// 预决算信息2条"), where a part's label would not start with them.
const SEMICOLON_VERBS: &[&str] = &["公开", "公布", "公示", "推送", "通过", "全年", "本年", "年内", "同时"];
/// Adverbs a statement may open with before its verb.
const LEAD_ADVERBS: &[&str] = &["全年", "本年度", "本年", "年内", "共", "还", "并", "又", "已", "累计"];

/// Whether a clause opens with a verb of its own, not as a part's label.
fn opens_statement(clause_key: &str, after_semicolon: bool) -> bool {
    static SEMICOLON_VERB: Words = Words::new(SEMICOLON_VERBS);
    if after_semicolon && SEMICOLON_VERB.prefix_of(clause_key).is_some() {
        return true;
    }
    static LEAD: Words = Words::new(LEAD_ADVERBS);
    static MARKER: Words = Words::new(MARKERS);
    static VERB: Words = Words::new(STATEMENT_VERBS);
    let mut k = clause_key;
    while let Some(a) = LEAD.prefix_of(k) {
        k = &k[a.len()..];
    }
    MARKER.prefix_of(clause_key).is_none() && VERB.prefix_of(k).is_some()
}

/// An open breakdown.
struct Open {
    total: usize,
    bracket: bool,
    /// Its parts so far were separated by commas or semicolons (not only 、).
    commas: bool,
    parts: usize,
    /// Opened without a marker: "全年发布信息85条，工作动态45条、通知公告25条".
    implicit: bool,
}

/// Whether a comma or semicolon between the previous count and this one
/// ends the innermost breakdown: a list of 、-separated parts ends at it ("通知公告30条、
/// …监管信息5条；通过…公布政务服务事项25条"); so does one whose next clause
/// states something of its own (no count in the clause right after the
/// semicolon, or a verb opening it). A list whose parts are themselves
/// separated by commas or semicolons runs on ("其中:减税降费5条，…；财政资金
/// 直达基层12条；其他文件51条").
fn semicolon_ends(between: &str, open: &[Open]) -> bool {
    let Some(o) = open.last().filter(|o| !o.bracket) else { return false };
    // a list of two or more 、-separated parts ends at the next comma too:
    // "其中图文解读20条、视频解读10条，工作动态90条" goes back a level
    if o.parts >= 2 && !o.commas && between.contains(['，', ',']) {
        return true;
    }
    let Some(at) = between.rfind(['；', ';']) else { return false };
    let rest = &between[at..];
    let rest = rest.trim_start_matches(['；', ';']);
    let key = squeeze(rest);
    (!o.commas && o.parts >= 2) || key.contains(is_clause_end) || opens_statement(&key, true)
}
/// Words that make a figure something other than this year's own.
const NOT_CURRENT: &[&str] = &[
    "同比",
    "较上年",
    "较去年",
    "比上年",
    "比去年",
    "相比",
    "上年同期",
    "去年同期",
    "增长",
    "下降",
    "减少",
    "增加",
    "持平",
    "上升",
    "提高",
    "累计",
    "历年",
    "截至",
    "截止",
    "以来",
    "上年度",
    "上一年",
    "上年",
    "去年",
    "较",
];
/// ... unless they are part of a table label ("上年结转", "上年度结转").
const CURRENT_AFTER_ALL: &[&str] = &["上年结转", "上年度结转", "上一年度结转", "上一年结转", "上年度转结", "上年转结"];
static NOT_CURRENT_W: Words = Words::new(NOT_CURRENT);
static CURRENT_AFTER_ALL_W: Words = Words::new(CURRENT_AFTER_ALL);
static RESULT_WORDS_W: Words = Words::new(RESULT_WORDS);
static STATEMENT_VERBS_W: Words = Words::new(STATEMENT_VERBS);

fn read_sentence(text: &str, sent: Span, cx: &Context, carry: Option<usize>, p: &mut Prose) {
    let s = sent.slice(text);
    let quotes = quote_ranges(s);
    let mut qi = 0;
    let mut found: Vec<(Quantity, Option<Span>)> = Vec::new();
    for n in counted_numbers(text, sent) {
        // numbers and quotes are both in text order: one pointer walks both
        let at = n.span.start - sent.start;
        while qi < quotes.len() && quotes[qi].1 <= at {
            qi += 1;
        }
        if quotes.get(qi).is_some_and(|&(a, _)| a <= at) {
            continue;
        }
        if let Some(q) = quantity::at_number(text, &n, sent.end) {
            found.push((q, None));
        }
    }
    let mut holes = holes::find(text, sent);
    let counts: Vec<(usize, usize, &str)> =
        found.iter().filter_map(|(q, _)| q.measure.map(|m| (q.digits.start, q.span.end, m))).collect();
    let listed = holes::in_lists(text, sent, &counts, &holes);
    holes.extend(listed);
    holes.sort_by_key(|h| h.span.start);
    found.extend(zero_mentions(text, sent).into_iter().map(|(q, l)| (q, Some(l))));
    found.sort_by_key(|(q, _)| q.digits.start);
    let first = p.mentions.len();
    // open breakdowns, innermost last
    let mut open: Vec<Open> = Vec::new();
    if let Some(c) = carry {
        let head: String = s.chars().filter(|c| !is_space(*c)).take(4).collect();
        if MARKERS.iter().any(|m| head.starts_with(m)) {
            open.push(Open { total: c, bracket: false, commas: false, parts: 0, implicit: false });
        }
    }
    let mut prev_end = sent.start;
    // labels listed before 分别为, and the next one to hand out
    let mut respectively: Option<(Vec<Span>, usize)> = None;
    // the last top-level count, and the last that is this year's own
    let mut last_top: Option<usize> = None;
    let mut last_current_top: Option<usize> = None;
    // the last top-level count of each measure word
    let mut tops_by_measure: Vec<(Option<&str>, usize)> = Vec::new();
    // every count since `last_top` is one of its parts
    let mut only_parts_since_top = true;
    // consecutive top-level table-三 counts, which "合计N件" may add up
    let mut run: Vec<usize> = Vec::new();
    for (k, (q, zero_label)) in found.iter().enumerate() {
        let from = prev_end.min(q.span.start);
        let between = &text[from..q.span.start];
        // a closing bracket ends the innermost bracket breakdown (and the
        // plain ones opened inside it)
        if between.contains([')', '）', '】', ']', '］']) {
            while let Some(o) = open.pop() {
                if o.bracket {
                    break;
                }
            }
        }
        // the clause before the number, no further back than the previous
        // count: every byte of the sentence is read once
        let clause_start = clause_start(text, from, q.span.start);
        let clause_key = squeeze(&text[clause_start..q.span.start]);
        if BREAK.prefix_of(&clause_key).is_some() || (from > sent.start && opens_statement(&clause_key, false)) {
            open.retain(|o| o.bracket);
        } else if semicolon_ends(between, &open) {
            open.pop();
        }
        let next_start = found.get(k + 1).map_or(sent.end, |(n, _)| n.span.start.max(q.span.end));
        let label_span = match (zero_label, respectively.take()) {
            (Some(l), _) => *l,
            // "予以公开、部分公开分别为7件、1件": the k-th count takes the k-th label
            (None, Some((labels, k))) if k < labels.len() && only_joiners(between) => {
                if k + 1 < labels.len() {
                    respectively = Some((labels.clone(), k + 1));
                }
                labels[k]
            }
            _ => match respective_labels(text, clause_start, q.span.start) {
                Some(labels) => {
                    let first = labels[0];
                    respectively = Some((labels, 1));
                    first
                }
                None => label_span(text, from, q, next_start),
            },
        };
        let label_key = squeeze(label_span.slice(text));
        let mut label = label::read(&label_key);
        // "…等六个部分", "12个村（社区）": a noun right after the measure word
        // is what is counted, whatever the words before say
        if zero_label.is_none() && counts_other_noun(text, q, next_start) {
            label = Label::default();
        }
        if q.zero {
            deny(&mut label);
        }
        // "申请40件，自然人32件、企业等组织8件": applicants after their total
        if open.is_empty() && label.rows.is_none() && label.cols.is_some() {
            if let Some(t) = last_top.filter(|&t| {
                let m = &p.mentions[t];
                m.quantity.measure == q.measure
                    && matches!(m.target, Some(Target::Three { cols: Cols::Total, .. }))
                    && only_parts_since_top
            }) {
                open.push(Open { total: t, bracket: false, commas: false, parts: 0, implicit: true });
            }
        }
        let applications = cx.applications || (cx.results && !matches!(label.rows, Some((_, Some(_)))));
        // the innermost open breakdown this quantity belongs to
        let mut parent = None;
        let mut target = None;
        let mut is_sum = false;
        while let Some(&Open { total: top, .. }) = open.last() {
            let pm: &Mention = &p.mentions[top];
            if q.zero {
                break;
            }
            if pm.quantity.measure != q.measure {
                // "培训3次，累计培训60人次，其中线上培训2次…": the breakdown is
                // of the earlier count in the part's unit
                let earlier = tops_by_measure.iter().rev().find(|(m, _)| *m == q.measure).map(|&(_, i)| i);
                if let (Some(o), Some(e)) = (open.last_mut(), earlier) {
                    if o.parts == 0 && !o.bracket && e < top {
                        o.total = e;
                        continue;
                    }
                }
                // "其中:会议信息220条,政策文件3302件…": parts counted in
                // different units cannot be summed
                p.mentions[top].sums = false;
                break;
            }
            let t = label::target(&label, pm.target.as_ref(), applications, cx.disclosure);
            if let (Some(t), Some(pt)) = (t, pm.target) {
                if !t.part_of(&pt) && !loose_part(&t, &pt) {
                    // a new statement ("…，办结12件"): not a part
                    open.pop();
                    continue;
                }
            }
            parent = Some(top);
            target = t;
            if let Some(o) = open.last_mut() {
                // the first part's text holds the marker clause, not a separator
                o.commas |= o.parts > 0 && between.contains(['，', ',', '；', ';']);
                o.parts += 1;
            }
            break;
        }
        if parent.is_none() {
            // "行政复议结果维持3件，结果纠正1件": a result column takes the
            // group named before it in the sentence
            let before = last_top.and_then(|t| p.mentions[t].target);
            let inherit = before.filter(|t| match t {
                Target::Four { .. } => label.four.is_none() && label.four_col.is_some(),
                Target::Two { .. } => label.two.is_none() && label.two_col.is_some(),
                _ => false,
            });
            target = label::target(&label, inherit.as_ref(), applications, cx.disclosure);
            // "予以公开4件，无法提供2件，共计7件": the sum of the run before it
            if target.is_none() && is_sum_word(&label_key) {
                target = run_sum(&p.mentions, &run, q.measure);
                is_sum = target.is_some();
                // "行政许可决定公开率100%，共计102件": the clause before names it
                if target.is_none() && run.is_empty() && clause_start > sent.start {
                    let sep = clause_start - text[..clause_start].chars().next_back().map_or(0, char::len_utf8);
                    let before = self::clause_start(text, prev_end.min(sep), sep);
                    let key = squeeze(&text[before..sep]);
                    target = label::target(&label::read(&key), None, applications, cx.disclosure);
                }
            }
            // "共办理23件" after the figures it adds up
            is_sum |= run.len() >= 2 && label_key.starts_with(['共', '合', '总']);
            // "由25件增加到30件": the second is the year's, of the same thing
            if target.is_none() && CHANGED_TO.iter().any(|w| label_key.ends_with(w)) {
                target = last_top.and_then(|t| p.mentions[t].target);
            }
        }
        // table 二's figures are the ones its own section states; "公示
        // 行政许可信息306条" elsewhere counts notices, not decisions
        if matches!(target, Some(Target::Two { .. })) && cx.section != 2 {
            target = None;
        }
        // a zero word counts only what a table holds ("未收到群众举报" is
        // not a figure of the report)
        if q.zero && target.is_none() {
            continue;
        }
        let depth = parent.map_or(0, |pi| p.mentions[pi].depth + 1);
        let scope = match depth {
            0 => Scope::Single,
            1 => Scope::Part,
            _ => Scope::Nested,
        };
        // "由25件增加到30件": the first is last year's
        let old = clause_key.ends_with('由') || clause_key.ends_with('从');
        if old {
            target = None;
        }
        let current = !old && is_current(&clause_key, text, clause_start, q.span.start, cx.year);
        let index = p.mentions.len();
        if let Some(pi) = parent {
            let implicit = open.last().is_some_and(|o| o.implicit);
            let pm = &mut p.mentions[pi];
            if let (Some(t), Some(pt)) = (target, pm.target) {
                if !t.part_of(&pt) {
                    pm.above_only = true;
                }
            }
            pm.above_only |= implicit;
            // "受理10件（含上年结转1件）": the total is 一+二
            if let (Some(Target::Three { rows, .. }), Some(Target::Three { rows: pr, cols, or: Some(both) })) =
                (target, pm.target)
            {
                if rows == Rows::CARRIED_IN && pr == Rows::NEW {
                    pm.target = Some(Target::Three { rows: both, cols, or: None });
                }
            }
            if pm.scope == Scope::Single {
                pm.scope = Scope::Total;
            }
        }
        match target {
            Some(Target::Three { .. }) if parent.is_none() && !q.zero => {
                if run.last().is_some_and(|&r| p.mentions[r].quantity.measure != q.measure) {
                    run.clear();
                }
                run.push(p.mentions.len());
            }
            _ if parent.is_none() => run.clear(),
            _ => {}
        }
        p.mentions.push(Mention {
            quantity: q.clone(),
            sentence: cx.index,
            scope,
            parent,
            depth,
            label: label_span,
            target,
            current,
            sums: true,
            above_only: false,
            sum: is_sum,
        });
        // does it open a breakdown?
        let after = &text[q.span.end..next_start];
        if !q.zero {
            if let Some(bracket) = opens_breakdown(after) {
                // "较上年增加12条，其中…": the breakdown is of the year's figure
                let total = if current { Some(index) } else { last_current_top };
                if let Some(total) = total.filter(|&t| p.mentions[t].quantity.measure == q.measure) {
                    open.push(Open { total, bracket, commas: false, parts: 0, implicit: false });
                }
            } else if open.is_empty() && depth == 0 && implicit_list(text, q, found.get(k + 1).map(|(n, _)| n)) {
                open.push(Open { total: index, bracket: false, commas: false, parts: 0, implicit: true });
            }
        }
        only_parts_since_top &= parent.is_some() && parent == last_top;
        if depth == 0 && !q.zero {
            tops_by_measure.retain(|(m, _)| *m != q.measure);
            tops_by_measure.push((q.measure, index));
            last_top = Some(index);
            only_parts_since_top = true;
            if current {
                last_current_top = Some(index);
            }
        }
        prev_end = q.span.end;
    }
    // "收到申请31件，上年结转1件": stating 上年结转 apart makes 收到 the new
    // applications only, not 一+二
    let carried_apart = p.mentions[first..].iter().any(|m| {
        m.parent.is_none() && matches!(m.target, Some(Target::Three { rows, .. }) if rows == Rows::CARRIED_IN)
    });
    if carried_apart {
        for m in &mut p.mentions[first..] {
            if let Some(Target::Three { rows, or: or @ Some(_), .. }) = &mut m.target {
                if *rows == Rows::NEW && m.parent.is_none() {
                    *or = None;
                }
            }
        }
    }
    // a sentence stating several of the year's figures lists them: each is
    // a member ("收到申请7件，上年结转1件；予以公开7件…"); a comparison or a
    // sum of the ones before it stands alone
    let listed = |m: &Mention| m.depth == 0 && m.current && m.scope == Scope::Single && !m.sum;
    if p.mentions[first..].iter().filter(|m| m.depth == 0 && (m.current || m.scope == Scope::Total)).count() >= 2 {
        for m in &mut p.mentions[first..] {
            if listed(m) {
                m.scope = Scope::Member;
            }
        }
    }
    let mut hole_from = sent.start;
    for mut h in holes {
        let phrase: String = Span::new(clause_start(text, hole_from.min(h.noun.start), h.noun.start), h.noun.end)
            .slice(text)
            .chars()
            .filter(|c| !is_space(*c))
            .collect();
        let label = label::read(&phrase);
        h.target = label::target(&label, None, cx.applications || cx.results, cx.disclosure || cx.section == 4);
        h.sentence = cx.index;
        hole_from = h.span.end;
        p.holes.push(h);
    }
}

/// A zero word denies applications only when it says 申请 ("未收到群众举报"
/// is not table 三's), and never denies a result ("未发生超期答复").
fn deny(label: &mut Label) {
    if label.generic {
        let received = matches!(label.rows, Some((r, Some(_))) if r == Rows::NEW);
        if !(received && label.application) {
            label.rows = None;
        }
        label.generic = false;
    }
    if label.is_empty() && label.application {
        label.rows = Some((Rows::NEW, Some(Rows::NEW.union(Rows::CARRIED_IN))));
    }
}

/// Whether the words right after a count's measure word name what it
/// counts, and that is nothing a table holds ("六个部分", "3个渠道",
/// "12个行政村"); "12件申请", "2件予以公开" name table things.
fn counts_other_noun(text: &str, q: &Quantity, limit: usize) -> bool {
    let rest = &text[q.span.end..limit.max(q.span.end)];
    let end = rest
        .char_indices()
        .find(|(_, c)| is_separator(*c) || matches!(c, '、' | '和' | '及' | '的' | '（' | '('))
        .map_or(rest.len(), |(i, _)| i);
    let after: String = rest[..end].chars().filter(|c| !is_space(*c)).take(12).collect();
    let Some(first) = after.chars().next() else { return false };
    let l = label::read(&after);
    ('\u{4e00}'..='\u{9fff}').contains(&first)
        && !chars!("均已共为已在由中有是于被并予已向").contains(&first)
        && l.is_empty()
        && !l.application
        && !l.plain_open
}

/// The words between the old and the new figure of a change.
const CHANGED_TO: &[&str] =
    &["增加到", "增长到", "减少到", "下降到", "上升到", "提高到", "增至", "降至", "减至", "变为"];

/// Labels that state a sum of what came before: "共计7件", "合计10件".
fn is_sum_word(key: &str) -> bool {
    let k = key.trim_start_matches(['，', ',', '、', '以', '上']);
    matches!(k, "共计" | "合计" | "总计" | "共" | "一共" | "总共" | "共有" | "累计" | "合计共" | "共计为" | "合计为")
}

/// The cells of a run of table-三 counts in the same columns, summed.
fn run_sum(ms: &[Mention], run: &[usize], measure: Option<&str>) -> Option<Target> {
    if run.len() < 2 {
        return None;
    }
    let mut rows = Rows(0);
    let mut cols = None;
    for &r in run {
        let Some(Target::Three { rows: rr, cols: c, .. }) = ms[r].target else { return None };
        if ms[r].quantity.measure != measure || cols.is_some_and(|x| x != c) || rows.0 & rr.0 != 0 {
            return None;
        }
        cols = Some(c);
        rows = rows.union(rr);
    }
    Some(Target::Three { rows, cols: cols?, or: None })
}

/// Whether a top-level count is followed by a list that breaks it down
/// without a marker: "全年发布信息85条，工作动态45条、通知公告25条" — the
/// next count, after a comma and a short noun label, is joined by 、 to
/// another of the same measure.
fn implicit_list(text: &str, q: &Quantity, next: Option<&Quantity>) -> bool {
    let Some(n) = next.filter(|n| n.measure == q.measure && !n.zero) else { return false };
    let between = &text[q.span.end..n.span.start.max(q.span.end)];
    let Some(label) = between.strip_prefix(['，', ',']) else { return false };
    let key = squeeze(label);
    let after = &text[n.span.end..];
    let joined = after.trim_start_matches(is_space).starts_with('、');
    joined
        && (2..=10).contains(&key.chars().count())
        && !key.contains(is_separator)
        && !STATEMENT_VERBS_W.any_in(&key)
        && !BREAKS.iter().any(|b| key.starts_with(b))
        && !NOT_CURRENT_W.any_in(&key)
        && !MARKERS.iter().any(|m| key.starts_with(m))
}

/// Words after a list of labels that hand out the counts that follow in order.
const RESPECTIVELY: &[&str] = &["分别为", "分别是", "分别有", "依次为", "分别"];

/// The labels of "予以公开、部分公开和无法提供分别为7件、1件、3件", when the
/// clause before a count is such a list.
fn respective_labels(text: &str, clause_start: usize, at: usize) -> Option<Vec<Span>> {
    let clause = &text[clause_start..at];
    let (pos, word) = RESPECTIVELY.iter().find_map(|w| rfind_short(clause, w).map(|p| (p, *w)))?;
    if !clause[pos + word.len()..].trim_matches(|c: char| is_space(c) || c == '：' || c == ':').is_empty() {
        return None;
    }
    let mut labels = Vec::new();
    let mut start = 0;
    let list = &clause[..pos];
    for (i, c) in list.char_indices() {
        if matches!(c, '、' | '和' | '及' | '与') {
            labels.push(Span::new(clause_start + start, clause_start + i));
            start = i + c.len_utf8();
        }
    }
    labels.push(Span::new(clause_start + start, clause_start + pos));
    (labels.len() >= 2 && labels.iter().all(|l| !l.is_empty())).then_some(labels)
}

/// Text between two counts of one list: separators and joiners only.
fn only_joiners(between: &str) -> bool {
    between.chars().all(|c| is_space(c) || matches!(c, '、' | '和' | '及' | '与' | '，' | ',' | '以'))
}

/// Results under a total of applications received ("收到申请12件，其中予以
/// 公开5件…") are still read as its parts, but do not sum to it (the year's
/// results include last year's carried-over applications).
fn loose_part(t: &Target, total: &Target) -> bool {
    match (t, total) {
        (Target::Three { rows, .. }, Target::Three { or: Some(_), .. }) => {
            Target::three(*rows).part_of(&Target::three(Rows::TOTAL))
        }
        _ => false,
    }
}

/// Whether text after a count opens a breakdown of it; `Some(true)` when in
/// brackets ("121件（其中…）", "12件（自然人10件…）").
fn opens_breakdown(after: &str) -> Option<bool> {
    let t = after.trim_start_matches(is_space);
    if let Some(inner) = t.strip_prefix(['（', '(', '【', '[', '［']) {
        // "6件（较上年减少2件）" compares, it does not break down
        let inner = inner.trim_start_matches(is_space);
        let compares =
            ["较", "同比", "比上", "比去", "与上", "与去", "上年", "去年", "占"].iter().any(|w| inner.starts_with(w));
        return (!compares).then_some(true);
    }
    // up to the end of the next clause: "，其中", "。其中" is another sentence
    let mut key = String::new();
    let mut clauses = 0;
    for c in t.chars() {
        if is_clause_end(c) {
            clauses += 1;
            if clauses > 2 {
                break;
            }
        }
        if !is_space(c) {
            key.push(c);
        }
    }
    let key = key.trim_start_matches(|c: char| is_clause_end(c) || c == '的');
    // "…N条政府信息中，…" opens a breakdown too
    let head: &str = key.split(is_clause_end).next().unwrap_or("");
    if head.ends_with('中') && head.chars().count() <= 12 && key.len() > head.len() {
        return Some(false);
    }
    // "按类别分：…", "按申请方式区分，…", "从申请主体看，…"
    let by = |k: &str| {
        (k.starts_with('按') && ["分", "划分", "区分", "统计", "分类"].iter().any(|e| k.ends_with(e)))
            || (k.starts_with('从') && k.ends_with('看'))
    };
    if by(head) {
        return Some(false);
    }
    let starts = |k: &str| MARKERS.iter().any(|m| k.starts_with(m));
    let second = key.split(is_clause_end).nth(1).unwrap_or("");
    (starts(key) || (head.chars().count() <= 8 && starts(second))).then_some(false)
}

/// The numbers of a sentence as a reader takes them: "1,234" is one number,
/// and "十一件", "两场" are numbers too.
fn counted_numbers(text: &str, sent: Span) -> Vec<Number> {
    let mut out: Vec<Number> = Vec::new();
    for n in numbers(text, sent) {
        // digit grouping: "1,234", "12,500"
        if let Some(prev) = out.last_mut() {
            let grouped = prev.span.end + 1 == n.span.start
                && text.as_bytes()[prev.span.end] == b','
                && n.digits.len() == 3
                && !prev.digits.contains('.')
                && (prev.digits.len() <= 3 || prev.digits.len() % 4 == 3);
            if grouped {
                prev.digits = format!("{}{}", prev.digits, n.digits);
                prev.value = prev.digits.parse().unwrap_or(prev.value);
                prev.span = Span::new(prev.span.start, n.span.end);
                continue;
            }
        }
        out.push(n);
    }
    let cn = quantity::chinese_numbers(text, sent);
    if !cn.is_empty() {
        out.extend(cn);
        out.sort_by_key(|n| n.span.start);
    }
    out
}

/// Where the clause holding `at` starts: after the last separator between
/// `from` and `at`, else at `from`.
fn clause_start(text: &str, from: usize, at: usize) -> usize {
    let sent_start = from;
    text[sent_start..at]
        .char_indices()
        .rev()
        .find(|(_, c)| is_separator(*c))
        .map_or(sent_start, |(i, c)| sent_start + i + c.len_utf8())
}

/// The label phrase of a count: the clause before its number, or, when that
/// names nothing ("其中5件予以公开"), the words after its measure word.
fn label_span(text: &str, from: usize, q: &Quantity, limit: usize) -> Span {
    let start = clause_start(text, from, q.span.start);
    let before = Span::new(start, q.span.start);
    let key = squeeze(before.slice(text));
    // "新收的申请中有1件结转至下一年度": the words after the count say what it is
    let of_which = key.ends_with("中有") || key.ends_with('中');
    if !of_which && !label::read(&key).is_empty() {
        return before;
    }
    // the words right after the measure, up to the next separator or list
    // mark: "10件、信息不存在4件" gives 10 nothing of 信息不存在's
    let rest = &text[q.span.end..limit];
    let end = rest
        .char_indices()
        .find(|(_, c)| is_separator(*c) || matches!(c, '、' | '和' | '及'))
        .map_or(rest.len(), |(i, _)| i);
    let after = Span::new(q.span.end, q.span.end + end);
    let akey = squeeze(after.slice(text));
    if label::read(&akey).is_empty() { before } else { after }
}

/// Whether a count's clause presents it as this year's own figure.
fn is_current(clause_key: &str, text: &str, clause_start: usize, at: usize, year: Option<i32>) -> bool {
    let mut cleaned = String::new();
    let key = if CURRENT_AFTER_ALL_W.any_in(clause_key) {
        cleaned.push_str(clause_key);
        for w in CURRENT_AFTER_ALL {
            if cleaned.contains(w) {
                cleaned = cleaned.replace(w, "");
            }
        }
        &cleaned
    } else {
        clause_key
    };
    if NOT_CURRENT_W.any_in(key) {
        return false;
    }
    // a past year in the clause: "2024年收到申请10件"
    let Some(year) = year else { return true };
    !crate::syntax::numbers::years(text, Span::new(clause_start, at)).iter().any(|y| y.year != year)
}

/// 《…》 and “…” ranges (relative to the sentence): numbers inside them are
/// titles, not counts.
fn quote_ranges(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in s.char_indices() {
        match (open, c) {
            (None, '《') => open = Some((i, '》')),
            (None, '“') => open = Some((i, '”')),
            (Some((a, close)), c) if c == close => {
                out.push((a, i));
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Zero words that deny a count of a table's thing: "未收到政府信息公开申请"
/// is 0 applications, "无行政复议和行政诉讼" 0 of each. Returns the zero
/// quantity and the label it denies; one per named table figure.
fn zero_mentions(text: &str, sent: Span) -> Vec<(Quantity, Span)> {
    let s = sent.slice(text);
    let mut out = Vec::new();
    let mut clause_from = 0;
    let mut clause_digits = false;
    let mut last_zero: Option<(usize, usize)> = None;
    let flush = |to: usize, zero: Option<(usize, usize)>, digits: bool, out: &mut Vec<_>| {
        let Some((at, len)) = zero else { return };
        if digits {
            return;
        }
        let label = Span::new(sent.start + at + len, sent.start + to);
        // one mention per named figure: "行政复议和行政诉讼" are two
        let key = squeeze(label.slice(text));
        let l = label::read(&key);
        let zero_span = Span::new(sent.start + at, sent.start + at + len);
        let q = |label_span: Span| {
            (
                Quantity {
                    digits: zero_span,
                    span: zero_span,
                    value: Value::Exact(0),
                    measure: None,
                    each: false,
                    zero: true,
                },
                label_span,
            )
        };
        if key.contains("复议") && key.contains("诉讼") && l.four.is_some() {
            let split = label.slice(text).find("诉讼").map_or(label.end, |i| label.start + i);
            let review_end = label.slice(text).find("复议").map_or(label.end, |i| label.start + i + "复议".len());
            out.push(q(Span::new(label.start, review_end.min(split))));
            out.push(q(label));
        } else if let Some(pieces) = two_pieces(text, label) {
            // "未发生行政处罚和行政强制": one zero for each
            out.extend(pieces.into_iter().map(q));
        } else if !l.is_empty() || l.application {
            out.push(q(label));
        }
    };
    for (i, c) in s.char_indices() {
        if is_clause_end(c) {
            flush(i, last_zero.take(), clause_digits, &mut out);
            clause_from = i + c.len_utf8();
            clause_digits = false;
            continue;
        }
        if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            clause_digits = true;
        }
        if last_zero.is_none() && matches!(c, '无' | '未' | '没' | '尚' | '暂') {
            if let Some(len) = quantity::zero_at(s, i) {
                // only near the clause start: "本年度未收到…", not "…中未…"
                if s[clause_from..i].chars().count() <= 12 {
                    last_zero = Some((i, len));
                }
            }
        }
    }
    flush(s.len(), last_zero.take(), clause_digits, &mut out);
    out
}

/// A denied label naming two rows of table 二 ("行政处罚和行政强制"), split
/// at the joiner.
fn two_pieces(text: &str, label: Span) -> Option<Vec<Span>> {
    let s = label.slice(text);
    let at = s.find(['和', '及', '、', '与'])?;
    let (a, b) = (Span::new(label.start, label.start + at), Span::new(label.start + at + 3, label.end));
    let key =
        |sp: Span| -> Label { label::read(&sp.slice(text).chars().filter(|c| !is_space(*c)).collect::<String>()) };
    (key(a).two.is_some() && key(b).two.is_some()).then(|| vec![a, b])
}

/// Whether the document writes numbers with spaces around them ("360 余条").
pub fn spaced_numbers(text: &str) -> bool {
    let b = text.as_bytes();
    let mut spaced = 0;
    let mut tight = 0;
    for i in 1..b.len().saturating_sub(1) {
        if b[i].is_ascii_digit() && !b[i + 1].is_ascii_digit() && b[i + 1] != b'.' {
            if b[i + 1] == b' ' {
                spaced += 1;
            } else if b[i + 1] >= 0x80 {
                tight += 1;
            }
        }
    }
    spaced > tight
}
