//! prose/enumeration-sum: a stated total that its itemised parts contradict
//! ("发布信息70余条，其中…47条…2条…26条…" = 94).
//!
//! Only the parts of one level are added (a nested breakdown is inside its
//! part, never counted twice). Parts above the total are a finding; parts
//! below it only when the list is exhaustive: it ends with 其他/其余, says
//! 分别为, or names all of the total (自然人 and 法人或其他组织).

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::finding::Finding;
use crate::model::prose::{Mention, Target, Value};
use crate::span::Span;

declare_rule! {
    id: "prose/enumeration-sum",
    severity: Warning,
    summary: "分项之和与所述总数矛盾",
    fixes: No,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let t = cx.text;
    let ms = &cx.prose.mentions;
    // children of each total, gathered in one pass
    let mut parts: Vec<Vec<usize>> = vec![Vec::new(); ms.len()];
    for (i, m) in ms.iter().enumerate() {
        if let Some(p) = m.parent {
            parts[p].push(i);
        }
    }
    for (i, total) in ms.iter().enumerate() {
        let kids = &parts[i];
        // one part can only exceed its total ("14条，其中招标公告19条");
        // one part equal to or below it restates or narrows it
        if kids.is_empty() || !total.sums || total.quantity.each {
            continue;
        }
        let Some((tmin, tmax)) = total.quantity.value.bounds() else { continue };
        let kids: Vec<&Mention> = kids.iter().map(|&k| &ms[k]).collect();
        if kids.iter().any(|k| k.quantity.each || k.quantity.value.bounds().is_none()) {
            continue;
        }
        // the same cell named twice is a restatement, not two parts
        let targets: Vec<Target> = kids.iter().filter_map(|k| k.target).collect();
        let distinct: std::collections::HashSet<&Target> = targets.iter().collect();
        if distinct.len() < targets.len() {
            continue;
        }
        let (mut lo, mut hi) = (0i64, 0i64);
        let mut overflow = false;
        for k in &kids {
            let (a, b) = k.quantity.value.bounds().unwrap_or((0, 0));
            match (lo.checked_add(a), hi.checked_add(b)) {
                (Some(x), Some(y)) => (lo, hi) = (x, y),
                _ => overflow = true,
            }
        }
        let exhaustive = kids.len() >= 2 && !total.above_only && exhaustive(t, total, &kids);
        if !(overflow || lo > tmax || (exhaustive && hi < tmin)) {
            continue;
        }
        let measure = total.quantity.measure.unwrap_or("");
        let stated = match total.quantity.value {
            Value::Range(a, b) => {
                format!("{}（{a}–{b}）", t[total.quantity.digits.start..total.quantity.span.end - measure.len()].trim())
            }
            _ => tmin.to_string(),
        };
        let list = kids.iter().map(|k| value_text(k)).collect::<Vec<_>>().join("+");
        let sum = if lo == hi { lo.to_string() } else { format!("{lo}–{hi}") };
        let sum = if overflow { "超出计数范围".to_string() } else { sum };
        out.push(Finding::new(
            RULE.id,
            Span::new(total.quantity.span.start, total.quantity.span.end),
            format!("所述总数为 {stated}{measure}，分项合计 {list} = {sum}{measure}"),
        ));
    }
}

fn value_text(m: &Mention) -> String {
    match m.quantity.value {
        Value::Range(a, _) => format!("{a}余"),
        Value::Exact(v) | Value::About(v) => v.to_string(),
        Value::Decimal(d) => d.to_string(),
    }
}

/// Whether the parts claim to be all of the total.
fn exhaustive(text: &str, total: &Mention, kids: &[&Mention]) -> bool {
    let between = &text[total.quantity.span.end..kids[0].quantity.span.start.max(total.quantity.span.end)];
    // "办结13件，分别为…" (not "其中予以公开、部分公开分别为…", which hands
    // out counts to labels without claiming they are all)
    let lead = between.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '，' | ',' | '：' | ':'));
    if lead.starts_with("分别为") || lead.starts_with("分别是") {
        return true;
    }
    let last = kids[kids.len() - 1];
    let label: String = last.label.slice(text).chars().filter(|c| !c.is_whitespace()).collect();
    let label = label.trim_start_matches(['、', '，', '以', '及', '和', '与']);
    if ["其他", "其余", "其它", "剩余", "余下"].iter().any(|w| label.starts_with(w)) {
        return true;
    }
    // the parts' cells cover the total's: 自然人 + 法人或其他组织 = 总计
    if let Some(whole) = total.target {
        use crate::model::prose::{Cols, Target::Three};
        let cols: Vec<Cols> = kids
            .iter()
            .filter_map(|k| match k.target {
                Some(Three { rows, cols, .. }) if matches!(whole, Three { rows: r, .. } if r == rows) => Some(cols),
                _ => None,
            })
            .collect();
        if cols.len() == kids.len() && cols.contains(&Cols::Natural) && cols.contains(&Cols::Orgs) {
            return true;
        }
    }
    false
}
