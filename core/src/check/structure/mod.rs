//! structure: the six sections and their tables.

pub mod empty_section;
pub mod heading_typo;
pub mod missing_section;
pub mod missing_table;
pub mod section_order;

use crate::model::sections::spec;

/// "三、收到和处理政府信息公开申请情况"
pub fn standard_heading(number: u32) -> String {
    format!("{}、{}", crate::syntax::normalize::cn_numeral_char(number as usize), spec(number).title)
}
