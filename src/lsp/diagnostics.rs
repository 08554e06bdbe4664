//! Findings as LSP diagnostics, pushed after a debounce or pulled.

use super::convert::Conv;
use super::server::Shared;
use super::snapshot::Snapshot;
use nianbao_core::{ColumnUnit, Finding, Severity};
use serde::Serialize;
use serde_json::json;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tower_lsp_server::UriExt;
use tower_lsp_server::lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Range, Uri,
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
#[derive(Serialize)]
struct FixesData {
    fixes: usize,
    safe: bool,
}

#[derive(Serialize)]
struct Href<'a> {
    href: &'a Uri,
}

#[derive(Serialize)]
struct WireLocation<'a> {
    uri: &'a Uri,
    range: Range,
}

#[derive(Serialize)]
struct WireRelated<'a> {
    location: WireLocation<'a>,
    message: &'a str,
}

/// A finding as an LSP `Diagnostic`, borrowing its strings: serialised as
/// is for a push (the same JSON as [`to_diagnostic`]'s, without a copy of
/// each message, rule id and link), turned into a `Diagnostic` where the
/// protocol types are needed (pulls, code actions).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Wire<'a> {
    range: Range,
    severity: DiagnosticSeverity,
    code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    code_description: Option<Href<'a>>,
    source: &'static str,
    message: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_information: Vec<WireRelated<'a>>,
    data: FixesData,
}

pub fn wire<'a>(f: &'a Finding, snap: &'a Snapshot, conv: &Conv) -> Wire<'a> {
    // a place in last year's report is a location in its file
    let last = snap.last_year.as_ref();
    let last_conv = last.map(|l| Conv { text: l.text(), index: l.index(), unit: conv.unit });
    let related_information = f
        .related
        .iter()
        .filter_map(|r| {
            let location = match (r.in_previous, last, &last_conv) {
                (false, _, _) => WireLocation { uri: &snap.uri, range: conv.range(r.span) },
                (true, Some(l), Some(c)) => WireLocation { uri: l.uri(), range: c.range(r.span) },
                _ => return None,
            };
            Some(WireRelated { location, message: &r.message })
        })
        .collect();
    Wire {
        range: conv.range(f.span),
        severity: severity(f.severity),
        code: f.rule,
        code_description: doc_uris().get(f.rule).map(|href| Href { href }),
        source: SOURCE,
        message: &f.message,
        related_information,
        data: FixesData { fixes: f.fixes.len(), safe: f.fixes.first().is_some_and(|x| x.safe) },
    }
}

impl Wire<'_> {
    pub fn to_diagnostic(&self) -> Diagnostic {
        let related: Vec<DiagnosticRelatedInformation> = self
            .related_information
            .iter()
            .map(|r| DiagnosticRelatedInformation {
                location: Location { uri: r.location.uri.clone(), range: r.location.range },
                message: r.message.to_string(),
            })
            .collect();
        Diagnostic {
            range: self.range,
            severity: Some(self.severity),
            code: Some(NumberOrString::String(self.code.to_string())),
            code_description: self.code_description.as_ref().map(|h| CodeDescription { href: h.href.clone() }),
            source: Some(self.source.to_string()),
            message: self.message.to_string(),
            related_information: (!related.is_empty()).then_some(related),
            tags: None,
            data: Some(json!({"fixes": self.data.fixes, "safe": self.data.safe})),
        }
    }
}

pub fn to_diagnostic(f: &Finding, snap: &Snapshot, conv: &Conv) -> Diagnostic {
    wire(f, snap, conv).to_diagnostic()
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
    Published::of(snap, unit).to_diagnostics()
}

/// What a snapshot publishes ([`diagnostics`]), borrowed from it.
#[derive(Serialize)]
#[serde(untagged)]
pub enum Item<'a> {
    Finding(Wire<'a>),
    More(Diagnostic),
}

pub struct Published<'a>(pub Vec<Item<'a>>);

impl<'a> Published<'a> {
    pub fn of(snap: &'a Snapshot, unit: ColumnUnit) -> Published<'a> {
        if !snap.checked {
            return Published(Vec::new());
        }
        let conv = snap.conv(unit);
        let findings = &snap.analysis.findings;
        let mut out: Vec<Item> =
            findings.iter().take(MAX_DIAGNOSTICS).map(|f| Item::Finding(wire(f, snap, &conv))).collect();
        if let Some(first_left) = findings.get(MAX_DIAGNOSTICS) {
            let more = findings.len() - MAX_DIAGNOSTICS;
            out.push(Item::More(Diagnostic {
                range: conv.range(nianbao_core::Span::empty(first_left.span.start)),
                severity: Some(DiagnosticSeverity::WARNING),
                source: Some(SOURCE.to_string()),
                message: format!(
                    "另有 {more} 个问题未显示（每个文档最多显示 {MAX_DIAGNOSTICS} 个）；请先修正以上问题，或运行 nianbao check 查看全部"
                ),
                ..Default::default()
            }));
        }
        Published(out)
    }

    pub fn to_diagnostics(&self) -> Vec<Diagnostic> {
        self.0
            .iter()
            .map(|i| match i {
                Item::Finding(w) => w.to_diagnostic(),
                Item::More(d) => d.clone(),
            })
            .collect()
    }
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
    let diags = Published::of(snap, shared.unit());
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
        doc.published = !diags.0.is_empty();
    }
    shared.publish(&snap.uri, &diags, snap.version).await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::Project;
    use std::str::FromStr;

    fn snapshot(text: &str) -> Snapshot {
        let uri = Uri::from_str("file:///r/draft.txt").unwrap();
        let kind = super::super::documents::DocKind::Plain;
        Snapshot::build(uri, 3, 1, kind, text.to_string(), Project::default(), None, &[], &|| false, None).unwrap()
    }

    /// A push serialises the borrowed form; pulls and code actions use
    /// `Diagnostic`: both must say the same, field for field.
    #[test]
    fn a_push_is_the_json_of_the_diagnostics_a_pull_returns() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
        let mut texts: Vec<String> = ["xiaye-2025-draft.txt", "xiaye-2025-fixed.txt", "qingshan-2025.md"]
            .iter()
            .map(|f| std::fs::read_to_string(format!("{root}/{f}")).unwrap())
            .collect();
        // CRLF and astral characters before the findings, so columns
        // differ between the units
        texts.push("𠮷\r\n".repeat(3) + &texts[0]);
        let mut related = 0;
        for text in &texts {
            let snap = snapshot(text);
            for unit in [ColumnUnit::Utf16, ColumnUnit::Utf8] {
                let published = Published::of(&snap, unit);
                let pushed = serde_json::to_value(&published.0).unwrap();
                let pulled = serde_json::to_value(diagnostics(&snap, unit)).unwrap();
                assert_eq!(pushed, pulled);
                related += pulled.as_array().unwrap().iter().filter(|d| d.get("relatedInformation").is_some()).count();
            }
        }
        assert!(related > 0, "no finding with related places compared");
    }
}
