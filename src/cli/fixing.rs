//! `--fix`, `--unsafe-fixes` and `--diff`: which fixes a run applies, and
//! an honest account of what it did and what it left.
//!
//! One round, always from the user's own text: the fixes the analysis of
//! that text offers, chosen per finding (its first safe fix; with
//! `--unsafe-fixes` its first fix of any kind), laid out by the library's one
//! overlap policy (`fix::plan`). A second round would apply fixes nobody was
//! shown (a "/" made 0, then the correct 总计 "fixed" to agree with that 0).

use nianbao_core::{Config, Edit, Fix, fix};
use std::collections::HashSet;

/// What the user asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mode {
    /// Also apply fixes that change the user's numbers or layout.
    pub unsafe_fixes: bool,
    /// `--diff`: compute and show, never write.
    pub dry_run: bool,
}

/// What one file's fixing came to, counted in findings (the "处" the user
/// saw listed), not in edits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub applied: usize,
    /// Findings whose only fixes are unsafe, left because `--unsafe-fixes`
    /// was not given.
    pub need_unsafe: usize,
    /// Chosen fixes dropped because they touch text another fix changes
    /// (the policy takes a fix whole or not at all); a second run may take them.
    pub overlapped: usize,
    pub mode: Mode,
}

impl Tally {
    /// "已修复 N 处；另有 M 处修复需要确认（加 --unsafe-fixes 应用）", or that
    /// nothing could be fixed. Under `--diff` nothing was written, and the
    /// sentence says "可修复".
    pub fn describe(&self) -> String {
        if self.applied == 0 && self.need_unsafe == 0 && self.overlapped == 0 {
            return "没有可自动修复的问题".to_owned();
        }
        let verb = if self.mode.dry_run { "可修复" } else { "已修复" };
        let mut s = format!("{verb} {} 处", self.applied);
        if self.need_unsafe > 0 {
            s.push_str(&format!("；另有 {} 处修复需要确认（加 --unsafe-fixes 应用）", self.need_unsafe));
        }
        if self.overlapped > 0 {
            s.push_str(&format!("；另有 {} 处修复与其他修复重叠，本次未应用（修复后再运行一次）", self.overlapped));
        }
        s
    }
}

/// The fixed text and the tally, from one analysis of `original`.
pub fn fix_text(original: &str, cfg: &Config, mode: Mode) -> Result<(String, Tally), String> {
    let analysis = nianbao_core::analyze(original, cfg);
    let mut tally = Tally { mode, ..Tally::default() };
    let mut chosen: Vec<&Fix> = Vec::new();
    for f in &analysis.findings {
        let pick = if mode.unsafe_fixes { f.fixes.first() } else { f.fixes.iter().find(|x| x.safe) };
        match pick {
            Some(x) => chosen.push(x),
            None if !f.fixes.is_empty() => tally.need_unsafe += 1,
            None => {}
        }
    }
    if chosen.is_empty() {
        return Ok((original.to_owned(), tally));
    }
    let taken = fix::plan(original, &analysis.report, &chosen);
    // A chosen fix was applied when every one of its edits is in the plan:
    // the plan takes fixes whole, and an edit two findings both proposed
    // counts for both.
    let in_plan: HashSet<(usize, usize, &str)> =
        taken.iter().map(|e| (e.span.start, e.span.end, e.new_text.as_str())).collect();
    for x in &chosen {
        let edits: Vec<Edit> = analysis.edits(original, x);
        let whole = !edits.is_empty()
            && edits.iter().all(|e| in_plan.contains(&(e.span.start, e.span.end, e.new_text.as_str())));
        if whole { tally.applied += 1 } else { tally.overlapped += 1 }
    }
    if taken.is_empty() {
        return Ok((original.to_owned(), tally));
    }
    let (text, _) = fix::apply(original, &taken).map_err(|e| format!("自动修复失败（nianbao 的缺陷，请报告）：{e}"))?;
    Ok((text, tally))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_names_what_was_done_and_what_was_left() {
        let t = Tally { applied: 2, need_unsafe: 1, overlapped: 0, mode: Mode::default() };
        assert_eq!(t.describe(), "已修复 2 处；另有 1 处修复需要确认（加 --unsafe-fixes 应用）");
        let t = Tally { applied: 0, need_unsafe: 0, overlapped: 0, mode: Mode::default() };
        assert_eq!(t.describe(), "没有可自动修复的问题");
        let t = Tally { applied: 3, need_unsafe: 0, overlapped: 1, mode: Mode { unsafe_fixes: true, dry_run: true } };
        assert!(t.describe().starts_with("可修复 3 处；另有 1 处修复与其他修复重叠"), "{}", t.describe());
    }
}
