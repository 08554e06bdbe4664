//! Dropped columns are one finding, blank cells are bad cells, unfilled
//! reports are reported as such (issue 15, item 5).

mod common;
use common::*;
use nianbao_core::config::FormatVersion;
use nianbao_core::fix::grid::{Grid, render};
use nianbao_core::fix::skeleton;
use nianbao_core::model::TableId;
use nianbao_core::syntax::TableStyle;

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
        TableId::Three => nianbao_core::model::standard::T3_COLUMNS
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
                for (c, name) in g[head].iter().enumerate().skip(1) {
                    if name.is_empty() {
                        continue;
                    }
                    out.push(Column {
                        id,
                        name: name.clone(),
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
    drop_from(&report(style), &base_grid(col.id, style), style, col, with_header)
}

/// [`drop_column`] on any text holding `g` rendered in `style`.
fn drop_from(text: &str, g: &Grid, style: Style, col: &Column, with_header: bool) -> String {
    let g = g.clone();
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
    replace_once(text, &before, &after)
}

fn of_rule<'a>(f: &'a [nianbao_core::Finding], rule: &str) -> Vec<&'a nianbao_core::Finding> {
    f.iter().filter(|f| f.rule == rule).collect()
}

/// Apply the first fix of each finding of `rule`.
fn fixed_by(text: &str, rule: &str) -> String {
    let edits: Vec<_> = of_rule(&check(text), rule)
        .into_iter()
        .flat_map(|f| f.fixes.first().cloned())
        .flat_map(|x| edits_of(text, &x))
        .collect();
    assert!(!edits.is_empty(), "{rule} offered no fix");
    nianbao_core::fix::apply(text, &edits).unwrap().0
}

/// The recall loop: every column of every table dropped in turn, in each
/// style, from the header and the rows or from the rows only. Each is one
/// table/missing-column finding and nothing else; where the header or the
/// numbers tell which column went, the message names it and the fix gives
/// back a clean report. A single-column block of table 二 whose rows lost
/// their number under a complete header is an empty cell per row instead.
#[test]
fn every_dropped_column_is_one_finding() {
    let (mut cases, mut one, mut named, mut repaired, mut blank) = (0, 0, 0, 0, 0);
    for style in STYLES {
        for id in [TableId::Two, TableId::Three, TableId::Four] {
            for col in columns(id, style) {
                for with_header in [true, false] {
                    let t = drop_column(style, &col, with_header);
                    let f = check(&t);
                    let s = summary(&t, &f);
                    let case = format!("{style:?} {id:?} {} header dropped: {with_header}", col.name);
                    cases += 1;
                    let single = id == TableId::Two && col.grid_col == 1 && !col.name.starts_with("本年制发");
                    if single && !with_header {
                        assert!(f.iter().all(|f| f.rule == "table/bad-cell"), "{case}: {s:?}");
                        assert_eq!(f.len(), col.data_rows.len(), "{case}: one per row: {s:?}");
                        blank += 1;
                        continue;
                    }
                    assert_eq!(s.len(), 1, "{case}: {s:?}");
                    assert_eq!(f[0].rule, "table/missing-column", "{case}: {s:?}");
                    one += 1;
                    let m = &f[0].message;
                    let name = match id {
                        TableId::Four => nianbao_core::model::standard::T4_RESULTS[col.grid_col % 5].to_string(),
                        _ => col.name.clone(),
                    };
                    if m.contains(&name) {
                        named += 1;
                    }
                    // the header names the column it lost: so must the message
                    if with_header {
                        assert!(m.contains(&name), "{case}: {m}");
                    }
                    if let Some(fix) = f[0].fixes.first() {
                        assert!(!fix.safe, "{case}: rebuilding a table changes its layout");
                        let fixed = nianbao_core::fix::apply(&t, &edits_of(&t, fix)).unwrap().0;
                        let after = summary(&fixed, &check(&fixed));
                        // table 二 has no sums: its dropped cells come back as 0
                        if id != TableId::Two || after.is_empty() {
                            assert!(after.is_empty(), "{case}: after the fix {after:?}");
                        }
                        repaired += 1;
                    }
                }
            }
        }
    }
    println!(
        "dropped columns: {cases} cases, {one} one table/missing-column finding, {named} naming the column, \
         {repaired} with a fix, {blank} empty cells (single-column blocks)"
    );
    assert_eq!(one + blank, cases);
}

#[test]
fn dropped_total_found_from_the_numbers() {
    for style in STYLES {
        // table 三: header complete, every row lost its 总计
        let col = columns(TableId::Three, style).into_iter().find(|c| c.name == "总计").unwrap();
        let t = drop_column(style, &col, false);
        let f = check(&t);
        assert_eq!(rules_of(&f), ["table/missing-column"], "{style:?}");
        assert!(f[0].message.contains("缺的是“总计”列"), "{style:?} {}", f[0].message);
        let fixed = fixed_by(&t, "table/missing-column");
        assert!(check(&fixed).is_empty(), "{style:?}: {:?}", summary(&fixed, &check(&fixed)));
        assert!(fixed.contains("13"), "{style:?}: 总计 of 一 is 10 + 3");
        // table 四: 未经复议直接起诉·总计 (1) gone from the data row only
        let col = columns(TableId::Four, style).into_iter().nth(9).unwrap();
        let t = drop_column(style, &col, false);
        let f = check(&t);
        assert_eq!(rules_of(&f), ["table/missing-column"], "{style:?}");
        assert!(f[0].message.contains("缺的是“未经复议直接起诉·总计”列（按该组合计应为 1）"), "{}", f[0].message);
        let fixed = fixed_by(&t, "table/missing-column");
        assert!(check(&fixed).is_empty(), "{style:?}: {:?}", summary(&fixed, &check(&fixed)));
        // 行政复议·结果维持 gone from the data row only: 维持 or 纠正 add up
        // alike, but the group is certain
        let col = columns(TableId::Four, style).into_iter().next().unwrap();
        let t = drop_column(style, &col, false);
        let f = check(&t);
        assert_eq!(rules_of(&f), ["table/missing-column"], "{style:?}");
        assert!(f[0].message.contains("无法判断") && f[0].message.contains("“行政复议”组"), "{}", f[0].message);
        assert!(f[0].fixes.is_empty(), "no fix when the column is unknown");
    }
}

#[test]
fn dropped_applicant_column_is_restored_from_totals() {
    for style in STYLES {
        let col = columns(TableId::Three, style).into_iter().find(|c| c.name == "自然人").unwrap();
        let t = drop_column(style, &col, true);
        let f = check(&t);
        assert_eq!(rules_of(&f), ["table/missing-column"], "{style:?}");
        let fixed = fixed_by(&t, "table/missing-column");
        assert!(check(&fixed).is_empty(), "{style:?}: {:?}", summary(&fixed, &check(&fixed)));
        // rows only: the numbers cannot say which applicant column went
        let t = drop_column(style, &col, false);
        let f = check(&t);
        assert_eq!(rules_of(&f), ["table/missing-column"], "{style:?}");
        assert!(f[0].message.contains("无法判断"), "{}", f[0].message);
        assert!(f[0].message.contains("各行最后一个数仍是总计"), "{}", f[0].message);
    }
}

#[test]
fn one_short_row_is_still_row_width() {
    // a single row one number short is not a dropped column
    for style in STYLES {
        let t = report(style);
        for label in ["6.属于四类过程性信息", "规章"] {
            let line = t.split('\n').find(|l| l.contains(label)).unwrap().to_string();
            let short = match style {
                Style::Markdown => line.replacen(" 0 |", "", 1),
                Style::Tsv => line.replacen("\t0", "", 1),
                Style::Spaces => line.replacen("    0", "", 1),
            };
            let t = t.replacen(&line, &short, 1);
            assert_eq!(rules_of(&check(&t)), ["table/row-width"], "{style:?} {label}");
        }
    }
}

// ------------------------------------------------------------ blank cells

/// A row's line with its n-th number (0-based) made empty.
fn blank_nth(text: &str, style: Style, label: &str, nth: usize) -> String {
    let line = text.split('\n').find(|l| l.contains(label)).unwrap().to_string();
    let sep = if style == Style::Markdown { "|" } else { "\t" };
    let cells: Vec<&str> = line.split(sep).collect();
    let numbers: Vec<usize> = (0..cells.len()).filter(|&i| is_number(cells[i].trim())).collect();
    let mut cells: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
    cells[numbers[nth]] = if style == Style::Markdown { "  ".into() } else { String::new() };
    text.replacen(&line, &cells.join(sep), 1)
}

#[test]
fn blank_total_is_fixed_with_the_row_sum() {
    // space-aligned rows have no empty cells: a blank there is a short row
    for style in [Style::Tsv, Style::Markdown] {
        let t = blank_nth(&report(style), style, "（一）予以公开", 6);
        let f = check(&t);
        assert_eq!(rules_of(&f), ["table/bad-cell"], "{style:?}");
        assert!(f[0].message.contains("应为 7"), "{style:?} {}", f[0].message);
        assert_eq!(f[0].fixes[0].title, "改为 7");
        assert!(f[0].fixes[0].safe, "a sum is the only value the row allows");
        let fixed = fixed_by(&t, "table/bad-cell");
        assert!(check(&fixed).is_empty(), "{style:?}: {:?}", summary(&fixed, &check(&fixed)));
        // table 四: a blank 行政复议·总计 is 1 + 1
        let t = set_t4(&report(style), 4, "");
        let f = check(&t);
        assert_eq!(rules_of(&f), ["table/bad-cell"], "{style:?}");
        assert_eq!(f[0].fixes[0].title, "改为 2", "{style:?}");
        let fixed = fixed_by(&t, "table/bad-cell");
        assert!(check(&fixed).is_empty(), "{style:?}: {:?}", summary(&fixed, &check(&fixed)));
    }
}

#[test]
fn blank_applicant_cell_is_fixed_with_what_the_total_leaves() {
    for style in [Style::Tsv, Style::Markdown] {
        // （一）予以公开: 自然人 5, 商业企业 2, 总计 7
        let t = blank_nth(&report(style), style, "（一）予以公开", 0);
        let f = check(&t);
        assert_eq!(rules_of(&f), ["table/bad-cell"], "{style:?}");
        assert!(f[0].message.contains("应为 5"), "{}", f[0].message);
        assert_eq!(f[0].fixes[0].title, "改为 5");
        // every sum through the cell (its row, its column's result total and
        // balance) agrees on 5: nothing contradicts the fix, so it is safe
        assert!(f[0].fixes[0].safe, "every sum through the cell agrees");
        let fixed = fixed_by(&t, "table/bad-cell");
        assert!(check(&fixed).is_empty(), "{style:?}");
        // a blank in a zero row is still 0, and safe
        let t = blank_nth(&report(style), style, "6.属于四类过程性信息", 6);
        let f = check(&t);
        assert_eq!(f[0].fixes[0].title, "改为 0");
        assert!(f[0].fixes[0].safe);
    }
}

#[test]
fn rebuilt_table_fills_a_blank_total_with_the_sum() {
    // a missing row and a blank 总计: the rebuild keeps the row adding up
    for style in [Style::Tsv, Style::Markdown] {
        let t = blank_nth(&report(style), style, "（一）予以公开", 6);
        let t = drop_line(&t, "6.属于四类过程性信息");
        let fixed = fixed_by(&t, "table/missing-row");
        assert!(check(&fixed).is_empty(), "{style:?}: {:?}", summary(&fixed, &check(&fixed)));
    }
}

#[test]
fn a_row_present_but_blank_is_a_bad_cell_not_a_missing_row() {
    for style in STYLES {
        let t = report(style);
        for label in ["6.属于四类过程性信息", "行政强制", "本机关不掌握相关政府信息"] {
            let line = t.split('\n').find(|l| l.contains(label)).unwrap().to_string();
            let blank = match style {
                Style::Tsv => {
                    line.split('\t').map(|c| if is_number(c) { "" } else { c }).collect::<Vec<_>>().join("\t")
                }
                Style::Markdown => {
                    line.split('|').map(|c| if is_number(c.trim()) { "  " } else { c }).collect::<Vec<_>>().join("|")
                }
                Style::Spaces => line.split("    ").filter(|c| !is_number(c)).collect::<Vec<_>>().join("    "),
            };
            let t = t.replacen(&line, &blank, 1);
            let f = check(&t);
            let s = summary(&t, &f);
            assert!(!s.iter().any(|s| s.starts_with("table/missing-row")), "{style:?} {label}: {s:?}");
            let bad = of_rule(&f, "table/bad-cell");
            assert_eq!(bad.len(), 1, "{style:?} {label}: one finding for the row: {s:?}");
            assert!(bad[0].message.contains(label.trim_start_matches("本机关")), "{}", bad[0].message);
        }
        // the row really absent is still missing
        let t = drop_line(&report(style), "6.属于四类过程性信息");
        assert_eq!(rules_of(&check(&t)), ["table/missing-row"], "{style:?}");
    }
}

// ------------------------------------------------------------ unfilled sections

fn five_says(style: Style, body: &str) -> String {
    replace_once(
        &report(style),
        "（一）存在的主要问题：公开时效性把握不够准确。\n\n（二）改进情况：针对2024年度报告中指出的问题，2025年已完成整改。2026年，我镇将进一步提升信息发布质量。",
        body,
    )
}

#[test]
fn five_with_nothing_but_wu_is_empty() {
    for style in STYLES {
        for body in
            ["无。", "无", "本年度暂无。", "我镇将继续做好政府信息公开工作。", "（一）存在的主要问题\n\n（二）改进情况"]
        {
            let t = five_says(style, body);
            let f = check(&t);
            assert_eq!(rules_of(&f), ["structure/empty-section"], "{style:?} {body}: {:?}", summary(&t, &f));
            assert!(f[0].message.contains("五、存在的主要问题及改进情况"), "{}", f[0].message);
        }
        // two real sentences, however plain, are a 五
        let t = five_says(
            style,
            "（一）存在的主要问题：信息公开不够及时。\n\n（二）改进情况：2026年将建立信息发布台账，按月检查更新情况。",
        );
        assert!(check(&t).is_empty(), "{style:?}: {:?}", summary(&t, &check(&t)));
    }
}

#[test]
fn a_one_sentence_six_is_not_empty() {
    for six in ["本年度未收取信息处理费。", "无收取信息处理费情况。", "本单位2025年度未产生信息处理费。"]
    {
        let t = replace_once(&report(Style::Tsv), "本年度未收取政府信息公开信息处理费。", six);
        assert!(check(&t).is_empty(), "{six}: {:?}", summary(&t, &check(&t)));
    }
}

#[test]
fn skeleton_output_is_reported_as_unfilled_in_every_style() {
    for year in [2020, 2025] {
        for style in [TableStyle::Tsv, TableStyle::Markdown] {
            for body in [None, Some("青山镇人民政府")] {
                let t = skeleton::report(year, body, style);
                let f = check(&t);
                let sections: Vec<&str> =
                    f.iter().filter(|f| f.rule == "structure/empty-section").map(|f| f.message.as_str()).collect();
                assert_eq!(sections.len(), 5, "{year} {style:?} {body:?}: {:?}", summary(&t, &f));
                assert!(sections[0].contains("模板"), "{}", sections[0]);
                assert!(sections[4].contains("模板"), "{}", sections[4]);
            }
        }
    }
}

#[test]
fn all_zero_tables_are_fine_when_the_report_has_prose() {
    // a small township with no applications and no reviews: a real report
    for style in STYLES {
        let mut t = report(style);
        for id in [TableId::Three, TableId::Four] {
            let g = base_grid(id, style);
            let zero: Grid = g
                .iter()
                .map(|r| r.iter().map(|c| if is_number(c) { "0".to_string() } else { c.clone() }).collect())
                .collect();
            t = replace_once(&t, &render_in(&g, style), &render_in(&zero, style));
        }
        let t = replace_once(&t, "2025年，因政府信息公开被申请行政复议2件，提起行政诉讼1件。", "");
        let t = replace_once(
            &t,
            "（二）依申请公开：2025年全年收到政府信息公开申请13件，上年结转2件，办结13件，其中予以公开7件，部分公开1件，结转下年度2件。",
            "（二）依申请公开：2025年未收到政府信息公开申请。",
        );
        let f = check(&t);
        assert!(f.is_empty(), "{style:?}: {:?}", summary(&t, &f));
    }
}

// ------------------------------------------------------------ fee statement, 规章

#[test]
fn fee_statement_only_from_the_2021_format() {
    let without = |t: &str| replace_once(t, "本年度未收取政府信息公开信息处理费。", "本年度无其他需要报告的事项。");
    for style in [TableStyle::Tsv, TableStyle::Markdown] {
        for (year, expect) in [(2019, 0), (2020, 0), (2021, 1), (2025, 1)] {
            let t = without(&skeleton::report(year, Some("青山镇人民政府"), style));
            let n = of_rule(&check(&t), "content/fee-statement").len();
            assert_eq!(n, expect, "{year} {style:?}");
        }
    }
}

#[test]
fn township_rules_in_any_of_the_three_columns() {
    for style in STYLES {
        for col in 0..3 {
            for body in ["青山镇人民政府", "青山乡人民政府", "城关街道办事处"] {
                let t = set_cell(&report(style), "规章", col, "2");
                let t = replace_once(&t, "青山镇人民政府2025年", &format!("{body}2025年"));
                let f = check(&t);
                assert_eq!(rules_of(&f), ["plausibility/township-rules"], "{style:?} {col} {body}");
            }
        }
        // 规章 all 0, and 行政规范性文件 (which townships do issue) non-zero: fine
        assert!(check(&report(style)).is_empty());
        let t = set_cell(&report(style), "行政规范性文件", 0, "3");
        assert!(check(&t).is_empty(), "{style:?}");
    }
}

#[test]
fn dropped_total_without_a_header_row() {
    // no header at all: the standard's seven columns are the basis
    for style in [Style::Tsv, Style::Spaces] {
        let col = columns(TableId::Three, style).into_iter().find(|c| c.name == "总计").unwrap();
        let g = base_grid(TableId::Three, style);
        let mut d: Grid = g.clone();
        for &r in &col.data_rows {
            d[r].remove(col.grid_col);
        }
        let d: Grid = d.into_iter().enumerate().filter(|(r, _)| !col.header_rows.contains(r)).map(|(_, r)| r).collect();
        let t = replace_once(&report(style), &render_in(&g, style), &render_in(&d, style));
        let f = check(&t);
        assert_eq!(rules_of(&f), ["table/missing-column"], "{style:?}: {:?}", summary(&t, &f));
        assert!(f[0].message.contains("应有 7 列：缺的是“总计”列"), "{}", f[0].message);
    }
}

#[test]
fn dropped_columns_in_the_2019_table_two() {
    // a 2020 report: 第二十条第（五）项 has three columns in the trial format
    for style in STYLES {
        let ts = table_style(style);
        let g = skeleton::table2_grid(FormatVersion::Trial2019, &|_, _| "0".to_string());
        let skel = skeleton::report(2020, Some("青山镇人民政府"), ts);
        // the same table in the test's own rendering of the style
        let text = replace_once(&skel, &render(&g, ts), &render_in(&g, style));
        let head = (0..g.len()).find(|&r| g[r][0].starts_with("第二十条第（五）项")).unwrap() + 1;
        for (c, name) in [(1, "上一年项目数量"), (2, "本年增/减"), (3, "处理决定数量")] {
            let col = Column {
                id: TableId::Two,
                name: name.to_string(),
                grid_col: c,
                header_rows: vec![head],
                data_rows: vec![head + 1, head + 2],
            };
            for with_header in [true, false] {
                let t = drop_from(&text, &g, style, &col, with_header);
                let f: Vec<_> = check(&t).into_iter().filter(|f| f.rule.starts_with("table/")).collect();
                assert_eq!(rules_of(&f), ["table/missing-column"], "{style:?} {name} {with_header}");
                assert!(f[0].message.contains("第二十条第（五）项"), "{}", f[0].message);
                assert_eq!(f[0].message.contains(name), with_header, "{}", f[0].message);
            }
        }
    }
}

#[test]
fn header_without_a_label_over_complete_rows_is_one_finding() {
    for style in STYLES {
        for (label, typo) in [("总计", "合计"), ("科研机构", "科研单位")] {
            let t = report(style);
            let at = t.find("三、收到和处理").unwrap();
            let i = at + t[at..].find(label).unwrap();
            let t = format!("{}{typo}{}", &t[..i], &t[i + label.len()..]);
            let f = check(&t);
            assert_eq!(rules_of(&f), ["table/missing-column"], "{style:?} {label}: {:?}", summary(&t, &f));
            assert!(f[0].message.contains(&format!("表头缺少“{label}”列名")), "{}", f[0].message);
            let fixed = fixed_by(&t, "table/missing-column");
            assert!(check(&fixed).is_empty(), "{style:?}: {:?}", summary(&fixed, &check(&fixed)));
        }
    }
}

#[test]
fn a_label_whose_number_is_on_the_next_line_is_not_a_blank_row() {
    // one cell per line, as web pages leave a table: the row is not blank
    for next in ["0", "0 |"] {
        let t = replace_once(&report(Style::Spaces), "行政强制    0", &format!("行政强制\n{next}"));
        let f = check(&t);
        assert!(
            !f.iter().any(|f| f.rule == "table/bad-cell" && f.message.contains("行政强制")),
            "{next}: {:?}",
            summary(&t, &f)
        );
    }
}
