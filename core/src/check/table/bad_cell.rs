//! table/bad-cell: a data cell that is empty, a placeholder, carries a unit,
//! is negative or is not a number.

use super::cell_name;
use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::config::FormatVersion;
use crate::finding::{Edit, Finding};
use crate::model::standard::T2_MONEY_COLUMNS;
use crate::model::{MappedTable, TableId};
use crate::syntax::normalize::CellValue;

declare_rule! {
    id: "table/bad-cell",
    severity: Error,
    summary: "单元格不是合规的数字",
    fixes: Both,
    check,
}

/// Decimals are allowed only for money: 本年收费金额 and 2019's 采购总金额.
fn decimal_allowed(t: &MappedTable, spec: usize, col: usize) -> bool {
    t.id == TableId::Two && t.row_specs()[spec].columns.get(col).is_some_and(|c| T2_MONEY_COLUMNS.contains(c))
}

/// Negative numbers only in 2019's 本年增/减.
fn negative_allowed(t: &MappedTable, spec: usize, col: usize) -> bool {
    t.id == TableId::Two
        && t.version == FormatVersion::Trial2019
        && t.row_specs()[spec].columns.get(col) == Some(&"本年增/减")
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for t in &cx.report.tables {
        for r in &t.rows {
            if r.data.is_empty() && r.expected > 0 {
                out.push(Finding::new(
                    RULE.id,
                    r.label,
                    format!("{}未填写数字，没有数据应填 0", super::row_name(t, r.spec)),
                ));
                continue;
            }
            // a row left blank is one unfilled row, not a finding per cell
            if r.data.len() > 1 && r.data.iter().all(|c| c.value == CellValue::Empty) {
                let zeros = r.data.iter().map(|c| Edit::replace(c.span, "0")).collect();
                out.push(
                    Finding::new(RULE.id, r.label, format!("{}各格都为空，没有数据应填 0", super::row_name(t, r.spec)))
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
                match &cell.value {
                    // the syntax layer saturates an overflowing count at i64::MAX
                    CellValue::Int(v) if v.abs() > super::MAX_COUNT => {
                        let shown = crate::finding::excerpt(raw, 40);
                        out.push(Finding::new(
                            RULE.id,
                            cell.span,
                            format!("{}为 {shown}，数字过大，不可能是件数，请核对", name()),
                        ));
                    }
                    CellValue::Int(v) if *v < 0 && !col.is_some_and(|c| negative_allowed(t, r.spec, c)) => {
                        out.push(Finding::new(RULE.id, cell.span, format!("{}为负数 {v}", name())));
                    }
                    CellValue::Decimal(v) if !col.is_some_and(|c| decimal_allowed(t, r.spec, c)) => {
                        out.push(Finding::new(RULE.id, cell.span, format!("{}为小数 {v}，此处应为整数", name())));
                    }
                    // 0 only where no sum contradicts it (table/implied.rs)
                    CellValue::Empty => out.push(super::implied::placeholder_finding(
                        RULE.id,
                        t,
                        r.spec,
                        col,
                        cell.span,
                        name(),
                        "为空",
                    )),
                    CellValue::Placeholder => out.push(super::implied::placeholder_finding(
                        RULE.id,
                        t,
                        r.spec,
                        col,
                        cell.span,
                        name(),
                        &format!("填的是“{}”", crate::finding::excerpt(raw.trim(), 40)),
                    )),
                    CellValue::WithUnit(v) => {
                        let mut f = Finding::new(
                            RULE.id,
                            cell.span,
                            format!("{}“{}”带有单位或说明，应只填数字", name(), crate::finding::excerpt(raw, 40)),
                        );
                        let count_unit =
                            raw.trim_end_matches([')', '）']).ends_with(['件', '个', '条', '项', '次', '起']);
                        if count_unit && v.fract() == 0.0 && *v <= super::MAX_COUNT as f64 {
                            f = f.fix(format!("改为 {v}"), vec![Edit::replace(cell.span, format!("{v}"))], false);
                        }
                        out.push(f);
                    }
                    CellValue::Text => {
                        out.push(Finding::new(
                            RULE.id,
                            cell.span,
                            format!("{}“{}”不是数字", name(), crate::finding::excerpt(raw, 40)),
                        ));
                    }
                    _ => {}
                }
            }
        }
    }
}
