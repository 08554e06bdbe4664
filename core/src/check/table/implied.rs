//! What a "/" or an empty data cell stands for, judged from the rest of the
//! document, so that `--fix` writes only what nothing contradicts.
//!
//! A "/" is usually "none", i.e. 0 — but not in a row whose 总计 says 13
//! while the other cells add up to 3: there the "/" hides 10, and writing 0
//! would make the correct 总计 look wrong. Every sum the tally rules check
//! that contains the cell is consulted:
//!
//! * one where every other cell is a number determines the cell's value;
//! * one where other cells are also "/" or empty must hold with all of them
//!   read as 0 (their own fixes) and this cell at the candidate value;
//! * one with a cell that is not a number at all (text, a decimal, an
//!   absent column) says nothing.
//!
//! The fix is safe only when the determined values agree (0 when there are
//! none) and every other sum holds; otherwise it is offered, not applied.

use super::MAX_COUNT;
use crate::check::tally::result_items;
use crate::finding::{Edit, Finding};
use crate::model::standard::{T3_TOTAL_COL, t3, t4};
use crate::model::{MappedTable, TableId};
use crate::span::Span;
use crate::syntax::normalize::CellValue;

/// `sum(left) = sum(right)` over standard (row, column) cells.
struct Sum {
    left: Vec<(usize, usize)>,
    right: Vec<(usize, usize)>,
}

/// The sums of tables 三 and 四 that contain cell (spec, col), exactly those
/// the tally rules check (row-total, result-total, balance, review-total).
fn sums_with(t: &MappedTable, spec: usize, col: usize) -> Vec<Sum> {
    let mut out = Vec::new();
    match t.id {
        TableId::Three => {
            out.push(Sum { left: t3::APPLICANTS.map(|c| (spec, c)).collect(), right: vec![(spec, T3_TOTAL_COL)] });
            let items = result_items(t);
            if spec == t3::TOTAL || items.contains(&spec) {
                out.push(Sum { left: items.iter().map(|&r| (r, col)).collect(), right: vec![(t3::TOTAL, col)] });
            }
            if [t3::NEW, t3::CARRIED_IN, t3::TOTAL, t3::CARRIED_OUT].contains(&spec) {
                out.push(Sum {
                    left: vec![(t3::NEW, col), (t3::CARRIED_IN, col)],
                    right: vec![(t3::TOTAL, col), (t3::CARRIED_OUT, col)],
                });
            }
        }
        TableId::Four => {
            let g = t4::key(col).0;
            out.push(Sum {
                left: t4::PARTS.map(|i| (t4::ROW, t4::col(g, i))).collect(),
                right: vec![(t4::ROW, t4::total(g))],
            });
        }
        TableId::Two => {}
    }
    out
}

enum Known {
    Value(i64),
    /// Another "/" or empty cell: read as 0, what its own fix writes.
    Placeholder,
    /// Text, a decimal, a number too large to be a count, an absent cell.
    Unusable,
}

fn known(t: &MappedTable, spec: usize, col: usize) -> Known {
    match t.cell(spec, col).map(|c| &c.value) {
        Some(CellValue::Int(v)) if v.abs() <= MAX_COUNT => Known::Value(*v),
        Some(CellValue::Placeholder | CellValue::Empty) => Known::Placeholder,
        _ => Known::Unusable,
    }
}

/// What the cell at (spec, col) should become.
#[derive(Debug, PartialEq, Eq)]
pub enum Implied {
    /// Writing this is contradicted by nothing.
    Safe(i64),
    /// Something contradicts 0; `Some(v)` when one value was determined.
    Contested(Option<i64>),
}

pub fn implied(t: &MappedTable, spec: usize, col: usize) -> Implied {
    let sums = sums_with(t, spec, col);
    let mut determined: Option<i64> = None;
    let mut disagree = false;
    // sums with other placeholders, checked once the candidate is known:
    // (left total without the cell, right total without it, cell on the left)
    let mut open: Vec<(i64, i64, bool)> = Vec::new();
    for s in &sums {
        let (mut l, mut r, mut placeholders, mut on_left) = (0i64, 0i64, false, false);
        let mut usable = true;
        for (side, cells) in [(true, &s.left), (false, &s.right)] {
            for &(rs, c) in cells {
                if (rs, c) == (spec, col) {
                    on_left = side;
                    continue;
                }
                let acc = if side { &mut l } else { &mut r };
                match known(t, rs, c) {
                    // at most 26 terms of at most 10^12: cannot overflow, but
                    // checked all the same so no future caller wraps silently
                    Known::Value(v) => match acc.checked_add(v) {
                        Some(x) => *acc = x,
                        None => usable = false,
                    },
                    Known::Placeholder => placeholders = true,
                    Known::Unusable => usable = false,
                }
            }
        }
        if !usable {
            continue;
        }
        if placeholders {
            open.push((l, r, on_left));
            continue;
        }
        let v = if on_left { r.checked_sub(l) } else { l.checked_sub(r) };
        match (v, determined) {
            (None, _) => disagree = true,
            (Some(v), Some(d)) if v != d => disagree = true,
            (Some(v), _) => determined = Some(v),
        }
    }
    let candidate = determined.unwrap_or(0);
    if disagree || !(0..=MAX_COUNT).contains(&candidate) {
        return Implied::Contested(determined.filter(|v| !disagree && (0..=MAX_COUNT).contains(v)));
    }
    let holds = |&(l, r, on_left): &(i64, i64, bool)| {
        if on_left { l.checked_add(candidate) == Some(r) } else { r.checked_add(candidate) == Some(l) }
    };
    if open.iter().all(holds) { Implied::Safe(candidate) } else { Implied::Contested(determined) }
}

/// The `table/bad-cell` finding for a "/" or empty cell: `what` says what
/// is there ("为空", "填的是“/”"). `col` is the standard column, `None`
/// when the row's width hides it; then 0 is safe only in a row with no
/// other non-zero number (nothing it could contradict is readable).
pub fn placeholder_finding(
    rule: &'static str,
    t: &MappedTable,
    spec: usize,
    col: Option<usize>,
    span: Span,
    name: String,
    what: &str,
) -> Finding {
    let implied = match col {
        Some(c) => implied(t, spec, c),
        None => {
            let row_has_numbers =
                t.row(spec).is_some_and(|r| r.data.iter().any(|c| c.value.as_int().is_some_and(|v| v != 0)));
            if row_has_numbers { Implied::Contested(None) } else { Implied::Safe(0) }
        }
    };
    let zero = |f: Finding, safe: bool| f.fix("改为 0", vec![Edit::replace(span, "0")], safe);
    match implied {
        Implied::Safe(0) => zero(Finding::new(rule, span, format!("{name}{what}，没有数据应填 0")), true),
        Implied::Safe(v) => Finding::new(rule, span, format!("{name}{what}，按合计推算应为 {v}")).fix(
            format!("改为 {v}"),
            vec![Edit::replace(span, v.to_string())],
            true,
        ),
        Implied::Contested(Some(v)) if v != 0 => zero(
            Finding::new(rule, span, format!("{name}{what}，按合计推算应为 {v}，但与其他合计不一致，请核对")).fix(
                format!("改为 {v}"),
                vec![Edit::replace(span, v.to_string())],
                false,
            ),
            false,
        ),
        Implied::Contested(_) => {
            zero(Finding::new(rule, span, format!("{name}{what}，但所在行或列的合计与填 0 不符，请核对")), false)
        }
    }
}
