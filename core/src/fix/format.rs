//! Tidying tables without touching what any cell says.
//!
//! Markdown tables are padded with spaces inside the pipes so the columns
//! line up by display width (a CJK character is two columns wide). TAB
//! tables cannot be aligned with spaces without changing what Word pastes
//! back, so they are only normalised: every row gets as many cells as the
//! widest row (empty cells appended), and spaces around cells and at the end
//! of the line are dropped. Space-aligned and one-cell-per-line tables are
//! left alone.

use crate::finding::Edit;
use crate::span::Span;
use crate::syntax::{Row, Syntax, Table, TableStyle};
use unicode_width::UnicodeWidthStr;

/// One edit per line that changes, for every TAB or Markdown table touching
/// `within` (all tables when `None`).
pub fn align_tables(text: &str, syntax: &Syntax, within: Option<Span>) -> Vec<Edit> {
    let mut out = Vec::new();
    for t in &syntax.tables {
        if within.is_some_and(|w| !(t.span.start <= w.end && w.start <= t.span.end)) {
            continue;
        }
        let lines = match t.style {
            TableStyle::Markdown => markdown(text, t),
            TableStyle::Tsv => tsv(text, t),
            TableStyle::Spaces | TableStyle::Vertical => continue,
        };
        for (row, line) in lines {
            if row.span.slice(text) != line {
                out.push(Edit::replace(row.span, line));
            }
        }
    }
    out
}

fn cells<'a>(text: &'a str, row: &Row) -> Vec<&'a str> {
    row.cells.iter().map(|c| c.span.slice(text)).collect()
}

fn markdown<'t>(text: &str, t: &'t Table) -> Vec<(&'t Row, String)> {
    let ncols = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let mut widths = vec![3usize; ncols];
    for r in t.rows.iter().filter(|r| !r.separator) {
        for (i, c) in cells(text, r).iter().enumerate() {
            widths[i] = widths[i].max(c.width());
        }
    }
    t.rows
        .iter()
        .map(|r| {
            let cs = cells(text, r);
            let mut line = String::from("|");
            for (i, w) in widths.iter().enumerate() {
                let c = cs.get(i).copied().unwrap_or("");
                line.push(' ');
                if r.separator {
                    let (left, right) = (c.starts_with(':'), c.len() > 1 && c.ends_with(':'));
                    let dashes = w - usize::from(left) - usize::from(right);
                    line.push_str(if left { ":" } else { "" });
                    line.push_str(&"-".repeat(dashes));
                    line.push_str(if right { ":" } else { "" });
                } else {
                    line.push_str(c);
                    line.push_str(&" ".repeat(w - c.width()));
                }
                line.push_str(" |");
            }
            (r, line)
        })
        .collect()
}

fn tsv<'t>(text: &str, t: &'t Table) -> Vec<(&'t Row, String)> {
    // a row without a TAB joined the table by its spacing; it keeps it
    let rows: Vec<&Row> = t.rows.iter().filter(|r| r.span.slice(text).contains('\t')).collect();
    let ncols = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    rows.into_iter()
        .map(|r| {
            let mut cs = cells(text, r);
            cs.resize(ncols, "");
            (r, cs.join("\t"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::apply;
    use crate::syntax::parse;

    fn format(t: &str) -> String {
        let edits = align_tables(t, &parse(t), None);
        apply(t, &edits).unwrap().0
    }

    #[test]
    fn markdown_columns_align_by_display_width() {
        let t = "前言\n\n| 信息内容 | 数量 |\n|:--|--:|\n| 规章 | 0 |\n| 行政规范性文件 | 12 |\n\n后记";
        let out = format(t);
        let lines: Vec<&str> = out.lines().skip(2).take(4).collect();
        assert_eq!(lines[0], "| 信息内容       | 数量 |");
        assert_eq!(lines[1], "| :------------- | ---: |");
        assert_eq!(lines[3], "| 行政规范性文件 | 12   |");
        let widths: Vec<usize> = lines.iter().map(|l| l.width()).collect();
        assert!(widths.iter().all(|&w| w == widths[0]), "{widths:?}");
        assert!(out.starts_with("前言\n\n") && out.ends_with("\n\n后记"));
        assert_eq!(format(&out), out, "formatting is idempotent");
    }

    #[test]
    fn tsv_rows_get_equal_cell_counts_and_no_stray_spaces() {
        let t = "第二十条第（一）项\t\t\t\n信息内容\t本年制发件数 \t本年废止件数\t现行有效件数\n规章\t0\t0\t0  \n";
        let out = format(t);
        assert_eq!(
            out,
            "第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"
        );
        let short = "甲\t1\n乙\t2\t3\t4\n";
        assert_eq!(format(short), "甲\t1\t\t\n乙\t2\t3\t4\n");
    }

    #[test]
    fn range_limits_the_tables() {
        let t = "| a | bb |\n|---|---|\n\n正文\n\n| c | d |\n|---|---|\n";
        let second = t.find("| c").unwrap();
        let edits = align_tables(t, &parse(t), Some(Span::new(second, second)));
        assert!(edits.iter().all(|e| e.span.start >= second));
        assert!(!edits.is_empty());
    }
}
