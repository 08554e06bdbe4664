//! The table cell (or sum of cells) a phrase of the text counts, and its value.

use crate::model::standard::{T3_TOTAL_COL, t3, t4};
use crate::model::{MappedTable, Report, TableId};
use crate::span::Span;

/// A set of table-三 rows (bit i = row spec i), summed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rows(pub u32);

const fn bits(r: std::ops::Range<usize>) -> u32 {
    let mut b = 0;
    let mut i = r.start;
    while i < r.end {
        b |= 1 << i;
        i += 1;
    }
    b
}

impl Rows {
    pub const NEW: Rows = Rows(1 << t3::NEW);
    pub const CARRIED_IN: Rows = Rows(1 << t3::CARRIED_IN);
    pub const OPEN: Rows = Rows(1 << t3::OPEN);
    pub const PARTIAL: Rows = Rows(1 << t3::PARTIAL);
    pub const WITHHELD: Rows = Rows(bits(t3::WITHHELD));
    pub const UNAVAILABLE: Rows = Rows(bits(t3::UNAVAILABLE));
    pub const NOT_PROCESSED: Rows = Rows(bits(t3::NOT_PROCESSED));
    /// （六）其他处理: its three items (2021) or its single row (2019).
    pub const OTHER: Rows = Rows(bits(t3::OTHER) | 1 << t3::OTHER_2019);
    pub const TOTAL: Rows = Rows(1 << t3::TOTAL);
    pub const CARRIED_OUT: Rows = Rows(1 << t3::CARRIED_OUT);
    /// Every result row that （七）总计 adds up.
    const RESULTS: Rows = Rows(bits(t3::OPEN..t3::TOTAL) | 1 << t3::OTHER_2019);

    pub fn item(row: usize) -> Rows {
        Rows(1 << row)
    }
    pub fn union(self, o: Rows) -> Rows {
        Rows(self.0 | o.0)
    }
    /// The rows this figure is made of: （七）总计 is the sum of the results.
    fn extent(self) -> u32 {
        if self.0 & Rows::TOTAL.0 != 0 { (self.0 & !Rows::TOTAL.0) | Rows::RESULTS.0 } else { self.0 }
    }
    fn contains(self, row: usize) -> bool {
        self.0 & (1 << row) != 0
    }
}

/// Which applicant columns of table 三.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cols {
    Total,
    Natural,
    /// The five 法人或其他组织 columns together.
    Orgs,
    /// One organisation column, 1..=5.
    One(usize),
}

impl Cols {
    /// Two columns a label names: the narrower when one holds the other
    /// ("法人或其他组织中商业企业"), else both ("公民、法人或其他组织" is all of
    /// them).
    pub fn with(self, other: Cols) -> Cols {
        let (a, b) = (self.set(), other.set());
        if b & !a == 0 {
            other
        } else if a & !b == 0 {
            self
        } else if (a | b) & 1 != 0 {
            Cols::Total
        } else {
            Cols::Orgs
        }
    }

    fn set(self) -> u32 {
        match self {
            Cols::Total => 0b11_1111,
            Cols::Natural => 1,
            Cols::Orgs => 0b11_1110,
            Cols::One(c) => 1 << c,
        }
    }
}

/// The three column groups of table 四, and 行政诉讼 as the sum of the two
/// litigation groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group4 {
    Review,
    Direct,
    AfterReview,
    Litigation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// Table 三: the sum of `rows` in `cols`; `or` is another reading that
    /// the wording allows ("收到申请" is 一, or 一+二 for some drafts).
    Three { rows: Rows, cols: Cols, or: Option<Rows> },
    /// Table 四: a group's result column (0..4; 4 is 总计).
    Four { group: Group4, col: usize },
    /// Table 二: a standard row and column.
    Two { row: usize, col: usize },
}

impl Target {
    pub fn three(rows: Rows) -> Target {
        Target::Three { rows, cols: Cols::Total, or: None }
    }

    /// Whether `self` is a proper part of `whole`: fewer rows in the same
    /// columns, or the same rows in fewer columns.
    pub fn part_of(&self, whole: &Target) -> bool {
        match (self, whole) {
            (Target::Three { rows: a, cols: ca, .. }, Target::Three { rows: b, cols: cb, or }) => {
                let within = |b: Rows| {
                    let (ea, eb) = (a.extent(), b.extent());
                    let (sa, sb) = (ca.set(), cb.set());
                    ea & !eb == 0 && sa & !sb == 0 && (ea != eb || sa != sb)
                };
                within(*b) || or.is_some_and(within)
            }
            (Target::Four { group: ga, col: a }, Target::Four { group: gb, col: b }) => {
                let group_in =
                    ga == gb || (*gb == Group4::Litigation && matches!(ga, Group4::Direct | Group4::AfterReview));
                group_in && (*b == 4 || a == b) && (ga, a) != (gb, b)
            }
            _ => false,
        }
    }

    /// The notation of the phrase corpus (tests/phrases): `三.一.总计`,
    /// `三.（三）+（四）.总计`, `四.诉讼.总计`, `二.规章.本年制发`.
    pub fn describe(&self) -> String {
        match self {
            Target::Three { rows, cols, .. } => {
                let col = match cols {
                    Cols::Total => "总计",
                    Cols::Natural => "自然人",
                    Cols::Orgs => "法人",
                    Cols::One(c) => crate::model::standard::T3_COLUMNS[*c],
                };
                format!("三.{}.{col}", row_names(*rows).join("+"))
            }
            Target::Four { group, col } => {
                let g = match group {
                    Group4::Review => "复议",
                    Group4::Direct => "直接起诉",
                    Group4::AfterReview => "复议后起诉",
                    Group4::Litigation => "诉讼",
                };
                format!("四.{g}.{}", crate::model::standard::T4_RESULTS[*col])
            }
            Target::Two { row, col } => {
                let spec = &crate::model::standard::T2_ROWS[*row];
                if spec.columns.len() == 1 {
                    format!("二.{}", spec.name)
                } else {
                    let c = spec.columns[*col].trim_end_matches("件数");
                    format!("二.{}.{c}", spec.name)
                }
            }
        }
    }

    /// Whether the text's figure can be held to the table's: 行政事业性收费
    /// is an amount in 万元, written with any precision.
    pub fn comparable(&self) -> bool {
        !matches!(self, Target::Two { row: 5, .. })
    }
}

/// Names of a row set, as the groups and rows of table 三 are called.
fn row_names(rows: Rows) -> Vec<String> {
    let groups: [(Rows, &str); 4] = [
        (Rows::WITHHELD, "（三）"),
        (Rows::UNAVAILABLE, "（四）"),
        (Rows::NOT_PROCESSED, "（五）"),
        (Rows(bits(t3::OTHER)), "（六）"),
    ];
    let mut left = rows.0;
    let mut out = Vec::new();
    for i in 0..26 {
        if left & (1 << i) == 0 {
            continue;
        }
        if let Some((g, name)) = groups.iter().find(|(g, _)| g.contains(i)) {
            if left & g.0 == g.0 {
                out.push(name.to_string());
                left &= !g.0;
                if i == t3::OTHER.start {
                    left &= !(1 << t3::OTHER_2019);
                }
                continue;
            }
            let first = t3::ALL_ROWS.filter(|&k| g.contains(k)).min().unwrap_or(i);
            out.push(format!("{name}{}", i - first + 1));
            left &= !(1 << i);
            continue;
        }
        let name = match i {
            t3::NEW => "一",
            t3::CARRIED_IN => "二",
            t3::OPEN => "（一）",
            t3::PARTIAL => "（二）",
            t3::TOTAL => "（七）",
            t3::CARRIED_OUT => "四",
            _ => "（六）",
        };
        out.push(name.to_string());
        left &= !(1 << i);
    }
    out
}

/// What the tables hold for a target: the value, the cell or cells to point
/// at, and the name to show ("表三一、本年新收·总计").
pub struct TableValue {
    pub value: i64,
    pub span: Span,
    pub name: String,
}

/// Every reading of `target` that the tables can answer (two for
/// ambiguous wording), first the main one.
pub fn table_values(report: &Report, target: &Target) -> Vec<TableValue> {
    match target {
        Target::Three { rows, cols, or } => {
            let Some(t) = report.table(TableId::Three) else { return Vec::new() };
            [Some(*rows), *or].into_iter().flatten().filter_map(|r| three_value(t, r, *cols)).collect()
        }
        Target::Four { group, col } => {
            let Some(t) = report.table(TableId::Four) else { return Vec::new() };
            four_value(t, *group, *col).into_iter().collect()
        }
        Target::Two { row, col } => {
            let Some(t) = report.table(TableId::Two) else { return Vec::new() };
            // the 2019 table 二 has other rows and columns
            if t.version == crate::config::FormatVersion::Trial2019 {
                return Vec::new();
            }
            let spec = &crate::model::standard::T2_ROWS[*row];
            let (Some(v), Some(c)) = (t.int(*row, *col), t.cell(*row, *col)) else { return Vec::new() };
            let col_name = spec.columns[*col];
            vec![TableValue { value: v, span: c.span, name: format!("表二{}·{col_name}", spec.name) }]
        }
    }
}

/// One cell of a table-三 row in `cols`; without a 总计 column the total is
/// the sum of the six applicant columns.
fn three_cell(t: &MappedTable, row: usize, cols: Cols) -> Option<(i64, Span, bool)> {
    let has_total = t.columns.contains(&T3_TOTAL_COL);
    let sum = |range: std::ops::Range<usize>| -> Option<(i64, Span)> {
        let r = t.row(row)?;
        let mut v: i64 = 0;
        for c in range {
            v = v.checked_add(t.int(row, c)?)?;
        }
        Some((v, r.label))
    };
    match cols {
        Cols::Total if has_total => Some((t.int(row, T3_TOTAL_COL)?, t.cell(row, T3_TOTAL_COL)?.span, false)),
        Cols::Total => {
            let r = t.row(row)?;
            if !r.width_ok() {
                return None;
            }
            sum(t3::APPLICANTS).map(|(v, s)| (v, s, true))
        }
        Cols::Natural => Some((t.int(row, 0)?, t.cell(row, 0)?.span, false)),
        Cols::One(c) => Some((t.int(row, c)?, t.cell(row, c)?.span, false)),
        Cols::Orgs => sum(t3::ORGS).map(|(v, s)| (v, s, true)),
    }
}

fn three_value(t: &MappedTable, rows: Rows, cols: Cols) -> Option<TableValue> {
    let trial = t.version == crate::config::FormatVersion::Trial2019;
    let mut present = rows.0;
    // （六）其他处理 is three items in 2021, one row in 2019
    if rows.0 & Rows::OTHER.0 == Rows::OTHER.0 {
        present &= if trial { !bits(t3::OTHER) } else { !(1 << t3::OTHER_2019) };
    }
    let mut value: i64 = 0;
    let mut span: Option<Span> = None;
    let mut computed = false;
    let mut count = 0;
    for row in t3::ALL_ROWS.filter(|&r| present & (1 << r) != 0) {
        let (v, s, c) = match three_cell(t, row, cols) {
            Some(x) => x,
            // （七）总计 missing: the sum of its items
            None if row == t3::TOTAL => {
                let items = result_rows(trial);
                let tv = three_value(t, items, cols)?;
                (tv.value, tv.span, true)
            }
            None => return None,
        };
        value = value.checked_add(v)?;
        span = Some(span.map_or(s, |x: Span| x.cover(s)));
        computed |= c;
        count += 1;
    }
    let rows_name = row_title(rows);
    let col_name = match cols {
        Cols::Total if computed && !t.columns.contains(&T3_TOTAL_COL) => "六类申请人合计".to_string(),
        Cols::Total => "总计".to_string(),
        Cols::Natural => "自然人".to_string(),
        Cols::Orgs => "法人或其他组织合计".to_string(),
        Cols::One(c) => crate::model::standard::T3_COLUMNS[c].to_string(),
    };
    let name = if count > 1 && !matches!(cols, Cols::Orgs) && col_name == "总计" {
        format!("表三{rows_name}合计")
    } else {
        format!("表三{rows_name}·{col_name}")
    };
    Some(TableValue { value, span: span?, name })
}

/// The result rows of a format, whose sum is （七）总计.
pub(crate) fn result_rows(trial: bool) -> Rows {
    let mut r = Rows(bits(t3::OPEN..t3::TOTAL));
    if trial {
        r = Rows((r.0 & !bits(t3::OTHER)) | 1 << t3::OTHER_2019);
    }
    r
}

/// How the messages name a row set: the standard's own short names.
fn row_title(rows: Rows) -> String {
    let names = row_names(rows);
    let long = |n: &str| -> String {
        match n {
            "一" => "一、本年新收".into(),
            "二" => "二、上年结转".into(),
            "（一）" => "（一）予以公开".into(),
            "（二）" => "（二）部分公开".into(),
            "（三）" => "（三）不予公开".into(),
            "（四）" => "（四）无法提供".into(),
            "（五）" => "（五）不予处理".into(),
            "（六）" => "（六）其他处理".into(),
            "（七）" => "（七）总计".into(),
            "四" => "四、结转下年度".into(),
            other => other.into(),
        }
    };
    names.iter().map(|n| long(n)).collect::<Vec<_>>().join("＋")
}

fn four_value(t: &MappedTable, group: Group4, col: usize) -> Option<TableValue> {
    let cell = |g: usize| t.int(t4::ROW, t4::col(g, col)).zip(t.cell(t4::ROW, t4::col(g, col)).map(|c| c.span));
    let col_name = crate::model::standard::T4_RESULTS[col];
    let (value, span, name) = match group {
        Group4::Review => {
            let (v, s) = cell(0)?;
            (v, s, format!("表四行政复议·{col_name}"))
        }
        Group4::Direct => {
            let (v, s) = cell(1)?;
            (v, s, format!("表四未经复议直接起诉·{col_name}"))
        }
        Group4::AfterReview => {
            let (v, s) = cell(2)?;
            (v, s, format!("表四复议后起诉·{col_name}"))
        }
        Group4::Litigation => {
            let ((a, s1), (b, s2)) = (cell(1)?, cell(2)?);
            (a.checked_add(b)?, s1.cover(s2), format!("表四行政诉讼（直接起诉＋复议后起诉）{col_name}"))
        }
    };
    Some(TableValue { value, span, name })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_parts() {
        assert_eq!(Target::three(Rows::NEW).describe(), "三.一.总计");
        assert_eq!(Target::three(Rows::WITHHELD.union(Rows::UNAVAILABLE)).describe(), "三.（三）+（四）.总计");
        assert_eq!(Target::three(Rows::item(t3::WITHHELD.start + 3)).describe(), "三.（三）4.总计");
        assert_eq!(Target::three(Rows::OTHER).describe(), "三.（六）.总计");
        let natural = Target::Three { rows: Rows::NEW, cols: Cols::Natural, or: None };
        assert!(natural.part_of(&Target::three(Rows::NEW)));
        assert!(Target::three(Rows::OPEN).part_of(&Target::three(Rows::TOTAL)));
        assert!(!Target::three(Rows::NEW).part_of(&Target::three(Rows::TOTAL)));
        let received =
            Target::Three { rows: Rows::NEW, cols: Cols::Total, or: Some(Rows::NEW.union(Rows::CARRIED_IN)) };
        assert!(Target::three(Rows::CARRIED_IN).part_of(&received));
        let direct = Target::Four { group: Group4::Direct, col: 4 };
        assert!(direct.part_of(&Target::Four { group: Group4::Litigation, col: 4 }));
        assert_eq!(direct.describe(), "四.直接起诉.总计");
    }
}
