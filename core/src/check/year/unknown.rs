//! year/unknown: no report year in the title or the statistics period.

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::Finding;
use crate::span::Span;

declare_rule! {
    id: "year/unknown",
    severity: Warning,
    summary: "找不到报告年度",
    fixes: No,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    if r.report_year.is_some() || !r.looks_like_report() {
        return;
    }
    let span = r.title.as_ref().map(|t| t.span).unwrap_or_else(|| {
        let first = r.syntax.lines.iter().map(|l| crate::syntax::trim_span(cx.text, l.span)).find(|s| !s.is_empty());
        first.unwrap_or(Span::empty(0))
    });
    out.push(Finding::new(
        RULE.id,
        span,
        "找不到报告年度：标题和统计期限中都没有“××××年”，可在 nianbao.toml 中设置 report_year",
    ));
}
