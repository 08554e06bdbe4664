//! The cross-year rules in the server: last year's report found as an open
//! document or as a file beside this year's, related information pointing
//! into last year's file, and this year's diagnostics following edits to
//! (and the closing of) last year's document.

mod common;

use common::lsp::{Lsp, Workspace, codes, fixture};
use serde_json::Value;
use std::time::Duration;

const CARRY: &str = "cross-year/carry-over";
const COPIED: &str = "cross-year/copied-text";

/// The example moved back a year.
fn last_year() -> String {
    fixture("xiaye-2025-fixed.txt").replace("2025", "2024").replace("2026", "2025")
}

/// Last year's table 三 carrying 2 requests into this year, balanced.
fn last_year_carrying_two() -> String {
    let zeros = "\t\t\t0\t0\t0\t0\t0\t0\t0";
    let two = "\t\t\t2\t0\t0\t0\t0\t0\t2";
    let t = last_year()
        .replace(&format!("一、本年新收政府信息公开申请数量{zeros}"), &format!("一、本年新收政府信息公开申请数量{two}"))
        .replace(&format!("四、结转下年度继续办理{zeros}"), &format!("四、结转下年度继续办理{two}"));
    assert_ne!(t, last_year(), "the replacements found their rows");
    t
}

fn carry(diags: &[Value]) -> Vec<&Value> {
    diags.iter().filter(|d| d["code"] == CARRY).collect()
}

/// The next diagnostics published for `uri` whose codes satisfy `pred`.
fn next_publish(lsp: &mut Lsp, uri: &str, what: &str, pred: impl Fn(&[String]) -> bool) -> Vec<Value> {
    let m = lsp.expect(what, |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && pred(&codes(m["params"]["diagnostics"].as_array().unwrap()))
    });
    m["params"]["diagnostics"].as_array().unwrap().clone()
}

#[test]
fn last_years_file_beside_this_one_is_compared_and_named() {
    let ws = Workspace::new();
    let then = last_year_carrying_two();
    ws.write("xiaye-2024.txt", &then);
    let now = fixture("xiaye-2025-fixed.txt");
    let uri = ws.uri("xiaye-2025.txt");
    let mut lsp = Lsp::start();
    lsp.open(&uri, "plaintext", &now, 1);
    let diags = lsp.diagnostics(&uri, 1);
    let found = carry(&diags);
    assert_eq!(found.len(), 2, "自然人 and 总计: {diags:#?}");
    assert!(found[0]["message"].as_str().unwrap().contains("为 2 件"), "{}", found[0]);
    let related = &found[0]["relatedInformation"][0];
    let last_uri = related["location"]["uri"].as_str().unwrap();
    assert!(last_uri.ends_with(".txt") && last_uri.contains("2024"), "points into last year's file: {related}");
    // the range is last year's cell holding the 2
    let line = related["location"]["range"]["start"]["line"].as_u64().unwrap() as usize;
    assert!(then.lines().nth(line).unwrap().starts_with("四、结转下年度继续办理"), "{related}");
    // every other diagnostic is what the draft alone gives: none
    // the text is last year's word for word: copied-text, pointing at
    // last year's heading; nothing else (the draft alone gives nothing)
    let copied: Vec<&Value> = diags.iter().filter(|d| d["code"] == COPIED).collect();
    assert!(!copied.is_empty(), "{diags:#?}");
    assert_eq!(copied[0]["relatedInformation"][0]["location"]["uri"], last_uri);
    assert!(codes(&diags).iter().all(|c| c == CARRY || c == COPIED), "{diags:#?}");
}

#[test]
fn equal_numbers_another_body_or_two_candidates_give_no_cross_year_finding() {
    let now = fixture("xiaye-2025-fixed.txt");
    // last year's agrees
    let ws = Workspace::new();
    ws.write("2024.txt", &last_year());
    let mut lsp = Lsp::start();
    let uri = ws.uri("2025.txt");
    lsp.open(&uri, "plaintext", &now, 1);
    let diags = lsp.diagnostics(&uri, 1);
    assert!(carry(&diags).is_empty(), "{diags:#?}");
    assert!(codes(&diags).iter().any(|c| c == COPIED), "paired (the text is last year's): {diags:#?}");
    // another body's 2024 report carrying two
    let ws = Workspace::new();
    let other = last_year_carrying_two().replacen("下冶镇人民政府", "某某县财政局", 1);
    assert_ne!(other, last_year_carrying_two());
    ws.write("other.txt", &other);
    let uri = ws.uri("2025.txt");
    lsp.open(&uri, "plaintext", &now, 1);
    assert!(lsp.diagnostics(&uri, 1).is_empty());
    // two copies of last year's: which one was published is not ours to guess
    let ws = Workspace::new();
    ws.write("2024-draft.txt", &last_year_carrying_two());
    ws.write("2024-final.txt", &last_year_carrying_two());
    let uri = ws.uri("2025.txt");
    lsp.open(&uri, "plaintext", &now, 1);
    assert!(lsp.diagnostics(&uri, 1).is_empty());
}

#[test]
fn this_years_diagnostics_follow_last_years_open_document() {
    let ws = Workspace::new();
    let then = last_year_carrying_two();
    // on disk last year's agrees; the editor's copy carries two
    ws.write("2024.txt", &last_year());
    let (last_uri, now_uri) = (ws.uri("2024.txt"), ws.uri("2025.txt"));
    let now = fixture("xiaye-2025-fixed.txt");
    let mut lsp = Lsp::start();
    lsp.open(&last_uri, "plaintext", &then, 1);
    lsp.diagnostics(&last_uri, 1);
    lsp.open(&now_uri, "plaintext", &now, 1);
    let diags = lsp.diagnostics(&now_uri, 1);
    assert_eq!(carry(&diags).len(), 2, "compared with the open document, not the file: {diags:#?}");
    assert_eq!(carry(&diags)[0]["relatedInformation"][0]["location"]["uri"], last_uri.as_str());

    // last year's edited to agree: this year's findings clear without an
    // edit of its own
    lsp.change(&last_uri, 2, serde_json::json!([{"text": last_year()}]));
    lsp.diagnostics(&last_uri, 2);
    let no_carry = |c: &[String]| !c.is_empty() && c.iter().all(|c| c != CARRY);
    next_publish(&mut lsp, &now_uri, "this year's without carry-over", no_carry);

    // edited back, then closed: the file on disk (agreeing) is what counts
    lsp.change(&last_uri, 3, serde_json::json!([{"text": then}]));
    next_publish(&mut lsp, &now_uri, "this year's with carry-over again", |c| c.iter().any(|c| c == CARRY));
    lsp.notify("textDocument/didClose", serde_json::json!({"textDocument": {"uri": last_uri}}));
    next_publish(&mut lsp, &now_uri, "this year's compared with the file", no_carry);
    // and nothing keeps re-checking: no further publish for this year's
    let more = lsp.collect(Duration::from_millis(800), |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == now_uri.as_str()
    });
    assert!(more.is_empty(), "{more:#?}");
}
