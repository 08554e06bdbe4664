//! tally: the arithmetic of tables 三 and 四.

pub mod balance;
pub mod result_total;
pub mod review_total;
pub mod row_total;

use crate::config::FormatVersion;
use crate::model::MappedTable;
use crate::model::standard::t3;

/// The rows that add up to （七）总计 in this table's format.
pub fn result_items(t: &MappedTable) -> Vec<usize> {
    let mut v: Vec<usize> = (t3::OPEN..t3::OTHER.start).collect();
    if t.version == FormatVersion::Trial2019 {
        v.push(t3::OTHER_2019);
    } else {
        v.extend(t3::OTHER);
    }
    v
}

/// A cell read as a count for the sums: a number no larger than
/// `MAX_COUNT` (a larger one is table/bad-cell's to report, and a sum with
/// it is not checked rather than wrapped).
pub fn count(t: &MappedTable, spec: usize, col: usize) -> Option<i64> {
    t.int(spec, col).filter(|v| v.abs() <= crate::check::table::MAX_COUNT)
}

/// The sum of the counts, `None` when one is missing or the sum overflows.
pub fn sum(parts: impl IntoIterator<Item = Option<i64>>) -> Option<i64> {
    parts.into_iter().try_fold(0i64, |acc, v| acc.checked_add(v?))
}
