//! `check DIR` renders each file's output as soon as it is analysed and
//! keeps nothing else of it; a file whose last year's report is in the run
//! is analysed again once both are known. The folder's output must be what
//! checking each file alone (with `--previous`) gives, whichever of the two
//! the walk meets first, in every output format.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn example() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/xiaye-2025-fixed.txt")).unwrap()
}

/// The example a year earlier, carrying 2 requests into this year (which
/// the example does not take over: a cross-year finding).
fn last_year() -> String {
    let zeros = "\t\t\t0\t0\t0\t0\t0\t0\t0";
    let two = "\t\t\t2\t0\t0\t0\t0\t0\t2";
    example()
        .replace("2025", "2024")
        .replace("2026", "2025")
        .replace(&format!("一、本年新收政府信息公开申请数量{zeros}"), &format!("一、本年新收政府信息公开申请数量{two}"))
        .replace(&format!("四、结转下年度继续办理{zeros}"), &format!("四、结转下年度继续办理{two}"))
}

fn run(cwd: &Path, args: &[&str]) -> (i32, String) {
    let o =
        Command::new(env!("CARGO_BIN_EXE_nianbao")).args(args).current_dir(cwd).env("NO_COLOR", "1").output().unwrap();
    (o.status.code().unwrap(), String::from_utf8(o.stdout).unwrap())
}

fn json(cwd: &Path, args: &[&str]) -> Value {
    let (_, out) = run(cwd, args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn entry<'a>(v: &'a Value, path: &str) -> &'a Value {
    v["files"].as_array().unwrap().iter().find(|f| f["path"] == path).unwrap_or_else(|| panic!("{path} in {v}"))
}

#[test]
fn a_folder_streams_the_same_output_as_each_file_checked_alone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // this year's before last year's in walk order, and the other way round
    std::fs::create_dir_all(d.join("reports/a")).unwrap();
    std::fs::write(d.join("reports/a/1-now.txt"), example()).unwrap();
    std::fs::write(d.join("reports/a/2-then.txt"), last_year()).unwrap();
    let other = |s: String| s.replace("下冶镇", "上冶镇");
    std::fs::create_dir_all(d.join("reports/b")).unwrap();
    std::fs::write(d.join("reports/b/1-then.txt"), other(last_year())).unwrap();
    std::fs::write(d.join("reports/b/2-now.txt"), other(example())).unwrap();
    // a third body, with no last year's report
    std::fs::write(d.join("reports/b/3-draft.txt"), fixture_draft().replace("下冶镇", "中冶镇")).unwrap();
    std::fs::write(d.join("reports/b/README.md"), "# 说明\n本目录存放年报。\n").unwrap();
    std::fs::write(d.join("reports/broken.txt"), b"\xff\xfe\x00\xd8 not text").unwrap();

    let folder = json(d, &["check", "--format", "json", "reports"]);
    let paths: Vec<&str> = folder["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "reports/a/1-now.txt",
            "reports/a/2-then.txt",
            "reports/b/1-then.txt",
            "reports/b/2-now.txt",
            "reports/b/3-draft.txt",
            "reports/broken.txt"
        ],
        "walk order, the README skipped"
    );
    for (now, then) in
        [("reports/a/1-now.txt", "reports/a/2-then.txt"), ("reports/b/2-now.txt", "reports/b/1-then.txt")]
    {
        let alone = json(d, &["check", "--format", "json", now, "--previous", then]);
        let mine = entry(&folder, now);
        assert_eq!(mine, entry(&alone, now), "{now} in the folder run and alone");
        let carried = mine["diagnostics"].as_array().unwrap().iter().filter(|x| x["rule"] == "cross-year/carry-over");
        assert!(carried.count() > 0, "{now} compared with {then}: {mine}");
        // last year's own entry is as it is alone (nothing before it)
        assert_eq!(entry(&folder, then), entry(&json(d, &["check", "--format", "json", then]), then));
    }
    assert!(entry(&folder, "reports/broken.txt")["error"].is_string());

    // the other formats agree with the JSON: one result or annotation per diagnostic
    let diagnostics: usize =
        folder["files"].as_array().unwrap().iter().map(|f| f["diagnostics"].as_array().unwrap().len()).sum();
    let sarif: Value = serde_json::from_str(&run(d, &["check", "--format", "sarif", "reports"]).1).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), diagnostics);
    assert_eq!(sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"].as_array().unwrap().len(), 1);
    let (_, github) = run(d, &["check", "--format", "github", "reports"]);
    assert_eq!(github.lines().count(), diagnostics + 1, "{github}");
    let (code, human) = run(d, &["check", "reports"]);
    assert_eq!(code, 2, "a file could not be read");
    assert_eq!(human.matches("对照上年报告").count(), 2, "{human}");
    assert!(human.trim_end().ends_with("1 个文件未能检查"), "{human}");
    let (_, summary_run) = run(d, &["check", "reports", "--summary", "s.csv"]);
    assert_eq!(summary_run, human, "--summary leaves the output alone");
    let csv = std::fs::read_to_string(d.join("s.csv")).unwrap();
    assert_eq!(csv.lines().filter(|l| l.contains("now.txt")).count(), 2, "{csv}");
}

fn fixture_draft() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/xiaye-2025-draft.txt")).unwrap()
}
