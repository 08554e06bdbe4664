//! What both readers produce — paragraphs and tables with merged cells
//! already laid on the grid — and the one writer that turns it into the text
//! nianbao checks: a line per paragraph, a TAB row per table row, blank lines
//! between blocks, as a clean draft pasted from Word looks.

use super::place::{Place, SourceMap};

/// Columns one cell may cover and a row may have: far above the 15 of
/// table 四, and what keeps the output linear in the input whatever spans a
/// hostile file declares.
pub const MAX_SPAN: usize = 64;
pub const MAX_ROW_WIDTH: usize = 256;
/// Tables inside tables deeper than this are read as plain paragraphs of the
/// enclosing cell, so no walk recurses without bound.
pub const MAX_TABLE_DEPTH: usize = 16;

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph's text; `\n` where the original broke the line inside it
    /// (Word's w:br, HTML's <br>), `\t` where Word had a tab.
    Para(String),
    Table(Table),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub rows: Vec<Vec<Slot>>,
}

/// One cell as laid on the grid: `span` columns wide. A cell covered by a
/// merge from above (vMerge continuation, HTML rowspan) is a slot with no
/// blocks, so the columns after it stay aligned.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub blocks: Vec<Block>,
    pub span: usize,
}

impl Slot {
    pub fn covered(span: usize) -> Slot {
        Slot { blocks: Vec::new(), span }
    }
}

/// Appends a slot, keeping the row within `MAX_ROW_WIDTH` columns.
pub fn push_slot(row: &mut Vec<Slot>, mut slot: Slot) {
    let width: usize = row.iter().map(|s| s.span).sum();
    if width >= MAX_ROW_WIDTH {
        return;
    }
    slot.span = slot.span.min(MAX_ROW_WIDTH - width);
    row.push(slot);
}

/// Renders the blocks; the map names a place for every paragraph and cell.
pub fn render(blocks: &[Block]) -> (String, SourceMap) {
    let mut w = Writer::default();
    w.blocks(blocks);
    if !w.text.is_empty() && !w.text.ends_with('\n') {
        w.text.push('\n');
    }
    (w.text, w.map)
}

#[derive(Default)]
struct Writer {
    text: String,
    map: SourceMap,
    paragraphs: usize,
    tables: usize,
    /// The last block written was a paragraph holding a TAB: a table typed
    /// with tabs (or a TAB draft pasted into Word) must stay one table, so
    /// such paragraphs follow each other without a blank line.
    last_row_like: bool,
}

impl Writer {
    fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            match b {
                Block::Para(s) => self.para(s),
                Block::Table(t) if is_layout(t) => {
                    // A page laid out with a table, or a one-column box:
                    // its content is the document, not a data table.
                    for slot in t.rows.iter().flatten() {
                        self.blocks(&slot.blocks);
                    }
                }
                Block::Table(t) => self.table(t),
            }
        }
    }

    fn para(&mut self, s: &str) {
        if s.trim().is_empty() {
            return;
        }
        let row_like = s.contains('\t');
        self.separate(row_like && self.last_row_like);
        self.paragraphs += 1;
        self.map.push(self.text.len(), Place::Paragraph(self.paragraphs));
        self.text.push_str(s);
        self.text.push('\n');
        self.last_row_like = row_like;
    }

    /// A blank line before the next block, unless it continues a TAB table.
    fn separate(&mut self, continues: bool) {
        if !self.text.is_empty() && !continues {
            self.text.push('\n');
        }
    }

    fn table(&mut self, t: &Table) {
        self.separate(false);
        self.tables += 1;
        let table = self.tables;
        for (r, row) in t.rows.iter().enumerate() {
            if row.is_empty() {
                continue;
            }
            let mut col = 1;
            for (i, slot) in row.iter().enumerate() {
                if i > 0 {
                    self.text.push('\t');
                }
                self.map.push(self.text.len(), Place::Cell { table, row: r + 1, col });
                self.text.push_str(&cell_text(&slot.blocks));
                for k in 1..slot.span {
                    self.text.push('\t');
                    self.map.push(self.text.len(), Place::Cell { table, row: r + 1, col: col + k });
                }
                col += slot.span;
            }
            self.text.push('\n');
        }
        self.last_row_like = false;
    }
}

/// Tables that hold tables, or have a single column, are layout: the
/// paragraphs and tables inside them are read as if they stood outside.
fn is_layout(t: &Table) -> bool {
    let nested = t.rows.iter().flatten().any(|s| s.blocks.iter().any(|b| matches!(b, Block::Table(_))));
    let width = t.rows.iter().map(|r| r.iter().map(|s| s.span).sum::<usize>()).max().unwrap_or(0);
    nested || width <= 1
}

/// A cell's text on one line: its paragraphs joined by a space, line breaks
/// and tabs inside it made spaces (a TAB would shift every later column).
fn cell_text(blocks: &[Block]) -> String {
    let mut parts = Vec::new();
    collect_cell(blocks, &mut parts);
    let joined = parts.join(" ");
    joined.split(['\t', '\n', '\r']).map(str::trim).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
}

fn collect_cell(blocks: &[Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Para(s) if !s.trim().is_empty() => out.push(s.trim().to_owned()),
            Block::Para(_) => {}
            Block::Table(t) => {
                for slot in t.rows.iter().flatten() {
                    collect_cell(&slot.blocks, out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(s: &str, span: usize) -> Slot {
        Slot { blocks: vec![Block::Para(s.to_owned())], span }
    }

    #[test]
    fn paragraphs_and_a_table_with_merges() {
        let t = Table {
            rows: vec![
                vec![cell("信息内容", 1), cell("本年处理决定数量", 3)],
                vec![cell("行政许可", 1), cell("0", 1), Slot::covered(1), cell("", 1)],
            ],
        };
        let (text, map) = render(&[
            Block::Para("一、总体情况".into()),
            Block::Para("".into()),
            Block::Table(t),
            Block::Para("第一行\n第二行".into()),
        ]);
        assert_eq!(text, "一、总体情况\n\n信息内容\t本年处理决定数量\t\t\n行政许可\t0\t\t\n\n第一行\n第二行\n");
        let at = |needle: &str| map.place(text.find(needle).unwrap()).unwrap().to_string();
        assert_eq!(at("一、"), "段落 1");
        assert_eq!(at("本年处理"), "表 1 第 1 行第 2 列");
        assert_eq!(at("行政许可"), "表 1 第 2 行第 1 列");
        assert_eq!(at("0\t"), "表 1 第 2 行第 2 列");
        assert_eq!(at("第二行"), "段落 2");
        // the empty cells of a horizontal merge are still named
        let second_tab = text.find("数量\t").unwrap() + "数量\t".len();
        assert_eq!(map.place(second_tab).unwrap().to_string(), "表 1 第 1 行第 3 列");
    }

    #[test]
    fn tab_paragraphs_stay_one_table_and_cells_stay_on_one_line() {
        let (text, _) = render(&[
            Block::Para("规章\t0\t0".into()),
            Block::Para("行政规范性文件\t1\t2".into()),
            Block::Table(Table { rows: vec![vec![cell("a\tb\nc", 1), cell(" d ", 1)]] }),
        ]);
        assert_eq!(text, "规章\t0\t0\n行政规范性文件\t1\t2\n\na b c\td\n");
    }

    #[test]
    fn layout_tables_are_read_as_their_content() {
        let inner = Table { rows: vec![vec![cell("x", 1), cell("1", 1)]] };
        let outer = Table {
            rows: vec![vec![
                Slot { blocks: vec![Block::Para("标题".into()), Block::Table(inner)], span: 1 },
                cell("侧栏", 1),
            ]],
        };
        let (text, map) = render(&[Block::Table(outer)]);
        assert_eq!(text, "标题\n\nx\t1\n\n侧栏\n");
        assert_eq!(map.place(text.find('x').unwrap()).unwrap().to_string(), "表 1 第 1 行第 1 列");
        // a one-column box is paragraphs too
        let boxed = Table { rows: vec![vec![cell("说明", 1)], vec![cell("正文", 1)]] };
        assert_eq!(render(&[Block::Table(boxed)]).0, "说明\n\n正文\n");
    }
}
