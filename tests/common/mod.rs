//! A correct 2025 report with non-zero numbers, renderable in every table
//! style, and small helpers for asserting findings.
#![allow(dead_code)]

pub mod lsp;

use nianbao_core::config::FormatVersion;
use nianbao_core::fix::skeleton;
use nianbao_core::model::TableId;
use nianbao_core::syntax::TableStyle;
use nianbao_core::{Config, Finding, LineIndex};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Tsv,
    Markdown,
    Spaces,
}

pub const STYLES: [Style; 3] = [Style::Tsv, Style::Markdown, Style::Spaces];

/// Table 三 by (row, column): applicants 自然人 and 商业企业 only; every
/// rule holds. Rows follow `nianbao_core::model::standard::T3_ROWS` indices.
pub fn t3_value(row: usize, col: usize) -> i64 {
    // 自然人, 商业企业; 总计 is the row sum
    let pair: (i64, i64) = match row {
        0 => (10, 3),  // 一、新收
        1 => (2, 0),   // 二、上年结转
        2 => (5, 2),   // （一）予以公开
        3 => (1, 0),   // （二）部分公开
        4 => (1, 0),   // （三）1.国家秘密
        12 => (2, 1),  // （四）1.不掌握
        16 => (1, 0),  // （五）2.重复申请
        23 => (10, 3), // （七）总计
        24 => (2, 0),  // 四、结转
        _ => (0, 0),
    };
    match col {
        0 => pair.0,
        1 => pair.1,
        6 => pair.0 + pair.1,
        _ => 0,
    }
}

/// Table 四: 行政复议 1 维持 + 1 尚未审结 = 2; 直接起诉 1 维持 = 1.
pub fn t4_value(col: usize) -> i64 {
    [1, 0, 0, 1, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0][col]
}

/// Table 二: 规章 0 (a township), 规范性文件 2/1/15, 许可 120, 处罚 31, 强制 0, 收费 1.25.
pub fn t2_value(row: usize, col: usize) -> String {
    match (row, col) {
        (1, 0) => "2".into(),
        (1, 1) => "1".into(),
        (1, 2) => "15".into(),
        (2, 0) => "120".into(),
        (3, 0) => "31".into(),
        (5, 0) => "1.25".into(),
        _ => "0".into(),
    }
}

fn table(id: TableId, style: Style) -> String {
    let ts = if style == Style::Markdown { TableStyle::Markdown } else { TableStyle::Tsv };
    let v3 = |r: usize, c: usize| t3_value(r, c).to_string();
    let v4 = |_: usize, c: usize| t4_value(c).to_string();
    let rendered = match id {
        TableId::Two => skeleton::table_with(id, ts, FormatVersion::Standard2021, &t2_value),
        TableId::Three => skeleton::table_with(id, ts, FormatVersion::Standard2021, &v3),
        TableId::Four => skeleton::table_with(id, ts, FormatVersion::Standard2021, &v4),
    };
    match style {
        Style::Spaces => to_spaces(&rendered),
        _ => rendered,
    }
}

/// TAB rows as a plain-text editor would align them: empty merged cells
/// vanish and columns are separated by runs of spaces.
pub fn to_spaces(tsv: &str) -> String {
    tsv.lines()
        .map(|l| l.split('\t').filter(|c| !c.is_empty()).collect::<Vec<_>>().join("    "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

pub fn report(style: Style) -> String {
    let h = |s: &str| if style == Style::Markdown { format!("## {s}") } else { s.to_string() };
    let title = if style == Style::Markdown {
        "# 青山镇人民政府2025年政府信息公开工作年度报告"
    } else {
        "青山镇人民政府2025年政府信息公开工作年度报告"
    };
    format!(
        "{title}

本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。本报告中所列数据的统计期限为2025年1月1日至2025年12月31日。

{h1}

（一）主动公开：2025年通过政府网站发布信息90余条，其中工作动态47条，政策文件20条，财政信息26条。

（二）依申请公开：2025年全年收到政府信息公开申请13件，上年结转2件，办结13件，其中予以公开7件，部分公开1件，结转下年度2件。

（三）政府信息管理：2025年，我镇规范发布政府信息公开指南，按照2024年度报告中指出的问题逐项整改。

（四）政府信息公开平台建设：依托县人民政府门户网站开展公开工作。

（五）监督保障：2025年在监督检查中未出现责任追究。

{h2}

{t2}
{h3}

{t3}
{h4}

2025年，因政府信息公开被申请行政复议2件，提起行政诉讼1件。

{t4}
{h5}

（一）存在的主要问题：公开时效性把握不够准确。

（二）改进情况：针对2024年度报告中指出的问题，2025年已完成整改。2026年，我镇将进一步提升信息发布质量。

{h6}

本年度未收取政府信息公开信息处理费。

发布日期：2026年1月20日
",
        h1 = h("一、总体情况"),
        h2 = h("二、主动公开政府信息情况"),
        h3 = h("三、收到和处理政府信息公开申请情况"),
        h4 = h("四、政府信息公开行政复议、行政诉讼情况"),
        h5 = h("五、存在的主要问题及改进情况"),
        h6 = h("六、其他需要报告的事项"),
        t2 = table(TableId::Two, style),
        t3 = table(TableId::Three, style),
        t4 = table(TableId::Four, style),
    )
}

/// The edits of a fix of `text`'s findings, rendered as a front end does.
#[allow(dead_code)]
pub fn edits_of(text: &str, fix: &nianbao_core::Fix) -> Vec<nianbao_core::Edit> {
    nianbao_core::analyze(text, &Default::default()).edits(text, fix)
}

pub fn check(text: &str) -> Vec<Finding> {
    nianbao_core::analyze(text, &Config::default()).findings
}

/// "rule@line" for each finding, lines 1-based.
pub fn summary(text: &str, findings: &[Finding]) -> Vec<String> {
    let idx = LineIndex::new(text);
    findings
        .iter()
        .map(|f| format!("{}@{}", f.rule, idx.position(text, f.span.start, nianbao_core::ColumnUnit::Scalar).0 + 1))
        .collect()
}

pub fn rules_of(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.rule).collect()
}

/// Replace exactly one occurrence, so a test cannot silently edit nothing.
pub fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "expected exactly one {from:?} in the text");
    text.replacen(from, to, 1)
}

/// Replace the n-th TAB/space/pipe-separated cell of the first line that
/// starts with `label` (after list markers and pipes).
pub fn set_cell(text: &str, label: &str, nth: usize, value: &str) -> String {
    let mut out = Vec::new();
    let mut done = false;
    for line in text.split('\n') {
        let trimmed = line.trim_start_matches(['|', ' ', '\t']);
        if !done && trimmed.starts_with(label) {
            out.push(replace_nth_number(line, nth, value));
            done = true;
        } else {
            out.push(line.to_string());
        }
    }
    assert!(done, "no line starts with {label}");
    out.join("\n")
}

fn replace_nth_number(line: &str, nth: usize, value: &str) -> String {
    // numbers are whole tokens between separators
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || matches!(bytes[i - 1], b'\t' | b' ' | b'|')) {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            if i == bytes.len() || matches!(bytes[i], b'\t' | b' ' | b'|') {
                tokens.push((start, i));
            }
        } else {
            i += 1;
        }
    }
    let (s, e) = tokens[nth];
    format!("{}{}{}", &line[..s], value, &line[e..])
}

/// Replace the value of column `col` in table 四's data row (15 numbers).
pub fn set_t4(text: &str, col: usize, value: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let i = lines
        .iter()
        .position(|l| {
            let toks: Vec<&str> = l.split(['\t', ' ', '|']).filter(|t| !t.is_empty()).collect();
            toks.len() == 15 && toks.iter().all(|t| t.chars().all(|c| c.is_ascii_digit()))
        })
        .expect("table 四 data row");
    let mut out: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
    out[i] = replace_nth_number(lines[i], col, value);
    out.join("\n")
}

/// Remove the line holding `needle` (exactly one must).
pub fn drop_line(text: &str, needle: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let hits: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].contains(needle)).collect();
    assert_eq!(hits.len(), 1, "lines holding {needle:?}");
    lines.iter().enumerate().filter(|(i, _)| *i != hits[0]).map(|(_, l)| *l).collect::<Vec<_>>().join("\n")
}

/// Insert `line` after the line holding `needle`.
pub fn insert_after(text: &str, needle: &str, line: &str) -> String {
    let mut out = Vec::new();
    let mut done = false;
    for l in text.split('\n') {
        out.push(l.to_string());
        if !done && l.contains(needle) {
            out.push(line.to_string());
            done = true;
        }
    }
    assert!(done, "no line holds {needle:?}");
    out.join("\n")
}

/// A table-三 row in the given style: label cells then numbers.
pub fn t3_row(style: Style, labels: [&str; 3], numbers: &[&str]) -> String {
    match style {
        Style::Tsv => format!("{}\t{}", labels.join("\t"), numbers.join("\t")),
        Style::Markdown => format!("| {} | {} |", labels.join(" | "), numbers.join(" | ")),
        Style::Spaces => {
            let l: Vec<&str> = labels.iter().copied().filter(|s| !s.is_empty()).collect();
            format!("{}    {}", l.join("    "), numbers.join("    "))
        }
    }
}

/// Drop the last cell of every line of table 三 (its 总计 column).
pub fn drop_t3_total(text: &str, style: Style) -> String {
    let start = text.find("三、收到和处理政府信息公开申请情况").unwrap();
    let end = text.find("四、政府信息公开行政复议").unwrap();
    let (head, rest) = text.split_at(start);
    let (mid, tail) = rest.split_at(end - start);
    let mid: Vec<String> = mid
        .split('\n')
        .map(|l| {
            let is_row = match style {
                Style::Tsv => l.contains('\t'),
                Style::Markdown => l.starts_with('|'),
                Style::Spaces => l.contains("    "),
            };
            if !is_row {
                return l.to_string();
            }
            match style {
                Style::Tsv => l[..l.rfind('\t').unwrap()].to_string(),
                Style::Markdown => {
                    let t = l.trim_end().trim_end_matches('|');
                    format!("{}|", &t[..t.rfind('|').unwrap()])
                }
                // merged cells vanish in this style, so only rows that end
                // in a number or in 总计 have a 总计 cell to lose
                Style::Spaces if l.ends_with(|c: char| c.is_ascii_digit()) || l.ends_with("总计") => {
                    l[..l.rfind("    ").unwrap()].to_string()
                }
                Style::Spaces => l.to_string(),
            }
        })
        .collect();
    format!("{head}{}{tail}", mid.join("\n"))
}
