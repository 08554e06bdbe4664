//! content/fee-statement: section 六 says nothing about 信息处理费.
//! Only from the 2021 format on: the 2019 trial format (reports for 2019
//! and 2020) asks for no such statement, and 信息处理费 began in 2021
//! (国办函〔2020〕109号).

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::config::FormatVersion;
use crate::finding::{Edit, Finding};

declare_rule! {
    id: "content/fee-statement",
    severity: Warning,
    summary: "第六部分未说明信息处理费情况",
    fixes: Review,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.report.format == FormatVersion::Trial2019 {
        return;
    }
    let Some(s) = cx.report.section(6) else { return };
    let body = s.body.slice(cx.text);
    let key: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    if key.contains("处理费") || key.contains("收费") || key.contains("收取费用") {
        return;
    }
    let end = cx.text[..s.body.end].trim_end().len().max(s.heading.line.end);
    let sep = if cx.text[s.heading.line.start..end].contains("\r\n") { "\r\n\r\n" } else { "\n\n" };
    out.push(Finding::new(RULE.id, s.heading.span, "第六部分未说明信息处理费的收取情况").fix(
        "补充“本年度未收取政府信息公开信息处理费。”",
        vec![Edit::insert(end, format!("{sep}本年度未收取政府信息公开信息处理费。"))],
        false,
    ));
}
