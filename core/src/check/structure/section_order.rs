//! structure/section-order: sections out of order or duplicated.

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::Finding;
use crate::syntax::normalize::cn_numeral_char;

declare_rule! {
    id: "structure/section-order",
    severity: Error,
    summary: "部分顺序错乱或重复",
    fixes: No,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let mut highest = 0;
    let mut seen = [false; 7];
    for s in &cx.report.sections {
        let n = s.number as usize;
        if seen[n] {
            out.push(Finding::new(RULE.id, s.heading.span, format!("第{}部分重复出现", cn_numeral_char(n))));
            continue;
        }
        seen[n] = true;
        if s.number < highest {
            out.push(Finding::new(
                RULE.id,
                s.heading.span,
                format!("第{}部分应在第{}部分之前", cn_numeral_char(n), cn_numeral_char(highest as usize)),
            ));
        }
        highest = highest.max(s.number);
    }
}
