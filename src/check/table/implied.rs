//! The value a blank cell must hold so that its row (table 三: six
//! applicant columns and 总计) or its group (table 四: four results and
//! 总计) adds up. A blank 总计 in a row that has values is that row's sum,
//! not 0; a blank applicant cell is 总计 minus the others when every other
//! cell is a number.

use crate::model::{MappedTable, TableId};
use crate::syntax::normalize::CellValue;

/// One cell of a row that adds up to its total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
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
pub fn implied(slots: &[Slot], total: usize, at: usize) -> Option<i64> {
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

/// The standard columns that add up with `col`, and which of them is the total.
fn group_of(t: &MappedTable, col: usize) -> Option<(std::ops::Range<usize>, usize)> {
    match t.id {
        TableId::Three => Some((0..7, 6)),
        TableId::Four => {
            let g = col / 5 * 5;
            Some((g..g + 5, g + 4))
        }
        TableId::Two => None,
    }
}

/// Whether `col` is a total (its blank is filled by a sum, which no other
/// figure can contradict).
pub fn is_total(t: &MappedTable, col: usize) -> bool {
    group_of(t, col).is_some_and(|(_, total)| total == col)
}

/// The value the blank cell (`spec`, `col`) of a mapped table must hold.
pub fn blank_value(t: &MappedTable, spec: usize, col: usize) -> Option<i64> {
    let (cols, total) = group_of(t, col)?;
    let slots: Vec<Slot> = cols
        .clone()
        .map(|c| match t.cell(spec, c).map(|x| &x.value) {
            Some(CellValue::Int(v)) => Slot::Known(*v),
            Some(CellValue::Empty | CellValue::Placeholder) => Slot::Blank,
            _ => Slot::Unknown,
        })
        .collect();
    implied(&slots, total - cols.start, col - cols.start)
}

#[cfg(test)]
mod tests {
    use super::Slot::*;
    use super::*;

    #[test]
    fn total_is_the_sum_and_a_part_the_difference() {
        assert_eq!(implied(&[Known(3), Known(2), Blank], 2, 2), Some(5));
        assert_eq!(implied(&[Known(3), Blank, Blank], 2, 2), Some(3));
        assert_eq!(implied(&[Known(3), Blank, Known(5)], 2, 1), Some(2));
        // two blank parts: either could hold the difference
        assert_eq!(implied(&[Blank, Blank, Known(5)], 2, 1), None);
        // the others say the blank part would be negative
        assert_eq!(implied(&[Known(7), Blank, Known(5)], 2, 1), None);
        assert_eq!(implied(&[Unknown, Known(1), Blank], 2, 2), None);
        // only a blank slot has an implied value
        assert_eq!(implied(&[Known(1), Known(1), Known(2)], 2, 2), None);
    }
}
