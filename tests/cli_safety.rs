//! Data safety of `check --fix` and sane numbers (issue 10, items 1, 2, 7).
//!
//! Tests run as root, which ignores permission bits; nianbao therefore
//! decides "read-only" from the mode bits itself, and these tests set them.
//! A real failed write is made on a full tmpfs when `mount` is permitted
//! (it is in CI); the writer's own unit test (`src/cli/write.rs`) fails
//! writes through /dev/full everywhere.

mod common;
use common::*;
use nianbao_core::Config;
use serde_json::Value;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("nianbao-safety-{}-{name}", std::process::id()));
    if d.exists() {
        let _ = std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o755));
        std::fs::remove_dir_all(&d).unwrap();
    }
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(args: &[&Path], fix: bool) -> (Output, Value) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_nianbao"));
    c.arg("check").args(["--format", "json"]);
    if fix {
        c.arg("--fix");
    }
    let out = c.args(args).output().unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("no JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (out, json)
}

fn file_entry<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["files"].as_array().unwrap().iter().find(|f| f["path"].as_str().unwrap().ends_with(name)).unwrap()
}

/// The base report with 新收·商业企业 (3) written as "/": its row's 总计 13
/// and the column's balance both say it is 3.
fn slash_in_new(style: Style) -> String {
    set_cell(&report(style), "一、本年新收", 1, "/")
}

#[test]
fn fix_never_writes_a_read_only_file_and_the_run_goes_on() {
    let d = scratch("ro-file");
    let (ro, ok) = (d.join("ro.txt"), d.join("ok.txt"));
    let text = slash_in_new(Style::Tsv);
    std::fs::write(&ro, &text).unwrap();
    std::fs::write(&ok, &text).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
    let (out, json) = run(&[&ro, &ok], true);
    assert_eq!(out.status.code(), Some(2));
    let err = file_entry(&json, "ro.txt")["error"].as_str().unwrap().to_string();
    assert!(err.contains("只读") && err.contains("文件未改动"), "{err}");
    assert_eq!(std::fs::read_to_string(&ro).unwrap(), text);
    // the other file of the run was fixed
    assert_eq!(std::fs::read_to_string(&ok).unwrap(), report(Style::Tsv));
}

#[test]
fn fix_refuses_a_read_only_directory() {
    let d = scratch("ro-dir");
    let sub = d.join("locked");
    std::fs::create_dir(&sub).unwrap();
    let f = sub.join("draft.txt");
    let text = slash_in_new(Style::Tsv);
    std::fs::write(&f, &text).unwrap();
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o555)).unwrap();
    let (out, json) = run(&[&f], true);
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = file_entry(&json, "draft.txt")["error"].as_str().unwrap();
    assert!(err.contains("目录是只读的") && err.contains("文件未改动"), "{err}");
    assert_eq!(std::fs::read_to_string(&f).unwrap(), text);
    assert_eq!(std::fs::read_dir(&sub).unwrap().count(), 1, "a temp file was left behind");
}

#[test]
fn fix_refuses_a_file_with_other_hard_links() {
    let d = scratch("links");
    let f = d.join("draft.txt");
    let text = slash_in_new(Style::Tsv);
    std::fs::write(&f, &text).unwrap();
    std::fs::hard_link(&f, d.join("backup.txt")).unwrap();
    let (out, json) = run(&[&f], true);
    assert_eq!(out.status.code(), Some(2));
    let err = file_entry(&json, "draft.txt")["error"].as_str().unwrap();
    assert!(err.contains("硬链接"), "{err}");
    assert_eq!(std::fs::read_to_string(&f).unwrap(), text);
}

/// A tmpfs of 64 KiB filled to the last page: writing the temp file fails
/// with ENOSPC. Needs `mount` (root in CI); elsewhere the writer's unit test
/// with /dev/full covers the same path.
#[test]
fn fix_on_a_full_disk_leaves_the_file_whole_and_says_write() {
    let d = scratch("full");
    let mnt = d.join("mnt");
    std::fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&mnt)
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        eprintln!("mount not permitted here; the /dev/full unit test covers failed writes");
        return;
    }
    let f = mnt.join("draft.txt");
    let text = slash_in_new(Style::Tsv);
    std::fs::write(&f, &text).unwrap();
    let mut filler = std::fs::File::create(mnt.join("filler")).unwrap();
    let block = vec![b'x'; 4096];
    while std::io::Write::write_all(&mut filler, &block).is_ok() {}
    drop(filler);
    let (out, json) = run(&[&f], true);
    let kept = std::fs::read_to_string(&f);
    let names: Vec<_> = std::fs::read_dir(&mnt).unwrap().map(|e| e.unwrap().file_name()).collect();
    let _ = Command::new("umount").arg(&mnt).status();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(kept.unwrap(), text);
    assert_eq!(names.len(), 2, "temp file left on the full disk: {names:?}");
    let err = file_entry(&json, "draft.txt")["error"].as_str().unwrap();
    assert!(err.contains("写入失败") && !err.contains("无法读取") && err.contains("文件未改动"), "{err}");
}

#[test]
fn fix_writes_the_value_the_row_total_implies_in_every_style() {
    for style in STYLES {
        let d = scratch(&format!("implied-{style:?}"));
        let f = d.join("draft.txt");
        std::fs::write(&f, slash_in_new(style)).unwrap();
        let (out, json) = run(&[&f], true);
        // the "/" became 3, the correct 总计 13 stayed: the report is whole again
        assert_eq!(std::fs::read_to_string(&f).unwrap(), report(style), "{style:?}");
        assert_eq!(json["files"][0]["diagnostics"].as_array().unwrap().len(), 0, "{style:?}: {json:#}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("已修复 1 处"), "{style:?}");
    }
}

#[test]
fn a_slash_where_the_sums_disagree_is_not_fixed() {
    for style in STYLES {
        // 四、结转·商业企业 0 → 1 (its row 2 → 3): the balance now says the "/"
        // is 4 while the row says 3 — which one is wrong is unknown
        let text = set_cell(&slash_in_new(style), "四、结转", 1, "1");
        let text = set_cell(&text, "四、结转", 6, "3");
        let findings = nianbao_core::analyze(&text, &Config::default()).findings;
        let cell = findings.iter().find(|f| f.rule == "table/bad-cell").expect("bad-cell");
        assert!(cell.fixes.iter().all(|x| !x.safe), "{style:?}: {:?}", cell.fixes);
        let d = scratch(&format!("contested-{style:?}"));
        let f = d.join("draft.txt");
        std::fs::write(&f, &text).unwrap();
        run(&[&f], true);
        let after = std::fs::read_to_string(&f).unwrap();
        assert!(after.contains('/'), "{style:?}: the contested / was rewritten");
    }
}

#[test]
fn a_slash_in_a_row_of_zeros_is_still_safely_zero() {
    for style in STYLES {
        // （三）2.商业秘密 is all 0: a "/" there contradicts nothing
        let text = set_cell(&report(style), "2.其他法律行政法规禁止公开", 0, "/");
        let findings = nianbao_core::analyze(&text, &Config::default()).findings;
        let cell = findings.iter().find(|f| f.rule == "table/bad-cell").expect("bad-cell");
        assert_eq!(cell.fixes[0].title, "改为 0");
        assert!(cell.fixes[0].safe, "{style:?}");
    }
}

#[test]
fn a_slash_total_becomes_the_sum_of_its_row() {
    for style in STYLES {
        let text = set_cell(&report(style), "一、本年新收", 6, "/");
        let a = nianbao_core::analyze(&text, &Config::default());
        let (fixed, n) =
            nianbao_core::fix::apply(&text, &nianbao_core::fix::safe_plan(&text, &a.report, &a.findings)).unwrap();
        assert_eq!((fixed.as_str(), n), (report(style).as_str(), 1), "{style:?}");
    }
}

/// Numbers too large to be counts: one table/bad-cell each, the row still
/// found, no sum wrapped into agreement.
#[test]
fn huge_cells_are_one_bad_cell_each_never_a_missing_row() {
    for style in STYLES {
        for huge in ["9223372036854775808", "12345678901234567890", "9223372036854775807"] {
            let text = set_cell(&report(style), "一、本年新收", 0, huge);
            let findings = nianbao_core::analyze(&text, &Config::default()).findings;
            let rules = rules_of(&findings);
            assert!(!rules.contains(&"table/missing-row"), "{style:?} {huge}: {rules:?}");
            let bad: Vec<_> = findings.iter().filter(|f| f.rule == "table/bad-cell").collect();
            assert_eq!(bad.len(), 1, "{style:?} {huge}: {rules:?}");
            assert!(bad[0].message.contains(huge) && bad[0].message.contains("过大"), "{}", bad[0].message);
            assert!(!rules.iter().any(|r| r.starts_with("tally/")), "{style:?} {huge}: {rules:?}");
        }
    }
}

#[test]
fn sums_that_would_wrap_are_never_read_as_agreeing() {
    // 2^62 + 2^62 wraps to -2^63 in a release build; 总计 written as that
    // must not pass, nor any tally be computed from these cells
    let text = set_cell(&report(Style::Tsv), "一、本年新收", 0, "4611686018427387904");
    let text = set_cell(&text, "一、本年新收", 1, "4611686018427387904");
    let text = set_cell(&text, "一、本年新收", 6, "9223372036854775807");
    let findings = nianbao_core::analyze(&text, &Config::default()).findings;
    let rules = rules_of(&findings);
    assert_eq!(rules.iter().filter(|r| **r == "table/bad-cell").count(), 3, "{rules:?}");
    assert!(!rules.contains(&"table/missing-row"), "{rules:?}");
    // no rule overflowed (a debug build panics on overflow; the rule's
    // findings would be lost silently, and a release build would wrap)
    let d = scratch("wrap");
    let f = d.join("draft.txt");
    std::fs::write(&f, &text).unwrap();
    let (_, _) = run(&[&f], false);
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao")).arg("check").arg(&f).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"), "{}", String::from_utf8_lossy(&out.stderr));
    // a large but plausible count still sums (10^12 - 1 is a count)
    let text = set_cell(&report(Style::Tsv), "一、本年新收", 0, "999999999999");
    let rules_big = rules_of(&nianbao_core::analyze(&text, &Config::default()).findings);
    assert!(rules_big.contains(&"tally/row-total"), "{rules_big:?}");
}

/// Item 9: the draft's own nianbao.toml wins when a directory above the
/// current one cannot be entered. Root ignores mode bits, so the binary is
/// run as `nobody` through setpriv (skipped where setpriv is missing; the
/// injected-lookup unit tests in src/config.rs cover the logic anyway).
#[test]
fn the_nearest_config_wins_under_an_unenterable_ancestor() {
    let d = scratch("discover");
    let proj = d.join("locked").join("proj");
    std::fs::create_dir_all(&proj).unwrap();
    // broken, higher up: using it would fail every file
    std::fs::write(d.join("nianbao.toml"), "report_yaer = 2025\n").unwrap();
    std::fs::write(proj.join("nianbao.toml"), "[rules]\n\"table/bad-cell\" = \"off\"\n").unwrap();
    std::fs::write(proj.join("draft.txt"), slash_in_new(Style::Tsv)).unwrap();
    std::fs::set_permissions(d.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_nianbao")])
        .args(["check", "--format", "json", "draft.txt"])
        .current_dir(&proj)
        .output();
    std::fs::set_permissions(d.join("locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let Ok(out) = out else {
        eprintln!("setpriv not available; src/config.rs unit tests cover discovery");
        return;
    };
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {} {}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
    });
    let f = &json["files"][0];
    assert!(f["error"].is_null(), "the higher, broken config was used: {f:#}");
    // the draft's config turned table/bad-cell off
    assert!(f["diagnostics"].as_array().unwrap().iter().all(|x| x["rule"] != "table/bad-cell"), "{f:#}");
}

/// Item 10: a newline or ESC in a file name neither splits the location
/// line nor reaches the terminal; JSON carries names losslessly.
#[test]
fn control_characters_in_names_are_escaped_in_human_output() {
    let d = scratch("names");
    let f = d.join("草稿\n第二行\u{1b}[31m红.txt");
    std::fs::write(&f, slash_in_new(Style::Tsv)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao")).arg("check").arg(&f).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "an escape sequence reached the terminal: {text:?}");
    assert!(text.contains("草稿\\n第二行\\u{1b}[31m红.txt"), "{text}");
    // every line naming the file names it whole
    assert!(text.lines().all(|l| !l.starts_with("第二行")), "{text}");
    // JSON: exact, escaped by JSON itself
    let (_, json) = run(&[&f], false);
    assert_eq!(json["files"][0]["path"].as_str().unwrap(), f.to_str().unwrap());
    assert!(json["files"][0].get("path_bytes").is_none());
}

#[test]
fn non_utf8_names_are_carried_losslessly_in_json() {
    use std::os::unix::ffi::OsStrExt;
    let d = scratch("gbk-name");
    let name = std::ffi::OsStr::from_bytes(b"\xb1\xa8\xb8\xe6.txt"); // 报告.txt in GBK
    let f = d.join(name);
    std::fs::write(&f, report(Style::Tsv)).unwrap();
    let (out, json) = run(&[&f], false);
    assert_eq!(out.status.code(), Some(0), "{json:#}");
    let bytes: Vec<u8> =
        json["files"][0]["path_bytes"].as_array().unwrap().iter().map(|b| b.as_u64().unwrap() as u8).collect();
    assert_eq!(bytes, f.as_os_str().as_bytes());
    let human = Command::new(env!("CARGO_BIN_EXE_nianbao")).arg("check").arg(&f).output().unwrap();
    assert!(String::from_utf8(human.stdout).unwrap().contains("\\xB1\\xA8\\xB8\\xE6.txt"));
}

/// Item 3: a message quotes at most a short excerpt of the document. A
/// 20 000-character row label in table 三 used to be copied whole into the
/// table/extra-row message (and into every output format).
#[test]
fn messages_quote_an_excerpt_not_the_whole_text() {
    for style in STYLES {
        // a space-aligned line with a label over 45 characters is prose, not a row
        let n = if style == Style::Spaces { 40 } else { 20_000 };
        let label = format!("开头{}结尾", "甲".repeat(n));
        let zeros = ["0"; 7];
        let row = t3_row(style, [&label, "", ""], &zeros);
        let text = insert_after(&report(style), "四、结转下年度继续办理", &row);
        let findings = nianbao_core::analyze(&text, &Config::default()).findings;
        let extra = findings.iter().find(|f| f.rule == "table/extra-row").unwrap_or_else(|| {
            panic!("{style:?}: {:?}", rules_of(&findings));
        });
        assert!(extra.message.chars().count() < 80, "{style:?}: {} chars", extra.message.chars().count());
        assert!(extra.message.contains("开头") && extra.message.contains('…') && extra.message.contains("结尾"));
        let d = scratch(&format!("excerpt-{style:?}"));
        let f = d.join("draft.txt");
        std::fs::write(&f, &text).unwrap();
        let (out, _) = run(&[&f], false);
        // the JSON is about as large as its findings, not the document
        assert!(out.stdout.len() < 4_000, "{style:?}: {} bytes of JSON", out.stdout.len());
        let human = Command::new(env!("CARGO_BIN_EXE_nianbao")).arg("check").arg(&f).output().unwrap();
        assert!(human.stdout.len() < 4_000, "{style:?}: {} bytes of human output", human.stdout.len());
    }
}

/// Item 3: human output shows at most 1 000 findings per file and says how
/// many more there are; the totals and the JSON still count every one.
#[test]
fn human_output_is_bounded_per_file() {
    let base =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/xiaye-2025-fixed.txt")).unwrap();
    let extra: String = (0..3000).map(|i| format!("（{i}）2025年13月完成了第{i}项工作。\n")).collect();
    let d = scratch("many");
    let f = d.join("draft.txt");
    std::fs::write(&f, format!("{base}\n{extra}")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao")).arg("check").arg(&f).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("[year/malformed]").count(), 1000);
    assert!(text.contains("另有 2000 个问题未显示"), "{}", &text[text.len().saturating_sub(400)..]);
    let (_, json) = run(&[&f], false);
    assert_eq!(json["files"][0]["diagnostics"].as_array().unwrap().len(), 3000);
    // a file with fewer findings gets no such note
    std::fs::write(&f, format!("{base}\n（1）2025年13月完成了工作。\n")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao")).arg("check").arg(&f).output().unwrap();
    assert!(!String::from_utf8(out.stdout).unwrap().contains("未显示"));
}
