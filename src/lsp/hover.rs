//! Hover (what a table cell is, how a total adds up, what a finding means)
//! and the inlay hints beside totals that do not add up.

use super::snapshot::Snapshot;
use nianbao_core::ide::locate::{self, Total, table_at};
use nianbao_core::{ColumnUnit, Span};
use tower_lsp_server::lsp_types::{
    Hover, HoverContents, InlayHint, InlayHintLabel, InlayHintTooltip, MarkupContent, MarkupKind, Position, Range,
    TextEdit,
};

fn formula(t: &Total) -> String {
    let names: Vec<&str> = t.parts.iter().map(|p| p.name.as_str()).collect();
    let mut s = format!("**{}** = {}", t.name, names.join(" + "));
    match t.computed {
        Some(sum) => {
            let values: Vec<String> = t.parts.iter().map(|p| p.value.unwrap_or(0).to_string()).collect();
            s.push_str(&format!("\n\n= {} = **{sum}**", values.join(" + ")));
            match t.stated {
                Some(stated) if stated != sum => s.push_str(&format!("\n\n表中填写 {stated}，与计算值 {sum} 不符。")),
                Some(_) => s.push_str("\n\n与表中数字一致。"),
                None => {}
            }
        }
        None => s.push_str("\n\n有加数缺失或不是整数，无法计算。"),
    }
    s
}

/// The explanation without its first heading, which repeats the rule id.
fn doc_body(doc: &str) -> &str {
    match doc.strip_prefix('#') {
        Some(_) => doc.split_once('\n').map_or("", |(_, rest)| rest).trim_start(),
        None => doc,
    }
}

/// Hover from a view: the position mapped to the snapshot's text, the
/// range back to the current one; nothing for text the snapshot has not seen.
pub fn hover_in(view: &super::view::View, pos: Position) -> Option<Hover> {
    let mut h = hover(&view.snap, view.unit, view.position_back(pos)?)?;
    h.range = match h.range {
        Some(r) => Some(view.range_forward(r)?),
        None => None,
    };
    Some(h)
}

pub fn hover(snap: &Snapshot, unit: ColumnUnit, pos: Position) -> Option<Hover> {
    let conv = snap.conv(unit);
    let offset = conv.offset(pos);
    let report = &snap.analysis.report;
    let mut parts: Vec<String> = Vec::new();
    let mut range: Option<Span> = None;

    if let Some(cell) = locate::cell_at(report, offset) {
        let names = locate::describe(report, &cell);
        let column = names
            .column
            .unwrap_or_else(|| format!("第 {} 个数（本行数字个数与表头列数不符，列无法确定）", cell.position + 1));
        let mut s = format!("**{}**\n\n- 行：{}\n- 列：{}", names.table, names.row, column);
        if let Some(col) = cell.column {
            for t in locate::totals_of(report, cell.table, cell.spec, col) {
                s.push_str("\n\n");
                s.push_str(&formula(&t));
            }
        }
        parts.push(s);
        range = Some(cell.span);
    } else if let Some(ti) = table_at(report, offset) {
        let t = &report.tables[ti];
        parts.push(format!("**{}：{}**", t.id.zh(), nianbao_core::model::sections::spec(t.id.section()).title));
    }

    if snap.checked {
        for f in snap.analysis.findings.iter().filter(|f| f.span.touches(offset)) {
            let doc = nianbao_core::rules::lookup(f.rule).map_or("", |r| doc_body(r.doc));
            parts.push(format!("**{}**（{}）\n\n{}\n\n---\n\n{}", f.rule, f.severity.zh(), f.message, doc.trim_end()));
            range = Some(range.map_or(f.span, |r| r.cover(f.span)));
        }
    }
    if parts.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: parts.join("\n\n---\n\n") }),
        range: range.map(|r| conv.range(r)),
    })
}

/// "= 27" after every total whose number disagrees with its parts;
/// accepting the hint writes the sum into the cell.
pub fn inlay_hints(snap: &Snapshot, unit: ColumnUnit, range: Range) -> Vec<InlayHint> {
    let conv = snap.conv(unit);
    let within = conv.span(range);
    locate::all_totals(&snap.analysis.report)
        .into_iter()
        .filter(|t| t.disagrees() && within.touches(t.span.start))
        .filter_map(|t| {
            let (sum, stated) = (t.computed?, t.stated?);
            Some(InlayHint {
                position: conv.position(t.span.end),
                label: InlayHintLabel::String(format!("= {sum}")),
                kind: None,
                text_edits: Some(vec![TextEdit { range: conv.range(t.span), new_text: sum.to_string() }]),
                tooltip: Some(InlayHintTooltip::String(format!("{}：各项合计为 {sum}，表中为 {stated}", t.name))),
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
        })
        .collect()
}
