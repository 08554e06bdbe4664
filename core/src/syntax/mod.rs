//! Text → blocks: headings, paragraphs, tables with every cell's byte span,
//! and suppression comments. Knows nothing of the standard format; the
//! `model` layer decides what each block means.

use crate::syntax::charset::chars;
pub(crate) mod bytes;
pub(crate) mod charset;
pub(crate) mod directive;
pub(crate) mod lines;
pub(crate) mod normalize;
pub mod row_memo;
pub(crate) mod table;
pub(crate) mod words;

use crate::span::Span;
pub use directive::Directive;
pub use lines::{LogicalLine, logical_lines, trim_span};
use normalize::{cn_numeral, is_space};
pub use table::{Cell, Row, Table, TableStyle};

/// A line that reads like "一、总体情况": a Chinese numeral, a separator and a
/// short title. Whether it is one of the six sections is the model's call.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadingLine {
    /// The whole logical line.
    pub line: Span,
    /// The heading proper, from the numeral to the end of its text, without
    /// Markdown `#`/`**` decoration.
    pub span: Span,
    /// The title text after "一、".
    pub title: Span,
    pub numeral: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(HeadingLine),
    /// One logical line of running text (a paragraph, a title, a note).
    Text(Span),
    /// Index into [`Syntax::tables`].
    Table(usize),
    /// A line holding only a nianbao comment.
    Comment(Span),
}

#[derive(Debug, Clone, Default)]
pub struct Syntax {
    pub lines: Vec<LogicalLine>,
    pub blocks: Vec<Block>,
    pub tables: Vec<Table>,
    pub directives: Vec<Directive>,
}

impl Block {
    pub fn span(&self, syntax: &Syntax) -> Span {
        match self {
            Block::Heading(h) => h.line,
            Block::Text(s) | Block::Comment(s) => *s,
            Block::Table(i) => syntax.tables[*i].span,
        }
    }
}

pub fn parse(text: &str) -> Syntax {
    parse_memo(text, None)
}

/// [`parse`], copying from `memo` the rows of lines split before
/// ([`row_memo::RowMemo`]); the result is the same.
pub fn parse_memo(text: &str, mut memo: Option<&mut row_memo::RowMemo>) -> Syntax {
    let lines = logical_lines(text);
    let mut syntax = Syntax { lines: lines.clone(), ..Default::default() };
    let mut open: Option<Table> = None;
    for line in &lines {
        let content = trim_span(text, line.span);
        let found = directive::scan(text, line.span);
        let only_comment = !found.is_empty() && directive::strip_comments(content.slice(text)).trim().is_empty();
        syntax.directives.extend(found);
        if content.is_empty() || only_comment {
            // blank lines end TSV/space tables but Markdown tables too
            if let Some(t) = open.take() {
                push_table(&mut syntax, t);
            }
            if only_comment {
                syntax.blocks.push(Block::Comment(content));
            }
            continue;
        }
        let heading = heading_line(text, line.span);
        let row = match (&heading, memo.as_deref_mut()) {
            (Some(_), _) => None,
            (None, Some(m)) => m.split_row(text, line.span),
            (None, None) => table::split_row(text, line.span),
        };
        match row {
            Some((style, row)) => match &mut open {
                Some(t) if compatible(t.style, style) => {
                    t.span = t.span.cover(row.span);
                    t.rows.push(row);
                }
                _ => {
                    if let Some(t) = open.take() {
                        push_table(&mut syntax, t);
                    }
                    open = Some(Table { span: row.span, style, rows: vec![row] });
                }
            },
            None => {
                if let Some(t) = open.take() {
                    push_table(&mut syntax, t);
                }
                match heading {
                    Some(h) => syntax.blocks.push(Block::Heading(h)),
                    None => syntax.blocks.push(Block::Text(content)),
                }
            }
        }
    }
    if let Some(t) = open.take() {
        push_table(&mut syntax, t);
    }
    if let Some(m) = memo {
        m.finish();
    }
    syntax
}

fn compatible(a: TableStyle, b: TableStyle) -> bool {
    a == b || (a == TableStyle::Tsv && b == TableStyle::Spaces) || (a == TableStyle::Spaces && b == TableStyle::Tsv)
}

fn push_table(syntax: &mut Syntax, t: Table) {
    syntax.blocks.push(Block::Table(syntax.tables.len()));
    syntax.tables.push(t);
}

/// Markdown decoration around a heading: `## `, `**…**`, `<b>`.
fn strip_decoration(text: &str, span: Span) -> Span {
    let mut s = trim_span(text, span);
    loop {
        let t = s.slice(text);
        let before = s;
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        if hashes > 0 {
            s = trim_span(text, Span::new(s.start + hashes, s.end));
        }
        let t = s.slice(text);
        for (open, close) in [("**", "**"), ("__", "__"), ("<b>", "</b>"), ("<strong>", "</strong>")] {
            if t.starts_with(open) {
                s = Span::new(s.start + open.len(), s.end);
                if s.slice(text).ends_with(close) {
                    s = Span::new(s.start, s.end - close.len());
                }
                s = trim_span(text, s);
                break;
            }
        }
        if s == before {
            return s;
        }
    }
}

/// "一、总体情况", "## 二、主动公开政府信息情况", "**三.收到…**".
pub fn heading_line(text: &str, line: Span) -> Option<HeadingLine> {
    let span = strip_decoration(text, line);
    let s = span.slice(text);
    // every line is asked: the numeral it must start with first, the scan
    // of the whole line for cell separators only then
    let num_end = s.char_indices().take_while(|(_, c)| chars!("一二三四五六七八九十").contains(c)).last()?;
    if s.bytes().any(|b| b == b'\t' || b == b'|') {
        return None;
    }
    let num_end = num_end.0 + num_end.1.len_utf8();
    let numeral = cn_numeral(&s[..num_end])?;
    let rest = &s[num_end..];
    // "一 、总体情况": spaces before the separator are extraction noise
    let lead = rest.len() - rest.trim_start_matches(is_space).len();
    let sep = rest[lead..].chars().next()?;
    let title_off = if matches!(sep, '、' | '.' | '．' | ',' | '，') {
        num_end + lead + sep.len_utf8()
    } else if lead > 0 {
        num_end + lead
    } else {
        return None;
    };
    let title_span = trim_span(text, Span::new(span.start + title_off, span.end));
    let title = title_span.slice(text);
    let n = title.chars().count();
    if !(2..=40).contains(&n) || title.contains(['。', '；']) {
        return None;
    }
    // "四、结转下年度继续办理 0 0 0" is a table row, not a heading
    let words: Vec<&str> = title.split(is_space).filter(|w| !w.is_empty()).collect();
    if words.len() > 1 && words.iter().skip(1).all(|w| normalize::parse_cell(w).is_data_like()) {
        return None;
    }
    // "三、本年度办理结果  （一）予以公开  0  0 …": headings do not end in numbers
    if words.len() > 2 && words.last().is_some_and(|w| normalize::parse_cell(w).is_number()) {
        return None;
    }
    Some(HeadingLine { line, span, title: title_span, numeral })
}

/// Cells one per line, as PDF and web extraction leave tables: every
/// non-blank line is a cell; a row is a run of label cells followed by a run
/// of data cells.
pub fn vertical_table(text: &str, lines: &[Span]) -> Option<Table> {
    let mut rows: Vec<Row> = Vec::new();
    let mut cur: Vec<Cell> = Vec::new();
    let mut cur_span: Option<Span> = None;
    let mut in_data = false;
    for &line in lines {
        let span = trim_span(text, line);
        // web pages leave each cell on its line followed by its pipes:
        // "规章 |", "0 | ||"
        let kept = span.slice(text).trim_end_matches(|c: char| c == '|' || is_space(c));
        let span = Span::new(span.start, span.start + kept.len());
        if span.is_empty() {
            continue;
        }
        let value = normalize::parse_cell(span.slice(text));
        let data = value.is_data_like();
        if !data && in_data {
            let cells = std::mem::take(&mut cur);
            rows.push(Row { span: cur_span.take().unwrap_or(span), cells, separator: false });
            in_data = false;
        }
        in_data |= data;
        cur.push(Cell::new(span, value, cur.len()));
        cur_span = Some(cur_span.map_or(span, |s| s.cover(span)));
    }
    if !cur.is_empty() {
        rows.push(Row { span: cur_span.unwrap_or_default(), cells: cur, separator: false });
    }
    let span = rows.iter().map(|r| r.span).reduce(Span::cover)?;
    Some(Table { span, style: TableStyle::Vertical, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        let t = "## 一、总体情况";
        let h = heading_line(t, Span::new(0, t.len())).unwrap();
        assert_eq!(h.numeral, 1);
        assert_eq!(h.title.slice(t), "总体情况");
        for spaced in ["一 、总体情况", "一　、 总体情况", "一 总体情况"] {
            let h = heading_line(spaced, Span::new(0, spaced.len())).unwrap();
            assert_eq!((h.numeral, h.title.slice(spaced)), (1, "总体情况"), "{spaced}");
        }
        let t = "**四．政府信息公开行政复议、行政诉讼情况**";
        let h = heading_line(t, Span::new(0, t.len())).unwrap();
        assert_eq!(h.title.slice(t), "政府信息公开行政复议、行政诉讼情况");
        for not in [
            "一是强化思想认识。",
            "四、结转下年度继续办理 0 0 0 0 0 0 0",
            "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
            "二〇二五年",
            "一、",
        ] {
            assert!(heading_line(not, Span::new(0, not.len())).is_none(), "{not}");
        }
    }

    #[test]
    fn blocks_and_tables() {
        let t = "标题\n\n一、总体情况\n正文。\n规章\t0\t0\t0\n行政规范性文件\t1\t0\t1\n\n| a | 1 |\n|---|---|\n";
        let s = parse(t);
        assert_eq!(s.tables.len(), 2);
        assert_eq!(s.tables[0].rows.len(), 2);
        assert_eq!(s.tables[1].style, TableStyle::Markdown);
        assert!(matches!(s.blocks[1], Block::Heading(_)));
    }

    #[test]
    fn vertical_cells_with_trailing_pipes() {
        let t = "规章 |\n0 |\n0 | ||\n1 |\n行政许可 |\n3 | ||";
        let lines: Vec<Span> = t
            .split('\n')
            .scan(0, |at, l| {
                let s = Span::new(*at, *at + l.len());
                *at += l.len() + 1;
                Some(s)
            })
            .collect();
        let tab = vertical_table(t, &lines).unwrap();
        let cells: Vec<Vec<&str>> =
            tab.rows.iter().map(|r| r.cells.iter().map(|c| c.span.slice(t)).collect()).collect();
        assert_eq!(cells, [vec!["规章", "0", "0", "1"], vec!["行政许可", "3"]]);
    }

    #[test]
    fn vertical() {
        let t = "规章\n0\n0\n0\n行政规范性文件\n\n1\n2\n3";
        let lines: Vec<Span> = logical_lines(t).iter().map(|l| l.span).collect();
        let tab = vertical_table(t, &lines).unwrap();
        assert_eq!(tab.rows.len(), 2);
        assert_eq!(tab.rows[1].cells.len(), 4);
    }
}

pub(crate) mod numbers;
