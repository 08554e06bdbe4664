//! Completion: the next missing section heading, a row label the table
//! lacks, the fee sentence of section 六.

use super::snapshot::Snapshot;
use nianbao_core::ColumnUnit;
use nianbao_core::ide::suggest::{self, SuggestionKind};
use tower_lsp_server::lsp_types::{CompletionItem, CompletionItemKind, CompletionTextEdit, Position, TextEdit};

pub fn completion(snap: &Snapshot, unit: ColumnUnit, pos: Position) -> Vec<CompletionItem> {
    let conv = snap.conv(unit);
    let offset = conv.offset(pos);
    let markdown = snap.markdown() || snap.analysis.report.style == nianbao_core::syntax::TableStyle::Markdown;
    suggest::at(&snap.text, &snap.analysis.report, offset, markdown)
        .into_iter()
        .enumerate()
        .map(|(i, s)| CompletionItem {
            label: s.label,
            kind: Some(match s.kind {
                SuggestionKind::Heading => CompletionItemKind::MODULE,
                SuggestionKind::RowLabel => CompletionItemKind::FIELD,
                SuggestionKind::Sentence => CompletionItemKind::TEXT,
            }),
            detail: Some(s.detail),
            // clients filter on the typed text, which may include "## "
            filter_text: Some(s.insert.clone()),
            sort_text: Some(format!("{i:03}")),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit { range: conv.range(s.replace), new_text: s.insert })),
            ..Default::default()
        })
        .collect()
}
