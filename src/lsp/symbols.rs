//! Document symbols (title → sections → （一）… → tables) and folding.

use super::view::View;
use nianbao_core::ide::outline::{Node, NodeKind};
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
fn symbol(n: &Node, view: &View) -> Option<DocumentSymbol> {
    let conv = view.snap.conv(view.unit);
    Some(DocumentSymbol {
        name: n.name.clone(),
        detail: None,
        kind: kind(n.kind),
        tags: None,
        deprecated: None,
        range: view.range_forward(conv.range(n.extent))?,
        selection_range: view.range_forward(conv.range(n.selection))?,
        children: (!n.children.is_empty()).then(|| n.children.iter().filter_map(|c| symbol(c, view)).collect()),
    })
}

/// The outline of the view's snapshot, placed in the current text; empty
/// when the text was replaced since.
pub fn document_symbols(view: &View) -> Vec<DocumentSymbol> {
    view.snap.outline().iter().filter_map(|n| symbol(n, view)).collect()
}

/// Sections and tables fold, as `outline::folds` has it, read from the
/// snapshot's cached outline instead of a fresh one.
pub fn folding_ranges(view: &View) -> Vec<FoldingRange> {
    fn walk(nodes: &[Node], out: &mut Vec<nianbao_core::Span>) {
        for n in nodes {
            if matches!(n.kind, NodeKind::Section | NodeKind::Table) {
                out.push(n.extent);
            }
            walk(&n.children, out);
        }
    }
    let mut folds = Vec::new();
    walk(view.snap.outline(), &mut folds);
    folds
        .into_iter()
        .filter_map(|span| {
            let start = view.line_forward(span.start, false)?;
            let end = view.line_forward(span.end, true)?;
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
