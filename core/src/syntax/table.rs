//! Recognising table rows in the three styles drafts use, and the fourth
//! that PDF extraction produces (one cell per line).

use super::lines::trim_span;
use super::normalize::{CellValue, is_space, label_core, parse_cell};
use crate::span::Span;
use crate::syntax::charset::chars;
use crate::syntax::words::Words;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum TableStyle {
    /// Cells separated by TAB, merged cells left empty (Word/WPS paste).
    Tsv,
    /// Markdown pipe table.
    Markdown,
    /// Columns aligned with runs of spaces or a full-width space.
    Spaces,
    /// One cell per line (PDF or web extraction).
    Vertical,
}

#[derive(Clone)]
pub struct Cell {
    /// The trimmed content; empty cells get an empty span where they sit.
    pub span: Span,
    pub value: CellValue,
    /// Position of the cell in its row (for TSV and Markdown this is the column).
    pub index: usize,
    /// [`label_core`] of the content, filled on first use: identifying a
    /// table and mapping its rows ask for it several times per cell, and
    /// reducing it again each time was a sixth of the analysis.
    /// Shared, not copied, when the row memo copies the cell.
    core: OnceLock<std::sync::Arc<str>>,
    /// [`vocabulary`] of the core, filled on first use like it: identifying
    /// a table asks it of every label, and a row the memo copies carries it.
    vocabulary: OnceLock<u8>,
}

impl Cell {
    pub fn new(span: Span, value: CellValue, index: usize) -> Cell {
        Cell { span, value, index, core: OnceLock::new(), vocabulary: OnceLock::new() }
    }

    /// The cell's label core; `text` must be the text the cell was parsed from.
    pub fn core(&self, text: &str) -> &str {
        self.core.get_or_init(|| label_core(self.span.slice(text)).into())
    }

    /// [`vocabulary`] of the cell's label core; `text` as for [`Cell::core`].
    pub fn vocabulary(&self, text: &str) -> u8 {
        *self.vocabulary.get_or_init(|| vocabulary(self.core(text)))
    }
}

/// A label core's table vocabulary: [`TABLE_TWO`], [`TABLE_THREE`] and
/// [`TABLE_FOUR`] for words only that standard table's labels hold
/// (`model::tables::identify` counts them). The words are looked for in
/// every label of every table, so the answer is kept with the cell.
pub fn vocabulary(core: &str) -> u8 {
    static THREE_WORDS: Words = Words::new(&["本年新收", "上年结转", "予以公开", "勾稽关系", "结转下年度"]);
    static FOUR_WORDS: Words = Words::new(&["行政复议", "行政诉讼", "复议后起诉"]);
    if core.is_empty() {
        return 0;
    }
    let mut v = 0;
    if ["规章", "行政规范性文件", "规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"].contains(&core)
        || core.starts_with("第二十条")
        || core == "信息内容"
    {
        v |= TABLE_TWO;
    }
    if core == "自然人" || THREE_WORDS.any_in(core) {
        v |= TABLE_THREE;
    }
    if core.starts_with("结果维持") || core == "尚未审结" || FOUR_WORDS.any_in(core) {
        v |= TABLE_FOUR;
    }
    v
}

pub const TABLE_TWO: u8 = 1;
pub const TABLE_THREE: u8 = 2;
pub const TABLE_FOUR: u8 = 4;

/// Equality and `Debug` leave out the cache: a cell is its place and value.
impl PartialEq for Cell {
    fn eq(&self, other: &Cell) -> bool {
        self.span == other.span && self.value == other.value && self.index == other.index
    }
}

impl std::fmt::Debug for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cell")
            .field("span", &self.span)
            .field("value", &self.value)
            .field("index", &self.index)
            .finish()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The whole line (or, for vertical tables, the lines the row spans).
    pub span: Span,
    pub cells: Vec<Cell>,
    /// A Markdown `|---|---|` line.
    pub separator: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub span: Span,
    pub style: TableStyle,
    pub rows: Vec<Row>,
}

fn make_cell(text: &str, raw: Span, index: usize) -> Cell {
    let span = trim_span(text, raw);
    Cell::new(span, parse_cell(span.slice(text)), index)
}

/// Split a line into cells if it looks like a table row in some style.
pub fn split_row(text: &str, line: Span) -> Option<(TableStyle, Row)> {
    let s = line.slice(text);
    let trimmed = s.trim_matches(is_space);
    // a line of nothing but pipes ("|", "| ||") is what a web page leaves
    // between one-cell-per-line cells, not a row
    if trimmed.chars().all(|c| c == '|' || is_space(c)) {
        return None;
    }
    if trimmed.starts_with('|') {
        return Some((TableStyle::Markdown, split_markdown(text, line)));
    }
    // "行政处罚 | 12 | 3 | 40": pipe rows pasted without the outer pipes
    if let Some(row) = split_open_pipes(text, line) {
        return Some((TableStyle::Markdown, row));
    }
    if s.contains('\t') {
        // sized once: a table is most of a report's model, and a vector
        // grown by doubling holds up to twice the cells it needs
        let mut cells = Vec::with_capacity(s.bytes().filter(|&b| b == b'\t').count() + 1);
        let mut start = line.start;
        for (i, part) in s.split('\t').enumerate() {
            let raw = Span::new(start, start + part.len());
            cells.push(make_cell(text, raw, i));
            start = raw.end + 1;
        }
        return Some((TableStyle::Tsv, Row { span: line, cells, separator: false }));
    }
    split_spaces(text, line).map(|row| (TableStyle::Spaces, row))
}

fn split_markdown(text: &str, line: Span) -> Row {
    let s = line.slice(text);
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let inner_start = line.start + lead + 1; // after the first '|'
    let body = &text[inner_start..line.end];
    let body_trim_end = body.trim_end_matches(is_space);
    let body = body_trim_end.strip_suffix('|').unwrap_or(body_trim_end);
    let mut cells = Vec::with_capacity(body.bytes().filter(|&b| b == b'|').count() + 1);
    let mut start = inner_start;
    let mut prev_backslash = false;
    let mut seg_start = start;
    for (i, c) in body.char_indices() {
        if c == '|' && !prev_backslash {
            cells.push(make_cell(text, Span::new(seg_start, inner_start + i), cells.len()));
            seg_start = inner_start + i + 1;
        }
        prev_backslash = c == '\\';
    }
    start = seg_start;
    cells.push(make_cell(text, Span::new(start, inner_start + body.len()), cells.len()));
    let separator = !cells.is_empty()
        && cells.iter().all(|c| {
            let t = c.span.slice(text);
            !t.is_empty() && t.chars().all(|ch| matches!(ch, '-' | ':' | ' '))
        });
    Row { span: line, cells, separator }
}

/// A pipe row without its leading (and maybe trailing) "|". Prose rarely
/// holds a "|", but to be taken for a row the line must read as one: a
/// separator line ("---|---"), or cells that are numbers after a label,
/// with no sentence punctuation.
fn split_open_pipes(text: &str, line: Span) -> Option<Row> {
    let s = line.slice(text);
    if !s.contains('|') || s.contains('\t') {
        return None;
    }
    let mut cells = Vec::with_capacity(s.bytes().filter(|&b| b == b'|').count() + 1);
    let mut seg_start = line.start;
    let mut prev_backslash = false;
    for (i, c) in s.char_indices() {
        if c == '|' && !prev_backslash {
            cells.push(make_cell(text, Span::new(seg_start, line.start + i), cells.len()));
            seg_start = line.start + i + 1;
        }
        prev_backslash = c == '\\';
    }
    cells.push(make_cell(text, Span::new(seg_start, line.end), cells.len()));
    // the outer pipe that is there leaves an empty cell at that end
    if cells.last().is_some_and(|c| c.span.is_empty()) {
        cells.pop();
    }
    // merged padding leaves empty cells after the numbers, never a label
    if cells.len() < 2 || cells[0].span.is_empty() {
        return None;
    }
    for (i, c) in cells.iter_mut().enumerate() {
        c.index = i;
    }
    let slice = |c: &Cell| c.span.slice(text);
    if cells.iter().all(|c| slice(c).chars().all(|ch| matches!(ch, '-' | ':' | ' '))) {
        return Some(Row { span: line, cells, separator: true });
    }
    if cells.iter().any(|c| slice(c).contains(['。', '；', '，'])) {
        return None;
    }
    // Labels alone ("打印 | 关闭", a menu) are not taken for a header: a
    // row must carry numbers after its label.
    // label cells (merged ones left empty), then data cells only
    let labels = cells.iter().take_while(|c| !c.value.is_data_like() || c.span.is_empty()).count();
    let labels = cells[..labels].iter().rposition(|c| !c.span.is_empty()).map_or(0, |i| i + 1);
    let data = &cells[labels..];
    let numbers = data.iter().filter(|c| c.value.is_number() || c.value == CellValue::Placeholder).count();
    let row = data.iter().all(|c| c.value.is_data_like())
        && cells[..labels].iter().all(|c| slice(c).chars().count() <= 60)
        && if labels == 0 { cells.len() >= 3 && numbers >= 2 } else { numbers >= 1 };
    row.then_some(Row { span: line, cells, separator: false })
}

/// Columns aligned with spaces: split on runs of two or more spaces or any
/// full-width space. A line only counts as a row when it clearly is one:
/// several cells, no sentence punctuation, and numbers in it — or a label
/// followed by at least two space-separated numbers (PDF text).
fn split_spaces(text: &str, line: Span) -> Option<Row> {
    let s = line.slice(text);
    // Cells are split only at spaces, and a row needs two: a line with no
    // space inside (most Chinese prose) is never one, and is most lines.
    if !s.trim_matches(is_space).contains(is_space) {
        return None;
    }
    if s.contains(['。', '；', '，']) && !looks_like_number_tail(s) {
        return None;
    }
    let mut parts: Vec<Span> = Vec::new();
    let mut seg_start: Option<usize> = None;
    let mut run = 0usize;
    let mut run_start = 0usize;
    let mut wide = false;
    for (i, c) in s.char_indices() {
        if is_space(c) {
            if run == 0 {
                run_start = i;
                wide = false;
            }
            run += 1;
            wide |= c != ' ';
        } else {
            if run > 0 {
                if let Some(st) = seg_start {
                    if run >= 2 || wide {
                        parts.push(Span::new(line.start + st, line.start + run_start));
                        seg_start = Some(i);
                    }
                }
            }
            if seg_start.is_none() {
                seg_start = Some(i);
            }
            run = 0;
        }
    }
    if let Some(st) = seg_start {
        let end = if run > 0 { run_start } else { s.len() };
        parts.push(Span::new(line.start + st, line.start + end));
    }
    // Single spaces between numbers: "四、结转下年度继续办理 0 0 0 0 0 0 0".
    let refined: Vec<Span> = parts.iter().flat_map(|p| split_number_tail(text, *p)).collect();
    let cells: Vec<Cell> = refined.iter().enumerate().map(|(i, p)| make_cell(text, *p, i)).collect();
    let numbers = cells.iter().filter(|c| c.value.is_number() || c.value == CellValue::Placeholder).count();
    let long_text = cells.iter().any(|c| c.value == CellValue::Text && c.span.slice(text).chars().count() > 45);
    // A header row of short labels ("自然人    法人或其他组织") is a row too.
    let label_row = cells.len() >= 2
        && numbers == 0
        && parts.len() >= 2
        && cells.iter().all(|c| {
            let t = c.span.slice(text);
            t.chars().count() <= 16 && !t.contains(['。', '，', '；', '：', ',', ';', ':', '、'])
        });
    if label_row {
        return Some(Row { span: line, cells, separator: false });
    }
    if cells.len() < 2 || long_text || numbers == 0 {
        return None;
    }
    // A sentence with one number in it ("发布信息 360 余条") is not a row.
    let trailing_numbers = cells.iter().rev().take_while(|c| c.value.is_data_like()).count();
    if trailing_numbers == 0 || (cells.len() - trailing_numbers > 2 && numbers < 2) {
        return None;
    }
    if numbers == 1 && cells.len() == 2 && !parts.len().ge(&2) {
        return None;
    }
    Some(Row { span: line, cells, separator: false })
}

fn looks_like_number_tail(s: &str) -> bool {
    let words: Vec<&str> = s.split(is_space).filter(|w| !w.is_empty()).collect();
    // "（二）部分公开（区分处理的，…）   0 … / 0": a "/" is a cell too
    words.len() >= 3
        && words.iter().rev().take(2).all(|w| {
            let v = parse_cell(w);
            v.is_number() || v == CellValue::Placeholder
        })
        && words.iter().rev().take(2).any(|w| parse_cell(w).is_number())
}

/// Split "label 0 0 0" (single spaces) into the label and the numbers.
fn split_number_tail(text: &str, part: Span) -> Vec<Span> {
    let s = part.slice(text);
    let words: Vec<(usize, &str)> = {
        let mut v = Vec::new();
        let mut start = None;
        for (i, c) in s.char_indices() {
            if is_space(c) {
                if let Some(st) = start.take() {
                    v.push((st, &s[st..i]));
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(st) = start {
            v.push((st, &s[st..]));
        }
        v
    };
    let tail = words.iter().rev().take_while(|(_, w)| parse_cell(w).is_number()).count();
    // "2025 年" must stay one cell: only split off a run of two or more numbers,
    // or a single number after a label.
    if words.len() < 2 || tail == 0 || (tail == 1 && words.len() - tail == 0) {
        return vec![part];
    }
    if tail < 2 && tail != words.len() {
        // one number after a label: keep the label whole and split the number off
        let (off, _) = words[words.len() - 1];
        let label_end = s[..off].trim_end_matches(is_space).len();
        return vec![Span::new(part.start, part.start + label_end), Span::new(part.start + off, part.end)];
    }
    let mut out = Vec::new();
    let first_num = words.len() - tail;
    if first_num > 0 {
        let (off, _) = words[first_num];
        let label_end = s[..off].trim_end_matches(is_space).len();
        // "规章0 0 0": a page glued the first number to its label
        let label = &s[..label_end];
        let digits = label.len() - label.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let ideograph_before = label[..label_end - digits]
            .chars()
            .last()
            .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || chars!("）)”’》").contains(&c));
        if digits > 0 && ideograph_before {
            out.push(Span::new(part.start, part.start + label_end - digits));
            out.push(Span::new(part.start + label_end - digits, part.start + label_end));
        } else {
            out.push(Span::new(part.start, part.start + label_end));
        }
    }
    for (off, w) in &words[first_num..] {
        out.push(Span::new(part.start + off, part.start + off + w.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(line: &str) -> Option<(TableStyle, Vec<String>)> {
        split_row(line, Span::new(0, line.len()))
            .map(|(st, r)| (st, r.cells.iter().map(|c| c.span.slice(line).to_string()).collect()))
    }

    #[test]
    fn tsv_keeps_empty_cells() {
        let (st, c) = cells("一、本年新收\t\t0\t1").unwrap();
        assert_eq!(st, TableStyle::Tsv);
        assert_eq!(c, vec!["一、本年新收", "", "0", "1"]);
    }

    #[test]
    fn markdown_rows() {
        let (st, c) = cells("| 规章 | 0 | 1 |").unwrap();
        assert_eq!(st, TableStyle::Markdown);
        assert_eq!(c, vec!["规章", "0", "1"]);
        let r = split_row("|---|:--:|", Span::new(0, 10)).unwrap().1;
        assert!(r.separator);
    }

    #[test]
    fn pipe_rows_without_the_outer_pipes() {
        let (st, c) = cells("行政处罚 | 12 | 3 | 40").unwrap();
        assert_eq!(st, TableStyle::Markdown);
        assert_eq!(c, vec!["行政处罚", "12", "3", "40"]);
        let (_, c) = cells("行政处罚 | 12 | 3 | 40 |").unwrap();
        assert_eq!(c, vec!["行政处罚", "12", "3", "40"]);
        let (_, c) = cells("行政处罚 | 31 |  |").unwrap();
        assert_eq!(c, vec!["行政处罚", "31", ""]);
        let (_, c) = cells("三、本年度办理结果 | （一）予以公开 |  | 5 | 2").unwrap();
        assert_eq!(c, vec!["三、本年度办理结果", "（一）予以公开", "", "5", "2"]);
        let (_, c) = cells("1 | 0 | 0 | 1 | 2").unwrap();
        assert_eq!(c.len(), 5);
        assert!(cells("2 | 3").is_none());
        assert!(cells("打印 | 关闭").is_none());
        assert!(split_row("---|---|---", Span::new(0, 11)).unwrap().1.separator);
        // prose with a pipe in it is not a row
        assert!(cells("详见网站栏目“政务公开 | 年报”，欢迎查阅。").is_none());
        assert!(cells("行政处罚 | 12 | 共计若干件").is_none());
    }

    #[test]
    fn space_aligned_rows() {
        let (st, c) = cells("行政规范性文件    5    1    25").unwrap();
        assert_eq!(st, TableStyle::Spaces);
        assert_eq!(c, vec!["行政规范性文件", "5", "1", "25"]);
        let (_, c) = cells("四、结转下年度继续办理 0 0 0 0 0 0 0").unwrap();
        assert_eq!(c.len(), 8);
        let (_, c) = cells("结果 维持　结果 纠正　0　1").unwrap();
        assert_eq!(c, vec!["结果 维持", "结果 纠正", "0", "1"]);
        let (_, c) = cells("0 0 0 0 0 0 0 0 0 0 0 0 0 0 0").unwrap();
        assert_eq!(c.len(), 15);
        // the first number glued to its label
        let (_, c) = cells("行政规范性文件2 1 15").unwrap();
        assert_eq!(c, vec!["行政规范性文件", "2", "1", "15"]);
        let (_, c) = cells("一、本年新收政府信息公开申请数量10 3 0 0 0 0 13").unwrap();
        assert_eq!(c.len(), 8);
    }

    #[test]
    fn prose_is_not_a_row() {
        assert!(cells("通过政府网站制作、发布政府信息 70 余条，其中工作动态 47 条。").is_none());
        assert!(cells("2025 年，下冶镇将进一步深化政府信息公开工作。").is_none());
        assert!(cells("一、总体情况").is_none());
        assert!(cells("日期 2025  1  1  日").is_none());
    }
}
