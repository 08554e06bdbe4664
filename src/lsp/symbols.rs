//! Document symbols (title → sections → （一）… → tables) and folding.

use super::snapshot::Snapshot;
use nianbao_core::ColumnUnit;
use nianbao_core::ide::outline::{self, Node, NodeKind};
use tower_lsp_server::lsp_types::{DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind};

fn kind(k: NodeKind) -> SymbolKind {
    match k {
        NodeKind::Title => SymbolKind::FILE,
        NodeKind::Section => SymbolKind::MODULE,
        NodeKind::Part => SymbolKind::NAMESPACE,
        NodeKind::Table => SymbolKind::STRUCT,
    }
}

#[allow(deprecated)] // DocumentSymbol::deprecated must still be given
fn symbol(n: &Node, snap: &Snapshot, unit: ColumnUnit) -> DocumentSymbol {
    let conv = snap.conv(unit);
    DocumentSymbol {
        name: n.name.clone(),
        detail: None,
        kind: kind(n.kind),
        tags: None,
        deprecated: None,
        range: conv.range(n.extent),
        selection_range: conv.range(n.selection),
        children: (!n.children.is_empty()).then(|| n.children.iter().map(|c| symbol(c, snap, unit)).collect()),
    }
}

pub fn document_symbols(snap: &Snapshot, unit: ColumnUnit) -> Vec<DocumentSymbol> {
    outline::outline(&snap.text, &snap.analysis.report).iter().map(|n| symbol(n, snap, unit)).collect()
}

/// Sections and tables, by line (folding needs no columns).
pub fn folding_ranges(snap: &Snapshot) -> Vec<FoldingRange> {
    outline::folds(&snap.text, &snap.analysis.report)
        .into_iter()
        .filter_map(|span| {
            let start = snap.index.line_of(span.start) as u32;
            let end = snap.index.line_of(span.end) as u32;
            (end > start).then_some(FoldingRange {
                start_line: start,
                start_character: None,
                end_line: end,
                end_character: None,
                kind: Some(FoldingRangeKind::Region),
                collapsed_text: None,
            })
        })
        .collect()
}
