//! structure/empty-section: a heading with nothing before the next one.

use crate::check::Ctx;
use crate::finding::Finding;
use crate::syntax::Block;

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    for s in &r.sections {
        let has_content = r.syntax.blocks[s.blocks.clone()].iter().any(|b| !matches!(b, Block::Comment(_)));
        // a table found by the vertical reader also counts
        let has_table = r.tables.iter().any(|t| s.body.contains(t.span.start));
        if !has_content && !has_table {
            out.push(Finding::new(
                "structure/empty-section",
                s.heading.span,
                format!("“{}”下没有内容", crate::finding::excerpt(s.heading.span.slice(cx.text), 40)),
            ));
        }
    }
}
