//! Rendering a grid of cells as a TAB table or a Markdown table.

use crate::syntax::TableStyle;

pub type Grid = Vec<Vec<String>>;

/// TAB rows like Word pastes them, or a Markdown table whose first row is
/// the header. Space-aligned and vertical drafts get TAB rows: they survive
/// a round trip through Word and parse back exactly.
pub fn render(grid: &Grid, style: TableStyle) -> String {
    let mut out = String::new();
    match style {
        TableStyle::Markdown => {
            let width = grid.iter().map(Vec::len).max().unwrap_or(0);
            for (i, row) in grid.iter().enumerate() {
                out.push('|');
                for c in 0..width {
                    let cell = row.get(c).map(String::as_str).unwrap_or("");
                    out.push(' ');
                    out.push_str(&cell.replace('|', "\\|"));
                    out.push_str(" |");
                }
                out.push('\n');
                if i == 0 {
                    out.push('|');
                    for _ in 0..width {
                        out.push_str("---|");
                    }
                    out.push('\n');
                }
            }
        }
        _ => {
            for row in grid {
                out.push_str(&row.join("\t"));
                out.push('\n');
            }
        }
    }
    out
}

pub fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|s| s.to_string()).collect()
}
