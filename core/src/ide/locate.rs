//! What sits at a byte offset of a draft: the mapped table, the row and the
//! standard column of a data cell, and the arithmetic behind a total cell.
//! Hover, inlay hints and completion ask this; it only reads the model.

use crate::check::table::{cell_name, column_name, row_name};
use crate::check::tally::result_items;
use crate::model::standard::{T3_COLUMNS, T3_ROWS, T3_TOTAL_COL, T4_GROUPS, T4_RESULTS, t3, t4};
use crate::model::{MappedTable, Report, TableId};
use crate::span::Span;

/// A mapped table from its header to its last row.
pub fn table_extent(t: &MappedTable) -> Span {
    t.header_span.map_or(t.span, |h| t.span.cover(h))
}

/// Index into `report.tables` of the table whose extent touches `offset`.
pub fn table_at(report: &Report, offset: usize) -> Option<usize> {
    report.tables.iter().position(|t| table_extent(t).touches(offset))
}

/// A data cell of a mapped table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellAt {
    /// Index into `report.tables`.
    pub table: usize,
    /// Standard row index.
    pub spec: usize,
    /// Position among the row's data cells.
    pub position: usize,
    /// Standard column, known only when the row has as many numbers as its header.
    pub column: Option<usize>,
    pub span: Span,
}

/// The data cell touching `offset`, if any.
pub fn cell_at(report: &Report, offset: usize) -> Option<CellAt> {
    for (ti, t) in report.tables.iter().enumerate() {
        if !table_extent(t).touches(offset) {
            continue;
        }
        for r in t.rows.iter().filter(|r| r.line.touches(offset)) {
            for (position, c) in r.data.iter().enumerate() {
                if c.span.touches(offset) {
                    let column = t.column_of(r, position);
                    return Some(CellAt { table: ti, spec: r.spec, position, column, span: c.span });
                }
            }
        }
    }
    None
}

/// How a cell is named in messages: "表三“（三）不予公开·1.属于国家秘密”·自然人".
pub fn describe(report: &Report, cell: &CellAt) -> CellNames {
    let t = &report.tables[cell.table];
    CellNames {
        table: format!("{}：{}", t.id.zh(), crate::model::sections::spec(t.id.section()).title),
        row: row_name(t, cell.spec),
        column: cell.column.map(|c| column_name(t, cell.spec, c)),
        cell: cell.column.map(|c| cell_name(t, cell.spec, c)),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellNames {
    pub table: String,
    pub row: String,
    pub column: Option<String>,
    pub cell: Option<String>,
}

/// One addend of a total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    /// `None` when the cell is missing or not an integer.
    pub value: Option<i64>,
}

/// A total cell and the sum it should hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Total {
    pub table: usize,
    pub spec: usize,
    pub column: usize,
    pub span: Span,
    /// "表三“（七）总计”·自然人"
    pub name: String,
    /// What the draft writes, when it is an integer.
    pub stated: Option<i64>,
    pub parts: Vec<Part>,
    /// The sum of the parts, when every part is an integer.
    pub computed: Option<i64>,
}

impl Total {
    /// Whether the draft's number disagrees with the sum of its parts.
    pub fn disagrees(&self) -> bool {
        matches!((self.stated, self.computed), (Some(s), Some(c)) if s != c)
    }
}

fn total(t: &MappedTable, ti: usize, spec: usize, column: usize, parts: Vec<Part>) -> Option<Total> {
    let cell = t.cell(spec, column)?;
    let computed = parts.iter().try_fold(0i64, |acc, p| acc.checked_add(p.value?));
    Some(Total {
        table: ti,
        spec,
        column,
        span: cell.span,
        name: cell_name(t, spec, column),
        stated: cell.value.as_int(),
        parts,
        computed,
    })
}

/// Every sum a cell is supposed to be: a row's 总计 in table 三, a column of
/// （七）总计 in table 三, a group's 总计 in table 四. The cell at （七）总计·总计
/// is both of the first two.
pub fn totals_of(report: &Report, ti: usize, spec: usize, column: usize) -> Vec<Total> {
    let t = &report.tables[ti];
    let mut out = Vec::new();
    match t.id {
        TableId::Three => {
            if column == T3_TOTAL_COL {
                let parts =
                    t3::APPLICANTS.map(|c| Part { name: T3_COLUMNS[c].to_string(), value: t.int(spec, c) }).collect();
                out.extend(total(t, ti, spec, column, parts));
            }
            if spec == t3::TOTAL {
                let parts = result_items(t)
                    .into_iter()
                    .map(|r| Part { name: T3_ROWS[r].name.to_string(), value: t.int(r, column) })
                    .collect();
                out.extend(total(t, ti, spec, column, parts));
            }
        }
        TableId::Four if t4::is_total(column) => {
            let g = t4::key(column).0;
            let parts = t4::PARTS
                .map(|i| Part {
                    name: format!("{}·{}", T4_GROUPS[g], T4_RESULTS[i]),
                    value: t.int(spec, t4::col(g, i)),
                })
                .collect();
            out.extend(total(t, ti, spec, column, parts));
        }
        _ => {}
    }
    out
}

/// Every total cell of the report, in table order.
pub fn all_totals(report: &Report) -> Vec<Total> {
    let mut out = Vec::new();
    for (ti, t) in report.tables.iter().enumerate() {
        match t.id {
            TableId::Three => {
                for r in &t.rows {
                    for c in 0..T3_COLUMNS.len() {
                        if c == T3_TOTAL_COL || r.spec == t3::TOTAL {
                            out.extend(totals_of(report, ti, r.spec, c));
                        }
                    }
                }
            }
            TableId::Four => {
                for g in 0..T4_GROUPS.len() {
                    out.extend(totals_of(report, ti, 0, t4::total(g)));
                }
            }
            TableId::Two => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    const T3: &str = "三、收到和处理政府信息公开申请情况\n\n\
        自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n\
        一、本年新收政府信息公开申请数量\t1\t2\t0\t0\t0\t0\t3\n\
        二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n\
        （一）予以公开\t1\t0\t0\t0\t0\t0\t5\n";

    #[test]
    fn finds_cells_and_their_sums() {
        let report = Report::build(T3, &Config::default());
        let at = T3.find("\t2\t").unwrap() + 1;
        let cell = cell_at(&report, at).unwrap();
        assert_eq!((cell.spec, cell.column), (t3::NEW, Some(1)));
        let names = describe(&report, &cell);
        assert!(names.cell.unwrap().contains("商业企业"));
        let five = T3.find("\t5\n").unwrap() + 1;
        let cell = cell_at(&report, five).unwrap();
        let totals = totals_of(&report, cell.table, cell.spec, cell.column.unwrap());
        assert_eq!(totals.len(), 1);
        assert_eq!((totals[0].stated, totals[0].computed), (Some(5), Some(1)));
        assert!(totals[0].disagrees());
        let wrong: Vec<Total> = all_totals(&report).into_iter().filter(Total::disagrees).collect();
        assert_eq!(wrong.len(), 1);
        assert!(cell_at(&report, 0).is_none());
    }
}
