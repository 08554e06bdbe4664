//! Dropped columns are one finding, blank cells are bad cells, unfilled
//! reports are reported as such (issue 15, item 5).

mod common;
use common::*;
use nianbao::config::FormatVersion;
use nianbao::fix::grid::{Grid, render};
use nianbao::fix::skeleton;
use nianbao::model::TableId;
use nianbao::syntax::TableStyle;

fn table_style(style: Style) -> TableStyle {
    if style == Style::Markdown { TableStyle::Markdown } else { TableStyle::Tsv }
}

/// The grid `common::report` renders for a table.
fn base_grid(id: TableId, style: Style) -> Grid {
    let v3 = |r: usize, c: usize| t3_value(r, c).to_string();
    let v4 = |_: usize, c: usize| t4_value(c).to_string();
    match id {
        TableId::Two => skeleton::table2_grid(FormatVersion::Standard2021, &t2_value),
        TableId::Three => skeleton::table3_grid(FormatVersion::Standard2021, table_style(style), &v3),
        TableId::Four => skeleton::table4_grid(&v4),
    }
}

/// Markdown rows keep their own width: a row that lost a cell is shorter,
/// not padded with an empty cell (which would be a blank value).
fn render_in(grid: &Grid, style: Style) -> String {
    if style == Style::Markdown {
        let mut out = String::new();
        for (i, row) in grid.iter().enumerate() {
            out.push_str(&format!("| {} |\n", row.join(" | ")));
            if i == 0 {
                out.push_str(&format!("|{}\n", "---|".repeat(row.len())));
            }
        }
        return out;
    }
    let s = render(grid, table_style(style));
    if style == Style::Spaces { to_spaces(&s) } else { s }
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// A standard column of a table as the grid lays it out: the grid column
/// and which grid rows hold it (for table 二, one block's header and rows).
#[derive(Debug, Clone)]
struct Column {
    id: TableId,
    name: String,
    grid_col: usize,
    header_rows: Vec<usize>,
    data_rows: Vec<usize>,
}

fn columns(id: TableId, style: Style) -> Vec<Column> {
    let g = base_grid(id, style);
    let data: Vec<usize> = (0..g.len()).filter(|&r| g[r].iter().any(|c| is_number(c))).collect();
    let header: Vec<usize> = (0..g.len()).filter(|r| !data.contains(r)).collect();
    match id {
        TableId::Three => nianbao::model::standard::T3_COLUMNS
            .iter()
            .enumerate()
            .map(|(c, n)| Column {
                id,
                name: n.to_string(),
                grid_col: 3 + c,
                header_rows: header.clone(),
                data_rows: data.clone(),
            })
            .collect(),
        TableId::Four => (0..15)
            .map(|c| Column {
                id,
                name: format!("表四第{}列", c + 1),
                grid_col: c,
                header_rows: header.clone(),
                data_rows: data.clone(),
            })
            .collect(),
        TableId::Two => {
            // blocks start at a "第二十条" row; the next row is the block's header
            let starts: Vec<usize> = (0..g.len()).filter(|&r| g[r][0].starts_with("第二十条")).collect();
            let mut out = Vec::new();
            for (b, &s) in starts.iter().enumerate() {
                let end = starts.get(b + 1).copied().unwrap_or(g.len());
                let head = s + 1;
                for c in 1..g[head].len() {
                    if g[head][c].is_empty() {
                        continue;
                    }
                    out.push(Column {
                        id,
                        name: g[head][c].clone(),
                        grid_col: c,
                        header_rows: vec![head],
                        data_rows: (head + 1..end).collect(),
                    });
                }
            }
            out
        }
    }
}

/// Remove a cell from a grid row; a merged label it held (申请人情况,
/// 行政诉讼…) moves to the empty cell after it, as an editor deleting a
/// column would leave it.
fn remove_cell(row: &mut Vec<String>, c: usize, own_label: &str) {
    if c >= row.len() {
        return;
    }
    let gone = row.remove(c);
    if !gone.is_empty() && gone != own_label && !is_number(&gone) && row.get(c).is_some_and(String::is_empty) {
        row[c] = gone;
    }
}

/// The base report with one column dropped from the data rows, and from the
/// header too when `with_header`.
fn drop_column(style: Style, col: &Column, with_header: bool) -> String {
    let g = base_grid(col.id, style);
    let mut d = g.clone();
    let own = |r: usize| g[r][col.grid_col].clone();
    for &r in &col.data_rows {
        remove_cell(&mut d[r], col.grid_col, &own(r));
    }
    if with_header {
        for &r in &col.header_rows {
            remove_cell(&mut d[r], col.grid_col, &own(r));
        }
    }
    let before = render_in(&g, style);
    let after = render_in(&d, style);
    replace_once(&report(style), &before, &after)
}

#[test]
fn measure() {
    for style in STYLES {
        for id in [TableId::Two, TableId::Three, TableId::Four] {
            for col in columns(id, style) {
                for with_header in [true, false] {
                    let t = drop_column(style, &col, with_header);
                    let f = check(&t);
                    let s = summary(&t, &f);
                    let fixes: Vec<_> = f
                        .iter()
                        .filter(|f| f.rule == "table/missing-column")
                        .flat_map(|f| f.fixes.first().cloned())
                        .flat_map(|x| x.edits)
                        .collect();
                    let after = if fixes.is_empty() {
                        "no fix".to_string()
                    } else {
                        let fixed = nianbao::fix::apply(&t, &fixes).unwrap().0;
                        format!("{:?}", summary(&fixed, &check(&fixed)))
                    };
                    println!("{style:?} {id:?} {} header={with_header}: {s:?} fixed: {after}", col.name);
                }
            }
        }
    }
}

#[test]
fn probe() {
    for style in STYLES {
        let t = report(style);
        let line = t.split('\n').find(|l| l.contains("6.属于四类过程性信息")).unwrap().to_string();
        let blank = match style {
            Style::Tsv => line.replace("\t0", "\t"),
            Style::Markdown => line.replace(" 0 |", "  |"),
            Style::Spaces => line.replace("    0", ""),
        };
        let t2 = t.replacen(&line, &blank, 1);
        println!("{style:?} {:?}", summary(&t2, &check(&t2)));
        let line = t.split('\n').find(|l| l.contains("行政强制")).unwrap().to_string();
        let blank = match style {
            Style::Tsv => line.replace("\t0", "\t"),
            Style::Markdown => line.replace(" 0 |", "  |"),
            Style::Spaces => line.replace("    0", ""),
        };
        let t2 = t.replacen(&line, &blank, 1);
        println!("{style:?} {:?}", summary(&t2, &check(&t2)));
    }
}
