//! structure/missing-section: one of 一…六 is absent.

use super::standard_heading;
use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::{Finding, FixPlan};
use crate::span::Span;

declare_rule! {
    id: "structure/missing-section",
    severity: Error,
    summary: "缺少六个部分之一",
    fixes: Review,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    if !r.looks_like_report() {
        return;
    }
    for n in 1..=6u32 {
        if r.section(n).is_some() {
            continue;
        }
        // Insert before the first later section present, else at the end.
        let next = r.sections.iter().filter(|s| s.number > n).min_by_key(|s| s.heading.line.start);
        let (at, span) = match next {
            Some(s) => (s.heading.line.start, s.heading.span),
            None => {
                let end = cx.text.trim_end().len();
                let last_line = cx.text[..end].rfind(['\n', '\r']).map_or(0, |i| i + 1);
                (cx.text.len(), Span::new(last_line, end))
            }
        };
        let heading = standard_heading(n);
        let unterminated = !cx.text.is_empty() && !cx.text.ends_with(['\n', '\r']);
        let (before, after) = match next {
            Some(_) => ("", "\n"),
            None if unterminated => ("\n\n", ""),
            None => ("\n", ""),
        };
        let table_elsewhere = crate::model::sections::spec(n).table.is_some_and(|id| r.table(id).is_some());
        let plan = FixPlan::InsertSection { number: n, at, with_table: !table_elsewhere, before, after };
        out.push(
            Finding::new(
                RULE.id,
                span,
                format!("缺少第{}部分“{heading}”", crate::syntax::normalize::cn_numeral_char(n as usize)),
            )
            .fix_plan(format!("插入“{heading}”"), plan, false),
        );
    }
}
