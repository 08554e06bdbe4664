//! `--diff`: what `--fix` would change, as a unified diff (`patch -p1`
//! reads it; for a UTF-8 file it applies as is).
//!
//! `similar`'s Myers diff with its deadline: a pathological pair of texts
//! degrades to a coarser (still correct) diff instead of running long.

use similar::TextDiff;
use std::time::Duration;

/// The unified diff of one file, `a/PATH` → `b/PATH`, 3 lines of context;
/// empty when nothing changes.
pub fn unified(shown_path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let diff = TextDiff::configure().timeout(Duration::from_secs(2)).diff_lines(old, new);
    let mut out = String::new();
    let a = format!("a/{shown_path}");
    let b = format!("b/{shown_path}");
    out.push_str(&diff.unified_diff().context_radius(3).header(&a, &b).to_string());
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_lines_are_shown_with_context_and_headers() {
        let old = "一\n二\n三\n（七）总计\t/\n五\n";
        let new = "一\n二\n三\n（七）总计\t0\n五\n";
        let d = unified("报告.txt", old, new);
        assert!(d.starts_with("--- a/报告.txt\n+++ b/报告.txt\n@@ -1,5 +1,5 @@\n"), "{d}");
        assert!(d.contains("-（七）总计\t/\n+（七）总计\t0\n"), "{d}");
        assert_eq!(unified("x", old, old), "");
    }

    #[test]
    fn a_last_line_without_newline_is_marked() {
        let d = unified("x.txt", "甲\n乙", "甲\n丙");
        assert!(d.contains("-乙\n\\ No newline at end of file\n+丙\n"), "{d}");
    }
}
