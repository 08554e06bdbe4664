//! prose: numbers in the running text.

pub mod enumeration_sum;
pub mod missing_number;
pub mod table_mismatch;

use crate::model::standard::{T3_TOTAL_COL, t3};
use crate::model::{MappedTable, Report, TableId};
use crate::span::Span;

/// A figure the text states and the table also holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    /// 收到申请 — 一 (some write 一+二)
    Received,
    /// 本年新收 — 一
    New,
    /// 上年结转 — 二
    CarriedIn,
    /// 办结/答复 — （七）
    Done,
    /// 结转下年度 — 四
    CarriedOut,
    Open,
    Partial,
    Withheld,
    Unavailable,
    NotProcessed,
    OtherHandling,
    Review,
    Litigation,
}

/// Key phrases, most specific first.
pub const KEYS: &[(&str, Fact)] = &[
    ("结转下年度", Fact::CarriedOut),
    ("结转至下年", Fact::CarriedOut),
    ("结转到下年", Fact::CarriedOut),
    ("转入下年度", Fact::CarriedOut),
    ("上年结转", Fact::CarriedIn),
    ("上年度结转", Fact::CarriedIn),
    ("本年新收", Fact::New),
    ("本年度新收", Fact::New),
    ("新收", Fact::New),
    ("收到", Fact::Received),
    ("受理", Fact::Received),
    ("接收", Fact::Received),
    ("接到", Fact::Received),
    ("办结", Fact::Done),
    ("答复", Fact::Done),
    ("部分公开", Fact::Partial),
    ("不予公开", Fact::Withheld),
    ("予以公开", Fact::Open),
    ("无法提供", Fact::Unavailable),
    ("不予处理", Fact::NotProcessed),
    ("其他处理", Fact::OtherHandling),
    ("行政复议", Fact::Review),
    ("行政诉讼", Fact::Litigation),
];

impl Fact {
    /// The applications facts only count "申请" sentences.
    pub fn needs_application(self) -> bool {
        matches!(self, Fact::Received | Fact::New)
    }
}

/// 总计 of a table-三 row: the 总计 cell, or the sum of the six applicant
/// columns when the draft has no 总计 column.
fn t3_total(t: &MappedTable, row: usize) -> Option<(i64, Span)> {
    if let (Some(v), Some(c)) = (t.int(row, T3_TOTAL_COL), t.cell(row, T3_TOTAL_COL)) {
        return Some((v, c.span));
    }
    let r = t.row(row)?;
    if !r.width_ok() || t.columns.contains(&T3_TOTAL_COL) {
        return None;
    }
    let mut sum = 0;
    for c in 0..T3_TOTAL_COL {
        sum = t.int(row, c).and_then(|v| i64::checked_add(sum, v))?; // a saturated 20-digit cell must not wrap
    }
    Some((sum, r.label))
}

fn t3_sum(t: &MappedTable, rows: impl Iterator<Item = usize>) -> Option<(i64, Span)> {
    let mut sum = 0;
    let mut span: Option<Span> = None;
    for r in rows {
        let (v, s) = t3_total(t, r)?;
        sum = i64::checked_add(sum, v)?; // cells saturate at i64::MAX (table/bad-cell)
        span = Some(span.map_or(s, |x| x.cover(s)));
    }
    Some((sum, span?))
}

/// The values the table holds for a fact (several when wording is
/// ambiguous, e.g. 收到 may mean 一 or 一+二), with the cell to point at.
pub fn table_values(report: &Report, fact: Fact) -> Vec<(i64, Span, String)> {
    let mut out = Vec::new();
    if matches!(fact, Fact::Review | Fact::Litigation) {
        let Some(t) = report.table(TableId::Four) else { return out };
        let cell = |c: usize| t.int(0, c).zip(t.cell(0, c).map(|x| x.span));
        if fact == Fact::Review {
            if let Some((v, s)) = cell(4) {
                out.push((v, s, "表四行政复议·总计".to_string()));
            }
        } else if let (Some((a, s1)), Some((b, s2))) = (cell(9), cell(14)) {
            out.push((a + b, s1.cover(s2), "表四行政诉讼（直接起诉＋复议后起诉）总计".to_string()));
        }
        return out;
    }
    let Some(t) = report.table(TableId::Three) else { return out };
    let items = crate::check::tally::result_items(t);
    // without a 总计 column the figure is the sum of the six applicant columns
    let computed = !t.columns.contains(&T3_TOTAL_COL);
    let named = |v: Option<(i64, Span)>, name: &str| {
        let name = if computed { name.replace("·总计", "·六类申请人合计") } else { name.to_string() };
        v.map(|(v, s)| (v, s, name))
    };
    let mut push = |x: Option<(i64, Span, String)>| out.extend(x);
    match fact {
        Fact::New => push(named(t3_total(t, t3::NEW), "表三一、本年新收·总计")),
        Fact::Received => {
            push(named(t3_total(t, t3::NEW), "表三一、本年新收·总计"));
            push(named(t3_sum(t, [t3::NEW, t3::CARRIED_IN].into_iter()), "表三一＋二·总计"));
        }
        Fact::CarriedIn => push(named(t3_total(t, t3::CARRIED_IN), "表三二、上年结转·总计")),
        Fact::Done => {
            let total = t3_total(t, t3::TOTAL).or_else(|| t3_sum(t, items.iter().copied()));
            push(named(total, "表三（七）总计·总计"));
        }
        Fact::CarriedOut => push(named(t3_total(t, t3::CARRIED_OUT), "表三四、结转下年度·总计")),
        Fact::Open => push(named(t3_total(t, t3::OPEN), "表三（一）予以公开·总计")),
        Fact::Partial => push(named(t3_total(t, t3::PARTIAL), "表三（二）部分公开·总计")),
        Fact::Withheld => push(named(t3_sum(t, t3::WITHHELD), "表三（三）不予公开合计")),
        Fact::Unavailable => push(named(t3_sum(t, t3::UNAVAILABLE), "表三（四）无法提供合计")),
        Fact::NotProcessed => push(named(t3_sum(t, t3::NOT_PROCESSED), "表三（五）不予处理合计")),
        Fact::OtherHandling => {
            let v = if t.row(t3::OTHER_2019).is_some() { t3_total(t, t3::OTHER_2019) } else { t3_sum(t, t3::OTHER) };
            push(named(v, "表三（六）其他处理合计"));
        }
        Fact::Review | Fact::Litigation => {}
    }
    out
}

/// The fact a clause speaks of: the key phrase nearest before `at`.
pub fn fact_before(clause: &str, at: usize) -> Option<Fact> {
    let head = &clause[..at];
    let mut best: Option<(usize, Fact)> = None;
    for (key, fact) in KEYS {
        if let Some(pos) = head.rfind(key) {
            let end = pos + key.len();
            // longer (more specific) keys win at the same place
            if best.is_none_or(|(b, _)| end > b) {
                best = Some((end, *fact));
            }
        }
    }
    let (_, fact) = best?;
    if fact.needs_application() && !head.contains("申请") && !clause[at..].starts_with("件申请") {
        return None;
    }
    Some(fact)
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

/// Clauses of a sentence, split at ，、；：。 (and ASCII commas).
pub fn clauses(text: &str, span: Span) -> Vec<Span> {
    let s = span.slice(text);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if matches!(c, '，' | '、' | '；' | '：' | '。' | ',' | ';' | ':' | '！' | '？') {
            if i > start {
                out.push(Span::new(span.start + start, span.start + i));
            }
            start = i + c.len_utf8();
        }
    }
    if start < s.len() {
        out.push(Span::new(span.start + start, span.end));
    }
    out
}
