//! The standard tables and the whole report skeleton, as text.

use super::grid::{Grid, render, row};
use crate::config::FormatVersion;
use crate::model::TableId;
use crate::model::standard::*;
use crate::syntax::TableStyle;
use crate::syntax::normalize::cn_numeral_char;

/// A value for (standard row index, column index) of a table.
pub type Values<'a> = &'a dyn Fn(usize, usize) -> String;

fn zero(_: usize, _: usize) -> String {
    "0".to_string()
}

pub fn table2_grid(format: FormatVersion, values: Values) -> Grid {
    let specs: &[RowSpec] = if format == FormatVersion::Trial2019 { &T2_ROWS_2019 } else { &T2_ROWS };
    let width = 1 + specs.iter().map(|s| s.columns.len()).max().unwrap_or(1);
    let pad = |mut r: Vec<String>| {
        r.resize(width, String::new());
        r
    };
    let mut g = Grid::new();
    let mut block = None;
    for (i, s) in specs.iter().enumerate() {
        if s.block != block {
            block = s.block;
            g.push(pad(row(&[s.block.unwrap_or("")])));
            let mut h = row(&["信息内容"]);
            h.extend(s.columns.iter().map(|c| c.to_string()));
            g.push(pad(h));
        }
        let mut r = row(&[s.label]);
        r.extend((0..s.columns.len()).map(|c| values(i, c)));
        g.push(pad(r));
    }
    g
}

pub fn table3_grid(format: FormatVersion, style: TableStyle, values: Values) -> Grid {
    let mut g = Grid::new();
    let corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    if style == TableStyle::Markdown {
        let mut h = row(&[corner, "", ""]);
        h.extend(T3_COLUMNS.iter().map(|c| c.to_string()));
        g.push(h);
    } else {
        g.push(row(&[corner, "", "", "申请人情况", "", "", "", "", "", ""]));
        g.push(row(&["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"]));
        g.push(row(&["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]));
    }
    let mut last_top = None;
    let mut last_group = None;
    for i in t3_rows(format == FormatVersion::Trial2019) {
        let s = &T3_ROWS[i];
        let top = if s.top != last_top { s.top.unwrap_or("") } else { "" };
        last_top = s.top;
        let mut r = if s.group.is_some() {
            let group = if s.group != last_group { s.group.unwrap_or("") } else { "" };
            row(&[top, group, s.label])
        } else if s.top.is_some() {
            row(&[top, s.label, ""])
        } else {
            row(&[s.label, "", ""])
        };
        last_group = s.group;
        r.extend(t3::COLUMNS.map(|c| values(i, c)));
        g.push(r);
    }
    g
}

pub fn table4_grid(values: Values) -> Grid {
    let mut g = Grid::new();
    // three header rows: 行政复议 | 行政诉讼 over groups 1 and 2, the group
    // names, then the results under each litigation group
    let width = t4::COLUMNS.len();
    let mut r0 = vec![String::new(); width];
    r0[t4::col(0, 0)] = "行政复议".into();
    r0[t4::col(1, 0)] = "行政诉讼".into();
    g.push(r0);
    let mut r1 = vec![String::new(); width];
    for (i, res) in T4_RESULTS.iter().enumerate() {
        r1[t4::col(0, i)] = res.to_string();
    }
    r1[t4::col(1, 0)] = T4_GROUPS[1].into();
    r1[t4::col(2, 0)] = T4_GROUPS[2].into();
    g.push(r1);
    let mut r2 = vec![String::new(); width];
    for group in 1..t4::GROUPS {
        for (i, res) in T4_RESULTS.iter().enumerate() {
            r2[t4::col(group, i)] = res.to_string();
        }
    }
    g.push(r2);
    g.push(t4::COLUMNS.map(|c| values(t4::ROW, c)).collect());
    g
}

/// A standard table filled with zeros.
pub fn table(id: TableId, style: TableStyle, format: FormatVersion) -> String {
    table_with(id, style, format, &zero)
}

pub fn table_with(id: TableId, style: TableStyle, format: FormatVersion, values: Values) -> String {
    let grid = match id {
        TableId::Two => table2_grid(format, values),
        TableId::Three => table3_grid(format, style, values),
        TableId::Four => table4_grid(values),
    };
    render(&grid, style)
}

fn heading(n: u32, style: TableStyle) -> String {
    let h = format!("{}、{}", cn_numeral_char(n as usize), spec_title(n));
    if style == TableStyle::Markdown { format!("## {h}") } else { h }
}

fn spec_title(n: u32) -> &'static str {
    crate::model::sections::spec(n).title
}

/// One section: its heading and the standard content a new section starts with.
pub fn section_block(n: u32, style: TableStyle, year: Option<i32>, format: FormatVersion, with_table: bool) -> String {
    let mut s = heading(n, style);
    s.push_str("\n\n");
    match n {
        1 => {
            for (i, part) in
                ["主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"].iter().enumerate()
            {
                s.push_str(&format!("（{}）{part}\n\n", cn_numeral_char(i + 1)));
            }
        }
        2..=4 if with_table => {
            let id = [TableId::Two, TableId::Three, TableId::Four][(n - 2) as usize];
            s.push_str(&table(id, style, format));
            s.push('\n');
        }
        5 => {
            s.push_str("（一）存在的主要问题\n\n（二）改进情况\n\n");
            if let Some(y) = year {
                s.push_str(&format!("{}年，将进一步做好政府信息公开工作。\n\n", y + 1));
            }
        }
        6 => s.push_str("本年度未收取政府信息公开信息处理费。\n\n"),
        _ => {}
    }
    s
}

/// A complete report: title, preamble, six sections and three tables.
pub fn report(year: i32, body: Option<&str>, style: TableStyle) -> String {
    let format = FormatVersion::for_year(year);
    let body = body.unwrap_or("××××");
    let title = format!("{body}{year}年政府信息公开工作年度报告");
    let basis = if format == FormatVersion::Trial2019 {
        "《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）"
    } else {
        "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"
    };
    let mut s = if style == TableStyle::Markdown { format!("# {title}\n\n") } else { format!("{title}\n\n") };
    s.push_str(&format!(
        "本报告根据《中华人民共和国政府信息公开条例》和{basis}要求编制。本报告中所列数据的统计期限为{year}年1月1日至{year}年12月31日。\n\n"
    ));
    for n in 1..=6 {
        s.push_str(&section_block(n, style, Some(year), format, true));
    }
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}
