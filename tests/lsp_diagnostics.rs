//! Diagnostics: the same findings as the library, at the right positions in
//! the negotiated encoding, with versions, debounce, pull and configuration.

mod common;

use common::lsp::*;
use nianbao_core::{ColumnUnit, Config, Severity};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// (rule, range) of every finding, as the library computes it.
fn expected(text: &str, config: &Config, unit: ColumnUnit) -> Vec<(String, Value)> {
    nianbao_core::analyze(text, config)
        .findings
        .iter()
        .map(|f| (f.rule.to_string(), range(text, f.span, unit)))
        .collect()
}

fn actual(diags: &[Value]) -> Vec<(String, Value)> {
    diags.iter().map(|d| (d["code"].as_str().unwrap().to_string(), d["range"].clone())).collect()
}

#[test]
fn the_draft_gets_the_library_findings_at_utf16_ranges() {
    let text = fixture("xiaye-2025-draft.txt");
    let (mut lsp, _ws, uri) = with_document("draft.txt", "plaintext", &text);
    let diags = lsp.diagnostics(&uri, 1);
    assert_eq!(actual(&diags), expected(&text, &Config::default(), ColumnUnit::Utf16));
    assert!(diags.len() > 20);

    let findings = nianbao_core::analyze(&text, &Config::default()).findings;
    for (d, f) in diags.iter().zip(&findings) {
        assert_eq!(d["source"], "nianbao");
        assert_eq!(d["message"], f.message);
        let sev = match f.severity {
            Severity::Error => 1,
            Severity::Warning => 2,
            Severity::Info => 3,
            Severity::Hint => 4,
        };
        assert_eq!(d["severity"], sev);
        assert_eq!(d["data"]["fixes"].as_u64().unwrap() as usize, f.fixes.len());
        // the rule's explanation, written where any editor can open it offline
        let href = d["codeDescription"]["href"].as_str().unwrap();
        let path = href.strip_prefix("file://").expect("a file: URI");
        assert!(path.starts_with(lsp.cache.path().to_str().unwrap()), "{path}");
        let doc = std::fs::read_to_string(path).unwrap();
        assert_eq!(doc, nianbao_core::rules::lookup(f.rule).unwrap().doc);
    }
    // a fix travels as a reference, not as its edits: a rebuilt table used
    // to ride on every publish
    let data: usize = diags.iter().map(|d| d["data"].to_string().len()).sum();
    assert!(data <= 2048, "{data} bytes of Diagnostic.data on the fixture");
    eprintln!("Diagnostic.data on the fixture: {data} bytes over {} diagnostics", diags.len());
    assert!(lsp.shutdown_and_exit().success());
}

#[test]
fn the_fixed_report_is_clean() {
    let ws = Workspace::new();
    let uri = ws.uri("fixed.txt");
    let mut lsp = Lsp::start();
    lsp.open(&uri, "plaintext", &fixture("xiaye-2025-fixed.txt"), 7);
    assert_eq!(lsp.diagnostics(&uri, 7), Vec::<Value>::new());
}

#[test]
fn utf8_is_chosen_when_offered_and_columns_count_bytes() {
    let text = fixture("xiaye-2025-draft.txt").replace("（二）依申请公开：", "（二）依申请公开：𠮷𠮷");
    let line = text.lines().position(|l| l.contains("𠮷")).unwrap();
    let ws = Workspace::new();
    let uri = ws.uri("draft.txt");

    let mut utf8 = Lsp::spawn();
    let r = utf8.initialize(json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}), None);
    assert_eq!(r["capabilities"]["positionEncoding"], "utf-8");
    utf8.open(&uri, "plaintext", &text, 1);
    let d8 = utf8.diagnostics(&uri, 1);
    assert_eq!(actual(&d8), expected(&text, &Config::default(), ColumnUnit::Utf8));

    let mut utf16 = Lsp::spawn();
    let r = utf16.initialize(json!({"general": {"positionEncodings": ["utf-16"]}}), None);
    assert_eq!(r["capabilities"]["positionEncoding"], "utf-16");
    utf16.open(&uri, "plaintext", &text, 1);
    let d16 = utf16.diagnostics(&uri, 1);
    assert_eq!(actual(&d16), expected(&text, &Config::default(), ColumnUnit::Utf16));

    let on_line =
        |ds: &[Value]| ds.iter().find(|d| d["range"]["start"]["line"] == json!(line)).unwrap()["range"].clone();
    let (r8, r16) = (on_line(&d8), on_line(&d16));
    let prefix = &text.lines().nth(line).unwrap()[..text.lines().nth(line).unwrap().find("申请件").unwrap()];
    assert_eq!(r8["end"]["character"].as_u64().unwrap() as usize, prefix.len() + "申请件".len());
    assert_eq!(
        r16["end"]["character"].as_u64().unwrap() as usize,
        prefix.encode_utf16().count() + "申请件".encode_utf16().count()
    );
    // 𠮷 is 4 bytes and 2 UTF-16 units, each other character here 3 and 1
    assert_ne!(r8, r16);
}

#[test]
fn crlf_and_line_separators_keep_ranges_exact() {
    let text = fixture("xiaye-2025-draft.txt")
        .replace('\n', "\r\n")
        .replace("（三）政府信息公开管理：", "（三）政府信息公开管理：\u{2028}")
        .replace("（二）依申请公开：", "（二）依申请公开：😀𠮷");
    let (mut lsp, _ws, uri) = with_document("crlf.txt", "plaintext", &text);
    assert_eq!(actual(&lsp.diagnostics(&uri, 1)), expected(&text, &Config::default(), ColumnUnit::Utf16));
}

#[test]
fn related_information_points_at_the_other_cells() {
    let text = fixture("xiaye-2025-fixed.txt").replace(
        "一、本年新收政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0",
        "一、本年新收政府信息公开申请数量\t\t\t1\t0\t0\t0\t0\t0\t1",
    );
    let (mut lsp, _ws, uri) = with_document("balance.txt", "plaintext", &text);
    let diags = lsp.diagnostics(&uri, 1);
    let balance = diags.iter().find(|d| d["code"] == "tally/balance").expect("a balance finding");
    let related = balance["relatedInformation"].as_array().unwrap();
    assert!(!related.is_empty());
    let finding = nianbao_core::analyze(&text, &Config::default())
        .findings
        .into_iter()
        .find(|f| f.rule == "tally/balance")
        .unwrap();
    for (r, want) in related.iter().zip(&finding.related) {
        assert_eq!(r["location"]["uri"], uri.as_str());
        assert_eq!(r["location"]["range"], range(&text, want.span, ColumnUnit::Utf16));
        assert_eq!(r["message"], want.message);
    }
}

#[test]
fn edits_are_debounced_and_only_the_latest_version_is_published() {
    let ws = Workspace::new();
    let uri = ws.uri("draft.txt");
    let mut text = fixture("xiaye-2025-draft.txt");
    let mut lsp = Lsp::spawn();
    lsp.initialize(json!({}), Some(json!({"debounceMs": 300})));
    lsp.open(&uri, "plaintext", &text, 1);
    lsp.diagnostics(&uri, 1);
    let started = Instant::now();
    for v in 2..=6 {
        let at = json!({"line": 0, "character": 0});
        lsp.change(&uri, v, json!([{"range": {"start": at, "end": at}, "text": "\n"}]));
        text.insert(0, '\n');
    }
    let diags = lsp.diagnostics(&uri, 6);
    assert!(started.elapsed() >= Duration::from_millis(300), "published before the debounce");
    assert_eq!(actual(&diags), expected(&text, &Config::default(), ColumnUnit::Utf16));
    let stale = lsp.collect(Duration::from_millis(400), |m| m["method"] == "textDocument/publishDiagnostics");
    assert!(stale.is_empty(), "stale versions published: {stale:?}");
}

#[test]
fn a_zero_debounce_publishes_at_once() {
    let ws = Workspace::new();
    let uri = ws.uri("draft.txt");
    let mut lsp = Lsp::spawn();
    lsp.initialize(json!({}), Some(json!({"nianbao": {"debounceMs": 0}})));
    lsp.open(&uri, "plaintext", &fixture("xiaye-2025-draft.txt"), 1);
    lsp.diagnostics(&uri, 1);
    let started = Instant::now();
    lsp.change(
        &uri,
        2,
        json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": " "}]),
    );
    lsp.diagnostics(&uri, 2);
    assert!(started.elapsed() < Duration::from_millis(5000));
}

#[test]
fn clients_that_pull_are_answered_and_not_pushed_to() {
    let ws = Workspace::new();
    let uri = ws.uri("draft.txt");
    let text = fixture("xiaye-2025-draft.txt");
    let mut lsp = Lsp::spawn();
    lsp.initialize(json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}}), None);
    lsp.open(&uri, "plaintext", &text, 1);
    let report = lsp.call("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
    assert_eq!(report["kind"], "full");
    assert_eq!(actual(report["items"].as_array().unwrap()), expected(&text, &Config::default(), ColumnUnit::Utf16));
    let pushed = lsp.collect(Duration::from_millis(400), |m| m["method"] == "textDocument/publishDiagnostics");
    assert!(pushed.is_empty());
}

#[test]
fn initialization_options_reach_the_analysis() {
    let ws = Workspace::new();
    let uri = ws.uri("draft.txt");
    let text = fixture("xiaye-2025-draft.txt");
    let mut lsp = Lsp::spawn();
    lsp.initialize(json!({}), Some(json!({"reportYear": 2024, "rules": {"prose/missing-number": "hint"}})));
    lsp.open(&uri, "plaintext", &text, 1);
    let diags = lsp.diagnostics(&uri, 1);
    let config =
        Config::parse("report_year = 2024\n[rules]\n\"prose/missing-number\" = \"hint\"\n", "x".as_ref()).unwrap();
    assert_eq!(actual(&diags), expected(&text, &config, ColumnUnit::Utf16));
    assert_eq!(diags.iter().find(|d| d["code"] == "prose/missing-number").unwrap()["severity"], 4);
}

#[test]
fn project_file_then_editor_settings_and_broken_config_keeps_the_last_good() {
    let ws = Workspace::new();
    ws.write("nianbao.toml", "[rules]\n\"year/plan\" = \"off\"\n\"prose/enumeration-sum\" = \"off\"\n");
    let uri = ws.uri("draft.txt");
    let mut text = fixture("xiaye-2025-draft.txt");
    let mut lsp = Lsp::start();
    lsp.open(&uri, "plaintext", &text, 1);
    let first = codes(&lsp.diagnostics(&uri, 1));
    assert!(!first.contains(&"year/plan".to_string()) && !first.contains(&"prose/enumeration-sum".to_string()));
    assert!(first.contains(&"prose/missing-number".to_string()));

    // editor settings override the file, key by key, and re-check open documents
    lsp.notify("workspace/didChangeConfiguration", json!({"settings": {"nianbao": {"rules": {"year/plan": "error"}}}}));
    let again = lsp.diagnostics(&uri, 1);
    let plan = again.iter().find(|d| d["code"] == "year/plan").expect("year/plan back on");
    assert_eq!(plan["severity"], 1);
    assert!(!codes(&again).contains(&"prose/enumeration-sum".to_string()));

    // broken settings: reported, and the last good ones stay in force
    lsp.notify("workspace/didChangeConfiguration", json!({"settings": {"nianbao": {"bodyLevel": "village"}}}));
    let msg = lsp.expect("showMessage", |m| m["method"] == "window/showMessage");
    assert_eq!(msg["params"]["type"], 1);
    assert!(msg["params"]["message"].as_str().unwrap().contains("village"), "{msg}");

    // a broken project file: reported with its path, its last good version stays
    ws.write("nianbao.toml", "[rules]\n\"year/plan\" = \"loud\"\n");
    lsp.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": ws.uri("nianbao.toml"), "type": 2}]}));
    let msg = lsp.expect("showMessage about the file", |m| {
        m["method"] == "window/showMessage"
            && m["params"]["message"].as_str().is_some_and(|s| s.contains("nianbao.toml"))
    });
    assert!(msg["params"]["message"].as_str().unwrap().contains("loud"));
    let after = lsp.diagnostics(&uri, 1);
    assert_eq!(after.iter().find(|d| d["code"] == "year/plan").unwrap()["severity"], 1);
    assert!(!codes(&after).contains(&"prose/enumeration-sum".to_string()));

    // an edit re-checks with the same, last good configuration
    text.push('\n');
    lsp.change(&uri, 2, json!([{"text": text}]));
    let edited = lsp.diagnostics(&uri, 2);
    assert_eq!(codes(&edited), codes(&after));
    let repeats = lsp.collect(Duration::from_millis(300), |m| m["method"] == "window/showMessage");
    assert!(repeats.is_empty(), "a broken config is reported once: {repeats:?}");
}

#[test]
fn include_globs_check_texts_without_a_report_title() {
    let ws = Workspace::new();
    std::fs::create_dir(ws.path("notes")).unwrap();
    ws.write("nianbao.toml", "[lsp]\ninclude = [\"notes/*.txt\"]\n");
    let text = "今天开会，收到政府信息公开申请件。\n会议纪要。\n";
    let (inside, outside) = (ws.uri("notes/a.txt"), ws.uri("b.txt"));
    let mut lsp = Lsp::start();
    lsp.open(&outside, "plaintext", text, 1);
    lsp.open(&inside, "plaintext", text, 1);
    assert_eq!(codes(&lsp.diagnostics(&inside, 1)), ["prose/missing-number"]);
    let pulled = lsp.call("textDocument/diagnostic", json!({"textDocument": {"uri": outside}}));
    assert_eq!(pulled["items"], json!([]));
}

#[test]
fn settings_are_pulled_from_clients_that_serve_workspace_configuration() {
    let ws = Workspace::new();
    let uri = ws.uri("draft.txt");
    let mut lsp = Lsp::spawn();
    *lsp.configuration.lock().unwrap() = json!({"rules": {"year/plan": "off"}});
    let caps = json!({"workspace": {"configuration": true, "didChangeWatchedFiles": {"dynamicRegistration": true}}});
    lsp.initialize(caps, None);
    let register = lsp.expect("the nianbao.toml watcher", |m| m["method"] == "client/registerCapability");
    let watcher = &register["params"]["registrations"][0];
    assert_eq!(watcher["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(watcher["registerOptions"]["watchers"][0]["globPattern"], "**/nianbao.toml");
    lsp.expect("the settings pull", |m| m["method"] == "workspace/configuration");
    // documentText is answered after `initialized` has pulled the settings
    lsp.open(&uri, "plaintext", &fixture("xiaye-2025-draft.txt"), 1);
    lsp.server_text(&uri);
    let diags = lsp.collect(Duration::from_millis(300), |m| m["method"] == "textDocument/publishDiagnostics");
    let last = diags.last().expect("diagnostics");
    assert!(!codes(last["params"]["diagnostics"].as_array().unwrap()).contains(&"year/plan".to_string()));

    // a change notification without settings makes the server ask again
    *lsp.configuration.lock().unwrap() = json!({"rules": {"prose/missing-number": "off"}});
    lsp.notify("workspace/didChangeConfiguration", json!({"settings": null}));
    lsp.expect("a second pull", |m| m["method"] == "workspace/configuration");
    let again = codes(&lsp.diagnostics(&uri, 1));
    assert!(
        again.contains(&"year/plan".to_string()) && !again.contains(&"prose/missing-number".to_string()),
        "{again:?}"
    );
}
