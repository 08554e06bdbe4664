//! `nianbao check` on hostile file systems and files. Whatever one file is
//! (missing, unreadable, binary, enormous, in an old encoding, a loop), the
//! run reports it as a clear per-file error or checks it, and still checks
//! every other file: one bad entry in a directory of 5 000 drafts must never
//! abort the whole run.
//!
//! Tests run as root in CI, where `chmod 000` does not stop a read; an
//! unreadable entry is therefore made as a dangling symlink (reading it
//! fails with NotFound) or a FIFO (opening it for reading would block
//! forever without a writer).

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A report that checks clean except for what a test adds; every test puts
/// one beside its hostile entry to prove the rest of the run happened.
fn good_report() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/xiaye-2025-fixed.txt")).unwrap()
}

/// Runs `nianbao check --format json ARGS`, killing it after `limit` (a
/// hang is a failure, not a stuck CI job).
fn check(args: &[&Path], limit: Duration) -> (Output, Value) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .arg("check")
        .args(["--format", "json"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + limit;
    // Drain stdout on a thread so a big JSON document cannot fill the pipe
    // while we poll for exit.
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut v).unwrap();
        v
    });
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("nianbao check {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut out = child.wait_with_output().unwrap();
    out.stdout = reader.join().unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "no JSON document ({e}); status {:?}\nstdout: {}\nstderr: {}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out, json)
}

const MINUTE: Duration = Duration::from_secs(60);

fn file<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().is_some_and(|p| p.ends_with(name)))
        .unwrap_or_else(|| panic!("{name} not in the output: {json:#}"))
}

fn error_of<'a>(json: &'a Value, name: &str) -> &'a str {
    file(json, name)["error"].as_str().unwrap_or_else(|| panic!("{name} has no error: {:#}", file(json, name)))
}

/// The good neighbour was checked: no error, and it reads as a 2025 report.
fn checked(json: &Value, name: &str) {
    let f = file(json, name);
    assert!(f.get("error").is_none(), "{name} was not checked: {f:#}");
    assert_eq!(f["report_year"], 2025, "{f:#}");
}

fn dir_with_good() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("a-good.txt"), good_report()).unwrap();
    d
}

#[test]
fn a_dangling_symlink_is_a_per_file_error() {
    let d = dir_with_good();
    std::os::unix::fs::symlink(d.path().join("gone.txt"), d.path().join("b-dangling.txt")).unwrap();
    let (out, json) = check(&[d.path()], MINUTE);
    assert_eq!(out.status.code(), Some(2));
    assert!(!error_of(&json, "b-dangling.txt").is_empty());
    checked(&json, "a-good.txt");
}

#[test]
fn a_fifo_in_a_directory_does_not_hang_the_run() {
    let d = dir_with_good();
    let fifo = d.path().join("b-fifo.txt");
    let status = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(status.success());
    let (_, json) = check(&[d.path()], MINUTE);
    checked(&json, "a-good.txt");
    // Walking a directory, a FIFO is not a regular file and is passed over
    // like any other non-draft entry; it is never opened.
    assert!(
        json["files"].as_array().unwrap().iter().all(|f| !f["path"].as_str().unwrap().ends_with("b-fifo.txt"))
            || !error_of(&json, "b-fifo.txt").is_empty()
    );
}

#[test]
fn a_fifo_named_on_the_command_line_is_an_error_not_a_hang() {
    let d = dir_with_good();
    let fifo = d.path().join("fifo.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let good = d.path().join("a-good.txt");
    let (out, json) = check(&[&fifo, &good], MINUTE);
    assert_eq!(out.status.code(), Some(2));
    assert!(!error_of(&json, "fifo.txt").is_empty());
    checked(&json, "a-good.txt");
}

#[test]
fn symlink_loops_are_reported_and_skipped() {
    let d = dir_with_good();
    let sub = d.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("c-good.txt"), good_report()).unwrap();
    std::os::unix::fs::symlink(d.path(), sub.join("loop")).unwrap();
    std::os::unix::fs::symlink("self.txt", d.path().join("self.txt")).unwrap();
    let (out, json) = check(&[d.path()], MINUTE);
    assert_eq!(out.status.code(), Some(2), "a loop is something that could not be checked");
    checked(&json, "a-good.txt");
    checked(&json, "c-good.txt");
    assert!(error_of(&json, "loop").contains("循环"), "{json:#}");
    assert!(!error_of(&json, "self.txt").is_empty());
}

#[test]
fn empty_and_binary_files() {
    let d = dir_with_good();
    std::fs::write(d.path().join("b-empty.txt"), "").unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..=255u8).cycle().take(4096));
    std::fs::write(d.path().join("c-image.txt"), &png).unwrap();
    // invalid in UTF-8 and in GB18030, and no NUL to give it away as binary
    std::fs::write(d.path().join("d-garbage.md"), [0x80u8, 0xff, 0xfe, 0x81, 0x30, 0xff].repeat(100)).unwrap();
    let (out, json) = check(&[d.path()], MINUTE);
    assert_eq!(out.status.code(), Some(2));
    assert!(file(&json, "b-empty.txt").get("error").is_none(), "an empty draft is checked, not an error");
    assert!(!error_of(&json, "c-image.txt").is_empty());
    assert!(!error_of(&json, "d-garbage.md").is_empty());
    checked(&json, "a-good.txt");
}

#[test]
fn gbk_and_utf16_files_are_decoded() {
    let d = dir_with_good();
    let text = good_report();
    let (gbk, _, lossy) = encoding_rs::GBK.encode(&text);
    assert!(!lossy);
    std::fs::write(d.path().join("b-gbk.txt"), &gbk).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(d.path().join("c-utf16.txt"), &utf16).unwrap();
    let (_, json) = check(&[d.path()], MINUTE);
    for name in ["a-good.txt", "b-gbk.txt", "c-utf16.txt"] {
        checked(&json, name);
    }
    // the same text gives the same findings whatever its encoding
    assert_eq!(file(&json, "b-gbk.txt")["diagnostics"], file(&json, "a-good.txt")["diagnostics"]);
    assert_eq!(file(&json, "c-utf16.txt")["diagnostics"], file(&json, "a-good.txt")["diagnostics"]);
}

#[test]
fn a_sixty_megabyte_file_is_checked_or_refused_in_bounded_time() {
    let d = dir_with_good();
    let mut big = good_report();
    let filler = "（一）主动公开：2025年通过政府网站发布信息90余条，其中工作动态47条。\n";
    big.push_str(&filler.repeat((60 << 20) / filler.len() + 1));
    std::fs::write(d.path().join("b-huge.txt"), &big).unwrap();
    let (_, json) = check(&[d.path()], Duration::from_secs(300));
    checked(&json, "a-good.txt");
    let huge = file(&json, "b-huge.txt");
    assert!(huge.get("error").is_some() || huge["report_year"] == 2025, "{huge:#}");
}

#[test]
fn five_thousand_small_files() {
    let d = tempfile::tempdir().unwrap();
    let report = good_report();
    for i in 0..5000 {
        let sub = d.path().join(format!("d{:02}", i / 100));
        std::fs::create_dir_all(&sub).unwrap();
        // mostly tiny notes, every 500th a whole report
        let text = if i % 500 == 0 {
            report.clone()
        } else {
            format!("第{i}号草稿：2025年政府信息公开工作年度报告\n")
        };
        std::fs::write(sub.join(format!("{i:04}.txt")), text).unwrap();
    }
    let (out, json) = check(&[d.path()], Duration::from_secs(300));
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 5000);
    assert!(files.iter().all(|f| f.get("error").is_none()));
    assert!(matches!(out.status.code(), Some(0 | 1)), "{:?}", out.status);
    // walk order is sorted, so the output is stable
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
}

/// With the `test-panic` feature, analysis panics on a text holding
/// NIANBAO_PANIC (outside the per-rule guard). The CLI must report that one
/// file as an internal error and check the others: exit 2, never a crash.
#[cfg(feature = "test-panic")]
#[test]
fn a_panicking_analysis_costs_only_its_own_file() {
    let d = dir_with_good();
    let mut bad = good_report();
    bad.push_str("\nNIANBAO_PANIC\n");
    std::fs::write(d.path().join("b-panic.txt"), bad).unwrap();
    std::fs::write(d.path().join("c-good.md"), good_report()).unwrap();
    let (out, json) = check(&[d.path()], MINUTE);
    assert_eq!(out.status.code(), Some(2), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert!(error_of(&json, "b-panic.txt").contains("内部错误"), "{json:#}");
    checked(&json, "a-good.txt");
    checked(&json, "c-good.md");
    // and the human format says the same, with the same exit status
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao")).arg("check").arg(d.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("b-panic.txt") && stdout.contains("内部错误"), "{stdout}");
}
