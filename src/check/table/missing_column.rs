//! table/missing-column: a standard column is absent (table 三 without 总计).

use crate::check::Ctx;
use crate::finding::Finding;
use crate::fix::rebuild;
use crate::model::TableId;
use crate::model::standard::{T3_COLUMNS, T4_GROUPS};

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for t in &cx.report.tables {
        let anchor = t.header_span.unwrap_or(t.span);
        let anchor = crate::span::Span::new(
            anchor.start,
            cx.text[anchor.start..anchor.end].find(['\n', '\r']).map_or(anchor.end, |i| anchor.start + i),
        );
        match t.id {
            TableId::Three if t.header_found => {
                // where the missing column should follow: the last label found
                let anchor = t.header_cells.iter().max_by_key(|(c, _)| *c).map_or(anchor, |(_, s)| *s);
                let missing: Vec<&str> = (0..7).filter(|c| !t.columns.contains(c)).map(|c| T3_COLUMNS[c]).collect();
                if missing.is_empty() {
                    continue;
                }
                let mut f = Finding::new(
                    "table/missing-column",
                    anchor,
                    format!("表三缺少“{}”列（表头只有 {} 列，标准为 7 列）", missing.join("”“"), t.columns.len()),
                );
                let title = if missing == ["总计"] {
                    "补上“总计”列并填入合计"
                } else {
                    "替换为标准表三（保留已有数字）"
                };
                f = f.fix(title, vec![rebuild::replace_edit(cx.text, t, cx.report.format)], false);
                out.push(f);
            }
            TableId::Four if t.header_found && t.columns.len() == 12 => {
                let f = Finding::new(
                    "table/missing-column",
                    anchor,
                    format!("表四缺少“总计”列（{}各组都应有总计）", T4_GROUPS.join("、")),
                )
                .fix(
                    "补上“总计”列并填入合计",
                    vec![rebuild::replace_edit(cx.text, t, cx.report.format)],
                    false,
                );
                out.push(f);
            }
            _ => {}
        }
    }
}
