//! Replacing a damaged or outdated table with the standard one, keeping
//! every number that maps onto a standard cell and computing the totals the
//! draft left out.

use super::skeleton;
use crate::config::FormatVersion;
use crate::finding::Edit;
use crate::model::standard::{T3_TOTAL_COL, t3, t4};
use crate::model::{MappedTable, TableId};
use crate::syntax::TableStyle;
use crate::syntax::normalize::CellValue;

/// The numbers of one standard row, by standard column; `None` where the
/// draft has nothing usable (a blank, a stand-in, text, a dropped column):
/// the rebuilt table writes 0 there unless its row's sums say otherwise.
fn row_values(t: &MappedTable, spec: usize, ncols: usize) -> Vec<Option<String>> {
    let Some(row) = t.row(spec) else { return vec![None; ncols] };
    let text_of = |c: &crate::syntax::Cell| match &c.value {
        CellValue::Int(v) => Some(v.to_string()),
        CellValue::Decimal(v) => Some(v.to_string()),
        CellValue::WithUnit(v) => Some(v.to_string()),
        CellValue::Empty | CellValue::Placeholder | CellValue::Text => None,
    };
    let cols: Vec<usize> = match t.id {
        TableId::Two => (0..ncols).collect(),
        _ => t.columns.clone(),
    };
    let mut out = vec![None; ncols];
    if row.width_ok() {
        for (pos, cell) in row.data.iter().enumerate() {
            if let Some(c) = t.column_of(row, pos).filter(|&c| c < ncols) {
                out[c] = text_of(cell);
            }
        }
    } else if !row.data.is_empty() {
        // Width does not match the header: which column a number belongs to
        // is unknown. When every number is the same (usually all 0) it does
        // not matter; otherwise fill from the left.
        let vals: Vec<Option<String>> = row.data.iter().map(text_of).collect();
        if vals.iter().all(|v| *v == vals[0]) {
            for &c in &cols {
                if c < ncols {
                    out[c] = vals[0].clone();
                }
            }
        } else {
            for (pos, &c) in cols.iter().enumerate() {
                if c < ncols {
                    out[c] = vals.get(pos).cloned().flatten();
                }
            }
        }
    }
    out
}

/// One cell of a row that adds up to its total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Known(i64),
    /// Empty, or a stand-in for nothing ("/", "-", "无").
    Blank,
    /// Text, a decimal, a unit, or no cell at all: nothing can be computed.
    Unknown,
}

/// The value of the blank slot `at` among `slots`, whose `total`-th slot is
/// the sum of the others. 总计 blank: the sum of the parts, the other blank
/// parts counting 0 (their own fix writes 0). A part blank: 总计 minus the
/// other parts, when all of them are numbers and the result is not negative.
fn implied(slots: &[Slot], total: usize, at: usize) -> Option<i64> {
    if slots.get(at) != Some(&Slot::Blank) || total >= slots.len() {
        return None;
    }
    let parts = (0..slots.len()).filter(|&i| i != total);
    if at == total {
        let mut sum: i64 = 0;
        for i in parts {
            match slots[i] {
                Slot::Known(v) => sum = sum.checked_add(v)?,
                Slot::Blank => {}
                Slot::Unknown => return None,
            }
        }
        return Some(sum);
    }
    let Slot::Known(mut left) = slots[total] else { return None };
    for i in parts.filter(|&i| i != at) {
        match slots[i] {
            Slot::Known(v) => left = left.checked_sub(v)?,
            _ => return None,
        }
    }
    (left >= 0).then_some(left)
}

/// Fill the `None` cells of a row whose `total`-th cell is the sum of the
/// others, as [`implied`] reads it: a missing 总计 is the sum of the parts
/// (the other missing parts are written 0), one missing part is 总计 minus
/// the rest. What cannot be computed stays `None` (written 0).
fn fill(vals: &mut [Option<String>], total: usize) {
    let slots = |vals: &[Option<String>]| -> Vec<Slot> {
        vals.iter()
            .map(|v| match v {
                None => Slot::Blank,
                Some(s) => s.parse().map_or(Slot::Unknown, Slot::Known),
            })
            .collect()
    };
    if let Some(v) = implied(&slots(vals), total, total) {
        vals[total] = Some(v.to_string());
    }
    let now = slots(vals);
    for (at, val) in vals.iter_mut().enumerate() {
        if let Some(v) = implied(&now, total, at) {
            *val = Some(v.to_string());
        }
    }
}

/// The sum of cells, a missing one counting 0 as the rebuilt table writes it.
fn sum(vals: &[Option<String>]) -> Option<String> {
    let mut total: i64 = 0;
    for v in vals.iter().flatten() {
        total = total.checked_add(v.parse::<i64>().ok()?)?;
    }
    Some(total.to_string())
}

/// The standard table, in `style`, holding the draft's numbers.
pub fn render(t: &MappedTable, style: TableStyle, format: FormatVersion) -> String {
    match t.id {
        TableId::Three => {
            let mut grid: Vec<Vec<Option<String>>> =
                t3::ALL_ROWS.map(|r| row_values(t, r, t3::COLUMNS.len())).collect();
            // 2019's single （六）其他处理 row becomes 2021's 3.其他 and back
            if format == FormatVersion::Standard2021 && t.row(t3::OTHER_2019).is_some() {
                grid[t3::OTHER.end - 1] = grid[t3::OTHER_2019].clone();
            }
            if format == FormatVersion::Trial2019 && t3::OTHER.clone().any(|r| t.row(r).is_some()) {
                grid[t3::OTHER_2019] =
                    t3::COLUMNS.map(|c| sum(&t3::OTHER.map(|r| grid[r][c].clone()).collect::<Vec<_>>())).collect();
            }
            let items: Vec<usize> = if format == FormatVersion::Trial2019 {
                (t3::OPEN..t3::OTHER.start).chain([t3::OTHER_2019]).collect()
            } else {
                (t3::OPEN..t3::TOTAL).collect()
            };
            // a missing or blank 总计 is the sum of the six applicant columns,
            // a single missing applicant cell 总计 minus the others
            for r in grid.iter_mut() {
                fill(r, T3_TOTAL_COL);
            }
            if t.row(t3::TOTAL).is_none() {
                grid[t3::TOTAL] =
                    t3::COLUMNS.map(|c| sum(&items.iter().map(|&r| grid[r][c].clone()).collect::<Vec<_>>())).collect();
            }
            let values = |r: usize, c: usize| grid[r][c].clone().unwrap_or_else(|| "0".to_string());
            skeleton::table_with(TableId::Three, style, format, &values)
        }
        TableId::Four => {
            let mut vals = row_values(t, 0, 15);
            // each group's 总计 is the sum of its four results
            for g in 0..3 {
                fill(&mut vals[t4::col(g, 0)..t4::col(g + 1, 0)], t4::TOTAL);
            }
            let values = |_: usize, c: usize| vals[c].clone().unwrap_or_else(|| "0".to_string());
            skeleton::table_with(TableId::Four, style, format, &values)
        }
        TableId::Two => {
            let same = t.version == format;
            let n = if format == FormatVersion::Trial2019 { 8 } else { 6 };
            let grid: Vec<Vec<Option<String>>> = (0..n)
                .map(|r| {
                    if same {
                        return row_values(t, r, 3);
                    }
                    // between formats only the counts that mean the same move over
                    let from = match (format, r) {
                        (FormatVersion::Standard2021, 0..=1) => Some((r, [Some(0), None, Some(2)])),
                        (FormatVersion::Standard2021, 2..=4) => Some(([2, 4, 5][r - 2], [Some(2), None, None])),
                        (FormatVersion::Trial2019, 0..=1) => Some((r, [Some(0), None, Some(2)])),
                        (FormatVersion::Trial2019, 2) => Some((2, [None, None, Some(0)])),
                        (FormatVersion::Trial2019, 4..=5) => Some((r - 1, [None, None, Some(0)])),
                        _ => None,
                    };
                    match from {
                        Some((src, map)) => {
                            let v = row_values(t, src, 3);
                            map.iter().map(|m| m.and_then(|i| v[i].clone())).collect()
                        }
                        None => vec![None; 3],
                    }
                })
                .collect();
            let values = |r: usize, c: usize| grid[r][c].clone().unwrap_or_else(|| "0".to_string());
            skeleton::table_with(TableId::Two, style, format, &values)
        }
    }
}

/// The edit that swaps the whole table (all its parts) for the standard one.
pub fn replace_edit(text: &str, t: &MappedTable, format: FormatVersion) -> Edit {
    let style = match t.style {
        TableStyle::Markdown => TableStyle::Markdown,
        _ => TableStyle::Tsv,
    };
    let mut span = t.span;
    if let Some(h) = t.header_span {
        span = span.cover(h);
    }
    let line_break = if text[span.end..].starts_with("\r\n") || text.contains("\r\n") { "\r\n" } else { "\n" };
    let body = render(t, style, format);
    let body = body.trim_end_matches('\n').replace('\n', line_break);
    Edit::replace(span, body)
}
