//! text/invisible-char: zero-width spaces, joiners, bidi controls, a byte
//! order mark inside the text, soft hyphens. The analysis reads through them
//! (see `crate::invisible`), but they still break search, copy and the
//! published page, so one finding per document names how many there are and
//! deletes them all.

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::{Edit, Finding};
use crate::invisible::{kind, removed};
use crate::span::Span;

declare_rule! {
    id: "text/invisible-char",
    severity: Warning,
    summary: "文中有零宽空格等不可见字符",
    fixes: Safe,
    check,
}

/// More runs than this are deleted by one edit replacing the stretch from
/// the first to the last with its visible text: a draft with one after every
/// character would otherwise carry an edit per character into JSON and LSP.
const MAX_EDITS: usize = 1000;

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.no_invisible {
        return;
    }
    out.extend(finding(cx.text));
}

/// The finding for `text`, if it holds any invisible character.
pub fn finding(text: &str) -> Option<Finding> {
    let mut runs: Vec<Span> = Vec::new();
    let mut kinds: Vec<(&'static str, usize)> = Vec::new();
    let mut count = 0;
    let from = crate::invisible::first_removed(text)?;
    for (i, c) in text[from..].char_indices().map(|(i, c)| (from + i, c)) {
        if !removed(c, i) {
            continue;
        }
        count += 1;
        let name = kind(c).unwrap_or("不可见字符");
        match kinds.iter_mut().find(|(k, _)| *k == name) {
            Some((_, n)) => *n += 1,
            None => kinds.push((name, 1)),
        }
        let end = i + c.len_utf8();
        match runs.last_mut() {
            Some(r) if r.end == i => r.end = end,
            _ => runs.push(Span::new(i, end)),
        }
    }
    let first = *runs.first()?;
    let last = *runs.last()?;
    let which: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n} 个")).collect();
    let edits = if runs.len() <= MAX_EDITS {
        runs.iter().map(|r| Edit::replace(*r, "")).collect()
    } else {
        let whole = Span::new(first.start, last.end);
        let visible: String =
            whole.slice(text).char_indices().filter(|&(i, c)| !removed(c, whole.start + i)).map(|(_, c)| c).collect();
        vec![Edit::replace(whole, visible)]
    };
    Some(
        Finding::new(
            RULE.id,
            first,
            format!("文中有 {count} 个不可见字符（{}），多为从网页复制带入，请删除", which.join("、")),
        )
        .fix(format!("删除全部 {count} 个不可见字符"), edits, true),
    )
}
