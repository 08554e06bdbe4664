//! The machine formats: `--format sarif` validated against the official
//! SARIF 2.1.0 schema (tests/data, see its README) and compared place by
//! place with `--format json`; `--format github` workflow commands.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const DRAFT: &str = "examples/xiaye-2025-draft.txt";
const FIXED: &str = "examples/xiaye-2025-fixed.txt";

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run_in(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao")).args(args).current_dir(cwd).env("NO_COLOR", "1").output().unwrap()
}

fn json_of(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
}

/// The schema as published, with one repair in memory: the `language`
/// patterns (of `run` and `toolComponent`) have a stray "]"
/// (`…-[a-zA-Z]{2}]?$`), which ECMAScript reads as a literal and Rust's
/// regex engines refuse; we never write `language`, so the intended form
/// changes no verdict on our logs.
fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(manifest_dir().join("tests/data/sarif-2.1.0-rtm.5.json")).unwrap();
    let broken = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert_eq!(text.matches(broken).count(), 2, "the vendored schema is the published one");
    let text = text.replace(broken, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options().should_validate_formats(true).build(&schema).expect("the SARIF schema compiles")
}

fn assert_valid_sarif(v: &Value) {
    let validator = sarif_validator();
    let errors: Vec<String> = validator.iter_errors(v).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "not valid SARIF 2.1.0:\n{}", errors.join("\n"));
}

fn sarif(cwd: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--format", "sarif"];
    all.extend_from_slice(args);
    let o = run_in(cwd, &all);
    (o.status.code().unwrap(), json_of(&o))
}

fn region_of(v: &Value) -> [u64; 4] {
    ["startLine", "startColumn", "endLine", "endColumn"].map(|k| v[k].as_u64().unwrap())
}

fn range_of(v: &Value) -> [u64; 4] {
    ["line", "column", "end_line", "end_column"].map(|k| v[k].as_u64().unwrap())
}

#[test]
fn the_schema_itself_rejects_what_is_not_sarif() {
    // the validator really validates: a log without its version, a result
    // with a level SARIF does not have
    let v = sarif_validator();
    assert!(v.is_valid(&serde_json::json!({ "version": "2.1.0", "runs": [] })));
    assert!(!v.is_valid(&serde_json::json!({ "runs": [] })));
    let bad = serde_json::json!({ "version": "2.1.0", "runs": [{ "tool": { "driver": { "name": "x" } },
        "results": [{ "message": { "text": "m" }, "level": "info" }] }] });
    assert!(!v.is_valid(&bad));
}

#[test]
fn sarif_of_the_draft_is_valid_and_says_what_json_says() {
    let (code, s) = sarif(manifest_dir(), &[DRAFT]);
    assert_eq!(code, 1, "errors in the draft");
    assert_valid_sarif(&s);
    let run = &s["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "nianbao");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    // every rule of the registry, in catalogue order, with its help
    let rules = driver["rules"].as_array().unwrap();
    let listed = run_in(manifest_dir(), &["rules"]);
    let ids: Vec<String> = String::from_utf8(listed.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split_whitespace().next().unwrap().to_owned())
        .collect();
    assert_eq!(rules.iter().map(|r| r["id"].as_str().unwrap().to_owned()).collect::<Vec<_>>(), ids);
    for r in rules {
        let id = r["id"].as_str().unwrap();
        assert!(r["helpUri"].as_str().unwrap().ends_with(&format!("docs/rules/{id}.md")), "{r}");
        assert!(r["help"]["markdown"].as_str().unwrap().starts_with(&format!("# {id}")), "{r}");
        assert!(!r["shortDescription"]["text"].as_str().unwrap().is_empty());
        assert!(["error", "warning", "note"].contains(&r["defaultConfiguration"]["level"].as_str().unwrap()));
    }

    // the same findings, places and fixes as --format json
    let o = run_in(manifest_dir(), &["check", "--format", "json", DRAFT]);
    let j = json_of(&o);
    let diags = j["files"][0]["diagnostics"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), diags.len());
    assert!(!results.is_empty());
    let mut fixes_seen = 0;
    for (r, d) in results.iter().zip(diags) {
        assert_eq!(r["ruleId"], d["rule"]);
        assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"], d["rule"], "ruleIndex points at the rule");
        let want = match d["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            _ => "note",
        };
        assert_eq!(r["level"], want);
        assert_eq!(r["message"]["text"], d["message"]);
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], DRAFT);
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "SRCROOT");
        assert_eq!(region_of(&loc["region"]), range_of(d));
        let jfixes = d["fixes"].as_array().unwrap();
        let sfixes = r["fixes"].as_array().map(Vec::as_slice).unwrap_or_default();
        assert_eq!(sfixes.len(), jfixes.len());
        for (sf, jf) in sfixes.iter().zip(jfixes) {
            fixes_seen += 1;
            assert_eq!(sf["description"]["text"], jf["title"]);
            let reps = sf["artifactChanges"][0]["replacements"].as_array().unwrap();
            let edits = jf["edits"].as_array().unwrap();
            assert_eq!(reps.len(), edits.len());
            for (rep, e) in reps.iter().zip(edits) {
                assert_eq!(region_of(&rep["deletedRegion"]), range_of(e));
                assert_eq!(rep["insertedContent"]["text"], e["new_text"]);
            }
        }
    }
    assert!(fixes_seen > 0, "the draft offers fixes");
    let base = run["originalUriBaseIds"]["SRCROOT"]["uri"].as_str().unwrap();
    assert!(base.starts_with("file:///") && base.ends_with('/'), "{base}");
}

#[test]
fn sarif_of_the_fixed_example_has_no_results_and_is_valid() {
    let (code, s) = sarif(manifest_dir(), &[FIXED]);
    assert_eq!(code, 0);
    assert_valid_sarif(&s);
    assert_eq!(s["runs"][0]["results"].as_array().unwrap().len(), 0);
    assert_eq!(s["runs"][0]["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn sarif_of_a_folder_with_an_unreadable_file_notifies_and_stays_valid() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("报告 甲")).unwrap();
    std::fs::copy(manifest_dir().join(DRAFT), d.join("报告 甲/草稿.txt")).unwrap();
    // root reads any mode: a dangling link is what cannot be read here
    std::os::unix::fs::symlink(d.join("gone.txt"), d.join("报告 甲/坏.txt")).unwrap();
    let (code, s) = sarif(d, &["报告 甲"]);
    assert_eq!(code, 2);
    assert_valid_sarif(&s);
    let run = &s["runs"][0];
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    let notes = run["invocations"][0]["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["level"], "error");
    let uri = notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap();
    assert_eq!(uri, "%E6%8A%A5%E5%91%8A%20%E7%94%B2/%E5%9D%8F.txt", "percent-encoded, relative");
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty(), "the readable draft is still reported");
    let uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap();
    assert!(uri.ends_with("/%E8%8D%89%E7%A8%BF.txt"), "{uri}");
}

/// The example moved back a year, with 2 requests carried out of it that
/// this year's 上年结转 (0) does not carry in.
fn last_year_carrying_two() -> String {
    let text = std::fs::read_to_string(manifest_dir().join(FIXED)).unwrap();
    let zeros = "\t\t\t0\t0\t0\t0\t0\t0\t0";
    let two = "\t\t\t2\t0\t0\t0\t0\t0\t2";
    let then = text
        .replace("2025", "2024")
        .replace("2026", "2025")
        .replace(&format!("一、本年新收政府信息公开申请数量{zeros}"), &format!("一、本年新收政府信息公开申请数量{two}"))
        .replace(&format!("四、结转下年度继续办理{zeros}"), &format!("四、结转下年度继续办理{two}"));
    assert_ne!(then, text.replace("2025", "2024").replace("2026", "2025"), "the rows were found");
    then
}

#[test]
fn cross_year_findings_relate_to_last_years_file_in_sarif_and_github() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("r")).unwrap();
    std::fs::write(d.join("r/2024.txt"), last_year_carrying_two()).unwrap();
    std::fs::copy(manifest_dir().join(FIXED), d.join("r/2025.txt")).unwrap();
    let (_, s) = sarif(d, &["r"]);
    assert_valid_sarif(&s);
    let carry: Vec<&Value> =
        s["runs"][0]["results"].as_array().unwrap().iter().filter(|r| r["ruleId"] == "cross-year/carry-over").collect();
    assert_eq!(carry.len(), 2, "{s:#}");
    let here = &carry[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(here, "r/2025.txt");
    let rel = &carry[0]["relatedLocations"][0]["physicalLocation"];
    assert_eq!(rel["artifactLocation"]["uri"], "r/2024.txt");
    assert_eq!(rel["region"]["startLine"], 63, "last year's 四、结转下年度 row");

    let o = run_in(d, &["check", "--format", "github", "r"]);
    let out = String::from_utf8(o.stdout).unwrap();
    let line = out.lines().find(|l| l.contains("title=cross-year/carry-over")).unwrap();
    assert!(line.starts_with("::error file=r/2025.txt,line="), "{line}");
    assert!(line.contains("上年报告 r/2024.txt 第 63 行"), "{line}");
}

/// `::level file=…,line=…::message` split into its parts, unescaped.
fn parse_command(line: &str) -> (String, Vec<(String, String)>, String) {
    let rest = line.strip_prefix("::").unwrap();
    let (head, message) = rest.split_once("::").unwrap();
    let (level, props) = head.split_once(' ').unwrap();
    let unescape = |s: &str| {
        s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
    };
    let props = props
        .split(',')
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap();
            (k.to_owned(), unescape(v))
        })
        .collect();
    (level.to_owned(), props, unescape(message))
}

#[test]
fn github_commands_annotate_each_finding_with_escaped_properties() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // a name with the two characters that end a property value
    let name = "a,b:c 50%.txt";
    std::fs::copy(manifest_dir().join(DRAFT), d.join(name)).unwrap();
    let o = run_in(d, &["check", "--format", "github", name]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    let j = json_of(&run_in(d, &["check", "--format", "json", name]));
    let diags = j["files"][0]["diagnostics"].as_array().unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), diags.len(), "{out}");
    for (l, d) in lines.iter().zip(diags) {
        assert!(l.contains("file=a%2Cb%3Ac 50%25.txt,"), "{l}");
        let (level, props, message) = parse_command(l);
        let want = match d["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        assert_eq!(level, want);
        let get = |k: &str| props.iter().find(|(p, _)| p == k).map(|(_, v)| v.clone()).unwrap();
        assert_eq!(get("file"), name);
        assert_eq!(get("title"), d["rule"].as_str().unwrap());
        let nums = ["line", "col", "endLine", "endColumn"].map(|k| get(k).parse::<u64>().unwrap());
        assert_eq!(nums, range_of(d));
        assert_eq!(message, d["message"].as_str().unwrap());
    }
    // an unreadable file is an error annotation on it, exit 2
    std::os::unix::fs::symlink(d.join("gone.txt"), d.join("坏.txt")).unwrap();
    let o = run_in(d, &["check", "--format", "github", "."]);
    assert_eq!(o.status.code(), Some(2));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.lines().any(|l| l.starts_with("::error file=坏.txt,title=nianbao::")), "{out}");
}
