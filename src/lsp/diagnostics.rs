//! Findings as LSP diagnostics, pushed after a debounce or pulled.

use super::convert::Conv;
use super::server::Shared;
use super::snapshot::Snapshot;
use nianbao_core::{ColumnUnit, Finding, Severity};
use serde_json::json;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tower_lsp_server::UriExt;
use tower_lsp_server::lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri,
};

pub const SOURCE: &str = "nianbao";

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// Where rule explanations are written so `codeDescription` opens offline
/// in any editor: `$XDG_CACHE_HOME/nianbao/docs/<version>/<family>/<name>.md`
/// (`~/.cache` without XDG, the temp directory without a home).
pub fn docs_dir() -> PathBuf {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("nianbao").join("docs").join(env!("CARGO_PKG_VERSION"))
}

/// Each rule's doc as a `file:` URI, written once per process (rewritten
/// only when the text differs). A rule whose file cannot be written links
/// to the repository copy instead.
fn doc_uris() -> &'static HashMap<&'static str, Uri> {
    static URIS: OnceLock<HashMap<&'static str, Uri>> = OnceLock::new();
    URIS.get_or_init(|| {
        let dir = docs_dir();
        nianbao_core::rules::RULES
            .iter()
            .filter_map(|r| {
                let path = dir.join(format!("{}.md", r.id));
                let written = std::fs::read_to_string(&path).is_ok_and(|t| t == r.doc)
                    || path.parent().is_some_and(|d| std::fs::create_dir_all(d).is_ok())
                        && std::fs::write(&path, r.doc).is_ok();
                let uri = if written { Uri::from_file_path(&path) } else { None };
                let uri = uri.or_else(|| nianbao_core::rules::doc_url(r.id).parse().ok())?;
                Some((r.id, uri))
            })
            .collect()
    })
}

/// What travels in `Diagnostic.data`: how many fixes the finding has, and
/// whether the first is safe — a reference, not the edits. The edits are
/// computed when the client asks for code actions (a rebuilt table is
/// kilobytes; it used to ride on every publish).
fn fixes_data(f: &Finding) -> serde_json::Value {
    json!({"fixes": f.fixes.len(), "safe": f.fixes.first().is_some_and(|x| x.safe)})
}

pub fn to_diagnostic(f: &Finding, snap: &Snapshot, conv: &Conv) -> Diagnostic {
    // a place in last year's report is a location in its file
    let last = snap.last_year.as_ref();
    let last_conv = last.map(|l| Conv { text: l.text(), index: l.index(), unit: conv.unit });
    let related: Vec<DiagnosticRelatedInformation> = f
        .related
        .iter()
        .filter_map(|r| {
            let location = match (r.in_previous, last, &last_conv) {
                (false, _, _) => Location { uri: snap.uri.clone(), range: conv.range(r.span) },
                (true, Some(l), Some(c)) => Location { uri: l.uri().clone(), range: c.range(r.span) },
                _ => return None,
            };
            Some(DiagnosticRelatedInformation { location, message: r.message.clone() })
        })
        .collect();
    Diagnostic {
        range: conv.range(f.span),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.rule.to_string())),
        code_description: doc_uris().get(f.rule).map(|href| CodeDescription { href: href.clone() }),
        source: Some(SOURCE.to_string()),
        message: f.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(fixes_data(f)),
    }
}

/// The most diagnostics one document publishes. A hostile or broken
/// document (a pasted log, a million malformed dates) can hold a million
/// findings; publishing them all made a 456 MB notification and 2 GB of
/// memory in the server and froze editors. Nobody reads past the first
/// thousand; the rest are counted in one more diagnostic.
pub const MAX_DIAGNOSTICS: usize = 1000;

/// The diagnostics of a snapshot: none for a text that is not a report;
/// at most `MAX_DIAGNOSTICS` findings (in document order) and, when there
/// are more, one saying how many were left out.
pub fn diagnostics(snap: &Snapshot, unit: ColumnUnit) -> Vec<Diagnostic> {
    if !snap.checked {
        return Vec::new();
    }
    let conv = snap.conv(unit);
    let findings = &snap.analysis.findings;
    let mut out: Vec<Diagnostic> =
        findings.iter().take(MAX_DIAGNOSTICS).map(|f| to_diagnostic(f, snap, &conv)).collect();
    if let Some(first_left) = findings.get(MAX_DIAGNOSTICS) {
        let more = findings.len() - MAX_DIAGNOSTICS;
        out.push(Diagnostic {
            range: conv.range(nianbao_core::Span::empty(first_left.span.start)),
            severity: Some(DiagnosticSeverity::WARNING),
            source: Some(SOURCE.to_string()),
            message: format!(
                "另有 {more} 个问题未显示（每个文档最多显示 {MAX_DIAGNOSTICS} 个）；请先修正以上问题，或运行 nianbao check 查看全部"
            ),
            ..Default::default()
        });
    }
    out
}

/// Publish after `delay` unless the document changes meanwhile. Each edit
/// schedules its own task; all but the last find their generation stale
/// and stop, which is the debounce.
pub fn schedule(shared: &Arc<Shared>, uri: Uri, generation: u64, delay: Duration) {
    let shared = shared.clone();
    shared.docs.set_publish_pending(&uri, generation, true);
    tokio::spawn(async move {
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        if shared.docs.generation(&uri) != Some(generation) {
            return;
        }
        match shared.snapshot(&uri).await {
            Ok(Some(snap)) if snap.generation == generation => publish(&shared, &snap).await,
            Ok(_) => {}
            Err(e) => tracing::warn!("no diagnostics for {}: {}", uri.as_str(), e.message),
        }
        shared.docs.set_publish_pending(&uri, generation, false);
    });
}

async fn publish(shared: &Arc<Shared>, snap: &Snapshot) {
    if shared.flags().pull_diagnostics {
        return;
    }
    let diags = diagnostics(snap, shared.unit());
    {
        let mut docs = shared.docs.lock();
        let Some(doc) = docs.get_mut(&snap.uri) else {
            return;
        };
        if doc.generation != snap.generation {
            return;
        }
        // a text that is not a report is told nothing, except to clear
        // what it was told while it was one
        if !snap.checked && !doc.published {
            return;
        }
        doc.published = !diags.is_empty();
    }
    shared.client.publish_diagnostics(snap.uri.clone(), diags, Some(snap.version)).await;
}
