//! Hover, symbols, folding, completion, inlay hints and formatting.

mod common;

use common::lsp::*;
use nianbao_core::Span;
use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

fn open(text: &str, name: &str, language: &str) -> (Lsp, Workspace, String) {
    let (mut lsp, ws, uri) = with_document(name, language, text);
    // documentText answers once the open has been processed
    lsp.server_text(&uri);
    (lsp, ws, uri)
}

fn hover(lsp: &mut Lsp, uri: &str, text: &str, offset: usize) -> Value {
    let pos = position(text, offset, lsp.unit);
    lsp.call("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": pos}))
}

fn wrong_total() -> String {
    fixture("xiaye-2025-fixed.txt").replace(
        "一、本年新收政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0",
        "一、本年新收政府信息公开申请数量\t\t\t1\t0\t0\t0\t0\t0\t5",
    )
}

#[test]
fn hover_names_the_cell_and_shows_how_a_total_adds_up() {
    let text = wrong_total();
    let (mut lsp, _ws, uri) = open(&text, "a.txt", "plaintext");
    let five = text.find("\t1\t0\t0\t0\t0\t0\t5").unwrap() + "\t1\t0\t0\t0\t0\t0\t".len();
    let h = hover(&mut lsp, &uri, &text, five);
    assert_eq!(h["contents"]["kind"], "markdown");
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("表三：收到和处理政府信息公开申请情况"), "{md}");
    assert!(md.contains("行：表三“一、本年新收政府信息公开申请数量”"), "{md}");
    assert!(md.contains("列：总计"), "{md}");
    assert!(md.contains("= 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他"), "{md}");
    assert!(md.contains("= 1 + 0 + 0 + 0 + 0 + 0 = **1**"), "{md}");
    assert!(md.contains("表中填写 5，与计算值 1 不符"), "{md}");
    // the finding on the same cell follows, with its explanation
    assert!(md.contains("**tally/row-total**"), "{md}");
    assert!(md.contains("## 检查什么"), "{md}");
    assert_eq!(h["range"], range(&text, Span::new(five, five + 1), lsp.unit));

    // a plain cell: its row and column, no formula
    let cell = text.find("行政处罚\t31").unwrap() + "行政处罚\t".len();
    let md = hover(&mut lsp, &uri, &text, cell)["contents"]["value"].as_str().unwrap().to_string();
    assert!(md.contains("表二") && md.contains("行政处罚") && md.contains("列：本年处理决定数量"), "{md}");
    assert!(!md.contains("**="), "{md}");

    // the grand total is both a row total and the sum of the results
    let total_row = text.find("（七）总计\t\t0\t0\t0\t0\t0\t0\t0").unwrap() + "（七）总计\t\t0\t0\t0\t0\t0\t0\t".len();
    let md = hover(&mut lsp, &uri, &text, total_row)["contents"]["value"].as_str().unwrap().to_string();
    assert!(md.contains("（一）予以公开 + （二）部分公开"), "{md}");
    assert!(md.contains("与表中数字一致"), "{md}");

    // prose with nothing to say
    assert_eq!(hover(&mut lsp, &uri, &text, text.find("规范发布").unwrap()), Value::Null);
}

#[test]
fn hover_on_a_finding_explains_the_rule() {
    let text = fixture("xiaye-2025-draft.txt");
    let (mut lsp, _ws, uri) = open(&text, "draft.txt", "plaintext");
    let at = text.find("2025 年，下冶镇将").unwrap();
    let md = hover(&mut lsp, &uri, &text, at)["contents"]["value"].as_str().unwrap().to_string();
    assert!(md.contains("**year/plan**（警告）"), "{md}");
    assert!(md.contains("2025 年度报告的计划应为 2026 年"), "{md}");
    let doc = nianbao_core::rules::lookup("year/plan").unwrap().doc;
    let line = doc.lines().find(|l| l.starts_with("## ")).unwrap();
    assert!(md.contains(line), "{md}");
}

fn ranges_nest(sym: &Value) {
    let (r, sel) = (&sym["range"], &sym["selectionRange"]);
    let key = |p: &Value| (p["line"].as_u64().unwrap(), p["character"].as_u64().unwrap());
    assert!(key(&r["start"]) <= key(&sel["start"]) && key(&sel["end"]) <= key(&r["end"]), "{sym}");
    for c in sym["children"].as_array().into_iter().flatten() {
        assert!(
            key(&r["start"]) <= key(&c["range"]["start"]) && key(&c["range"]["end"]) <= key(&r["end"]),
            "{c} in {sym}"
        );
        ranges_nest(c);
    }
}

#[test]
fn symbols_outline_title_sections_parts_and_tables() {
    let text = fixture("xiaye-2025-fixed.txt");
    let (mut lsp, _ws, uri) = open(&text, "fixed.txt", "plaintext");
    let syms = lsp.call("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    let syms = syms.as_array().unwrap();
    assert_eq!(syms.len(), 1);
    let title = &syms[0];
    assert_eq!(title["name"], "下冶镇人民政府 2025 年政府信息公开工作年度报告");
    assert_eq!(title["kind"], 1);
    let sections = title["children"].as_array().unwrap();
    let names: Vec<&str> = sections.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names[0], "一、总体情况");
    assert_eq!(names.len(), 6);
    assert!(sections.iter().all(|s| s["kind"] == 2));
    let parts: Vec<&str> =
        sections[0]["children"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(
        parts,
        [
            "（一）主动公开",
            "（二）依申请公开",
            "（三）政府信息公开管理",
            "（四）政府信息公开平台建设",
            "（五）监督保障"
        ]
    );
    for (i, table) in [(1, "表二"), (2, "表三"), (3, "表四")] {
        let child = &sections[i]["children"][0];
        assert_eq!(child["kind"], 23, "{child}");
        assert!(child["name"].as_str().unwrap().starts_with(table), "{child}");
    }
    ranges_nest(title);
}

#[test]
fn folding_covers_sections_and_tables() {
    let text = fixture("xiaye-2025-fixed.txt");
    let (mut lsp, _ws, uri) = open(&text, "fixed.txt", "plaintext");
    let folds = lsp.call("textDocument/foldingRange", json!({"textDocument": {"uri": uri}}));
    let folds: Vec<(u64, u64)> = folds
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["startLine"].as_u64().unwrap(), f["endLine"].as_u64().unwrap()))
        .collect();
    let line_of = |needle: &str| text[..text.find(needle).unwrap()].matches('\n').count() as u64;
    let three = line_of("三、收到和处理");
    let table3 = line_of("（本列数据的勾稽关系");
    let table3_end = line_of("四、结转下年度继续办理");
    assert!(folds.contains(&(three, table3_end)), "{folds:?}");
    assert!(folds.contains(&(table3, table3_end)), "{folds:?}");
    assert_eq!(folds.len(), 6 + 3, "{folds:?}");
}

fn complete(lsp: &mut Lsp, uri: &str, text: &str, offset: usize) -> Vec<Value> {
    let pos = position(text, offset, lsp.unit);
    let r = lsp.call("textDocument/completion", json!({"textDocument": {"uri": uri}, "position": pos}));
    r.as_array().cloned().unwrap_or_default()
}

#[test]
fn completion_offers_the_next_missing_heading() {
    let fixed = fixture("xiaye-2025-fixed.txt");
    let (five, six) = (fixed.find("五、存在的主要问题").unwrap(), fixed.find("六、其他需要报告").unwrap());
    let text = format!("{}五、存\n\n{}", &fixed[..five], &fixed[six..]);
    let (mut lsp, _ws, uri) = open(&text, "a.txt", "plaintext");
    let typed_end = five + "五、存".len();
    let items = complete(&mut lsp, &uri, &text, typed_end);
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0]["label"], "五、存在的主要问题及改进情况");
    let edit = &items[0]["textEdit"];
    assert_eq!(edit["range"], range(&text, Span::new(five, typed_end), lsp.unit));
    let after = apply_edits(&text, std::slice::from_ref(edit), lsp.unit);
    assert!(after.contains("\n五、存在的主要问题及改进情况\n"));
    // on the blank line before 六 too
    let items = complete(&mut lsp, &uri, &text, typed_end + 1);
    assert_eq!(items[0]["label"], "五、存在的主要问题及改进情况");
}

#[test]
fn completion_in_a_table_offers_its_missing_rows() {
    let text = fixture("xiaye-2025-fixed.txt").replace("行政强制\t0\t\t\n", "");
    let (mut lsp, _ws, uri) = open(&text, "a.txt", "plaintext");
    let at = text.find("行政处罚\t31").unwrap();
    let items = complete(&mut lsp, &uri, &text, at);
    let labels: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["行政强制"]);
}

#[test]
fn completion_in_section_six_offers_the_fee_sentence() {
    let text = fixture("xiaye-2025-draft.txt") + "\n\n本年度";
    let (mut lsp, _ws, uri) = open(&text, "a.txt", "plaintext");
    let items = complete(&mut lsp, &uri, &text, text.len());
    let item = items.iter().find(|i| i["label"] == "本年度未收取政府信息公开信息处理费。").expect("the fee sentence");
    let after = apply_edits(&text, std::slice::from_ref(&item["textEdit"]), lsp.unit);
    assert!(after.ends_with("\n\n本年度未收取政府信息公开信息处理费。"), "{after}");
}

#[test]
fn inlay_hints_show_the_sum_beside_a_wrong_total() {
    let text = wrong_total();
    let (mut lsp, _ws, uri) = open(&text, "a.txt", "plaintext");
    let end = json!({"line": text.lines().count() + 1, "character": 0});
    let whole = json!({"start": {"line": 0, "character": 0}, "end": end});
    let hints = lsp.call("textDocument/inlayHint", json!({"textDocument": {"uri": uri}, "range": whole}));
    let hints = hints.as_array().unwrap();
    assert_eq!(hints.len(), 1, "{hints:?}");
    assert_eq!(hints[0]["label"], "= 1");
    let five = text.find("\t1\t0\t0\t0\t0\t0\t5").unwrap() + "\t1\t0\t0\t0\t0\t0\t".len();
    assert_eq!(hints[0]["position"], position(&text, five + 1, lsp.unit));
    assert_eq!(hints[0]["textEdits"][0]["newText"], "1");

    let clean = fixture("xiaye-2025-fixed.txt");
    let uri2 = uri.replace("a.txt", "clean.txt");
    lsp.open(&uri2, "plaintext", &clean, 1);
    let none = lsp.call("textDocument/inlayHint", json!({"textDocument": {"uri": uri2}, "range": whole}));
    assert_eq!(none, json!([]));
}

const MD: &str = "# 某镇人民政府2025年政府信息公开工作年度报告\n\n## 二、主动公开政府信息情况\n\n\
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 12 |  0| 12 |\n\n\
正文。\n\n| 信息内容 | 本年处理决定数量 |\n|:--|--:|\n| 行政许可 | 3 |\n";

fn cells(line: &str) -> Vec<String> {
    line.trim().trim_matches('|').split('|').map(|c| c.trim().to_string()).collect()
}

#[test]
fn formatting_aligns_markdown_tables_by_display_width() {
    let (mut lsp, _ws, uri) = open(MD, "report.md", "markdown");
    let edits = lsp.call(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    let after = apply_edits(MD, edits.as_array().unwrap(), lsp.unit);
    let tables: Vec<Vec<&str>> =
        after.split("\n\n").map(|b| b.lines().collect::<Vec<_>>()).filter(|b| b[0].starts_with('|')).collect();
    assert_eq!(tables.len(), 2);
    for t in &tables {
        let w = t[0].width();
        assert!(t.iter().all(|l| l.width() == w), "{t:#?}");
    }
    // no cell says anything new
    let before: Vec<Vec<String>> = MD.lines().filter(|l| l.starts_with('|')).map(cells).collect();
    let now: Vec<Vec<String>> = after.lines().filter(|l| l.starts_with('|')).map(cells).collect();
    for (b, a) in before.iter().zip(&now) {
        if !b[0].starts_with(['-', ':']) {
            assert_eq!(b, a);
        }
    }
    assert!(after.contains("| :------- | ---------------: |"), "{after}");
    let config = nianbao_core::Config::default();
    let rules = |t: &str| nianbao_core::analyze(t, &config).findings.iter().map(|f| f.rule).collect::<Vec<_>>();
    assert_eq!(rules(MD), rules(&after));

    // range formatting touches only the table in range
    let second = MD.find("| 信息内容 | 本年处理决定数量").unwrap();
    let r = range(MD, Span::empty(second), lsp.unit);
    let edits = lsp.call(
        "textDocument/rangeFormatting",
        json!({"textDocument": {"uri": uri}, "range": r, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    let edits = edits.as_array().unwrap();
    assert!(!edits.is_empty());
    let first_line = MD[..second].matches('\n').count() as u64;
    assert!(edits.iter().all(|e| e["range"]["start"]["line"].as_u64().unwrap() >= first_line));
}

#[test]
fn formatting_normalises_tab_tables() {
    let text = fixture("xiaye-2025-fixed.txt")
        .replace("规章\t0\t0\t0", "规章 \t0\t0\t0  ")
        .replace("行政强制\t0\t\t", "行政强制\t0");
    let (mut lsp, _ws, uri) = open(&text, "a.txt", "plaintext");
    let edits = lsp.call(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": false}}),
    );
    let after = apply_edits(&text, edits.as_array().unwrap(), lsp.unit);
    assert_eq!(after, fixture("xiaye-2025-fixed.txt"));
    // an aligned document needs nothing
    let uri2 = uri.replace("a.txt", "b.txt");
    lsp.open(&uri2, "plaintext", &after, 1);
    let none = lsp.call(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri2}, "options": {"tabSize": 4, "insertSpaces": false}}),
    );
    assert_eq!(none, json!([]));
}
