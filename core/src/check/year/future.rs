//! year/future: a year after report year + 1.

use super::Quotes;
use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::Finding;
use crate::syntax::numbers::before_spaces;

declare_rule! {
    id: "year/future",
    severity: Error,
    summary: "出现晚于下一年度的年份",
    fixes: No,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    let Some(year) = r.report_year else { return };
    for (p, ys) in cx.paragraphs().iter().zip(cx.paragraph_years()) {
        if ys.iter().all(|y| y.year <= year + 1) {
            continue;
        }
        let mut quotes = Quotes::new(cx.text, p.span);
        for y in ys {
            if y.year <= year + 1 || quotes.inside(y.span.start) {
                continue;
            }
            // targets and ranges: "到2027年", "2021—2027年", "2027年底前"
            let before = before_spaces(cx.text, y.span.start);
            if before.ends_with(['到', '至', '—', '-', '~', '～', '－', '–']) || before.ends_with("力争") {
                continue;
            }
            let after: String = cx.text[y.end..p.span.end].chars().filter(|c| !c.is_whitespace()).take(6).collect();
            if after.starts_with("前")
                || after.starts_with("底前")
                || after.starts_with("以前")
                || after.contains("月底前")
            {
                continue;
            }
            out.push(Finding::new(
                RULE.id,
                y.span,
                format!("{} 年晚于报告年度的下一年（{}），请核对", y.year, year + 1),
            ));
        }
    }
}
