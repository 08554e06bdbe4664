//! structure/empty-section: a heading with nothing before the next one, or
//! a section that still holds only what the template (`nianbao skeleton`)
//! puts there: 一 with its five sub-headings and no text, 五 with "无。" or
//! one short sentence, and — in a report whose 一 is unfilled — 二/三/四
//! with an all-zero table and no sentence. 六 is never judged by its length:
//! one sentence ("本年度未收取信息处理费。") is a complete 六.

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::Finding;
use crate::model::{Report, Section};
use crate::span::Span;
use crate::syntax::Block;
use crate::syntax::charset::chars;
use crate::syntax::normalize::CellValue;

declare_rule! {
    id: "structure/empty-section",
    severity: Warning,
    summary: "部分标题下没有内容",
    fixes: No,
    check,
}

/// Real reports' 五 run to several sentences (the shortest seen in the
/// published corpora is about 150 characters); a reply this short says nothing.
const SHORT_FIVE: usize = 40;

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let r = cx.report;
    let one_unfilled = r.section(1).is_some_and(|s| lines(cx.text, r, s).iter().all(|l| is_subheading(l)));
    for s in &r.sections {
        let heading = crate::finding::excerpt(s.heading.span.slice(cx.text), 40);
        let has_table = r.tables.iter().any(|t| s.body.contains(t.span.start));
        let text = lines(cx.text, r, s);
        let msg = if text.is_empty() && !has_table {
            format!("“{heading}”下没有内容")
        } else {
            match s.number {
                1 if text.iter().all(|l| is_subheading(l)) => {
                    format!("“{heading}”下只有模板的小标题，尚未填写内容")
                }
                5 => {
                    let said: Vec<&str> = text.iter().copied().filter(|l| !is_subheading(l)).collect();
                    let joined: String = said.concat();
                    let sentences = joined.matches(['。', '；', '！']).count();
                    if joined.chars().count() > SHORT_FIVE || sentences > 1 {
                        continue;
                    }
                    if said.is_empty() {
                        format!("“{heading}”下只有模板的小标题，尚未填写内容")
                    } else if joined.ends_with("将进一步做好政府信息公开工作。") && said.len() == 1 && text.len() > 1
                    {
                        format!("“{heading}”仍是模板的占位内容，应写明存在的主要问题及改进情况")
                    } else {
                        format!("“{heading}”只写了“{joined}”，应写明存在的主要问题及改进情况")
                    }
                }
                2..=4 if one_unfilled && has_table && all_zero(r, s) && !text.iter().any(|l| is_prose(l)) => {
                    format!("“{heading}”的表格全为 0 且没有文字，报告似乎仍是模板，尚未填写")
                }
                _ => continue,
            }
        };
        out.push(Finding::new(RULE.id, s.heading.span, msg));
    }
}

/// The section's lines of text outside its tables, trimmed.
fn lines<'t>(text: &'t str, r: &Report, s: &Section) -> Vec<&'t str> {
    let in_table = |sp: Span| r.tables.iter().any(|t| t.span.contains(sp.start));
    r.syntax.blocks[s.blocks.clone()]
        .iter()
        .filter_map(|b| match b {
            Block::Text(sp) if !in_table(*sp) => Some(sp.slice(text).trim()),
            Block::Heading(h) if !in_table(h.span) => Some(h.line.slice(text).trim()),
            _ => None,
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// "（一）主动公开", "(二) 改进情况", "## （三）政府信息管理": a numbered
/// sub-heading with no sentence after it.
fn is_subheading(line: &str) -> bool {
    let l = line.trim_start_matches(['#', '*', ' ']).trim_end_matches(['*', ' ']);
    let Some(rest) = l.strip_prefix(['（', '(']) else { return false };
    let Some(close) = rest.find(['）', ')']) else { return false };
    let numeral = &rest[..close];
    let label = rest[close..].trim_start_matches(['）', ')']).trim();
    !numeral.is_empty()
        && numeral.chars().all(|c| chars!("一二三四五六七八九十").contains(&c))
        && label.chars().count() <= 16
        && !label.contains(['。', '，', '；', '：', ':', ','])
}

/// A sentence rather than a label or a table caption.
fn is_prose(line: &str) -> bool {
    line.contains(['。', '，', '；'])
}

/// Every cell of the section's tables a 0 (the template's values).
fn all_zero(r: &Report, s: &Section) -> bool {
    r.tables.iter().filter(|t| s.body.contains(t.span.start)).all(|t| {
        t.rows.iter().all(|row| {
            row.data.iter().all(|c| match c.value {
                CellValue::Int(v) => v == 0,
                CellValue::Decimal(v) => v == 0.0,
                _ => false,
            })
        })
    })
}
