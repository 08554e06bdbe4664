//! What a writer is likely to type next at an offset: the heading of the
//! next missing section, a standard row label the table lacks, or the fee
//! sentence section 六 needs.

use super::locate::table_at;
use crate::config::FormatVersion;
use crate::model::Report;
use crate::model::TableId;
use crate::model::standard::t3_rows;
use crate::span::Span;
use crate::syntax::normalize::cn_numeral_char;

pub const FEE_SENTENCE: &str = "本年度未收取政府信息公开信息处理费。";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionKind {
    Heading,
    RowLabel,
    Sentence,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub kind: SuggestionKind,
    pub label: String,
    /// What replaces `replace` (the text typed so far that the suggestion continues).
    pub insert: String,
    pub replace: Span,
    pub detail: String,
}

fn heading_text(n: u32) -> String {
    format!("{}、{}", cn_numeral_char(n as usize), crate::model::sections::spec(n).title)
}

/// Suggestions at `offset`; `markdown` writes headings with `## `.
pub fn at(text: &str, report: &Report, offset: usize, markdown: bool) -> Vec<Suggestion> {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    // lines end at \n, \r\n or \r, as LineIndex counts them
    let line_start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let typed = &text[line_start..offset];
    let mut out = Vec::new();

    let in_table_line = typed.contains(['\t', '|']);
    if let Some(ti) = table_at(report, offset).or_else(|| in_table_line.then(|| table_at(report, line_start)).flatten())
    {
        let t = &report.tables[ti];
        // the cell being typed starts after the last separator
        let cell_start = typed.rfind(['\t', '|']).map_or(line_start, |i| line_start + i + 1);
        let cell_start = cell_start + (text[cell_start..offset].len() - text[cell_start..offset].trim_start().len());
        let specs: Vec<usize> = match t.id {
            TableId::Three => t3_rows(t.version == FormatVersion::Trial2019),
            TableId::Two => (0..t.row_specs().len()).collect(),
            TableId::Four => Vec::new(),
        };
        for spec in specs.into_iter().filter(|&s| t.row(s).is_none()) {
            let row = &t.row_specs()[spec];
            out.push(Suggestion {
                kind: SuggestionKind::RowLabel,
                label: row.label.to_string(),
                insert: row.label.to_string(),
                replace: Span::new(cell_start, offset),
                detail: format!("{}缺少的行：{}", t.id.zh(), row.name),
            });
        }
        return out;
    }
    // other tables (not one of the three) get no suggestions
    if report.syntax.tables.iter().any(|t| t.span.touches(line_start)) {
        return out;
    }

    let bare = typed.trim_start_matches(['#', ' ', '\u{3000}']);
    let current = report.section_at(offset);
    if let Some(n) = (current + 1..=6).find(|&n| report.section(n).is_none()) {
        let heading = heading_text(n);
        if heading.starts_with(bare) {
            let insert = if markdown { format!("## {heading}") } else { heading.clone() };
            out.push(Suggestion {
                kind: SuggestionKind::Heading,
                label: heading,
                insert,
                replace: Span::new(line_start, offset),
                detail: format!("缺少的第{}部分", cn_numeral_char(n as usize)),
            });
        }
    }

    if current == 6 && !report.section(6).is_some_and(|s| s.body.slice(text).contains(FEE_SENTENCE)) {
        let lead = typed.len() - typed.trim_start().len();
        let start = if FEE_SENTENCE.starts_with(typed.trim_start()) { line_start + lead } else { offset };
        out.push(Suggestion {
            kind: SuggestionKind::Sentence,
            label: FEE_SENTENCE.to_string(),
            insert: FEE_SENTENCE.to_string(),
            replace: Span::new(start, offset),
            detail: "第六部分应说明信息处理费的收取情况".to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn next_heading_row_label_and_fee_sentence() {
        let t = "某镇2025年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n\n二、主动公开政府信息情况\n\n\
                 信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n\n\n\n六、其他需要报告的事项\n\n";
        let report = Report::build(t, &Config::default());
        let blank = t.find("\n\n\n\n").unwrap() + 2;
        let s = at(t, &report, blank, false);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].label, "三、收到和处理政府信息公开申请情况");
        let md = at(t, &report, blank, true);
        assert_eq!(md[0].insert, "## 三、收到和处理政府信息公开申请情况");

        let row_end = t.find("规章\t0\t0\t0").unwrap() + "规章\t0\t0\t0".len();
        let in_table = at(t, &report, row_end - 1, false);
        assert!(in_table.iter().all(|s| s.kind == SuggestionKind::RowLabel));
        assert!(in_table.iter().any(|s| s.label == "行政规范性文件"));

        let end = t.len();
        let six = at(t, &report, end, false);
        assert!(six.iter().any(|s| s.kind == SuggestionKind::Sentence && s.insert == FEE_SENTENCE));
    }
}
