//! table: the shape of the three fixed tables.

pub mod bad_cell;
pub mod extra_row;
pub mod implied;
pub mod missing_column;
pub mod missing_row;
pub mod outdated_format;
pub mod row_width;

use crate::model::{MappedTable, TableId};

/// The largest number read as a count. No office handles 10^12 requests; a
/// larger cell is a typo or a pasted ID and is reported as table/bad-cell,
/// never summed (sums of such cells could wrap around in a release build).
pub const MAX_COUNT: i64 = 1_000_000_000_000;

/// "表三“（三）不予公开·1.属于国家秘密”"
pub fn row_name(t: &MappedTable, spec: usize) -> String {
    match t.id {
        TableId::Four => "表四".to_string(),
        _ => format!("{}“{}”", t.id.zh(), t.row_specs()[spec].name),
    }
}

/// The name of a standard column of a row.
pub fn column_name(t: &MappedTable, spec: usize, col: usize) -> String {
    match t.id {
        TableId::Two => t.row_specs()[spec].columns.get(col).copied().unwrap_or("").to_string(),
        TableId::Three => crate::model::standard::T3_COLUMNS[col].to_string(),
        TableId::Four => t.column_names()[col].clone(),
    }
}

/// "表三（七）总计·自然人"
pub fn cell_name(t: &MappedTable, spec: usize, col: usize) -> String {
    match t.id {
        TableId::Four => format!("表四{}", column_name(t, spec, col)),
        _ => format!("{}{}·{}", t.id.zh(), t.row_specs()[spec].name, column_name(t, spec, col)),
    }
}
