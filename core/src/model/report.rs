//! A draft understood against the standard: which lines are the six
//! sections, which tables are 二/三/四, and the report year.

use super::layout;
pub use super::paragraph::Paragraph;
use super::sections::{self, HeadingMatch, TableId};
use super::tables::{self, MappedTable};
use super::title::{self, Title};
use crate::config::{BodyLevel, Config, FormatVersion};
use crate::span::Span;
use crate::syntax::numbers::{YearMention, years};
use crate::syntax::{self, Block, HeadingLine, Syntax, Table, TableStyle};

#[derive(Debug, Clone)]
pub struct Section {
    /// Which of the six (1..=6).
    pub number: u32,
    pub heading: HeadingLine,
    pub matched: HeadingMatch,
    /// From the end of the heading line to the next section heading.
    pub body: Span,
    /// Indices into `syntax.blocks` of the body.
    pub blocks: std::ops::Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSource {
    Config,
    Title,
    StatPeriod,
    /// "编制××镇2024年政府信息公开工作年度报告" in the preamble.
    Preamble,
}

#[derive(Debug, Clone)]
pub struct StatPeriod {
    pub span: Span,
    pub start: YearMention,
    pub end: YearMention,
}

#[derive(Debug)]
pub struct Report {
    pub syntax: Syntax,
    pub title: Option<Title>,
    pub sections: Vec<Section>,
    pub tables: Vec<MappedTable>,
    pub stat_period: Option<StatPeriod>,
    pub report_year: Option<i32>,
    pub year_source: Option<YearSource>,
    pub level: Option<BodyLevel>,
    pub format: FormatVersion,
    /// The table style the document writes in (for inserted skeletons).
    pub style: TableStyle,
    /// Runs of digits in a flattened table that a page glued together and
    /// that the table's arithmetic cannot split one way only (see
    /// `layout`); `table/row-width` reports them as unreadable.
    pub glued: Vec<Span>,
}

impl Report {
    pub fn build(text: &str, config: &Config) -> Report {
        let never = || false;
        match Report::build_until(text, config, &never) {
            Some(r) => r,
            None => unreachable!("a stop that never says stop"),
        }
    }

    /// [`Report::build`], abandoned (`None`) when `stop` returns true: asked
    /// after the parse and before the tables are mapped.
    pub fn build_until(text: &str, config: &Config, stop: &dyn Fn() -> bool) -> Option<Report> {
        Report::build_memo(text, config, stop, None, None)
    }

    /// [`Report::build_until`] splitting table rows with `rows`, the rows of
    /// the document's last version ([`syntax::row_memo::RowMemo`]), and
    /// mapping tables with `tables`, the last version's mapped tables and
    /// table 三's label answers ([`super::table_memo::TableMemo`]).
    pub fn build_memo(
        text: &str,
        config: &Config,
        stop: &dyn Fn() -> bool,
        rows: Option<&mut syntax::row_memo::RowMemo>,
        tables: Option<&mut super::table_memo::TableMemo>,
    ) -> Option<Report> {
        let mut syntax = syntax::parse_memo(text, rows);
        if stop() {
            return None;
        }
        // A page saved as text: headings inside lines, tables flattened
        // into their labels and numbers.
        layout::split_headings(text, &mut syntax);
        let mut sections = find_sections(text, &syntax);
        let tables_before = syntax.tables.len();
        let glued = layout::inline_tables(text, &mut syntax, &sections);
        layout::split_group_labels(text, &mut syntax);
        if syntax.tables.len() != tables_before {
            sections = find_sections(text, &syntax);
        }
        let first_heading =
            sections.first().map(|s| s.blocks.start.saturating_sub(1)).unwrap_or_else(|| syntax.blocks.len().min(8));
        let title = title::find(text, &syntax, first_heading);
        let stat_period = find_stat_period(text, &syntax);
        let (report_year, year_source) = match (config.report_year, &title, &stat_period) {
            (Some(y), _, _) => (Some(y), Some(YearSource::Config)),
            // A title and a statistics period that disagree: the body decides
            // (a title left from last year on an updated body, or the reverse).
            (None, Some(Title { year: Some(t), .. }), Some(p))
                if t.year != p.start.year
                    && super::year_use::outvotes(
                        &super::year_use::uses(text, &paragraphs_of(&syntax, &sections), Some(p.span)),
                        p.start.year,
                    ) =>
            {
                (Some(p.start.year), Some(YearSource::StatPeriod))
            }
            (None, Some(Title { year: Some(y), .. }), _) => (Some(y.year), Some(YearSource::Title)),
            (None, _, Some(p)) => (Some(p.start.year), Some(YearSource::StatPeriod)),
            _ => match preamble_year(text, &syntax, first_heading) {
                Some(y) => (Some(y), Some(YearSource::Preamble)),
                None => (None, None),
            },
        };
        let format = config.format.or(report_year.map(FormatVersion::for_year)).unwrap_or(FormatVersion::Standard2021);
        let level = config.body_level.or(title.as_ref().and_then(|t| t.level));
        let year_version = config.format.or(report_year.map(FormatVersion::for_year));
        if stop() {
            return None;
        }
        let tables = map_tables(text, &syntax, &sections, year_version, tables);
        let style = syntax
            .tables
            .iter()
            .map(|t| t.style)
            .find(|s| matches!(s, TableStyle::Tsv | TableStyle::Markdown))
            .unwrap_or(if text.contains("\n|") || text.starts_with('|') {
                TableStyle::Markdown
            } else {
                TableStyle::Tsv
            });
        Some(Report {
            syntax,
            title,
            sections,
            tables,
            stat_period,
            report_year,
            year_source,
            level,
            format,
            style,
            glued,
        })
    }

    pub fn table(&self, id: TableId) -> Option<&MappedTable> {
        self.tables.iter().find(|t| t.id == id)
    }

    /// Where `t` (one of this report's tables) stands in `tables`.
    pub fn index_of(&self, t: &MappedTable) -> Option<usize> {
        self.tables.iter().position(|x| std::ptr::eq(x, t))
    }

    pub fn section(&self, number: u32) -> Option<&Section> {
        self.sections.iter().find(|s| s.number == number)
    }

    /// Whether this reads like an annual report at all: a report title, or
    /// at least two of the six headings. Structure rules stay quiet otherwise.
    pub fn looks_like_report(&self) -> bool {
        self.title.is_some() || self.sections.len() >= 2
    }

    /// Every line of running text with the section it belongs to.
    pub fn paragraphs(&self) -> Vec<Paragraph> {
        paragraphs_of(&self.syntax, &self.sections)
    }

    /// The section holding a byte offset (0 before the first heading).
    pub fn section_at(&self, offset: usize) -> u32 {
        self.sections.iter().rev().find(|s| s.heading.line.start <= offset).map_or(0, |s| s.number)
    }
}

fn paragraphs_of(syntax: &Syntax, sections: &[Section]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut section = 0;
    let mut next = 0;
    for (i, b) in syntax.blocks.iter().enumerate() {
        if next < sections.len() && sections[next].blocks.start == i + 1 {
            section = sections[next].number;
            next += 1;
            continue;
        }
        match b {
            Block::Text(s) => out.push(Paragraph { span: *s, section }),
            Block::Heading(h) => out.push(Paragraph { span: h.span, section }),
            _ => {}
        }
    }
    out
}

fn find_sections(text: &str, syntax: &Syntax) -> Vec<Section> {
    let mut found: Vec<(usize, HeadingLine, HeadingMatch)> = Vec::new();
    for (i, b) in syntax.blocks.iter().enumerate() {
        if let Block::Heading(h) = b {
            if let Some(m) = sections::classify(h.title.slice(text), h.numeral) {
                found.push((i, h.clone(), m));
            }
        }
    }
    let mut out = Vec::new();
    for (k, (i, h, m)) in found.iter().enumerate() {
        let (end_block, end) = match found.get(k + 1) {
            Some((j, next, _)) => (*j, next.line.start),
            None => (syntax.blocks.len(), text.len()),
        };
        out.push(Section {
            number: m.number(),
            heading: h.clone(),
            matched: *m,
            body: Span::new(h.line.end.min(end), end),
            blocks: i + 1..end_block,
        });
    }
    out
}

/// "统计期限为2025年1月1日至2025年12月31日" and its many spellings: a year's
/// 1月1日, then within a few characters a year's 12月31日 (the second year
/// is often left out: "2024年1月1日至12月31日").
fn find_stat_period(text: &str, syntax: &Syntax) -> Option<StatPeriod> {
    for b in &syntax.blocks {
        let Block::Text(span) = b else { continue };
        let ys = years(text, *span);
        for (k, a) in ys.iter().enumerate() {
            let after: String = text[a.end..span.end].chars().filter(|c| !c.is_whitespace()).take(24).collect();
            let Some(rest) = after.strip_prefix("1月1日").or_else(|| after.strip_prefix("01月01日")) else {
                continue;
            };
            let Some(rest) = rest.strip_prefix(['至', '到', '—', '-', '~', '～']).or(rest.strip_prefix("起至"))
            else {
                continue;
            };
            if rest.starts_with("12月31日") {
                return Some(StatPeriod { span: a.span, start: a.clone(), end: a.clone() });
            }
            if let Some(b) = ys.get(k + 1) {
                let after_b: String = text[b.end..span.end].chars().filter(|c| !c.is_whitespace()).take(8).collect();
                if rest.starts_with(&b.year.to_string()) && after_b.starts_with("12月31日") {
                    return Some(StatPeriod { span: a.span.cover(b.span), start: a.clone(), end: b.clone() });
                }
            }
        }
    }
    None
}

/// A year named right before "…年度报告" in the text above section 一.
fn preamble_year(text: &str, syntax: &Syntax, first_heading: usize) -> Option<i32> {
    for b in syntax.blocks[..first_heading.min(syntax.blocks.len())].iter().take(8) {
        let Block::Text(span) = b else { continue };
        for y in years(text, *span) {
            let after: String = text[y.end..span.end].chars().filter(|c| !c.is_whitespace()).take(16).collect();
            let head = after.split(['，', '。', '、', ',', '；']).next().unwrap_or("");
            if head.contains("年度报告") || head.contains("年报") {
                return Some(y.year);
            }
        }
    }
    None
}

fn map_tables(
    text: &str,
    syntax: &Syntax,
    sections: &[Section],
    version: Option<FormatVersion>,
    memo: Option<&mut super::table_memo::TableMemo>,
) -> Vec<MappedTable> {
    let section_of = |span: Span| sections.iter().rev().find(|s| s.heading.line.start <= span.start).map(|s| s.number);
    let mut groups: Vec<(TableId, Vec<&Table>)> = Vec::new();
    for t in &syntax.tables {
        let by_section = section_of(t.span).and_then(|n| sections::spec(n).table);
        let Some(id) = tables::identify(text, t).or(by_section) else { continue };
        match groups.iter_mut().find(|(g, _)| *g == id) {
            Some((_, parts)) => parts.push(t),
            None => groups.push((id, vec![t])),
        }
    }
    // One cell per line (PDF extraction): read the section's short lines as a table.
    let mut vertical: Vec<(TableId, Table)> = Vec::new();
    for s in sections {
        let Some(id) = sections::spec(s.number).table else { continue };
        if groups.iter().any(|(g, _)| *g == id) {
            continue;
        }
        let lines: Vec<Span> = syntax.blocks[s.blocks.clone()]
            .iter()
            .filter_map(|b| match b {
                Block::Text(sp) if sp.slice(text).chars().count() <= 60 && !sp.slice(text).contains('。') => Some(*sp),
                // "一、本年新收…" reads like a heading but is a row label here
                Block::Heading(h) => Some(h.span),
                _ => None,
            })
            .collect();
        if let Some(t) = syntax::vertical_table(text, &lines) {
            if tables::identify(text, &t) == Some(id) {
                vertical.push((id, t));
            }
        }
    }
    for (id, t) in &vertical {
        groups.push((*id, vec![t]));
    }
    let mut out: Vec<MappedTable> = match memo {
        Some(memo) => {
            let out = groups
                .iter()
                .map(|(id, parts)| memo.map(text, *id, parts, version, |l| tables::map(text, *id, parts, version, l)))
                .collect();
            memo.finish();
            out
        }
        None => {
            let mut labels = tables::T3Labels::<&str>::default();
            groups.iter().map(|(id, parts)| tables::map(text, *id, parts, version, &mut labels)).collect()
        }
    };
    out.sort_by_key(|t| t.span.start);
    out
}
