//! The server under load (docs/reliability.md, round 2 item 5): one
//! analysis per document version shared by the publisher and every request,
//! cancelled and superseded work stopped, a bounded number of threads.
//!
//! Analyses are counted from the server's own log: with
//! `RUST_LOG=nianbao::load=debug` it writes one "analysis started" line per
//! analysis it runs (src/lsp/server.rs). No assertion here is about time.

mod common;

use common::lsp::*;
use serde_json::{Value, json};

const REQUEST_CANCELLED: i64 = -32800;

/// A server logging its analyses to a file in `ws`.
fn counted(ws: &Workspace) -> (Lsp, std::path::PathBuf) {
    let log = ws.path("server.log");
    let mut lsp =
        Lsp::spawn_with(&["lsp", "--log-file", log.to_str().unwrap()], &[("RUST_LOG", "nianbao::load=debug")]);
    lsp.initialize(json!({}), None);
    (lsp, log)
}

/// How many analyses the server started (and did not skip as unwanted).
fn started(log: &std::path::Path) -> usize {
    std::fs::read_to_string(log).unwrap_or_default().lines().filter(|l| l.contains("analysis started:")).count()
}

/// How many analyses stopped part-way (superseded or unwanted).
fn stopped(log: &std::path::Path) -> usize {
    std::fs::read_to_string(log).unwrap_or_default().lines().filter(|l| l.contains("analysis stopped:")).count()
}

/// CPU seconds the process has used (user + system), for the report only.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 Hz on Linux)
    (fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap()) / 100.0
}

fn threads(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("Threads:")).unwrap();
    line["Threads:".len()..].trim().parse().unwrap()
}

/// The example draft repeated up to `bytes`: a large document that still
/// reads like a report and has findings.
fn large(bytes: usize) -> String {
    let draft = fixture("xiaye-2025-draft.txt");
    draft.repeat(bytes / draft.len() + 1)
}

fn insert_at_start(lsp: &Lsp, uri: &str, version: i64, text: &mut String, s: &str) {
    let start = json!({"line": 0, "character": 0});
    lsp.change(uri, version, json!([{"range": {"start": start, "end": start}, "text": s}]));
    text.insert_str(0, s);
}

/// What a diagnostic says, without the document's URI (so two documents'
/// diagnostics compare).
fn said(diags: &[Value]) -> Vec<(Value, Value, Value)> {
    diags.iter().map(|d| (d["code"].clone(), d["range"].clone(), d["message"].clone())).collect()
}

#[test]
fn requests_right_after_an_edit_share_one_analysis() {
    let ws = Workspace::new();
    let (mut lsp, log) = counted(&ws);
    let uri = ws.uri("draft.txt");
    let mut text = large(150_000);
    lsp.open(&uri, "plaintext", &text, 1);
    assert!(!lsp.diagnostics(&uri, 1).is_empty());
    assert_eq!(started(&log), 1, "didOpen");

    // one edit, then a burst of requests before any analysis of it is done
    insert_at_start(&lsp, &uri, 2, &mut text, "\n");
    let doc = json!({"uri": uri});
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 100000, "character": 0}});
    let mut ids = Vec::new();
    for i in 0..6 {
        ids.push(lsp.send_request("textDocument/foldingRange", json!({"textDocument": doc})));
        ids.push(lsp.send_request("textDocument/documentSymbol", json!({"textDocument": doc})));
        ids.push(lsp.send_request("textDocument/inlayHint", json!({"textDocument": doc, "range": whole})));
        ids.push(lsp.send_request(
            "textDocument/hover",
            json!({"textDocument": doc, "position": {"line": 10 + i, "character": 2}}),
        ));
        ids.push(lsp.send_request("textDocument/diagnostic", json!({"textDocument": doc})));
    }
    for id in ids {
        let r = lsp.response(id);
        assert!(r.get("error").is_none(), "{r}");
    }
    assert!(!lsp.diagnostics(&uri, 2).is_empty());
    // 30 requests and the publisher: one analysis for version 2
    assert_eq!(started(&log), 2, "{}", std::fs::read_to_string(&log).unwrap());
    // and an analysed version is answered from the cache
    lsp.call("textDocument/documentSymbol", json!({"textDocument": doc}));
    assert_eq!(started(&log), 2);
    assert_eq!(lsp.server_text(&uri), text);
}

#[test]
fn a_storm_of_cancelled_requests_and_edits_keeps_threads_bounded() {
    let ws = Workspace::new();
    let (mut lsp, log) = counted(&ws);
    let uri = ws.uri("big.txt");
    let mut text = large(1 << 20);
    lsp.open(&uri, "plaintext", &text, 1);
    lsp.diagnostics(&uri, 1);
    let pid = lsp.pid();
    let baseline = threads(pid);

    // 400 foldingRange requests, each cancelled right away, an edit every 20
    let doc = json!({"uri": uri});
    let mut version = 1;
    let mut ids = Vec::new();
    let mut most = baseline;
    for i in 0..400 {
        let id = lsp.send_request("textDocument/foldingRange", json!({"textDocument": doc}));
        lsp.notify("$/cancelRequest", json!({"id": id}));
        ids.push(id);
        if i % 20 == 19 {
            version += 1;
            insert_at_start(&lsp, &uri, version, &mut text, "甲");
        }
        if i % 5 == 0 {
            most = most.max(threads(pid));
        }
    }
    let mut cancelled = 0;
    for id in ids {
        let r = lsp.response(id);
        most = most.max(threads(pid));
        match r.get("error") {
            Some(e) => {
                assert_eq!(e["code"], REQUEST_CANCELLED, "{r}");
                cancelled += 1;
            }
            None => assert!(r["result"].is_array(), "{r}"),
        }
    }
    let last = lsp.diagnostics(&uri, version);
    most = most.max(threads(pid));
    assert_eq!(lsp.server_text(&uri), text);

    // the final diagnostics are those of the final text analysed afresh
    let fresh = ws.uri("fresh.txt");
    lsp.open(&fresh, "plaintext", &text, 1);
    assert_eq!(said(&last), said(&lsp.diagnostics(&fresh, 1)));

    let analyses = started(&log);
    eprintln!(
        "threads: {baseline} at rest, at most {most}; {cancelled} of 400 cancelled; {analyses} analyses, {} stopped part-way; {:.1} s CPU",
        stopped(&log),
        cpu_seconds(pid)
    );
    // Before: a thread per cancelled request still analysing (~180). Now a
    // fixed pool of analysis threads; the rest is the runtime and stdio.
    assert!(most <= baseline + 4, "threads grew from {baseline} to {most}");
    // at most one analysis per version (21) and one for the fresh copy;
    // before, every request ran its own (400)
    assert!(analyses <= version as usize + 1, "{analyses} analyses for {version} versions");
}

#[test]
fn a_cancelled_request_is_answered_and_the_server_keeps_serving() {
    let ws = Workspace::new();
    let (mut lsp, _log) = counted(&ws);
    let uri = ws.uri("draft.txt");
    let mut text = large(300_000);
    lsp.open(&uri, "plaintext", &text, 1);
    let doc = json!({"uri": uri});
    for version in 2..6 {
        insert_at_start(&lsp, &uri, version, &mut text, "\n");
        let id = lsp.send_request("textDocument/documentSymbol", json!({"textDocument": doc}));
        lsp.notify("$/cancelRequest", json!({"id": id}));
        let r = lsp.response(id);
        match r.get("error") {
            Some(e) => assert_eq!(e["code"], REQUEST_CANCELLED, "{r}"),
            None => assert!(r["result"].is_array(), "{r}"),
        }
        // cancelling what is already answered, or was never asked, is harmless
        lsp.notify("$/cancelRequest", json!({"id": id}));
        lsp.notify("$/cancelRequest", json!({"id": 999_999}));
    }
    // the next requests are answered from the newest version
    let symbols = lsp.call("textDocument/documentSymbol", json!({"textDocument": doc}));
    assert!(!symbols.as_array().unwrap().is_empty());
    assert!(!lsp.diagnostics(&uri, 5).is_empty());
    assert_eq!(lsp.server_text(&uri), text);
    assert!(lsp.shutdown_and_exit().success());
}

/// The library side of cancellation: `analyze_until` gives up when asked,
/// asks again before each rule, and is `analyze` when never asked.
#[test]
fn analysis_stops_when_asked_and_is_unchanged_otherwise() {
    let text = fixture("xiaye-2025-draft.txt");
    let config = nianbao_core::Config::default();
    assert!(nianbao_core::analyze_until(&text, &config, &|| true).is_none());
    let (whole, asked) = asked_never_stopping(&text, &config);
    assert_eq!(whole.findings, nianbao_core::analyze(&text, &config).findings);
    // twice while building the model (after the parse, before the tables),
    // once after it, once before each rule; the fixture's prose is shorter
    // than one stretch of sentences between two questions
    assert_eq!(asked, 3 + nianbao_core::rules::RULES.len());
}

/// An analysis whose `stop` never says stop, and how often it was asked.
fn asked_never_stopping(text: &str, config: &nianbao_core::Config) -> (nianbao_core::Analysis, usize) {
    let asked = std::cell::Cell::new(0);
    let whole = nianbao_core::analyze_until(text, config, &|| {
        asked.set(asked.get() + 1);
        false
    })
    .unwrap();
    (whole, asked.get())
}

/// A long document's prose, most of its analysis, is itself cancellable:
/// `stop` is asked every `STOP_EVERY` sentences while it is read, so a newer
/// edit does not wait for the rest of it.
#[test]
fn reading_a_long_documents_prose_asks_whether_to_stop() {
    let mut text = fixture("xiaye-2025-draft.txt");
    text.push_str(&"全年共主动公开政府信息120条，其中政策文件20条。\n".repeat(2_000));
    let config = nianbao_core::Config::default();
    let (whole, asked) = asked_never_stopping(&text, &config);
    assert_eq!(whole.findings, nianbao_core::analyze(&text, &config).findings);
    let every = nianbao_core::model::prose::STOP_EVERY;
    assert!(asked >= 3 + nianbao_core::rules::RULES.len() + 2_000 / every, "asked {asked} times");
    // a stop that comes while the prose is read ends the analysis there
    let asked = std::cell::Cell::new(0);
    let stopped = nianbao_core::analyze_until(&text, &config, &|| {
        asked.set(asked.get() + 1);
        asked.get() > 4
    });
    assert!(stopped.is_none());
    assert_eq!(asked.get(), 5);
}
