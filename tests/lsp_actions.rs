//! Code actions, each applied the way an editor applies it: the test
//! applies the WorkspaceEdit to its own copy, sends the edits as
//! incremental changes, and checks the server's text and new findings.

mod common;

use common::lsp::*;
use nianbao_core::Span;
use serde_json::{Value, json};

fn span_of(text: &str, needle: &str) -> Span {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle} not in text"));
    Span::new(at, at + needle.len())
}

/// Apply `action` to the document, send it, and return the new text and
/// the diagnostics of the new version.
fn apply(lsp: &mut Lsp, uri: &str, text: &str, version: i64, action: &Value) -> (String, Vec<Value>) {
    let edits = action_edits(action, uri);
    let after = send_edits(lsp, uri, version, text, &edits);
    assert_eq!(lsp.server_text(uri), after, "server and client disagree after {}", action["title"]);
    let diags = lsp.diagnostics(uri, version);
    (after, diags)
}

fn has_family(diags: &[Value], families: &[&str]) -> Vec<String> {
    codes(diags).into_iter().filter(|c| families.iter().any(|f| c.starts_with(f))).collect()
}

#[test]
fn the_drafts_table_three_is_rebuilt_with_totals() {
    let text = fixture("xiaye-2025-draft.txt");
    let (mut lsp, _ws, uri) = with_document("draft.txt", "plaintext", &text);
    let before = lsp.diagnostics(&uri, 1);
    assert!(!has_family(&before, &["table/"]).is_empty());

    // anywhere inside the table, not only on the finding's line
    let cursor = span_of(&text, "6.属于四类过程性信息");
    let found = actions_at(&mut lsp, &uri, &text, Span::empty(cursor.start + 3), None);
    let rebuild = titled(&found, "替换为标准表三");
    assert_eq!(rebuild["kind"], "quickfix");
    assert!(
        rebuild["diagnostics"].as_array().unwrap().iter().all(|d| d["code"].as_str().unwrap().starts_with("table/"))
    );

    let (after, diags) = apply(&mut lsp, &uri, &text, 2, rebuild);
    assert!(has_family(&diags, &["table/", "tally/"]).is_empty(), "{:?}", codes(&diags));
    assert!(after.contains("总计"));
    // the findings outside the table are untouched
    for code in ["prose/missing-number", "year/plan"] {
        assert!(codes(&diags).contains(&code.to_string()), "{code}");
    }
}

#[test]
fn the_missing_column_fix_on_the_header_is_offered_once() {
    let text = fixture("xiaye-2025-draft.txt");
    let (mut lsp, _ws, uri) = with_document("draft.txt", "plaintext", &text);
    lsp.diagnostics(&uri, 1);
    // the finding sits on the last column label of the header, where 总计 belongs
    let header = span_of(&text, "法律服务机构\t其他\n");
    let found = actions_at(&mut lsp, &uri, &text, Span::empty(header.start + "法律服务机构\t".len()), None);
    let fix = titled(&found, "补上“总计”列");
    let same: Vec<&Value> = found.iter().filter(|a| a["edit"] == fix["edit"]).collect();
    assert_eq!(same.len(), 1, "one action per edit");
    let (_, diags) = apply(&mut lsp, &uri, &text, 2, fix);
    assert!(has_family(&diags, &["table/", "tally/"]).is_empty(), "{:?}", codes(&diags));
}

#[test]
fn a_safe_quick_fix_is_preferred_and_clears_its_finding() {
    let text = fixture("xiaye-2025-fixed.txt").replace("行政处罚\t31", "行政处罚\t/");
    let (mut lsp, _ws, uri) = with_document("slash.txt", "plaintext", &text);
    assert_eq!(codes(&lsp.diagnostics(&uri, 1)), ["table/bad-cell"]);
    let cell = span_of(&text, "\t/").start + 1;
    let found = actions_at(&mut lsp, &uri, &text, Span::new(cell, cell + 1), Some(json!(["quickfix"])));
    let fix = titled(&found, "改为 0");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(fix["diagnostics"][0]["code"], "table/bad-cell");
    assert!(found.iter().all(|a| a["kind"] == "quickfix"), "only quickfixes were asked for");
    let (after, diags) = apply(&mut lsp, &uri, &text, 2, fix);
    assert!(diags.is_empty(), "{diags:?}");
    assert!(after.contains("行政处罚\t0"));
}

#[test]
fn a_missing_table_gets_the_standard_skeleton_in_the_document_style() {
    let fixed = fixture("xiaye-2025-fixed.txt");
    let start = fixed.find("行政复议\t").unwrap();
    let end = fixed.find("五、存在的主要问题").unwrap();
    let text = format!("{}说明：本年度无行政复议、行政诉讼。\n\n{}", &fixed[..start], &fixed[end..]);
    let (mut lsp, _ws, uri) = with_document("no-table-four.txt", "plaintext", &text);
    assert!(codes(&lsp.diagnostics(&uri, 1)).contains(&"structure/missing-table".to_string()));
    // the cursor in the section's text, not on its heading
    let inside = span_of(&text, "说明：本年度无行政复议").start;
    let found = actions_at(&mut lsp, &uri, &text, Span::empty(inside), None);
    let insert = titled(&found, "插入标准表四");
    let (after, diags) = apply(&mut lsp, &uri, &text, 2, insert);
    assert!(diags.is_empty(), "{:?}", codes(&diags));
    assert!(after.contains("结果维持\t结果纠正"), "TAB style like the rest of the draft");
}

#[test]
fn a_markdown_report_gets_markdown_tables() {
    let full =
        nianbao_core::fix::skeleton::report(2025, Some("某镇人民政府"), nianbao_core::syntax::TableStyle::Markdown);
    let start = full.find("| 行政复议").unwrap();
    let end = full.find("## 五、").unwrap();
    let text = format!("{}{}", &full[..start], &full[end..]);
    let (mut lsp, _ws, uri) = with_document("report.md", "markdown", &text);
    assert!(codes(&lsp.diagnostics(&uri, 1)).contains(&"structure/missing-table".to_string()));
    let heading = span_of(&text, "## 四、");
    let found = actions_at(&mut lsp, &uri, &text, heading, None);
    let (after, diags) = apply(&mut lsp, &uri, &text, 2, titled(&found, "插入标准表四"));
    assert!(!codes(&diags).contains(&"structure/missing-table".to_string()));
    assert!(after.contains("| 行政复议 |"), "{after}");
}

#[test]
fn an_empty_document_gets_a_whole_report() {
    let ws = Workspace::new();
    let (md, txt) = (ws.uri("new.md"), ws.uri("new.txt"));
    let mut lsp = Lsp::spawn();
    lsp.initialize(json!({}), Some(json!({"reportYear": 2025})));
    lsp.open(&md, "markdown", "  \n", 1);
    lsp.open(&txt, "plaintext", "", 1);
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}});

    let found = actions(&mut lsp, &md, whole.clone(), None);
    let (after, diags) = apply(&mut lsp, &md, "  \n", 2, titled(&found, "插入2025年度报告模板"));
    assert!(after.starts_with("# ××××2025年政府信息公开工作年度报告"), "{after}");
    assert!(after.contains("## 三、收到和处理政府信息公开申请情况") && after.contains("| 自然人 |"));
    // the template's placeholders are reported as unfilled, nothing else
    let wrong: Vec<String> = has_family(&diags, &["structure/", "table/", "tally/"])
        .into_iter()
        .filter(|c| c != "structure/empty-section")
        .collect();
    assert!(wrong.is_empty(), "{:?}", codes(&diags));

    let found = actions(&mut lsp, &txt, whole, None);
    let (after, _) = apply(&mut lsp, &txt, "", 2, titled(&found, "插入2025年度报告模板"));
    assert!(after.contains("\n三、收到和处理政府信息公开申请情况\n") && after.contains("\t自然人\t"));
    assert!(!after.contains('|'));
}

#[test]
fn the_skeleton_year_defaults_to_last_year() {
    let ws = Workspace::new();
    let uri = ws.uri("new.txt");
    let mut lsp = Lsp::start();
    lsp.open(&uri, "plaintext", "\n", 1);
    let found = actions(
        &mut lsp,
        &uri,
        json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}),
        None,
    );
    let title = found[0]["title"].as_str().unwrap().to_string();
    let year: i32 = title.trim_start_matches("插入").trim_end_matches("年度报告模板").parse().unwrap();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as f64;
    let approx = 1970.0 + now / (365.2425 * 86400.0);
    assert!((approx - 1.0 - year as f64 - 0.5).abs() < 0.6, "{year} vs {approx}");
}

#[test]
fn fix_all_applies_every_safe_fix_in_one_edit() {
    let text = fixture("xiaye-2025-fixed.txt")
        .replace("行政处罚\t31", "行政处罚\t/")
        .replace("行政强制\t0", "行政强制\t-")
        .replace("（七）总计\t\t0\t0\t0\t0\t0\t0\t0", "（七）总计\t\t0\t0\t0\t0\t0\t0\t5");
    let (mut lsp, _ws, uri) = with_document("many.txt", "plaintext", &text);
    let before = codes(&lsp.diagnostics(&uri, 1));
    assert!(
        before.contains(&"table/bad-cell".to_string()) && before.contains(&"tally/row-total".to_string()),
        "{before:?}"
    );

    let anywhere = range(&text, Span::empty(0), lsp.unit);
    let quick = actions(&mut lsp, &uri, anywhere.clone(), Some(json!(["quickfix"])));
    assert!(quick.iter().all(|a| a["kind"] != "source.fixAll.nianbao"));
    let source = actions(&mut lsp, &uri, anywhere, Some(json!(["source.fixAll"])));
    assert_eq!(source.len(), 1);
    assert_eq!(source[0]["kind"], "source.fixAll.nianbao");
    let (after, diags) = apply(&mut lsp, &uri, &text, 2, &source[0]);
    assert!(diags.is_empty(), "{:?}", codes(&diags));
    assert!(after.contains("行政处罚\t0") && after.contains("行政强制\t0"));
}

#[test]
fn disabling_a_rule_on_a_line_silences_only_that_finding() {
    let text = fixture("xiaye-2025-draft.txt");
    let (mut lsp, _ws, uri) = with_document("draft.txt", "plaintext", &text);
    let before = codes(&lsp.diagnostics(&uri, 1));
    let plan = span_of(&text, "2025 年，下冶镇将进一步深化");
    let found = actions_at(&mut lsp, &uri, &text, Span::empty(plan.start + 1), None);
    let disable = titled(&found, "在此行禁用 year/plan");
    let (after, diags) = apply(&mut lsp, &uri, &text, 2, disable);
    assert!(after.contains("<!-- nianbao-disable-next-line year/plan -->\n2025 年，下冶镇"));
    let mut expected = before.clone();
    expected.retain(|c| c != "year/plan");
    assert_eq!(codes(&diags), expected);
}

#[test]
fn every_finding_can_be_disabled_from_its_line() {
    let text = fixture("xiaye-2025-draft.txt");
    let (mut lsp, _ws, uri) = with_document("draft.txt", "plaintext", &text);
    let diags = lsp.diagnostics(&uri, 1);
    for d in &diags {
        let found = actions(&mut lsp, &uri, d["range"].clone(), Some(json!(["quickfix"])));
        let title = format!("在此行禁用 {}", d["code"].as_str().unwrap());
        titled(&found, &title);
    }
    // a comment line inside a TAB table leaves the table whole
    let row = diags.iter().find(|d| d["code"] == "table/row-width").unwrap();
    let found = actions(&mut lsp, &uri, row["range"].clone(), Some(json!(["quickfix"])));
    let (_, after) = apply(&mut lsp, &uri, &text, 2, titled(&found, "在此行禁用 table/row-width"));
    let count = |ds: &[Value], code: &str| ds.iter().filter(|d| d["code"] == code).count();
    assert_eq!(count(&after, "table/row-width"), count(&diags, "table/row-width") - 1);
    assert_eq!(after.len(), diags.len() - 1, "{:?}", codes(&after));
}

/// A client that resolves code actions (VS Code does) gets the costly ones
/// without their edits, and `codeAction/resolve` fills in exactly what an
/// eager client gets at once; a resolve against an older version is refused.
#[test]
fn costly_actions_are_resolved_when_picked_with_the_same_edits() {
    let text = fixture("xiaye-2025-draft.txt");
    let ws = Workspace::new();
    let uri = ws.uri("draft.txt");
    let mut eager = Lsp::start();
    eager.open(&uri, "plaintext", &text, 1);
    let mut lazy = Lsp::spawn();
    let caps = json!({"textDocument": {"codeAction": {
        "dataSupport": true, "resolveSupport": {"properties": ["edit"]},
        "codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source"]}}}}});
    let init = lazy.initialize(caps, None);
    assert_eq!(init["capabilities"]["codeActionProvider"]["resolveProvider"], true);
    lazy.open(&uri, "plaintext", &text, 1);
    eager.diagnostics(&uri, 1);
    lazy.diagnostics(&uri, 1);

    let at = span_of(&text, "6.属于四类过程性信息");
    let want = actions_at(&mut eager, &uri, &text, Span::empty(at.start + 3), None);
    let got = actions_at(&mut lazy, &uri, &text, Span::empty(at.start + 3), None);
    let titles = |a: &[Value]| a.iter().map(|x| x["title"].clone()).collect::<Vec<_>>();
    assert_eq!(titles(&got), titles(&want), "the same actions are offered");
    let deferred: Vec<&Value> = got.iter().filter(|a| a.get("edit").is_none()).collect();
    assert!(deferred.iter().any(|a| a["title"].as_str().unwrap().starts_with("替换为标准表三")), "{got:#?}");
    for (g, w) in got.iter().zip(&want) {
        if g.get("edit").is_some() {
            assert_eq!(g["edit"], w["edit"]);
            continue;
        }
        assert!(g["data"]["version"] == 1, "{g}");
        let resolved = lazy.call("codeAction/resolve", g.clone());
        assert_eq!(resolved["edit"], w["edit"], "{}", g["title"]);
        assert_eq!(resolved["title"], w["title"]);
    }
    // the resolved rebuild applies and clears the table findings
    let rebuild = lazy.call("codeAction/resolve", titled(&got, "替换为标准表三").clone());
    let (after, diags) = apply(&mut lazy, &uri, &text, 2, &rebuild);
    assert!(has_family(&diags, &["table/", "tally/"]).is_empty(), "{:?}", codes(&diags));
    // an action offered on version 1 is not applied to version 2
    let stale = lazy.request("codeAction/resolve", titled(&got, "替换为标准表三").clone());
    assert_eq!(stale["error"]["code"], -32801, "{stale}");
    // nor is one whose data is not ours
    let foreign = lazy.request("codeAction/resolve", json!({"title": "x", "data": {"do": "nothing"}}));
    assert_eq!(foreign["error"]["code"], -32602, "{foreign}");
    assert_eq!(lazy.server_text(&uri), after, "a refused resolve changes nothing");
}
