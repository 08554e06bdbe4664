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
