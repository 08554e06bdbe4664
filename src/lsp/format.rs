//! Formatting: aligning TAB and Markdown tables (see `nianbao_core::fix::format`).

use super::snapshot::Snapshot;
use nianbao_core::ColumnUnit;
use tower_lsp_server::lsp_types::{Range, TextEdit};

pub fn format(snap: &Snapshot, unit: ColumnUnit, range: Option<Range>) -> Vec<TextEdit> {
    let conv = snap.conv(unit);
    let within = range.map(|r| conv.span(r));
    nianbao_core::fix::format::align_tables(&snap.text, &snap.analysis.report.syntax, within)
        .into_iter()
        .map(|e| TextEdit { range: conv.range(e.span), new_text: e.new_text })
        .collect()
}
