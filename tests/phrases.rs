//! The phrase corpus (tests/phrases/*.txt): sentences in the phrasing of
//! real reports, each with what a careful reviewer expects of it — the
//! quantities it states (mentions) and the findings it deserves. Every case
//! is put into a complete, arithmetically correct report built around the
//! table values it assumes; the test compares the findings located in the
//! sentence with the expected ones, requires the rest of the document to
//! produce nothing, prints per-rule precision and recall, and fails unless
//! every case passes.
//!
//! The expectations are written from the published format and how a
//! reviewer reads the sentence, never from what the code does: a case that
//! fails is a defect of the checker, not of the case.
//!
//! Case format (see tests/phrases/README.md):
//! ```text
//! == apply-017
//! section: 三            (一…六; default 一)
//! year: 2025             (report year; default 2025)
//! body: 镇|街道|局|政府    (default 镇)
//! table: 一=10+2 （一）=9 （四）1=3
//! > 全年共收到政府信息公开申请12件，其中自然人10件、法人或其他组织2件。
//! mentions: 12 件 total 三.一.总计 | 10 件 part 三.一.自然人 | 2 件 part 三.一.法人
//! findings: none         (or: prose/table-mismatch 13 | year/stale 2024)
//! ```

#[path = "gen/mod.rs"]
mod generator;

use generator::{Body, Doc, Level, Tables, r};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Rule ids of the catalogue (/work/shared/spec/rules.md); a finding line
/// naming anything else is a typo in the corpus.
const RULES: &[&str] = &[
    "structure/missing-section",
    "structure/section-order",
    "structure/heading-typo",
    "structure/missing-table",
    "structure/empty-section",
    "table/missing-column",
    "table/missing-row",
    "table/extra-row",
    "table/row-width",
    "table/bad-cell",
    "table/outdated-format",
    "tally/row-total",
    "tally/result-total",
    "tally/balance",
    "tally/review-total",
    "year/unknown",
    "year/mismatch",
    "year/plan",
    "year/stale",
    "year/future",
    "year/malformed",
    "prose/missing-number",
    "prose/enumeration-sum",
    "prose/table-mismatch",
    "basis/outdated",
    "content/fee-statement",
    "plausibility/township-rules",
    "deadline/late",
    "text/invisible-char",
];

// ---- mentions --------------------------------------------------------------

/// The value of a counted quantity as the reviewer reads it.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    /// "12件"
    Exact(i64),
    /// "70余条" / "70多条": 70~79; "100余" 100~199.
    Range(i64, i64),
    /// 约/近/超过/左右/以上: approximately this; never compared exactly.
    About(i64),
    /// An amount with decimals as written ("12.5" 万元), compared as text.
    Decimal(String),
}

impl Value {
    fn parse(s: &str) -> Result<Value, String> {
        if let Some(rest) = s.strip_prefix('≈') {
            return rest.parse().map(Value::About).map_err(|_| format!("bad approximate value {s:?}"));
        }
        if let Some((lo, hi)) = s.split_once('~') {
            let lo: i64 = lo.parse().map_err(|_| format!("bad range {s:?}"))?;
            let hi: i64 = hi.parse().map_err(|_| format!("bad range {s:?}"))?;
            // 余/多 after a round number: 70余 = 70..79, 100余 = 100..199
            let step = 10i64.pow(lo.trailing_zeros_dec());
            if lo <= 0 || hi != lo + step - 1 {
                return Err(format!("range {s:?}: 余/多 after {lo} means {lo}~{}", lo + step - 1));
            }
            return Ok(Value::Range(lo, hi));
        }
        if let Some((whole, frac)) = s.split_once('.') {
            let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
            if digits(whole) && digits(frac) {
                return Ok(Value::Decimal(s.to_string()));
            }
        }
        s.parse().map(Value::Exact).map_err(|_| format!("bad value {s:?}"))
    }
    /// The number as the sentence writes it (its lower bound for a range).
    fn written(&self) -> String {
        match self {
            Value::Decimal(d) => d.clone(),
            v => v.lowest().to_string(),
        }
    }
    fn lowest(&self) -> i64 {
        match *self {
            Value::Exact(v) | Value::Range(v, _) | Value::About(v) => v,
            Value::Decimal(ref d) => d.split('.').next().and_then(|w| w.parse().ok()).unwrap_or(0),
        }
    }
    fn highest(&self) -> i64 {
        match *self {
            Value::Exact(v) | Value::Range(_, v) | Value::About(v) => v,
            Value::Decimal(_) => self.lowest() + 1,
        }
    }
    fn admits(&self, v: f64) -> bool {
        match *self {
            Value::Exact(x) => x as f64 == v,
            Value::Range(lo, hi) => lo as f64 <= v && v <= hi as f64,
            Value::About(_) => true,
            Value::Decimal(ref d) => d.parse::<f64>().is_ok_and(|x| x == v),
        }
    }
}

trait DecimalZeros {
    fn trailing_zeros_dec(self) -> u32;
}
impl DecimalZeros for i64 {
    /// Trailing decimal zeros of a round number (70 → 1, 100 → 2, 0 → 0).
    fn trailing_zeros_dec(self) -> u32 {
        let mut n = self;
        let mut z = 0;
        while n != 0 && n % 10 == 0 {
            n /= 10;
            z += 1;
        }
        z
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Single,
    Total,
    Part,
    Member,
    Nested,
}

/// One counted quantity of a sentence: `value measure scope target`.
#[derive(Debug, Clone)]
struct Mention {
    value: Value,
    /// The measure word as written, "-" for a zero word with none.
    measure: String,
    scope: Scope,
    /// `None` for "-"; else the cell or sum of cells, e.g. "三.（三）+（四）.总计".
    target: Option<Target>,
    /// The notation as written, for messages.
    raw: String,
}

/// A table cell, or a sum of cells, that a mention must agree with.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    /// Table 三: rows (each a list of stored row indices, added) and columns (added).
    Three { rows: Vec<usize>, cols: Vec<usize> },
    /// Table 四: groups (0 复议, 1 直接起诉, 2 复议后起诉, added) and a column.
    Four { groups: Vec<usize>, col: usize },
    /// Table 二: (row, column) as [`two_cell`] reads them.
    Two { row: String, col: Option<String> },
}

/// The stored rows a table-三 row name stands for: an item, a group (the
/// sum of its items) or a top row.
fn three_rows(name: &str) -> Option<Vec<usize>> {
    let groups: [(&str, std::ops::Range<usize>); 4] =
        [("（三）", r::WITHHELD), ("（四）", r::UNAVAILABLE), ("（五）", r::NOT_PROCESSED), ("（六）", r::OTHER)];
    Some(match name {
        "一" => vec![r::NEW],
        "二" => vec![r::CARRIED_IN],
        "四" => vec![r::CARRIED_OUT],
        "（一）" => vec![r::OPEN],
        "（二）" => vec![r::PARTIAL],
        "（七）" => vec![r::TOTAL],
        _ => {
            let (g, range) = groups.iter().find(|(g, _)| name.starts_with(g))?;
            let item = &name[g.len()..];
            if item.is_empty() {
                return Some(range.clone().collect());
            }
            let k: usize = item.parse().ok()?;
            if k == 0 || k > range.len() {
                return None;
            }
            vec![range.start + k - 1]
        }
    })
}

fn three_cols(name: &str) -> Option<Vec<usize>> {
    Some(match name {
        "总计" => vec![6],
        "法人" => (1..6).collect(),
        _ => vec![generator::T3_COLS[..6].iter().position(|c| *c == name)?],
    })
}

const TWO_ROWS: [&str; 6] = ["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"];
const TWO_DOC_COLS: [&str; 3] = ["本年制发", "本年废止", "现行有效"];

impl Target {
    fn parse(s: &str) -> Result<Option<Target>, String> {
        if s == "-" {
            return Ok(None);
        }
        let bad = || format!("unknown target {s:?}");
        let mut parts = s.split('.');
        let table = parts.next().ok_or_else(bad)?;
        let a = parts.next().ok_or_else(bad)?;
        let b = parts.next();
        if parts.next().is_some() {
            return Err(bad());
        }
        match table {
            "三" => {
                let mut rows = Vec::new();
                for name in a.split('+') {
                    rows.extend(three_rows(name).ok_or_else(bad)?);
                }
                let cols = three_cols(b.ok_or_else(bad)?).ok_or_else(bad)?;
                Ok(Some(Target::Three { rows, cols }))
            }
            "四" => {
                let groups = match a {
                    "复议" => vec![0],
                    "直接起诉" => vec![1],
                    "复议后起诉" => vec![2],
                    "诉讼" => vec![1, 2],
                    _ => return Err(bad()),
                };
                let col = b.ok_or_else(bad)?;
                let col = T4_COLS.iter().position(|c| *c == col).ok_or_else(bad)?;
                Ok(Some(Target::Four { groups, col }))
            }
            "二" => {
                if !TWO_ROWS.contains(&a) {
                    return Err(bad());
                }
                let docs = a == "规章" || a == "行政规范性文件";
                match (docs, b) {
                    (true, Some(c)) if TWO_DOC_COLS.contains(&c) => {}
                    (false, None) => {}
                    _ => return Err(bad()),
                }
                Ok(Some(Target::Two { row: a.to_string(), col: b.map(str::to_string) }))
            }
            _ => Err(bad()),
        }
    }

    /// The value the tables hold at this target (a fee in 万元 is compared
    /// as its whole part when it has no decimals, else not at all).
    /// The value the tables hold at this target (fees in 万元 may have decimals).
    fn value(&self, t: &Tables) -> Option<f64> {
        let sum = |v: i64| Some(v as f64);
        match self {
            Target::Three { rows, cols } => sum(rows.iter().flat_map(|&r| cols.iter().map(move |&c| t.t3[r][c])).sum()),
            Target::Four { groups, col } => sum(groups.iter().map(|&g| t.t4[g][*col]).sum()),
            Target::Two { row, col } => {
                let i = TWO_ROWS.iter().position(|r| r == row)?;
                match i {
                    0 | 1 => sum(t.docs[i][TWO_DOC_COLS.iter().position(|c| Some(*c) == col.as_deref())?]),
                    2..=4 => sum(t.decisions[i - 2]),
                    _ => t.fees.parse().ok(),
                }
            }
        }
    }
}

const T4_COLS: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

impl Mention {
    fn parse(s: &str) -> Result<Mention, String> {
        let f: Vec<&str> = s.split_whitespace().collect();
        if f.len() != 4 {
            return Err(format!("mention {s:?} is not `value measure scope target`"));
        }
        let scope = match f[2] {
            "single" => Scope::Single,
            "total" => Scope::Total,
            "part" => Scope::Part,
            "member" => Scope::Member,
            "nested" => Scope::Nested,
            other => return Err(format!("unknown scope {other:?} in {s:?}")),
        };
        Ok(Mention {
            value: Value::parse(f[0])?,
            measure: f[1].to_string(),
            scope,
            target: Target::parse(f[3])?,
            raw: s.to_string(),
        })
    }
}

/// Fold full-width digits to ASCII and drop the spaces drafts put inside
/// numbers, so "１２ 件" and "1 2件" are searched as "12件".
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Validate a case's mentions against its own sentence and tables, so the
/// yardstick cannot carry a typo: the notation parses; the numbers occur in
/// the sentence in the order listed; a measure is `-` only for a zero word;
/// parts follow a total, nested parts follow a part; a mapped mention agrees
/// with its cell unless the case expects `prose/table-mismatch` for that
/// number, and disagrees when it does; parts that exceed their total (or a
/// nested list that exceeds its part) come with `prose/enumeration-sum`.
///
/// The lead's prose layer prints mentions in this notation; comparing its
/// output with `case.mentions` is the next step after merging.
fn check_mentions(case: &Case, tables: &Tables) -> Result<(), String> {
    let text = without_digit_grouping(&ascii_digits(&case.sentence).replace(' ', ""));
    let mut at = 0;
    let mut last_total: Option<usize> = None;
    let mut last_part: Option<usize> = None;
    let mut disagreeing: BTreeSet<String> = BTreeSet::new();
    let mismatch_tokens: BTreeSet<String> = case
        .findings
        .iter()
        .filter(|(rule, _)| rule == "prose/table-mismatch")
        .map(|(_, t)| ascii_digits(t).replace(' ', ""))
        .collect();
    for (i, m) in case.mentions.iter().enumerate() {
        let low = m.value.lowest();
        if m.measure == "-" && low != 0 {
            return Err(format!("{}: measure `-` is for zero words only", m.raw));
        }
        if low != 0 || m.measure != "-" {
            // the number must occur after the previous one
            let digits = m.value.written();
            let found = find_number(&text[at..], &digits, low == 0);
            let found = found.map(|p| (p, digits.len())).or_else(|| {
                let cn = chinese_numeral(low).filter(|_| !matches!(m.value, Value::Decimal(_)))?;
                text[at..].find(&cn).map(|p| (p, cn.len()))
            });
            match found {
                Some((pos, len)) => at += pos + len,
                None if low == 0 => {} // 无/未/没有 written as a word
                None => return Err(format!("{}: {digits} not found in the sentence after byte {at}", m.raw)),
            }
        }
        match m.scope {
            Scope::Total => {
                last_total = Some(i);
                last_part = None;
            }
            Scope::Part => {
                // the total may be the number that is missing ("收到申请件，其中…")
                let total_missing = case.findings.iter().any(|(rule, _)| rule == "prose/missing-number");
                if last_total.is_none() && !total_missing {
                    return Err(format!("{}: a part with no total before it", m.raw));
                }
                last_part = Some(i);
            }
            Scope::Nested => {
                if last_part.is_none() {
                    return Err(format!("{}: a nested part with no part before it", m.raw));
                }
            }
            // a lone count inside a breakdown ("较上年增加12条") does not end it
            Scope::Single => {}
            Scope::Member => {
                last_total = None;
                last_part = None;
            }
        }
        if let (Some(t), Value::Exact(_) | Value::Range(..) | Value::Decimal(_)) = (&m.target, &m.value) {
            let cell = t.value(tables).ok_or_else(|| format!("{}: the target has no value", m.raw))?;
            let number = if m.measure == "-" { "zero word".to_string() } else { low.to_string() };
            if !m.value.admits(cell) {
                disagreeing.insert(number.clone());
                // a zero word is flagged by the word itself ("未收到")
                let flagged = mismatch_tokens.contains(&number)
                    || (m.measure == "-" && mismatch_tokens.iter().any(|t| t.parse::<i64>().is_err()));
                if !flagged {
                    return Err(format!("{}: the table holds {cell}; expect `prose/table-mismatch {low}`", m.raw));
                }
            }
        }
    }
    for token in &mismatch_tokens {
        let known = disagreeing.contains(token) || (token.parse::<i64>().is_err() && disagreeing.contains("zero word"));
        if !known {
            return Err(format!("`prose/table-mismatch {token}` but no mention of {token} disagrees with its cell"));
        }
    }
    // parts of one level, and nested parts of one part, against their whole
    let expects_sum = case.findings.iter().any(|(rule, _)| rule == "prose/enumeration-sum");
    let mut whole: Option<&Mention> = None;
    let mut parts = 0i64;
    let mut part: Option<&Mention> = None;
    let mut nested = 0i64;
    let mut over = false;
    let mut close = |whole: Option<&Mention>, sum: i64| {
        if let Some(w) = whole
            && sum > w.value.highest()
            && !matches!(w.value, Value::About(_))
        {
            over = true;
        }
    };
    for m in &case.mentions {
        match m.scope {
            Scope::Single => {}
            Scope::Total | Scope::Member => {
                close(part.take(), nested);
                close(whole.take(), parts);
                nested = 0;
                parts = 0;
                if m.scope == Scope::Total {
                    whole = Some(m);
                }
            }
            Scope::Part => {
                close(part.take(), nested);
                nested = 0;
                if whole.is_some_and(|w| w.measure == m.measure) {
                    parts += m.value.lowest();
                }
                part = Some(m);
            }
            Scope::Nested => {
                if part.is_some_and(|p| p.measure == m.measure) {
                    nested += m.value.lowest();
                }
            }
        }
    }
    close(part.take(), nested);
    close(whole.take(), parts);
    if over && !expects_sum {
        return Err("parts add up to more than their total: expect `prose/enumeration-sum`".into());
    }
    Ok(())
}

/// "1,234" → "1234": a comma between digits groups thousands.
fn without_digit_grouping(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let grouping =
            c == ',' && i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if !grouping {
            out.push(c);
        }
    }
    out
}

/// 1…99 in Chinese numerals ("十一", "二十三"), as some reports write counts.
fn chinese_numeral(n: i64) -> Option<String> {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => Some(D[n as usize].to_string()),
        10..=19 => Some(format!("十{}", D[(n % 10) as usize])),
        20..=99 => Some(format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize])),
        _ => None,
    }
}

/// Byte position of `digits` as a whole number (not inside a longer one).
fn find_number(text: &str, digits: &str, zero: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(p) = text[from..].find(digits) {
        let start = from + p;
        let end = start + digits.len();
        let before = start == 0 || !(bytes[start - 1].is_ascii_digit() || bytes[start - 1] == b'.');
        let after = end >= bytes.len() || !(bytes[end].is_ascii_digit() || bytes[end] == b'.');
        if before && after {
            return Some(start);
        }
        from = end;
        if zero && from >= text.len() {
            break;
        }
    }
    None
}

// ---- cases -----------------------------------------------------------------

#[derive(Debug, Clone)]
struct Case {
    id: String,
    origin: String,
    section: usize,
    year: i32,
    body: Level,
    table: String,
    sentence: String,
    mentions: Vec<Mention>,
    /// (rule, token): the finding must lie in the sentence and carry the
    /// token in its span or its message.
    findings: Vec<(String, String)>,
}

fn section_index(s: &str) -> Option<usize> {
    ["一", "二", "三", "四", "五", "六"].iter().position(|n| *n == s)
}

fn parse_file(name: &str, text: &str, out: &mut Vec<Case>) -> Result<(), String> {
    let mut cur: Option<Case> = None;
    let mut seen_mentions = false;
    let mut seen_findings = false;
    let finish = |c: Option<Case>, m: bool, f: bool, out: &mut Vec<Case>| -> Result<(), String> {
        if let Some(c) = c {
            if c.sentence.is_empty() || !m || !f {
                return Err(format!("{}: case {} needs `>`, `mentions:` and `findings:` lines", c.origin, c.id));
            }
            out.push(c);
        }
        Ok(())
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        let here = format!("{name}:{}", n + 1);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(id) = line.strip_prefix("== ") {
            finish(cur.take(), seen_mentions, seen_findings, out)?;
            seen_mentions = false;
            seen_findings = false;
            cur = Some(Case {
                id: id.trim().to_string(),
                origin: here,
                section: 0,
                year: 2025,
                body: Level::Township,
                table: String::new(),
                sentence: String::new(),
                mentions: Vec::new(),
                findings: Vec::new(),
            });
            continue;
        }
        let c = cur.as_mut().ok_or_else(|| format!("{here}: text before the first `== id`"))?;
        if let Some(s) = line.strip_prefix("> ") {
            if !c.sentence.is_empty() {
                return Err(format!("{here}: one sentence per case"));
            }
            c.sentence = s.to_string();
        } else if let Some(v) = line.strip_prefix("section:") {
            c.section = section_index(v.trim()).ok_or_else(|| format!("{here}: section is one of 一…六"))?;
        } else if let Some(v) = line.strip_prefix("year:") {
            c.year = v.trim().parse().map_err(|_| format!("{here}: bad year"))?;
        } else if let Some(v) = line.strip_prefix("body:") {
            c.body = match v.trim() {
                "镇" => Level::Township,
                "街道" => Level::Street,
                "局" => Level::Department,
                "政府" => Level::Government,
                other => return Err(format!("{here}: unknown body {other:?}")),
            };
        } else if let Some(v) = line.strip_prefix("table:") {
            c.table = v.trim().to_string();
        } else if let Some(v) = line.strip_prefix("mentions:") {
            seen_mentions = true;
            let v = v.trim();
            if v != "none" {
                for m in v.split('|') {
                    c.mentions.push(Mention::parse(m.trim()).map_err(|e| format!("{here}: {e}"))?);
                }
            }
        } else if let Some(v) = line.strip_prefix("findings:") {
            seen_findings = true;
            let v = v.trim();
            if v != "none" {
                for f in v.split('|') {
                    let (rule, token) =
                        f.trim().split_once(' ').ok_or_else(|| format!("{here}: finding is `rule token`"))?;
                    if !RULES.contains(&rule) {
                        return Err(format!("{here}: unknown rule {rule:?}"));
                    }
                    c.findings.push((rule.to_string(), token.trim().to_string()));
                }
            }
        } else {
            return Err(format!("{here}: unrecognised line {line:?}"));
        }
    }
    finish(cur, seen_mentions, seen_findings, out)
}

fn load() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/phrases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/phrases")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for p in files {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&p).unwrap();
        if let Err(e) = parse_file(&name, &text, &mut cases) {
            panic!("malformed phrase corpus: {e}");
        }
    }
    let mut ids = BTreeSet::new();
    for c in &cases {
        assert!(ids.insert(c.id.clone()), "duplicate case id {} ({})", c.id, c.origin);
    }
    cases
}

// ---- the report around a case ----------------------------------------------

/// Parse `table:` into complete, consistent tables. Keys: table-三 rows
/// (`一 二 （一） （二） （三）1…8 （四）1…3 （五）1…5 （六）1…3 四`) with
/// `n` (all 自然人), `a+b` (自然人 + 商业企业) or six `+`-separated columns;
/// table 四 groups `复议 直接起诉 复议后起诉` with `维持,纠正,其他,尚未审结`;
/// table 二 `规章 规范性文件` with `制发,废止,现行有效`, `许可 处罚 强制 收费`.
/// What is not given is completed so that every rule holds: with no result
/// row given, the applications are 予以公开 and none is carried forward; with
/// 一 and 四 given, what is answered and not stated is 予以公开; with 四 not
/// given it is what is left; with 一 not given it is what the results need.
fn build_tables(spec: &str) -> Result<Tables, String> {
    let mut t = Tables::default();
    let mut given: BTreeSet<usize> = BTreeSet::new();
    let nums = |v: &str, sep: char| -> Result<Vec<i64>, String> {
        v.split(sep).map(|x| x.trim().parse::<i64>().map_err(|_| format!("bad number in {v:?}"))).collect()
    };
    for item in spec.split_whitespace() {
        let (k, v) = item.split_once('=').ok_or_else(|| format!("table item {item:?} is not key=value"))?;
        match k {
            "复议" | "直接起诉" | "复议后起诉" => {
                let g = ["复议", "直接起诉", "复议后起诉"].iter().position(|x| *x == k).unwrap();
                let n = nums(v, ',')?;
                if n.len() != 4 {
                    return Err(format!("{k}: four numbers 维持,纠正,其他,尚未审结"));
                }
                t.t4[g][..4].copy_from_slice(&n);
            }
            "规章" | "规范性文件" => {
                let n = nums(v, ',')?;
                if n.len() != 3 {
                    return Err(format!("{k}: three numbers 制发,废止,现行有效"));
                }
                t.docs[usize::from(k != "规章")].copy_from_slice(&n);
            }
            "许可" | "处罚" | "强制" => {
                let i = ["许可", "处罚", "强制"].iter().position(|x| *x == k).unwrap();
                t.decisions[i] = nums(v, ',')?[0];
            }
            "收费" => t.fees = v.to_string(),
            _ => {
                let rows = three_rows(k).ok_or_else(|| format!("unknown table key {k:?}"))?;
                if rows.len() != 1 || rows[0] == r::TOTAL {
                    return Err(format!("{k}: give items, not groups or （七）"));
                }
                let n = nums(v, '+')?;
                let vals: [i64; 6] = match n.len() {
                    1 => [n[0], 0, 0, 0, 0, 0],
                    2 => [n[0], n[1], 0, 0, 0, 0],
                    6 => [n[0], n[1], n[2], n[3], n[4], n[5]],
                    _ => return Err(format!("{k}: 1, 2 or 6 numbers")),
                };
                t.t3[rows[0]][..6].copy_from_slice(&vals);
                given.insert(rows[0]);
            }
        }
    }
    let results_given = given.iter().any(|i| r::RESULTS.contains(i));
    for c in 0..6 {
        let results: i64 = r::RESULTS.map(|i| t.t3[i][c]).sum();
        let (new, carried_in, out) = (t.t3[r::NEW][c], t.t3[r::CARRIED_IN][c], t.t3[r::CARRIED_OUT][c]);
        match (given.contains(&r::NEW), given.contains(&r::CARRIED_OUT)) {
            // what is answered and not stated is 予以公开
            (true, true) if !given.contains(&r::OPEN) => t.t3[r::OPEN][c] = new + carried_in - out - results,
            (true, true) => {}
            (true, false) if !results_given => t.t3[r::OPEN][c] = new + carried_in,
            (true, false) => t.t3[r::CARRIED_OUT][c] = new + carried_in - results,
            (false, _) => t.t3[r::NEW][c] = results + out - carried_in,
        }
    }
    t.complete();
    if !t.consistent() {
        return Err(format!("table {spec:?} cannot be completed consistently: {:?}", t.t3));
    }
    Ok(t)
}

fn body_of(level: Level) -> Body {
    match level {
        Level::Township => Body::township(),
        Level::Street => Body { name: "东湖街道办事处".into(), we: "我街道".into(), level },
        Level::Department => Body { name: "青石县市场监督管理局".into(), we: "我局".into(), level },
        Level::Government => Body { name: "青石县人民政府".into(), we: "我县".into(), level },
    }
}

/// The case's report and the byte span of its sentence in it.
fn document(case: &Case, tables: &Tables) -> (String, std::ops::Range<usize>) {
    let mut doc = Doc::plain(case.year, body_of(case.body), tables.clone());
    // the sentence opens its section (after 一's lead paragraph), as real
    // reports put their statement of numbers
    let at = usize::from(case.section == 0);
    doc.sections[case.section].insert(at, case.sentence.clone());
    let text = doc.render();
    let start = text.find(&case.sentence).expect("sentence in document");
    assert_eq!(text.matches(&case.sentence).count(), 1, "{}: sentence occurs twice", case.id);
    (text, start..start + case.sentence.len())
}

// ---- running ---------------------------------------------------------------

#[derive(Default, Debug)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    /// Cases that expect this rule and pass entirely.
    cases_pass: usize,
    cases: usize,
}

struct Outcome {
    pass: bool,
    detail: String,
}

fn matches_token(text: &str, f: &nianbao_core::Finding, token: &str) -> bool {
    let span = text.get(f.span.start..f.span.end).unwrap_or("");
    let t = ascii_digits(token);
    [span, f.message.as_str()].iter().any(|s| s.contains(token) || ascii_digits(s).replace(' ', "").contains(&t))
}

fn run_case(case: &Case, scores: &mut BTreeMap<String, Score>) -> Outcome {
    let tables = match build_tables(&case.table) {
        Ok(t) => t,
        Err(e) => panic!("{} ({}): {e}", case.id, case.origin),
    };
    if let Err(e) = check_mentions(case, &tables) {
        panic!("{} ({}): mentions: {e}", case.id, case.origin);
    }
    let (text, span) = document(case, &tables);
    // as a user runs it: the year comes from the title and statistics period
    let findings = nianbao_core::analyze(&text, &nianbao_core::Config::default()).findings;
    let (inside, outside): (Vec<_>, Vec<_>) =
        findings.iter().partition(|f| f.span.start < span.end && f.span.end.max(f.span.start + 1) > span.start);
    let mut used = vec![false; inside.len()];
    let mut detail = String::new();
    let mut pass = true;
    for (rule, token) in &case.findings {
        let hit = inside
            .iter()
            .enumerate()
            .find(|(i, f)| !used[*i] && f.rule == rule && matches_token(&text, f, token))
            .map(|(i, _)| i);
        let s = scores.entry(rule.clone()).or_default();
        match hit {
            Some(i) => {
                used[i] = true;
                s.tp += 1;
            }
            None => {
                s.fn_ += 1;
                pass = false;
                detail.push_str(&format!("  missed   {rule} {token}\n"));
            }
        }
    }
    for (i, f) in inside.iter().enumerate() {
        if !used[i] {
            scores.entry(f.rule.to_string()).or_default().fp += 1;
            pass = false;
            detail.push_str(&format!(
                "  false    {} at {:?}: {}\n",
                f.rule,
                &text[f.span.start..f.span.end],
                f.message
            ));
        }
    }
    for f in &outside {
        scores.entry(f.rule.to_string()).or_default().fp += 1;
        pass = false;
        let shown: String = text[f.span.start..f.span.end].chars().take(30).collect();
        detail.push_str(&format!("  elsewhere {} at {shown:?}: {}\n", f.rule, f.message));
    }
    let rules: BTreeSet<&String> = case.findings.iter().map(|(r, _)| r).collect();
    for rule in rules {
        let s = scores.entry(rule.clone()).or_default();
        s.cases += 1;
        if pass {
            s.cases_pass += 1;
        }
    }
    Outcome { pass, detail }
}

#[test]
fn the_plain_report_around_the_cases_is_clean() {
    // the frame every case is put in must produce nothing on its own, or a
    // case's result would be the frame's
    for level in [Level::Township, Level::Street, Level::Department, Level::Government] {
        for year in [2020, 2024, 2025] {
            let t = build_tables("一=10+2 二=1 （四）1=2 四=1").unwrap();
            let text = Doc::plain(year, body_of(level), t).render();
            let f = nianbao_core::analyze(&text, &nianbao_core::Config::default()).findings;
            let shown: Vec<_> = f.iter().map(|f| (f.rule, f.message.clone())).collect();
            assert!(f.is_empty(), "{level:?} {year}: {shown:#?}\n{text}");
        }
    }
}

#[test]
fn malformed_cases_are_rejected() {
    let bad = [
        "== a\n> 收到申请12件。\nmentions: 12 件 whole 三.一.总计\nfindings: none\n",
        "== a\n> 收到申请12件。\nmentions: 12 件 single 三.八.总计\nfindings: none\n",
        "== a\n> 收到申请12件。\nfindings: none\n",
        "== a\n> 收到申请12件。\nmentions: 12 件 single 三.一.总计\nfindings: prose/number 12\n",
        "== a\nsection: 七\n> 收到申请12件。\nmentions: none\nfindings: none\n",
    ];
    for b in bad {
        assert!(parse_file("t", b, &mut Vec::new()).is_err(), "accepted: {b}");
    }
    let ok = "== a\ntable: 一=12\n> 收到申请12件。\nmentions: 12 件 single 三.一.总计\nfindings: none\n";
    let mut v = Vec::new();
    parse_file("t", ok, &mut v).unwrap();
    check_mentions(&v[0], &build_tables(&v[0].table).unwrap()).unwrap();
    // a mention that disagrees with its own table without saying so is a typo
    let typo = "== a\ntable: 一=11\n> 收到申请12件。\nmentions: 12 件 single 三.一.总计\nfindings: none\n";
    let mut v = Vec::new();
    parse_file("t", typo, &mut v).unwrap();
    assert!(check_mentions(&v[0], &build_tables(&v[0].table).unwrap()).is_err());
    // parts above their total must expect enumeration-sum
    let over = "== a\n> 发布信息10条，其中动态8条、文件5条。\nmentions: 10 条 total - | 8 条 part - | 5 条 part -\nfindings: none\n";
    let mut v = Vec::new();
    parse_file("t", over, &mut v).unwrap();
    assert!(check_mentions(&v[0], &Tables::default()).is_err());
    assert!(Value::parse("70~75").is_err() && Value::parse("100~199").is_ok());
}

#[test]
fn every_phrase_case_gets_the_findings_a_reviewer_expects() {
    let cases = load();
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    let mut failed = Vec::new();
    let mut clean_cases = (0, 0);
    for case in &cases {
        let out = run_case(case, &mut scores);
        if case.findings.is_empty() {
            clean_cases.0 += 1;
            if out.pass {
                clean_cases.1 += 1;
            }
        }
        if !out.pass {
            failed.push(format!("{} ({}): {}\n{}", case.id, case.origin, case.sentence, out.detail));
        }
    }
    println!("phrase corpus: {} cases, {} pass", cases.len(), cases.len() - failed.len());
    println!("cases expecting no finding: {}, clean today: {}", clean_cases.0, clean_cases.1);
    println!(
        "{:<30} {:>5} {:>5} {:>5} {:>9} {:>7} {:>12}",
        "rule", "tp", "fp", "fn", "precision", "recall", "cases pass"
    );
    for (rule, s) in &scores {
        let p = if s.tp + s.fp == 0 { 1.0 } else { s.tp as f64 / (s.tp + s.fp) as f64 };
        let r = if s.tp + s.fn_ == 0 { 1.0 } else { s.tp as f64 / (s.tp + s.fn_) as f64 };
        println!(
            "{rule:<30} {:>5} {:>5} {:>5} {p:>9.2} {r:>7.2} {:>7}/{:<4}",
            s.tp, s.fp, s.fn_, s.cases_pass, s.cases
        );
    }
    for f in failed.iter().take(400) {
        println!("FAIL {f}");
    }
    assert!(cases.len() >= 400, "the corpus holds {} cases, fewer than 400", cases.len());
    assert!(failed.is_empty(), "{} of {} phrase cases fail (listed above)", failed.len(), cases.len());
}

/// The prose layer's reading of each sentence — every counted quantity with
/// its value, measure word, scope and table cell — against the annotation.
/// A case agrees when the lists are equal; the test prints every
/// disagreement and requires agreement on nearly all cases (the notation's
/// finer distinctions, such as `member` against `single`, are a matter of
/// reading; a wrong value or cell is not).
#[test]
fn every_phrase_case_reads_its_counts_as_annotated() {
    let cases = load();
    let (mut agree, mut cells_agree) = (0usize, 0usize);
    let mut shown = String::new();
    for case in &cases {
        let tables = build_tables(&case.table).unwrap();
        let (text, span) = document(case, &tables);
        let report = nianbao_core::Report::build(&text, &nianbao_core::Config::default());
        let prose = nianbao_core::model::prose::Prose::read(&text, &report);
        let got = prose.describe_in(nianbao_core::Span::new(span.start, span.end));
        let want: Vec<String> =
            case.mentions.iter().map(|m| m.raw.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
        // value, measure and cell, scope aside
        let strip = |v: &[String]| -> Vec<String> {
            v.iter()
                .map(|m| {
                    let f: Vec<&str> = m.split(' ').collect();
                    format!("{} {} {}", f[0], f.get(1).unwrap_or(&""), f.get(3).unwrap_or(&""))
                })
                .collect()
        };
        if got == want {
            agree += 1;
        } else {
            shown.push_str(&format!(
                "{} ({}): {}\n   read: {}\n   want: {}\n",
                case.id,
                case.origin,
                case.sentence,
                got.join(" | "),
                want.join(" | ")
            ));
        }
        if strip(&got) == strip(&want) {
            cells_agree += 1;
        }
    }
    println!("{shown}");
    println!(
        "mentions: {agree}/{} cases read exactly as annotated; {cells_agree} with the same values and cells",
        cases.len()
    );
    assert!(cells_agree * 100 >= cases.len() * 92, "values and cells agree on {cells_agree}/{} cases", cases.len());
    assert!(agree * 100 >= cases.len() * 80, "read exactly as annotated: {agree}/{} cases", cases.len());
}
