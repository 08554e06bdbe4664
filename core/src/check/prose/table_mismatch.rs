//! prose/table-mismatch: a count in the text contradicts its table cell.
//!
//! Each mention the prose layer mapped to a cell (or a sum of cells) is
//! compared with it — a part with its own cell, never with its total's.
//! Figures that are not this year's own (comparisons, running totals, a past
//! year's), approximate ones ("约300件") and per-item ones ("各1件") are not.

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::{Edit, Finding, excerpt};
use crate::model::prose::{Value, table_values};
use crate::span::Span;

declare_rule! {
    id: "prose/table-mismatch",
    severity: Error,
    summary: "正文数字与表格不一致",
    fixes: Review,
    check,
}

/// Measure words of application, case and decision counts ("依申请公开信息数
/// 255条" counts documents, "388份" papers, not applications).
const COUNTS: &[&str] = &["件", "起", "宗", "项"];

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    if r.tables.is_empty() {
        return;
    }
    for m in &cx.prose.mentions {
        let q = &m.quantity;
        if !m.current || q.each || q.measure.is_some_and(|ms| !COUNTS.contains(&ms)) {
            continue;
        }
        let Some(target) = m.target.filter(|t| t.comparable()) else { continue };
        let Some((lo, hi)) = q.value.bounds() else { continue };
        let values = table_values(r, &target);
        if values.is_empty() || values.iter().any(|v| (lo..=hi).contains(&v.value)) {
            continue;
        }
        let tv = &values[0];
        let alt: String = values.iter().skip(1).map(|v| format!("，{}为 {}", v.name, v.value)).collect();
        let said = Span::new(m.label.start.min(q.span.start), q.span.end.max(m.label.end));
        let stated = match q.value {
            _ if q.zero => "0".to_string(),
            Value::Range(a, b) => format!("{a}–{b}"),
            _ => lo.to_string(),
        };
        let mut f = Finding::new(
            RULE.id,
            q.span,
            format!("正文“{}”为 {stated}，{}为 {}{alt}", excerpt(said.slice(cx.text).trim(), 40), tv.name, tv.value),
        )
        .related(tv.span, tv.name.clone());
        // an exact figure can take the table's; "70余" or "未收到" cannot
        if matches!(q.value, Value::Exact(_)) && !q.zero {
            f = f.fix(format!("改为表中的 {}", tv.value), vec![Edit::replace(q.digits, tv.value.to_string())], false);
        }
        out.push(f);
    }
}
