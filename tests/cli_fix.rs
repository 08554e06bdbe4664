//! `check --fix` says what it did and what it left; `--unsafe-fixes` also
//! applies fixes that change numbers or layout; `--diff` shows the change
//! without writing (issue 13, item 4).

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example(name: &str) -> String {
    std::fs::read_to_string(manifest_dir().join("examples").join(name)).unwrap()
}

fn run_in(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

fn findings(cwd: &Path, file: &str) -> Vec<String> {
    let o = run_in(cwd, &["check", "--format", "json", file]);
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    doc["files"][0]["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap().to_owned()).collect()
}

/// The bundled draft in a fresh directory.
fn draft_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.txt"), example("xiaye-2025-draft.txt")).unwrap();
    dir
}

#[test]
fn fix_on_the_draft_says_what_it_left_and_writes_nothing() {
    let dir = draft_dir();
    let o = run_in(dir.path(), &["check", "--fix", "draft.txt"]);
    assert_eq!(o.status.code(), Some(1));
    // the draft's three fixes (the missing 总计 column, the missing number,
    // the plan year) all change what the author wrote
    assert!(
        text(&o.stdout).contains("注：draft.txt：已修复 0 处；另有 3 处修复需要确认（加 --unsafe-fixes 应用）"),
        "{}",
        text(&o.stdout)
    );
    assert_eq!(std::fs::read_to_string(dir.path().join("draft.txt")).unwrap(), example("xiaye-2025-draft.txt"));
}

#[test]
fn unsafe_fixes_turn_the_draft_into_a_report_without_table_findings() {
    let dir = draft_dir();
    let before = findings(dir.path(), "draft.txt");
    assert!(before.iter().filter(|r| r.starts_with("table/")).count() >= 10, "{before:?}");

    let o = run_in(dir.path(), &["check", "--fix", "--unsafe-fixes", "draft.txt"]);
    assert!(text(&o.stdout).contains("注：draft.txt：已修复 3 处\n"), "{}", text(&o.stdout));
    let fixed = std::fs::read_to_string(dir.path().join("draft.txt")).unwrap();
    assert_ne!(fixed, example("xiaye-2025-draft.txt"));
    // the 总计 column was rebuilt with the row sums
    assert!(fixed.contains("总计"), "{fixed}");

    let after = findings(dir.path(), "draft.txt");
    assert!(after.iter().all(|r| !r.starts_with("table/")), "{after:?}");
    assert!(!after.contains(&"prose/missing-number".to_owned()) && !after.contains(&"year/plan".to_owned()));
    assert!(after.len() < before.len());
}

#[test]
fn unsafe_fixes_need_fix_or_diff() {
    let dir = draft_dir();
    let o = run_in(dir.path(), &["check", "--unsafe-fixes", "draft.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("--unsafe-fixes 需与 --fix 或 --diff 一起使用"));
}

#[test]
fn diff_shows_exactly_what_fix_writes_and_writes_nothing() {
    let dir = draft_dir();
    let o = run_in(dir.path(), &["check", "--diff", "--unsafe-fixes", "draft.txt"]);
    assert_eq!(o.status.code(), Some(1), "a diff that changes something exits 1");
    let patch = text(&o.stdout);
    assert!(patch.starts_with("--- a/draft.txt\n+++ b/draft.txt\n@@ "), "{patch}");
    assert!(patch.contains("+（二）依申请公开：2025 年末收到政府信息公开申请 0 件。"), "{patch}");
    assert!(text(&o.stderr).contains("draft.txt：可修复 3 处"), "{}", text(&o.stderr));
    assert_eq!(std::fs::read_to_string(dir.path().join("draft.txt")).unwrap(), example("xiaye-2025-draft.txt"));

    // the diff, applied by a real tool, gives what --fix writes
    let other = draft_dir();
    run_in(other.path(), &["check", "--fix", "--unsafe-fixes", "draft.txt"]);
    std::fs::write(dir.path().join("fix.patch"), &patch).unwrap();
    let applied =
        Command::new("git").args(["apply", "--unsafe-paths", "fix.patch"]).current_dir(dir.path()).output().unwrap();
    assert!(applied.status.success(), "{}", text(&applied.stderr));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.txt")).unwrap(),
        std::fs::read_to_string(other.path().join("draft.txt")).unwrap()
    );
}

#[test]
fn diff_without_unsafe_fixes_shows_only_safe_ones_and_a_clean_file_shows_nothing() {
    let dir = draft_dir();
    let o = run_in(dir.path(), &["check", "--diff", "draft.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    assert_eq!(text(&o.stdout), "");
    assert!(text(&o.stderr).contains("draft.txt：可修复 0 处；另有 3 处修复需要确认"), "{}", text(&o.stderr));

    std::fs::write(dir.path().join("clean.txt"), example("xiaye-2025-fixed.txt")).unwrap();
    let o = run_in(dir.path(), &["check", "--diff", "clean.txt"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stdout), "");
    assert!(text(&o.stderr).contains("clean.txt：没有可自动修复的问题"), "{}", text(&o.stderr));
    let o = run_in(dir.path(), &["check", "--fix", "clean.txt"]);
    assert!(text(&o.stdout).contains("注：clean.txt：没有可自动修复的问题"), "{}", text(&o.stdout));
}

#[test]
fn a_fix_that_overlaps_another_is_counted_as_left() {
    // a "/" in table 三 (a safe cell fix) inside the table the unsafe
    // 总计-column rebuild replaces: the policy takes the rebuild whole and
    // drops the cell fix, and the sentence says so
    let dir = tempfile::tempdir().unwrap();
    let draft = example("xiaye-2025-draft.txt");
    let slash = draft.replacen("1.属于国家秘密\t0\t0\t0\t0\t0", "1.属于国家秘密\t0\t0\t0\t0\t/", 1);
    assert_ne!(slash, draft);
    std::fs::write(dir.path().join("d.txt"), &slash).unwrap();
    let o = run_in(dir.path(), &["check", "--fix", "--unsafe-fixes", "d.txt"]);
    let out = text(&o.stdout);
    assert!(out.contains("注：d.txt：已修复 3 处；另有 1 处修复与其他修复重叠，本次未应用"), "{out}");
    // and the second run picks up what the first left, if anything remains
    let o = run_in(dir.path(), &["check", "--fix", "--unsafe-fixes", "d.txt"]);
    assert!(!text(&o.stdout).contains("重叠"), "{}", text(&o.stdout));
}
