//! The shape of a draft as a reader navigates it: title, the six sections,
//! their numbered parts （一）（二）…, and the three tables. Document symbols
//! and folding are drawn from it.

use super::locate::table_extent;
use crate::model::Report;
use crate::span::Span;
use crate::syntax::normalize::cn_numeral;
use crate::syntax::{Block, trim_span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Title,
    Section,
    /// A numbered part inside a section: "（一）主动公开".
    Part,
    Table,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub kind: NodeKind,
    pub name: String,
    /// Everything the node covers; always inside its parent's extent.
    pub extent: Span,
    /// The words that name it (heading, title, label).
    pub selection: Span,
    pub children: Vec<Node>,
}

/// Where the content before `end` stops, ignoring trailing blank lines.
fn content_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

/// "（一）主动公开：2025 年度…" → the span of "（一）主动公开". Markdown
/// emphasis and heading marks before the marker are skipped.
pub fn part_heading(text: &str, line: Span) -> Option<Span> {
    let s = line.slice(text);
    let lead = s.len() - s.trim_start_matches(['#', '*', ' ', '\u{3000}']).len();
    let rest = &s[lead..];
    let open = rest.chars().next().filter(|c| matches!(c, '（' | '('))?;
    let inner_start = open.len_utf8();
    let close = rest[inner_start..].find(['）', ')'])?;
    cn_numeral(&rest[inner_start..inner_start + close])?;
    // the name runs to the first colon or sentence mark, at most 24 characters
    let name_end = rest
        .char_indices()
        .skip(2)
        .find(|(_, c)| matches!(c, '：' | ':' | '。' | '；' | '，' | '*'))
        .map_or(rest.len(), |(i, _)| i);
    let name_end = rest[..name_end].char_indices().nth(24).map_or(name_end, |(i, _)| i);
    Some(trim_span(text, Span::new(line.start + lead, line.start + lead + name_end)))
}

/// Title → sections → parts → tables. A table sits under the part whose
/// text it follows, else directly under its section.
pub fn outline(text: &str, report: &Report) -> Vec<Node> {
    let end_of_text = text.trim_end().len();
    let mut sections = Vec::new();
    for (k, s) in report.sections.iter().enumerate() {
        let next = report.sections.get(k + 1).map_or(text.len(), |n| n.heading.line.start);
        let extent =
            Span::new(s.heading.line.start, content_end(text, s.heading.line.start, next).max(s.heading.line.end));
        let tables: Vec<Node> = report
            .tables
            .iter()
            .filter(|t| extent.contains(table_extent(t).start))
            .map(|t| {
                let e = table_extent(t);
                let e = Span::new(e.start, e.end.min(extent.end));
                Node {
                    kind: NodeKind::Table,
                    name: format!("{}：{}", t.id.zh(), crate::model::sections::spec(t.id.section()).title),
                    extent: e,
                    selection: Span::new(
                        e.start,
                        text[e.start..e.end].find(['\n', '\r']).map_or(e.end, |i| e.start + i),
                    ),
                    children: Vec::new(),
                }
            })
            .collect();
        let in_table = |at: usize| report.tables.iter().any(|t| table_extent(t).contains(at));
        let heads: Vec<Span> = report.syntax.blocks[s.blocks.clone()]
            .iter()
            .filter_map(|b| match b {
                Block::Text(sp) if !in_table(sp.start) => part_heading(text, *sp),
                _ => None,
            })
            .collect();
        let mut parts: Vec<Node> = heads
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let stop = heads.get(i + 1).map_or(extent.end, |n| n.start);
                Node {
                    kind: NodeKind::Part,
                    name: h.slice(text).to_string(),
                    extent: Span::new(h.start, content_end(text, h.start, stop).max(h.end)),
                    selection: *h,
                    children: Vec::new(),
                }
            })
            .collect();
        let mut children = Vec::new();
        for t in tables {
            match parts.iter_mut().find(|p| p.extent.contains(t.extent.start)) {
                Some(p) if t.extent.end <= p.extent.end => p.children.push(t),
                _ => children.push(t),
            }
        }
        children.append(&mut parts);
        children.sort_by_key(|n| n.extent.start);
        sections.push(Node {
            kind: NodeKind::Section,
            name: s.heading.span.slice(text).to_string(),
            extent,
            selection: s.heading.span,
            children,
        });
    }
    match &report.title {
        Some(t) if sections.first().is_none_or(|s| s.extent.start >= t.span.end) => {
            vec![Node {
                kind: NodeKind::Title,
                name: t.span.slice(text).split_whitespace().collect::<Vec<_>>().join(" "),
                extent: Span::new(t.span.start, end_of_text.max(t.span.end)),
                selection: t.span,
                children: sections,
            }]
        }
        _ => sections,
    }
}

/// Spans worth folding: each section and each table.
pub fn folds(text: &str, report: &Report) -> Vec<Span> {
    fn walk(nodes: &[Node], out: &mut Vec<Span>) {
        for n in nodes {
            if matches!(n.kind, NodeKind::Section | NodeKind::Table) {
                out.push(n.extent);
            }
            walk(&n.children, out);
        }
    }
    let mut out = Vec::new();
    walk(&outline(text, report), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn title_sections_parts_tables() {
        let t = "某镇2025年政府信息公开工作年度报告\n\n一、总体情况\n\n（一）主动公开：发布信息。\n\n（二）依申请公开\n\n\
                 二、主动公开政府信息情况\n\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n";
        let report = Report::build(t, &Config::default());
        let o = outline(t, &report);
        assert_eq!(o.len(), 1);
        assert_eq!(o[0].kind, NodeKind::Title);
        let secs = &o[0].children;
        assert_eq!(secs.len(), 2);
        let parts: Vec<&str> = secs[0].children.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(parts, ["（一）主动公开", "（二）依申请公开"]);
        assert_eq!(secs[1].children[0].kind, NodeKind::Table);
        assert!(secs[1].children[0].name.starts_with("表二"));
        for s in secs {
            assert!(o[0].extent.start <= s.extent.start && s.extent.end <= o[0].extent.end);
        }
        assert_eq!(folds(t, &report).len(), 3);
    }
}
