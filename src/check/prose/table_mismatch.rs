//! prose/table-mismatch: a number in the text contradicts its table cell.

use super::{clauses, fact_before, table_values};
use crate::check::Ctx;
use crate::check::year::sentences;
use crate::finding::{Edit, Finding};
use crate::syntax::numbers::{after_spaces, before_spaces, numbers};

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    if r.tables.is_empty() {
        return;
    }
    for p in r.paragraphs().iter().filter(|p| matches!(p.section, 0 | 1 | 3 | 4)) {
        for sent in sentences(cx.text, p.span) {
            for clause in clauses(cx.text, sent) {
                let cs = clause.slice(cx.text);
                for n in numbers(cx.text, clause) {
                    let Some(v) = n.int() else { continue };
                    let (_, after) = after_spaces(cx.text, n.span.end);
                    if !after.starts_with(['件', '起', '宗']) {
                        continue;
                    }
                    if before_spaces(cx.text, n.span.start).ends_with(['各', '第', '约', '近', '超']) {
                        continue;
                    }
                    let Some(fact) = fact_before(cs, n.span.start - clause.start) else { continue };
                    let candidates = table_values(r, fact);
                    if candidates.is_empty() || candidates.iter().any(|(t, _, _)| *t == v) {
                        continue;
                    }
                    let (tv, cell, name) = &candidates[0];
                    let alt = candidates.iter().skip(1).map(|(t, _, nm)| format!("，{nm}为 {t}")).collect::<String>();
                    out.push(
                        Finding::new(
                            "prose/table-mismatch",
                            n.span,
                            format!("正文“{}”为 {v}，{name}为 {tv}{alt}", cs.trim()),
                        )
                        .related(*cell, name.clone())
                        .fix(
                            format!("改为表中的 {tv}"),
                            vec![Edit::replace(n.span, tv.to_string())],
                            false,
                        ),
                    );
                }
            }
        }
    }
}
