//! structure/heading-typo: a heading close to a standard one but not equal
//! and not an accepted variant.

use super::standard_heading;
use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::{Edit, Finding};
use crate::model::sections::HeadingMatch;

declare_rule! {
    id: "structure/heading-typo",
    severity: Warning,
    summary: "部分标题与标准写法不一致",
    fixes: Safe,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for s in &cx.report.sections {
        let wrong_numeral = s.heading.numeral != s.number;
        if matches!(s.matched, HeadingMatch::Exact(_)) && !wrong_numeral {
            continue;
        }
        let want = standard_heading(s.number);
        let have = crate::finding::excerpt(s.heading.span.slice(cx.text), 40);
        let msg = if wrong_numeral && matches!(s.matched, HeadingMatch::Exact(_)) {
            format!("标题序号有误：“{have}”应为“{want}”")
        } else {
            format!("标题“{have}”与标准写法“{want}”不一致")
        };
        out.push(Finding::new(RULE.id, s.heading.span, msg).fix(
            format!("改为“{want}”"),
            vec![Edit::replace(s.heading.span, want.clone())],
            true,
        ));
    }
}
