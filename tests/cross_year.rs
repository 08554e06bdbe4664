//! The cross-year rules: pairs built from the bundled example (only the
//! year and the numbers changed), checked through the library and the CLI
//! (a folder of two years, `--previous`, a single file beside last year's).

use serde_json::Value;
use std::path::Path;
use std::process::Command;

const CARRY: &str = "cross-year/carry-over";
const IN_FORCE: &str = "cross-year/rules-in-force";
const COPIED: &str = "cross-year/copied-text";

fn example() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/xiaye-2025-fixed.txt")).unwrap()
}

/// The example moved back a year.
fn last_year() -> String {
    example().replace("2025", "2024").replace("2026", "2025")
}

/// Last year's table 三 with 2 requests carried into this year, balanced
/// (一 2 = 四 2).
fn last_year_carrying_two() -> String {
    let zeros = "\t\t\t0\t0\t0\t0\t0\t0\t0";
    let two = "\t\t\t2\t0\t0\t0\t0\t0\t2";
    last_year()
        .replace(&format!("一、本年新收政府信息公开申请数量{zeros}"), &format!("一、本年新收政府信息公开申请数量{two}"))
        .replace(&format!("四、结转下年度继续办理{zeros}"), &format!("四、结转下年度继续办理{two}"))
}

fn with_previous(now: &str, then: &str) -> Vec<nianbao_core::Finding> {
    let cfg = nianbao_core::Config::default();
    let prev = nianbao_core::Report::build(then, &cfg);
    nianbao_core::analyze_with(now, &cfg, Some(&nianbao_core::Previous { text: then, report: &prev })).findings
}

fn of<'a>(fs: &'a [nianbao_core::Finding], rule: &str) -> Vec<&'a nianbao_core::Finding> {
    fs.iter().filter(|f| f.rule == rule).collect()
}

#[test]
fn carry_over_compares_each_column_with_last_years_carried_out() {
    let then = last_year_carrying_two();
    assert_ne!(then, last_year(), "the replacement found its rows");
    let fs = with_previous(&example(), &then);
    let carry = of(&fs, CARRY);
    assert_eq!(carry.len(), 2, "自然人 and 总计: {carry:#?}");
    assert!(carry[0].message.contains("表三·自然人") && carry[0].message.contains("为 2 件"), "{}", carry[0].message);
    assert_eq!(carry[0].severity, nianbao_core::Severity::Error);
    let r = &carry[0].related[0];
    assert!(r.in_previous);
    assert_eq!(r.span.slice(&then), "2", "points at last year's cell");
    // the review fix writes last year's value
    let fix = &carry[0].fixes[0];
    assert!(!fix.safe);
    let nianbao_core::FixPlan::Edits(e) = &fix.plan else { panic!("edits") };
    assert_eq!(e[0].new_text, "2");
    // equal numbers: nothing; and no previous: nothing
    assert!(of(&with_previous(&example(), &last_year()), CARRY).is_empty());
    assert!(of(&nianbao_core::analyze(&example(), &Default::default()).findings, CARRY).is_empty());
}

#[test]
fn rules_in_force_flags_only_more_than_last_year_allows() {
    let then = last_year().replace("行政规范性文件\t0\t0\t0", "行政规范性文件\t3\t1\t20");
    let more = example().replace("行政规范性文件\t0\t0\t0", "行政规范性文件\t2\t1\t25");
    let fs = with_previous(&more, &then);
    let f = of(&fs, IN_FORCE);
    assert_eq!(f.len(), 1, "{fs:#?}");
    assert!(f[0].message.contains("20 件 + 本年制发 2 件 − 本年废止 1 件 = 21 件"), "{}", f[0].message);
    assert!(f[0].related[0].in_previous && f[0].related[0].span.slice(&then) == "20");
    // fewer: documents lapse, not reported; exactly the bound: fine
    for n in ["21", "15"] {
        let now = example().replace("行政规范性文件\t0\t0\t0", &format!("行政规范性文件\t2\t1\t{n}"));
        assert!(of(&with_previous(&now, &then), IN_FORCE).is_empty(), "{n}");
    }
}

#[test]
fn copied_text_grades_by_similarity_and_spares_rewritten_sections() {
    // only the year changed: every long section is copied
    let fs = with_previous(&example(), &last_year());
    let copied = of(&fs, COPIED);
    assert!(!copied.is_empty());
    for f in &copied {
        assert!(f.message.contains("100%") && f.message.contains("阈值 80%"), "{}", f.message);
        assert_eq!(f.severity, nianbao_core::Severity::Warning, "≥ 90% is a warning");
        assert!(f.related[0].in_previous);
    }
    // section 五 rewritten: not reported any more
    let rewritten = example().replace(
        "一是强化思想认识。持续加强政务公开工作的重要性宣传，增强全镇各部门主动公开意识和责任意识，切实将政务公开作为服务群众的重要抓手；二是优化主动公开机制。聚焦群众关注的重点领域，如惠民政策、生态环保等，确保政策、资金和项目进展信息及时、全面公开，进一步增强政府公信力；三是提升信息发布质量。加强政策解读工作，全面提升群众对政策的理解和认同；四是完善公开体系建设。强化各部门协作，完善信息发布审核机制，建立规范高效的信息公开网络。",
        "围绕乡村振兴和基层治理，本镇将在村务公开栏统一设置专区，按季度更新惠农补贴发放名单；邀请人大代表、村民代表旁听镇务会议，听取对公开内容的意见；对网站栏目做一次全面清理，撤并长期不更新的栏目，把办事指南逐项核对后重新上线；年底前组织各村会计参加信息发布业务培训，做到人人会用平台、件件有人审核。",
    );
    assert_ne!(rewritten, example());
    let before = copied.len();
    let after = of(&with_previous(&rewritten, &last_year()), COPIED).len();
    assert_eq!(after, before - 1, "section 五 no longer copied");
    // a higher threshold from nianbao.toml is honoured
    let cfg =
        nianbao_core::Config::parse("[cross-year]\ncopied_text_threshold = 1.0\n", Path::new("nianbao.toml")).unwrap();
    assert_eq!(cfg.cross_year.copied_text_threshold, 100);
    assert!(nianbao_core::Config::parse("[cross-year]\ncopied_text_threshold = 0.2\n", Path::new("n.toml")).is_err());
}

fn nianbao(cwd: &Path, args: &[&str]) -> (i32, Value) {
    let o =
        Command::new(env!("CARGO_BIN_EXE_nianbao")).args(args).current_dir(cwd).env("NO_COLOR", "1").output().unwrap();
    let v = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)));
    (o.status.code().unwrap(), v)
}

fn rule_hits<'a>(v: &'a Value, file_end: &str, rule: &str) -> Vec<&'a Value> {
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["path"].as_str().unwrap().ends_with(file_end))
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .filter(|d| d["rule"] == rule)
        .collect()
}

#[test]
fn cli_pairs_a_folder_by_body_and_year_and_honours_previous() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("reports")).unwrap();
    std::fs::write(d.join("reports/2024.txt"), last_year_carrying_two()).unwrap();
    std::fs::write(d.join("reports/2025.txt"), example()).unwrap();
    // the folder: the 2025 report is compared with the 2024 one
    let (code, v) = nianbao(d, &["check", "--format", "json", "reports"]);
    assert_eq!(code, 1);
    let hits = rule_hits(&v, "2025.txt", CARRY);
    assert_eq!(hits.len(), 2, "{v:#}");
    let rel = &hits[0]["related"][0];
    assert!(rel["path"].as_str().unwrap().ends_with("2024.txt"), "{rel}");
    assert_eq!(rel["line"], 63, "last year's 四、结转下年度 row");
    assert!(rule_hits(&v, "2024.txt", CARRY).is_empty(), "2023 is not there");
    // one file named alone finds last year's beside it
    let (_, v) = nianbao(d, &["check", "--format", "json", "reports/2025.txt"]);
    assert_eq!(rule_hits(&v, "2025.txt", CARRY).len(), 2, "{v:#}");
    // --previous names it explicitly, from anywhere
    std::fs::create_dir(d.join("elsewhere")).unwrap();
    std::fs::write(d.join("elsewhere/this.txt"), example()).unwrap();
    let (_, v) = nianbao(d, &["check", "--format", "json", "elsewhere/this.txt", "--previous", "reports/2024.txt"]);
    assert_eq!(rule_hits(&v, "this.txt", CARRY).len(), 2, "{v:#}");
    // the human output names last year's file and line
    let o = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "elsewhere/this.txt", "--previous", "reports/2024.txt"])
        .current_dir(d)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("错误[cross-year/carry-over]") && text.contains("相关：reports/2024.txt 第 63 行"), "{text}");
    // equal numbers: no carry-over finding
    std::fs::write(d.join("reports/2024.txt"), last_year()).unwrap();
    let (_, v) = nianbao(d, &["check", "--format", "json", "reports"]);
    assert!(rule_hits(&v, "2025.txt", CARRY).is_empty(), "{v:#}");
    assert!(!rule_hits(&v, "2025.txt", COPIED).is_empty(), "paired: the copied text is seen");
    // another body's report of last year is not last year's report
    std::fs::write(d.join("reports/2024.txt"), last_year_carrying_two().replace("下冶镇", "上冶镇")).unwrap();
    let (_, v) = nianbao(d, &["check", "--format", "json", "reports"]);
    assert!(rule_hits(&v, "2025.txt", CARRY).is_empty(), "{v:#}");
    // an unreadable --previous is an error, exit 2
    let o = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "reports/2025.txt", "--previous", "missing.txt"])
        .current_dir(d)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn files_named_alone_in_one_folder_each_find_their_own_last_year() {
    // two bodies, two years each, plus reports nobody asks for: the folder is
    // read once for both named files, and only last year's of each is paired
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let other = |s: String| s.replace("下冶镇", "上冶镇");
    std::fs::write(d.join("xia-2024.txt"), last_year_carrying_two()).unwrap();
    std::fs::write(d.join("xia-2025.txt"), example()).unwrap();
    std::fs::write(d.join("shang-2024.txt"), other(last_year_carrying_two())).unwrap();
    std::fs::write(d.join("shang-2025.txt"), other(example())).unwrap();
    std::fs::write(d.join("zhong-2024.txt"), last_year_carrying_two().replace("下冶镇", "中冶镇")).unwrap();
    std::fs::write(d.join("xia-2023.txt"), example().replace("2025", "2023").replace("2026", "2024")).unwrap();
    let (_, v) = nianbao(d, &["check", "--format", "json", "xia-2025.txt", "shang-2025.txt"]);
    for (name, last) in [("xia-2025.txt", "xia-2024.txt"), ("shang-2025.txt", "shang-2024.txt")] {
        let hits = rule_hits(&v, name, CARRY);
        assert_eq!(hits.len(), 2, "{name}: {v:#}");
        let rel = hits[0]["related"][0]["path"].as_str().unwrap();
        assert!(rel.ends_with(last), "{name} paired with {rel}");
    }
    // two candidates for one body's last year: not guessed
    std::fs::write(d.join("xia-2024-copy.txt"), last_year_carrying_two()).unwrap();
    let (_, v) = nianbao(d, &["check", "--format", "json", "xia-2025.txt", "shang-2025.txt"]);
    assert!(rule_hits(&v, "xia-2025.txt", CARRY).is_empty(), "{v:#}");
    assert_eq!(rule_hits(&v, "shang-2025.txt", CARRY).len(), 2, "{v:#}");
}
