//! End-to-end tests of the `nianbao` binary: output contracts, encodings,
//! directory walking, `--fix`, configuration and the small subcommands.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const DRAFT: &str = "examples/xiaye-2025-draft.txt";
const FIXED: &str = "examples/xiaye-2025-fixed.txt";

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example(name: &str) -> String {
    std::fs::read_to_string(manifest_dir().join(name)).unwrap()
}

/// Runs the binary in `cwd` and kills it after a minute, so a hang (a
/// symlink loop followed forever) fails the test instead of the whole suite.
fn run_in(cwd: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    // Drain pipes on threads: a full pipe would otherwise block the child
    // and look like a hang.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut v).unwrap();
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut v).unwrap();
        v
    });
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("nianbao {args:?} did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output { status, stdout: out_t.join().unwrap(), stderr: err_t.join().unwrap() }
}

fn run(args: &[&str]) -> Output {
    run_in(manifest_dir(), args)
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", stdout(o)))
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

fn diagnostics_of<'a>(file: &'a Value, rule: &str) -> Vec<&'a Value> {
    file["diagnostics"].as_array().unwrap().iter().filter(|d| d["rule"] == rule).collect()
}

fn rules_of(file: &Value) -> Vec<String> {
    file["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap().to_owned()).collect()
}

/// The fixed example with one table-三 cell on the （一）予以公开 row turned
/// into "/", which `table/bad-cell` offers to fix safely.
fn report_with_slash_cell() -> String {
    let text = example(FIXED);
    let mut done = false;
    let lines: Vec<String> = text
        .split('\n')
        .map(|l| {
            if !done && l.contains("予以公开") && l.matches('\t').count() >= 8 {
                done = true;
                let mut cells: Vec<&str> = l.split('\t').collect();
                let n = cells.len();
                cells[n - 2] = "/";
                cells.join("\t")
            } else {
                l.to_owned()
            }
        })
        .collect();
    assert!(done, "the fixed example has no （一）予以公开 row");
    lines.join("\n")
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(path, bytes).unwrap();
}

// ---------------------------------------------------------------- contract

#[test]
fn json_contract_shape_and_positions_on_the_draft() {
    let o = run(&["check", "--format", "json", DRAFT]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let doc = json(&o);
    assert_eq!(keys(&doc), ["files"]);
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    let f = &files[0];
    assert_eq!(keys(f), ["diagnostics", "path", "report_year"]);
    assert_eq!(f["path"], DRAFT);
    assert_eq!(f["report_year"], 2025);
    for d in f["diagnostics"].as_array().unwrap() {
        assert_eq!(keys(d), ["column", "end_column", "end_line", "fixes", "line", "message", "rule", "severity"]);
        assert!(["error", "warning", "info", "hint"].contains(&d["severity"].as_str().unwrap()));
        assert!(d["line"].as_u64().unwrap() >= 1 && d["column"].as_u64().unwrap() >= 1);
        for fix in d["fixes"].as_array().unwrap() {
            assert_eq!(keys(fix), ["edits", "title"]);
            for e in fix["edits"].as_array().unwrap() {
                assert_eq!(keys(e), ["column", "end_column", "end_line", "line", "new_text"]);
            }
        }
    }

    let col = diagnostics_of(f, "table/missing-column");
    assert_eq!(col.len(), 1);
    assert_eq!((col[0]["line"].as_u64(), col[0]["column"].as_u64()), (Some(38), Some(28)));

    let widths: Vec<u64> = diagnostics_of(f, "table/row-width").iter().map(|d| d["line"].as_u64().unwrap()).collect();
    assert_eq!(widths, (43..=61).collect::<Vec<u64>>());

    // Columns count characters: "（二）依申请公开：2025 年末收到政府信息公开" is 24 of them.
    let missing = diagnostics_of(f, "prose/missing-number");
    assert_eq!(missing.len(), 1);
    let m = missing[0];
    assert_eq!(
        [&m["line"], &m["column"], &m["end_line"], &m["end_column"]].map(|v| v.as_u64().unwrap()),
        [9, 25, 9, 28]
    );
    assert_eq!(m["severity"], "error");
    assert_eq!(m["fixes"][0]["edits"][0]["line"], 9);

    let sum = diagnostics_of(f, "prose/enumeration-sum");
    assert_eq!(sum.len(), 1);
    assert_eq!((sum[0]["line"].as_u64(), sum[0]["column"].as_u64()), (Some(7), Some(66)));

    let plan = diagnostics_of(f, "year/plan");
    assert_eq!(plan.len(), 1);
    assert_eq!(
        (plan[0]["line"].as_u64(), plan[0]["column"].as_u64(), plan[0]["end_column"].as_u64()),
        (Some(76), Some(1), Some(5))
    );
    assert_eq!(plan[0]["severity"], "warning");
    assert_eq!(plan[0]["fixes"][0]["edits"][0]["new_text"], "2026");
}

#[test]
fn json_snapshot_of_the_draft() {
    let o = run(&["check", "--format", "json", DRAFT]);
    assert_eq!(code(&o), 1);
    insta::assert_snapshot!("draft_json", stdout(&o));
}

#[test]
fn human_snapshot_of_the_draft() {
    let o = run(&["check", DRAFT]);
    assert_eq!(code(&o), 1);
    insta::assert_snapshot!("draft_human", stdout(&o));
}

#[test]
fn fixed_example_is_clean_and_exits_zero() {
    let o = run(&["check", "--format", "json", FIXED]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let f = &json(&o)["files"][0];
    assert_eq!(f["diagnostics"].as_array().unwrap().len(), 0);
    assert_eq!(f["report_year"], 2025);

    let o = run(&["check", FIXED]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("examples/xiaye-2025-fixed.txt：没有发现问题"), "{}", stdout(&o));
}

#[test]
fn human_output_has_no_color_when_piped_even_without_no_color() {
    let o = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", DRAFT])
        .current_dir(manifest_dir())
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(!out.contains('\x1b'), "escape codes in piped output");
    assert!(out.contains("错误[table/row-width]："));
    assert!(out.ends_with("共 1 个文件：21 个错误，2 个警告\n"), "{out}");
}

// --------------------------------------------------------------- encodings

#[test]
fn gbk_file_is_decoded_and_checked_like_utf8() {
    let dir = tempdir();
    let draft = example(DRAFT);
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&draft);
    assert!(!unmappable);
    write(&dir.path().join("gbk.txt"), &gbk);
    write(&dir.path().join("utf8.txt"), example(DRAFT));

    let o = run_in(dir.path(), &["check", "--format", "json", "gbk.txt", "utf8.txt"]);
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    let doc = json(&o);
    let (g, u) = (&doc["files"][0], &doc["files"][1]);
    assert_eq!(g["path"], "gbk.txt");
    assert!(g.get("error").is_none());
    // Same findings at the same character positions: decoding happened
    // before analysis, not mojibake that happens to parse.
    assert_eq!(g["diagnostics"], u["diagnostics"]);
    assert_eq!(g["report_year"], 2025);

    let o = run_in(dir.path(), &["check", "gbk.txt"]);
    assert!(stdout(&o).contains("注：gbk.txt：文件编码为 GB18030"), "{}", stdout(&o));
}

#[test]
fn utf16_with_bom_and_utf8_with_bom_are_read() {
    let dir = tempdir();
    let text = example(DRAFT);
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    write(&dir.path().join("le.txt"), le);
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    write(&dir.path().join("be.txt"), be);
    write(&dir.path().join("bom.txt"), [b"\xEF\xBB\xBF", text.as_bytes()].concat());
    write(&dir.path().join("plain.txt"), &text);

    let o = run_in(dir.path(), &["check", "--format", "json", "be.txt", "bom.txt", "le.txt", "plain.txt"]);
    assert_eq!(code(&o), 1);
    let doc = json(&o);
    let files = doc["files"].as_array().unwrap();
    for f in &files[..3] {
        assert_eq!(f["diagnostics"], files[3]["diagnostics"], "{}", f["path"]);
    }
}

#[test]
fn binary_file_is_a_per_file_error_and_the_good_file_is_still_reported() {
    let dir = tempdir();
    write(&dir.path().join("a-binary.txt"), b"PK\x03\x04\x00\x00\x00binary");
    write(&dir.path().join("b-draft.txt"), example(DRAFT));
    write(&dir.path().join("c-garbage.txt"), b"abc\xFF\xFF\xFFdef");

    let o = run_in(dir.path(), &["check", "--format", "json", "a-binary.txt", "b-draft.txt", "c-garbage.txt"]);
    assert_eq!(code(&o), 2, "I/O errors win over findings");
    let doc = json(&o);
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);

    assert_eq!(keys(&files[0]), ["diagnostics", "error", "path", "report_year"]);
    assert!(files[0]["error"].as_str().unwrap().contains("二进制文件"));
    assert_eq!(files[0]["diagnostics"].as_array().unwrap().len(), 0);
    assert_eq!(files[0]["report_year"], Value::Null);

    assert!(files[1].get("error").is_none());
    assert!(rules_of(&files[1]).contains(&"table/row-width".to_owned()));

    assert!(files[2]["error"].as_str().unwrap().contains("无法识别的文件编码"));

    let o = run_in(dir.path(), &["check", "a-binary.txt", "b-draft.txt"]);
    assert_eq!(code(&o), 2);
    let out = stdout(&o);
    assert!(out.contains("错误：a-binary.txt：二进制文件"), "{out}");
    assert!(out.contains("b-draft.txt：21 个错误，2 个警告"), "{out}");
    assert!(out.contains("1 个文件未能检查"), "{out}");
}

#[test]
fn missing_path_is_a_per_file_error() {
    let o = run(&["check", "--format", "json", "examples/no-such-draft.txt", FIXED]);
    assert_eq!(code(&o), 2);
    let doc = json(&o);
    assert!(doc["files"][0]["error"].as_str().unwrap().contains("不存在"));
    assert_eq!(doc["files"][1]["path"], FIXED);
    assert!(doc["files"][1].get("error").is_none());
}

#[test]
fn empty_file_is_checked_not_an_error() {
    let dir = tempdir();
    write(&dir.path().join("empty.txt"), b"");
    let o = run_in(dir.path(), &["check", "--format", "json", "empty.txt"]);
    assert_eq!(code(&o), 0);
    let f = &json(&o)["files"][0];
    assert_eq!(keys(f), ["diagnostics", "path", "report_year"]);
    assert_eq!(f["diagnostics"].as_array().unwrap().len(), 0);

    let o = run_in(dir.path(), &["check", "empty.txt"]);
    assert!(stdout(&o).contains("注：empty.txt：文件没有内容"), "{}", stdout(&o));
}

// ---------------------------------------------------------------- walking

#[test]
fn directories_are_walked_in_sorted_order_skipping_hidden_and_other_files() {
    let dir = tempdir();
    let root = dir.path().join("reports");
    let fixed = example(FIXED);
    // Enough files that rayon really spreads them over threads.
    for i in (0..12).rev() {
        write(&root.join(format!("batch/f{i:02}.txt")), &fixed);
    }
    write(&root.join("b.md"), &fixed);
    write(&root.join("C.TXT"), &fixed);
    write(&root.join("a/deep/er/draft.txt"), example(DRAFT));
    write(&root.join(".git/hidden.txt"), b"\x00");
    write(&root.join("a/.cache/hidden.txt"), b"\x00");
    write(&root.join("a/.hidden.txt"), b"\x00");
    write(&root.join("picture.png"), b"\x89PNG\x00");
    write(&root.join("nianbao.toml"), b"");

    let o = run_in(dir.path(), &["check", "--format", "json", "reports"]);
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    let doc = json(&o);
    let paths: Vec<&str> = doc["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    // Byte order of names: "C.TXT" < "a" < "b.md" < "batch".
    let mut expected =
        vec!["reports/C.TXT".to_owned(), "reports/a/deep/er/draft.txt".to_owned(), "reports/b.md".to_owned()];
    expected.extend((0..12).map(|i| format!("reports/batch/f{i:02}.txt")));
    assert_eq!(paths, expected);
    assert!(doc["files"].as_array().unwrap().iter().all(|f| f.get("error").is_none()));
}

#[test]
fn the_same_file_named_twice_is_checked_once() {
    let o = run(&["check", "--format", "json", FIXED, "examples", FIXED]);
    let doc = json(&o);
    let paths: Vec<&str> = doc["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, [FIXED, "examples/qingshan-2025.md", "examples/xiaye-2025-draft.txt"]);
}

#[test]
fn symlink_loop_neither_hangs_nor_aborts() {
    let dir = tempdir();
    let root = dir.path().join("tree");
    write(&root.join("sub/draft.txt"), example(DRAFT));
    std::os::unix::fs::symlink("..", root.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(root.join("sub"), root.join("sub/self")).unwrap();

    let o = run_in(dir.path(), &["check", "--format", "json", "tree"]);
    assert_eq!(code(&o), 2, "the loop is reported as an error entry");
    let doc = json(&o);
    let files = doc["files"].as_array().unwrap();
    let checked: Vec<&Value> = files.iter().filter(|f| f.get("error").is_none()).collect();
    assert_eq!(checked.len(), 1);
    assert_eq!(checked[0]["path"], "tree/sub/draft.txt");
    assert!(rules_of(checked[0]).contains(&"table/row-width".to_owned()));
    let loops: Vec<&Value> = files.iter().filter(|f| f.get("error").is_some()).collect();
    assert_eq!(loops.len(), 2);
    assert!(loops.iter().all(|f| f["error"].as_str().unwrap().contains("符号链接循环")), "{loops:?}");

    let o = run_in(dir.path(), &["check", "tree"]);
    assert_eq!(code(&o), 2);
    assert!(stdout(&o).contains("错误：tree/sub/loop：符号链接循环"), "{}", stdout(&o));
}

// ------------------------------------------------------------------- --fix

#[test]
fn fix_turns_a_slash_cell_into_zero_and_writes_the_file() {
    let dir = tempdir();
    let path = dir.path().join("slash.txt");
    let text = report_with_slash_cell();
    write(&path, &text);

    let o = run_in(dir.path(), &["check", "--format", "json", "slash.txt"]);
    assert_eq!(code(&o), 1);
    let before = json(&o);
    let bad = diagnostics_of(&before["files"][0], "table/bad-cell");
    assert_eq!(bad.len(), 1, "{before}");
    assert_eq!(bad[0]["fixes"][0]["edits"][0]["new_text"], "0");

    let o = run_in(dir.path(), &["check", "--fix", "slash.txt"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).contains("注：slash.txt：已修复 1 处"), "{}", stdout(&o));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), example(FIXED));

    let o = run_in(dir.path(), &["check", "--format", "json", "slash.txt"]);
    assert_eq!(code(&o), 0);
    assert!(diagnostics_of(&json(&o)["files"][0], "table/bad-cell").is_empty());
}

#[test]
fn fix_with_json_keeps_stdout_pure_json() {
    let dir = tempdir();
    write(&dir.path().join("slash.txt"), report_with_slash_cell());
    let o = run_in(dir.path(), &["check", "--fix", "--format", "json", "slash.txt"]);
    assert_eq!(code(&o), 0);
    assert_eq!(json(&o)["files"][0]["diagnostics"].as_array().unwrap().len(), 0);
    assert!(stderr(&o).contains("slash.txt：已修复 1 处"));
}

#[test]
fn fix_keeps_gb18030_encoding_and_crlf() {
    let dir = tempdir();
    let path = dir.path().join("gb.txt");
    let crlf = |s: String| s.replace('\n', "\r\n");
    write(&path, encoding_rs::GB18030.encode(&crlf(report_with_slash_cell())).0);

    let o = run_in(dir.path(), &["check", "--fix", "gb.txt"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).contains("已修复 1 处"));

    let bytes = std::fs::read(&path).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "written back as UTF-8");
    assert_eq!(bytes, encoding_rs::GB18030.encode(&crlf(example(FIXED))).0.as_ref());

    let o = run_in(dir.path(), &["check", "--format", "json", "gb.txt"]);
    assert_eq!(code(&o), 0);
}

#[test]
fn fix_keeps_utf8_bom_and_crlf() {
    let dir = tempdir();
    let path = dir.path().join("bom.txt");
    let body = report_with_slash_cell().replace('\n', "\r\n");
    write(&path, [b"\xEF\xBB\xBF", body.as_bytes()].concat());

    let o = run_in(dir.path(), &["check", "--fix", "bom.txt"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let want = [b"\xEF\xBB\xBF".as_slice(), example(FIXED).replace('\n', "\r\n").as_bytes()].concat();
    assert_eq!(std::fs::read(&path).unwrap(), want);
}

#[test]
fn fix_leaves_a_file_without_safe_fixes_untouched() {
    let dir = tempdir();
    let path = dir.path().join("draft.txt");
    write(&path, example(DRAFT));
    let o = run_in(dir.path(), &["check", "--fix", "draft.txt"]);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains("draft.txt：已修复 0 处；另有 3 处修复需要确认"), "{}", stdout(&o));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), example(DRAFT));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers, ["draft.txt"], "no temp files left behind");
}

// ------------------------------------------------------------------ config

#[test]
fn config_in_a_parent_directory_is_discovered() {
    let dir = tempdir();
    write(&dir.path().join("nianbao.toml"), "[rules]\n\"year/plan\" = \"off\"\n\"table/row-width\" = \"hint\"\n");
    write(&dir.path().join("town/2025/draft.txt"), example(DRAFT));

    let o = run_in(&dir.path().join("town/2025"), &["check", "--format", "json", "draft.txt"]);
    let doc = json(&o);
    let f = &doc["files"][0];
    assert!(diagnostics_of(f, "year/plan").is_empty());
    assert!(diagnostics_of(f, "table/row-width").iter().all(|d| d["severity"] == "hint"));
    assert!(!diagnostics_of(f, "prose/missing-number").is_empty());
    assert_eq!(code(&o), 1);
}

#[test]
fn nearest_config_wins_and_explicit_config_overrides_discovery() {
    let dir = tempdir();
    write(&dir.path().join("nianbao.toml"), "[rules]\n\"year/plan\" = \"off\"\n");
    write(&dir.path().join("a/nianbao.toml"), "[rules]\n\"prose/missing-number\" = \"off\"\n");
    write(&dir.path().join("a/draft.txt"), example(DRAFT));
    write(&dir.path().join("b/draft.txt"), example(DRAFT));
    write(&dir.path().join("elsewhere.toml"), "[rules]\n\"prose/enumeration-sum\" = \"off\"\n");

    let o = run_in(dir.path(), &["check", "--format", "json", "a", "b"]);
    let doc = json(&o);
    let (a, b) = (rules_of(&doc["files"][0]), rules_of(&doc["files"][1]));
    assert!(a.contains(&"year/plan".to_owned()) && !a.contains(&"prose/missing-number".to_owned()));
    assert!(!b.contains(&"year/plan".to_owned()) && b.contains(&"prose/missing-number".to_owned()));

    let o = run_in(dir.path(), &["check", "--format", "json", "--config", "elsewhere.toml", "a", "b"]);
    let doc = json(&o);
    for f in doc["files"].as_array().unwrap() {
        let r = rules_of(f);
        assert!(!r.contains(&"prose/enumeration-sum".to_owned()));
        assert!(r.contains(&"year/plan".to_owned()) && r.contains(&"prose/missing-number".to_owned()));
    }
}

#[test]
fn broken_config_is_an_error_naming_file_and_line() {
    let dir = tempdir();
    write(&dir.path().join("nianbao.toml"), "report_year = 2025\n[rules]\n\"tally/nope\" = \"off\"\n");
    write(&dir.path().join("drafts/one.txt"), example(DRAFT));
    write(&dir.path().join("drafts/two.txt"), example(FIXED));

    let o = run_in(dir.path(), &["check", "drafts"]);
    assert_eq!(code(&o), 2);
    let out = stdout(&o);
    // Said once, even though it governs both files.
    assert_eq!(out.matches("配置错误：nianbao.toml 第 3 行第 1 列：").count(), 1, "{out}");
    assert!(out.contains("tally/nope"), "{out}");
    assert!(out.contains("错误：drafts/one.txt：未检查") && out.contains("错误：drafts/two.txt：未检查"), "{out}");

    let o = run_in(dir.path(), &["check", "--format", "json", "drafts"]);
    assert_eq!(code(&o), 2);
    let doc = json(&o);
    for f in doc["files"].as_array().unwrap() {
        assert!(f["error"].as_str().unwrap().starts_with("配置错误：nianbao.toml 第 3 行第 1 列："), "{f}");
        assert_eq!(f["diagnostics"].as_array().unwrap().len(), 0);
    }

    let o = run_in(dir.path(), &["check", "--config", "missing.toml", "drafts/two.txt"]);
    assert_eq!(code(&o), 2);
    assert!(stdout(&o).contains("配置错误：missing.toml："), "{}", stdout(&o));
}

// ------------------------------------------------------ other subcommands

#[test]
fn explain_prints_the_rule_doc() {
    let o = run(&["explain", "tally/balance"]);
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o).trim_end(), nianbao_core::rules::lookup("tally/balance").unwrap().doc.trim_end());
}

#[test]
fn explain_unknown_rule_lists_close_ids() {
    let o = run(&["explain", "tally/balanse"]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("没有名为“tally/balanse”的规则"), "{err}");
    assert!(err.contains("  tally/balance\n"), "{err}");
    assert!(stdout(&o).is_empty());

    let o = run(&["explain", "stale"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("year/stale"));
}

#[test]
fn rules_lists_every_rule_with_severity_and_summary() {
    let o = run(&["rules"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert_eq!(out.lines().count(), nianbao_core::rules::RULES.len());
    for (line, r) in out.lines().zip(nianbao_core::rules::RULES) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cols, [r.id, r.severity.as_str(), r.summary]);
    }
}

#[test]
fn skeleton_prints_a_report_whose_only_findings_are_its_placeholders() {
    let dir = tempdir();
    for (style, name) in [("tsv", "s.txt"), ("markdown", "s.md")] {
        let o = run(&["skeleton", "--year", "2025", "--body", "下冶镇人民政府", "--style", style]);
        assert_eq!(code(&o), 0);
        let out = stdout(&o);
        assert!(
            out.starts_with("下冶镇人民政府2025年政府信息公开工作年度报告") || out.starts_with("# 下冶镇"),
            "{out}"
        );
        let style = if style == "tsv" {
            nianbao_core::syntax::TableStyle::Tsv
        } else {
            nianbao_core::syntax::TableStyle::Markdown
        };
        assert_eq!(out.trim_end(), nianbao_core::fix::skeleton::report(2025, Some("下冶镇人民政府"), style).trim_end());
        write(&dir.path().join(name), out);
    }
    // the template is well formed (no error), but unfilled: its placeholder
    // sections are reported, so it never passes as a clean report
    let o = run_in(dir.path(), &["check", "--format", "json", "s.txt", "s.md"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    for f in json["files"].as_array().unwrap() {
        let rules: Vec<&str> =
            f["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap()).collect();
        assert!(!rules.is_empty() && rules.iter().all(|r| *r == "structure/empty-section"), "{rules:?}");
    }
}

#[test]
fn skeleton_rejects_years_out_of_range_and_unknown_styles() {
    for args in [
        ["skeleton", "--year", "1999"].as_slice(),
        &["skeleton", "--year", "2101"],
        &["skeleton", "--year", "2025", "--style", "html"],
    ] {
        let o = run(args);
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(stdout(&o).is_empty());
    }
    assert_eq!(code(&run(&["skeleton", "--year", "2000"])), 0);
    assert_eq!(code(&run(&["skeleton", "--year", "2100"])), 0);
}

#[test]
fn check_without_paths_is_a_usage_error() {
    let o = run(&["check"]);
    assert_eq!(code(&o), 2);
    let o = run(&["check", "--format", "xml", FIXED]);
    assert_eq!(code(&o), 2);
}
