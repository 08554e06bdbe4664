//! prose/missing-number: a measure word whose number is missing
//! ("收到政府信息公开申请件", "举办业务培训期", "召开新闻发布会场").

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::{Edit, Finding};
use crate::model::prose::table_values;
use crate::span::Span;

declare_rule! {
    id: "prose/missing-number",
    severity: Error,
    summary: "量词前缺少数字",
    fixes: Review,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    for h in &cx.prose.holes {
        let noun = h.noun.slice(cx.text);
        let mut f = Finding::new(RULE.id, h.span, format!("“{noun}{}”前缺少数字", h.measure));
        if let Some(tv) = h.target.and_then(|t| table_values(r, &t).into_iter().next()) {
            let insert = if cx.prose.spaced { format!(" {} ", tv.value) } else { tv.value.to_string() };
            f = f.related(tv.span, tv.name.clone()).fix(
                format!("填入表中的 {}（{}）", tv.value, tv.name),
                vec![Edit::replace(Span::new(h.insert_at, h.measure_at), insert)],
                false,
            );
        }
        out.push(f);
    }
}
