//! `check` on documents as clerks have them (issue 12.2): Word files made by
//! a real office suite from the examples, and one-line pages shaped like
//! published ones, report the same rules as the text they hold.

mod pages;
mod soffice;

use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn example(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name)).unwrap()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao")).args(args).env("NO_COLOR", "1").stdin(Stdio::null()).output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

/// The JSON document of `check` on one file.
fn json(path: &Path) -> (Value, i32) {
    let o = run(&["check", "--format", "json", path.to_str().unwrap()]);
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&o.stderr)));
    let file = doc["files"][0].clone();
    assert!(file.get("error").is_none(), "{path:?} was not checked: {}", file["error"]);
    (file, o.status.code().unwrap())
}

fn diagnostics(file: &Value) -> &Vec<Value> {
    file["diagnostics"].as_array().unwrap()
}

/// Rule id → number of findings.
fn rules(file: &Value) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for d in diagnostics(file) {
        *m.entry(d["rule"].as_str().unwrap().to_owned()).or_default() += 1;
    }
    m
}

fn rules_of_example(name: &str) -> BTreeMap<String, usize> {
    let (file, _) = json(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name));
    assert!(diagnostics(&file).iter().all(|d| d.get("source").is_none()), "a text file has no original to name");
    rules(&file)
}

/// "段落 N" or "表 M 第 r 行第 c 列".
fn is_place(s: &str) -> bool {
    let nums = |s: &str| s.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).count();
    (s.starts_with("段落 ") && nums(s) == 1)
        || (s.starts_with("表 ") && s.contains(" 行第 ") && s.ends_with(" 列") && nums(s) == 3)
}

/// The draft's findings in a document: the same rules as in the text, no
/// section lost in conversion, each finding naming its place in the original.
fn assert_like_the_draft(file: &Value, code: i32) {
    let expected = rules_of_example("xiaye-2025-draft.txt");
    assert!(expected.len() >= 4, "the draft exercises several rules: {expected:?}");
    assert_eq!(rules(file), expected);
    assert_eq!(code, 1);
    for d in diagnostics(file) {
        let source = d["source"].as_str().unwrap_or_else(|| panic!("no source on {d}"));
        assert!(is_place(source), "{source}");
    }
    // 表三 is the second data table (表二's four parts are one table); its
    // missing 总计 column is found in its third header row.
    let missing = diagnostics(file).iter().find(|d| d["rule"] == "table/missing-column").unwrap();
    assert!(missing["source"].as_str().unwrap().starts_with("表 2 第 3 行第"), "{missing}");
    let prose = diagnostics(file).iter().find(|d| d["rule"] == "prose/missing-number").unwrap();
    assert!(prose["source"].as_str().unwrap().starts_with("段落 "), "{prose}");
}

#[test]
fn libreoffice_docx_reports_what_the_text_reports() {
    let Some(dir) = soffice::documents() else { return };
    let draft = dir.join("draft.docx");

    // real Word tables, with the merges of the standard headers
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&draft).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    assert_eq!(xml.matches("<w:tbl>").count(), 3, "表二, 表三, 表四 as Word tables");
    assert!(xml.contains("w:gridSpan") && xml.contains("w:vMerge"), "merged cells");
    assert!(!xml.contains("申请人情况\t"), "no TAB text in the document");

    let (file, code) = json(&draft);
    assert_like_the_draft(&file, code);
    let (fixed, code) = json(&dir.join("fixed.docx"));
    assert_eq!((diagnostics(&fixed).len(), code), (0, 0), "{fixed}");

    // the human format names the place in Word beside the converted line
    let o = run(&["check", draft.to_str().unwrap()]);
    let out = text(&o.stdout);
    assert!(out.contains("已从Word 文档（.docx）转换为文本后检查"), "{out}");
    assert!(out.contains("（原文：表 2 第 3 行第"), "{out}");
    assert!(out.contains("（原文：段落 "), "{out}");
}

#[test]
fn one_line_published_pages_report_what_the_text_reports() {
    let dir = tempfile::tempdir().unwrap();
    for (name, charset) in [("utf8", "utf-8"), ("gbk", "gb2312")] {
        for example_name in ["xiaye-2025-draft.txt", "xiaye-2025-fixed.txt"] {
            let page = pages::published(&example(example_name), charset);
            assert!(!page.contains('\n'), "the page is one line");
            let bytes = if charset == "utf-8" {
                page.into_bytes()
            } else {
                let (b, _, unmappable) = encoding_rs::GBK.encode(&page);
                assert!(!unmappable);
                assert!(std::str::from_utf8(&b).is_err(), "really GBK");
                b.into_owned()
            };
            let path = dir.path().join(format!("{name}-{example_name}.html"));
            std::fs::write(&path, bytes).unwrap();
            let (file, code) = json(&path);
            if example_name.contains("draft") {
                assert_like_the_draft(&file, code);
            } else {
                assert_eq!((diagnostics(&file).len(), code), (0, 0), "{name}: {file}");
            }
        }
    }
    // the site's menus, breadcrumb and footer are no part of the text
    let page = dir.path().join("utf8-xiaye-2025-fixed.txt.html");
    let converted = text(&run(&["convert", page.to_str().unwrap()]).stdout);
    for site in ["首页", "当前位置", "主办单位", "分享到", "_hmt"] {
        assert!(!converted.contains(site), "{site} in {converted}");
    }
}

#[test]
fn fix_and_diff_refuse_documents_and_go_on_with_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let draft = example("xiaye-2025-draft.txt");
    std::fs::write(dir.path().join("a.txt"), &draft).unwrap();
    let page = dir.path().join("b.html");
    let html = pages::published(&draft, "utf-8");
    std::fs::write(&page, &html).unwrap();
    let d = dir.path().to_str().unwrap();

    let o = run(&["check", "--diff", "--unsafe-fixes", d]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("b.html：网页（.html）不能自动修复（只能改写 .txt/.md 文本文件）"),
        "{}",
        text(&o.stderr)
    );
    assert!(text(&o.stdout).contains("a.txt"), "the text file's diff is still shown");

    let o = run(&["check", "--fix", "--unsafe-fixes", d]);
    assert_eq!(o.status.code(), Some(2));
    let out = text(&o.stdout);
    assert!(out.contains("网页（.html）不能自动修复"), "{out}");
    assert!(out.contains("a.txt：已修复"), "{out}");
    assert_ne!(std::fs::read_to_string(dir.path().join("a.txt")).unwrap(), draft, "the text file was fixed");
    assert_eq!(std::fs::read_to_string(&page).unwrap(), html, "the page is untouched");
}

#[test]
fn folders_hold_documents_but_not_word_lock_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("年报.htm"), pages::published(&example("xiaye-2025-fixed.txt"), "utf-8")).unwrap();
    // Word's owner file beside an open document: not a zip, never a report
    std::fs::write(dir.path().join("~$年报.docx"), b"\x0cuser                ").unwrap();
    std::fs::write(dir.path().join("picture.png"), b"\x89PNG").unwrap();
    let o = run(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    let files: Vec<&str> = doc["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].ends_with("年报.htm"));
    assert_eq!(o.status.code(), Some(0), "{doc}");
    // a broken .docx in the folder is reported, not skipped silently
    std::fs::write(dir.path().join("损坏.docx"), b"PK\x03\x04 not really").unwrap();
    let o = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stdout).contains("损坏.docx：不是有效的 .docx 文件"), "{}", text(&o.stdout));
}
