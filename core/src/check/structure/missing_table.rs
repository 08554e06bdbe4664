//! structure/missing-table: section 二/三/四 has no recognisable table.

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::{Finding, FixPlan};
use crate::model::sections::spec;

declare_rule! {
    id: "structure/missing-table",
    severity: Error,
    summary: "第二、三、四部分缺少标准表格",
    fixes: Review,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    for s in &r.sections {
        let Some(id) = spec(s.number).table else { continue };
        let here = r.table(id).is_some_and(|t| t.span.start >= s.heading.line.start);
        if here || r.table(id).is_some() {
            continue;
        }
        let at = s.heading.line.end;
        let line_break = if cx.text[at..].starts_with("\r\n") { "\r\n" } else { "\n" };
        out.push(
            Finding::new(
                RULE.id,
                s.heading.span,
                format!("第{}部分缺少{}", crate::syntax::normalize::cn_numeral_char(s.number as usize), id.zh()),
            )
            .fix_plan(format!("插入标准{}", id.zh()), FixPlan::InsertTable { id, at, line_break }, false),
        );
    }
}
