//! table/bad-cell: a data cell that is empty, a placeholder, carries a unit,
//! is negative or is not a number.

use super::cell_name;
use crate::check::Ctx;
use crate::config::FormatVersion;
use crate::finding::{Edit, Finding};
use crate::model::{MappedTable, TableId};
use crate::syntax::normalize::CellValue;

/// Decimals are allowed only for money: 本年收费金额 and 2019's 采购总金额.
fn decimal_allowed(t: &MappedTable, spec: usize, col: usize) -> bool {
    t.id == TableId::Two
        && match t.version {
            FormatVersion::Standard2021 => spec == 5 && col == 0,
            FormatVersion::Trial2019 => spec == 7 && col == 1,
        }
}

/// Negative numbers only in 2019's 本年增/减.
fn negative_allowed(t: &MappedTable, spec: usize, col: usize) -> bool {
    t.id == TableId::Two
        && t.version == FormatVersion::Trial2019
        && t.row_specs()[spec].columns.get(col) == Some(&"本年增/减")
}

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for t in &cx.report.tables {
        for r in &t.rows {
            if r.data.is_empty() && r.expected > 0 {
                out.push(Finding::new(
                    "table/bad-cell",
                    r.label,
                    format!("{}未填写数字，没有数据应填 0", super::row_name(t, r.spec)),
                ));
                continue;
            }
            // a row left blank is one unfilled row, not a finding per cell
            if r.data.len() > 1 && r.data.iter().all(|c| c.value == CellValue::Empty) {
                let zeros = r.data.iter().map(|c| Edit::replace(c.span, "0")).collect();
                out.push(
                    Finding::new(
                        "table/bad-cell",
                        r.label,
                        format!("{}各格都为空，没有数据应填 0", super::row_name(t, r.spec)),
                    )
                    .fix("各格填 0", zeros, true),
                );
                continue;
            }
            for (pos, cell) in r.data.iter().enumerate() {
                // the column is known only when the row's width matches
                let col = t.column_of(r, pos);
                // named only when there is something to say: most cells are fine
                let name = || match col {
                    Some(c) => cell_name(t, r.spec, c),
                    None => format!("{}第 {} 个数", super::row_name(t, r.spec), pos + 1),
                };
                let raw = cell.span.slice(cx.text);
                let to_zero = |f: Finding, safe: bool| f.fix("改为 0", vec![Edit::replace(cell.span, "0")], safe);
                match &cell.value {
                    CellValue::Int(v) if *v < 0 && !col.is_some_and(|c| negative_allowed(t, r.spec, c)) => {
                        out.push(Finding::new("table/bad-cell", cell.span, format!("{}为负数 {v}", name())));
                    }
                    CellValue::Decimal(v) if !col.is_some_and(|c| decimal_allowed(t, r.spec, c)) => {
                        out.push(Finding::new(
                            "table/bad-cell",
                            cell.span,
                            format!("{}为小数 {v}，此处应为整数", name()),
                        ));
                    }
                    CellValue::Empty => out.push(blank(t, r.spec, col, cell.span, name())),
                    CellValue::Placeholder => {
                        out.push(to_zero(
                            Finding::new(
                                "table/bad-cell",
                                cell.span,
                                format!("{}填的是“{raw}”，没有数据应填 0", name()),
                            ),
                            true,
                        ));
                    }
                    CellValue::WithUnit(v) => {
                        let mut f = Finding::new(
                            "table/bad-cell",
                            cell.span,
                            format!("{}“{raw}”带有单位或说明，应只填数字", name()),
                        );
                        let count_unit =
                            raw.trim_end_matches([')', '）']).ends_with(['件', '个', '条', '项', '次', '起']);
                        if count_unit && v.fract() == 0.0 {
                            f = f.fix(format!("改为 {v}"), vec![Edit::replace(cell.span, format!("{v}"))], false);
                        }
                        out.push(f);
                    }
                    CellValue::Text => {
                        out.push(Finding::new("table/bad-cell", cell.span, format!("{}“{raw}”不是数字", name())));
                    }
                    _ => {}
                }
            }
        }
    }
}

/// An empty cell: 0, unless its row must add up to something else (a blank
/// 总计 in a row with values is the row's sum). Writing a sum into a blank
/// 总计 is safe; a part computed from 总计 is not, since 总计 may be the wrong one.
fn blank(t: &MappedTable, spec: usize, col: Option<usize>, span: crate::span::Span, name: String) -> Finding {
    let v = col.and_then(|c| super::implied::blank_value(t, spec, c)).unwrap_or(0);
    let safe = v == 0 || col.is_some_and(|c| super::implied::is_total(t, c));
    let msg = match col {
        _ if v == 0 => format!("{name}为空，没有数据应填 0"),
        Some(c) if super::implied::is_total(t, c) => format!("{name}为空，按各项之和应为 {v}"),
        _ => format!("{name}为空，按总计和其他各项应为 {v}"),
    };
    Finding::new("table/bad-cell", span, msg).fix(format!("改为 {v}"), vec![Edit::replace(span, v.to_string())], safe)
}
