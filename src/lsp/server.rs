//! The server: shared state, the `LanguageServer` handlers and the custom
//! requests. Handlers only route; each feature lives in its own module.

use super::config::{Problem, Settings};
use super::documents::{DocKind, Document, Documents, Inflight, Outcome, file_path};
use super::guard::{self, internal_error};
use super::snapshot::Snapshot;
use super::view::View;
use super::{actions, completion, convert, diagnostics, format, hover, last_year, pool, symbols};
use futures::FutureExt;
use futures::future::{BoxFuture, Shared as SharedFuture};
use nianbao_core::ColumnUnit;
use serde::Deserialize;
use serde_json::{Value, json};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::lsp_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

/// What the client said it can do, read once at `initialize`.
#[derive(Debug, Default, Clone, Copy)]
pub struct ClientFlags {
    /// The client pulls diagnostics (`textDocument/diagnostic`); pushing
    /// as well would show every finding twice.
    pub pull_diagnostics: bool,
    pub diagnostic_refresh: bool,
    pub configuration: bool,
    pub watch_files: bool,
    /// The client resolves a code action's `edit` (`codeAction/resolve`),
    /// so costly edits are computed only for the action the user picks.
    pub resolve_edits: bool,
}

pub struct Shared {
    pub client: Client,
    /// The output's own inbox, when the transport has one (stdio): frames
    /// the server makes itself go there (`publish_diagnostics`).
    direct: Option<super::stdio::Outlet>,
    pub docs: Documents,
    pub settings: Settings,
    unit: OnceLock<ColumnUnit>,
    flags: OnceLock<ClientFlags>,
    shutdown: AtomicBool,
    /// Configuration problems already shown, and how many pop-ups recently
    /// (a storm of settings must not become a storm of pop-ups).
    shown: Mutex<super::pacer::Pacer>,
    /// Problems found during `initialize`, shown once `initialized` arrives.
    early_problems: Mutex<Vec<Problem>>,
    /// Reports on disk read as last year's (cross-year rules).
    pub last_years: last_year::DiskCache,
}

/// Hand a `publishDiagnostics` frame to the output's inbox.
fn push_diagnostics(out: &super::stdio::Outlet, params: &impl serde::Serialize, uri: &Uri) {
    let sent = super::frames::notification("textDocument/publishDiagnostics", params)
        .map_err(std::io::Error::other)
        .and_then(|frame| out.send(frame));
    if let Err(e) = sent {
        tracing::warn!("diagnostics for {} not sent: {e}", uri.as_str());
    }
}

impl Shared {
    pub fn unit(&self) -> ColumnUnit {
        self.unit.get().copied().unwrap_or(ColumnUnit::Utf16)
    }

    pub fn flags(&self) -> ClientFlags {
        self.flags.get().copied().unwrap_or_default()
    }

    /// `textDocument/publishDiagnostics` of a snapshot's findings,
    /// serialised straight from them into the output when it has an inbox:
    /// the protocol's one message per edit, whose detour through
    /// `lsp_types::Diagnostic` (a copy of every string) and
    /// `serde_json::Value` cost more than the rest of the server. Through
    /// tower-lsp-server's client otherwise. Either way only after
    /// `initialize`: documents are opened only then.
    pub async fn publish(&self, uri: &Uri, diagnostics: &diagnostics::Published<'_>, version: i32) {
        #[derive(serde::Serialize)]
        struct Params<'a> {
            uri: &'a Uri,
            diagnostics: &'a [diagnostics::Item<'a>],
            version: i32,
        }
        if let Some(out) = &self.direct {
            let params = Params { uri, diagnostics: &diagnostics.0, version };
            return push_diagnostics(out, &params, uri);
        }
        self.client.publish_diagnostics(uri.clone(), diagnostics.to_diagnostics(), Some(version)).await;
    }

    /// An empty `publishDiagnostics` without a version (a closed document),
    /// by the same way as [`Shared::publish`], so it never overtakes one.
    pub async fn clear_diagnostics(&self, uri: Uri) {
        if let Some(out) = &self.direct {
            let params = PublishDiagnosticsParams::new(uri, Vec::new(), None);
            return push_diagnostics(out, &params, &params.uri);
        }
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
    }

    /// The analysed current version of a document. `None` when it is not
    /// open.
    ///
    /// One analysis per generation, shared: the publisher and every request
    /// for the same generation wait for the same in-flight analysis (its
    /// `Shared` future) instead of each starting their own. When it is
    /// abandoned — a newer generation arrived, or every waiter was cancelled
    /// — a waiter still here starts over with the newest generation, so a
    /// request is always answered from an analysis that was finished.
    pub async fn snapshot(self: &Arc<Self>, uri: &Uri) -> Result<Option<Arc<Snapshot>>> {
        loop {
            // held while waiting: our interest keeps the analysis going
            let (outcome, _interest) = {
                let mut docs = self.docs.lock();
                let Some(d) = docs.get_mut(uri) else {
                    return Ok(None);
                };
                if let Some(s) = d.snapshot.as_ref().filter(|s| s.generation == d.generation) {
                    return Ok(Some(s.clone()));
                }
                let joined = d
                    .inflight
                    .as_ref()
                    .filter(|f| f.generation == d.generation)
                    .and_then(|f| Some((f.outcome.clone(), f.interest.upgrade()?)));
                match joined {
                    Some(j) => j,
                    None => self.start_analysis(uri, d),
                }
            };
            match outcome.await {
                Outcome::Done(snap, problem) => {
                    self.report(problem.into_iter().collect()).await;
                    return Ok(Some(snap));
                }
                Outcome::Stopped => continue,
                Outcome::Failed => {
                    // the panic hook has logged the payload already
                    tracing::error!("analysis of {} failed", uri.as_str());
                    return Err(internal_error(format!("nianbao: 分析 {} 时内部出错", uri.as_str())));
                }
            }
        }
    }

    /// The newest finished snapshot and how the current text differs from
    /// it, without waiting for an analysis in progress (hover, outline and
    /// folding: view.rs). Only a document never analysed yet is waited for.
    pub async fn view(self: &Arc<Self>, uri: &Uri) -> Result<Option<View>> {
        let unit = self.unit();
        {
            let docs = self.docs.lock();
            let Some(d) = docs.get(uri) else { return Ok(None) };
            if let Some(s) = &d.snapshot {
                if s.generation == d.generation {
                    return Ok(Some(View::current(s.clone(), unit)));
                }
                // a rope clone shares its nodes: no copy of the text
                let changes = d.changes.iter().map(|(_, c)| *c).collect();
                return Ok(Some(View { snap: s.clone(), unit, since: Some((d.rope.clone(), changes)) }));
            }
        }
        Ok(self.snapshot(uri).await?.map(|s| View::current(s, unit)))
    }

    /// Queue the analysis of a document's current generation on the
    /// analysis threads and record it in the document's slot (the caller
    /// holds the documents lock, so no second one can start meanwhile).
    fn start_analysis(
        self: &Arc<Self>,
        uri: &Uri,
        d: &mut Document,
    ) -> (SharedFuture<BoxFuture<'static, Outcome>>, Arc<()>) {
        let (text, version, generation, kind) =
            (d.rope.to_string(), d.version, d.generation, DocKind::of(uri, &d.language_id));
        let interest = Arc::new(());
        let superseded = Arc::new(AtomicBool::new(false));
        let (weak, flag) = (Arc::downgrade(&interest), superseded.clone());
        let shared = self.clone();
        let for_task = uri.clone();
        // the analysis threads are no tokio threads: re-checking the
        // reports that compare with this one is spawned on the runtime
        let runtime = tokio::runtime::Handle::current();
        let inline = d.rope.len_bytes() <= pool::INLINE_MAX_BYTES;
        let memo = d.memo.clone();
        let job = move || {
            // Stop when superseded, or when every waiting request was
            // cancelled and no publisher will want the result either (it
            // would only have to be computed again).
            let stop = || {
                flag.load(Ordering::Relaxed)
                    || weak.strong_count() == 0 && !shared.docs.publish_pending(&for_task, generation)
            };
            if stop() {
                // queued behind other work and no longer wanted: costs nothing
                tracing::debug!(target: "nianbao::load", "analysis skipped: v{version} g{generation}");
                return Outcome::Stopped;
            }
            tracing::debug!(target: "nianbao::load", "analysis started: v{version} g{generation}");
            let path = file_path(&for_task);
            let (config, problem, file) = shared.settings.config_for(path.as_deref());
            let mut bases = shared.settings.roots();
            if let Some(dir) = file.as_ref().and_then(|f| f.parent()) {
                bases.insert(0, dir.to_path_buf());
            }
            // held for the analysis; an older one of the same document
            // still finishing has it, and this one reads without
            let mut memo = memo.as_ref().and_then(|memo| match memo.try_lock() {
                Ok(m) => Some(m),
                Err(std::sync::TryLockError::WouldBlock) => None,
                // a panic while reading: start the memo afresh
                Err(std::sync::TryLockError::Poisoned(p)) => {
                    let mut m = p.into_inner();
                    *m = Default::default();
                    memo.clear_poison();
                    Some(m)
                }
            });
            let built = Snapshot::build(
                for_task.clone(),
                version,
                generation,
                kind,
                text,
                config,
                path.as_deref(),
                &bases,
                &stop,
                memo.as_deref_mut(),
            );
            drop(memo);
            let built = built.map(|mut snap| {
                if snap.checked && !stop() {
                    let last = snap.identity.as_ref().and_then(|id| last_year::find(&shared, &for_task, id));
                    if let Some(last) = last {
                        snap.compare_with(last);
                    }
                }
                snap
            });
            let mut docs = shared.docs.lock();
            let current = docs.get_mut(&for_task).filter(|d| d.generation == generation);
            let Some(snap) = built else {
                tracing::debug!(target: "nianbao::load", "analysis stopped: v{version} g{generation}");
                // abandoned by its waiters, not superseded: let the next
                // request start afresh instead of joining a dead analysis
                // (unless one has already)
                if let Some(d) =
                    current.filter(|d| d.inflight.as_ref().is_some_and(|f| Arc::ptr_eq(&f.superseded, &flag)))
                {
                    d.inflight = None;
                }
                return Outcome::Stopped;
            };
            tracing::debug!(target: "nianbao::load", "analysis finished: v{version} g{generation}");
            let snap = Arc::new(snap);
            // a superseded result is handed to those already waiting (who
            // start over) but never stored, so it is never published
            let stored = current.is_some();
            if let Some(d) = current {
                d.snapshot = Some(snap.clone());
                d.changes.retain(|(g, _)| *g > generation);
                d.inflight = None;
                d.debounce = Duration::from_millis(snap.lsp.debounce_ms);
            }
            drop(docs);
            if stored {
                let _entered = runtime.enter();
                shared.recheck_dependents(&for_task, snap.identity.as_ref());
            }
            Outcome::Done(snap, problem)
        };
        // A small document is analysed by its first waiter, when it first
        // polls the shared outcome (after the documents lock is released):
        // the hop to an analysis thread and back cost as much as the
        // analysis. Later waiters join the same outcome as before.
        let outcome = if inline {
            async move { pool::here(job).unwrap_or(Outcome::Failed) }.boxed().shared()
        } else {
            let job = pool::run(job);
            async move { job.await.unwrap_or(Outcome::Failed) }.boxed().shared()
        };
        d.inflight =
            Some(Inflight { generation, superseded, interest: Arc::downgrade(&interest), outcome: outcome.clone() });
        (outcome, interest)
    }

    /// Show configuration problems not shown before.
    pub async fn report(&self, problems: Vec<Problem>) {
        use super::pacer::{MUTED, Verdict};
        for p in problems {
            let Some(m) = p.message else {
                self.shown.lock().unwrap_or_else(|e| e.into_inner()).clear(&p.source);
                continue;
            };
            let verdict =
                self.shown.lock().unwrap_or_else(|e| e.into_inner()).admit(&p.source, &m, std::time::Instant::now());
            if verdict != Verdict::Quiet {
                tracing::warn!("{m}");
            }
            match verdict {
                Verdict::Show => self.client.show_message(MessageType::ERROR, m).await,
                Verdict::ShowMutedNotice => self.client.show_message(MessageType::WARNING, MUTED).await,
                Verdict::Quiet | Verdict::Muted => {}
            }
        }
    }

    /// Re-check the open reports whose cross-year comparison a new version
    /// (or the closing) of `uri` changes. Each is debounced like an edit,
    /// so typing in last year's report re-checks this year's once per pause.
    pub fn recheck_dependents(self: &Arc<Self>, uri: &Uri, id: Option<&nianbao_core::model::identity::Identity>) {
        let mut any = false;
        for dep in last_year::dependents(self, uri, id) {
            if let Some((generation, delay)) = self.docs.touch(&dep) {
                diagnostics::schedule(self, dep, generation, delay);
                any = true;
            }
        }
        if any && self.flags().pull_diagnostics && self.flags().diagnostic_refresh {
            let shared = self.clone();
            tokio::spawn(async move {
                let _ = shared.client.workspace_diagnostic_refresh().await;
            });
        }
    }

    /// Re-check every open document (configuration changed).
    pub async fn recheck_all(self: &Arc<Self>) {
        // called when settings or a project file changed
        self.settings.forget();
        for (uri, generation) in self.docs.touch_all() {
            diagnostics::schedule(self, uri, generation, Duration::ZERO);
        }
        if self.flags().pull_diagnostics && self.flags().diagnostic_refresh {
            let _ = self.client.workspace_diagnostic_refresh().await;
        }
    }

    async fn pull_configuration(self: &Arc<Self>) {
        let item = ConfigurationItem { scope_uri: None, section: Some("nianbao".into()) };
        match self.client.configuration(vec![item]).await {
            Ok(values) => {
                let value = values.into_iter().next().unwrap_or(Value::Null);
                let problem = self.settings.set_editor(&value);
                self.report(vec![problem]).await;
            }
            Err(e) => tracing::warn!("workspace/configuration failed: {}", e.message),
        }
    }
}

pub struct Backend(Arc<Shared>);

impl Backend {
    fn new(client: Client, direct: Option<super::stdio::Outlet>) -> Self {
        Backend(Arc::new(Shared {
            client,
            direct,
            docs: Documents::default(),
            settings: Settings::default(),
            unit: OnceLock::new(),
            flags: OnceLock::new(),
            shutdown: AtomicBool::new(false),
            shown: Mutex::new(super::pacer::Pacer::default()),
            early_problems: Mutex::new(Vec::new()),
            last_years: last_year::DiskCache::default(),
        }))
    }

    /// Run `f` on the snapshot of a document the server handles.
    async fn with_snapshot<T>(&self, uri: &Uri, f: impl FnOnce(&Snapshot, ColumnUnit) -> T) -> Result<Option<T>> {
        match self.0.snapshot(uri).await? {
            Some(s) if s.kind != DocKind::Other => Ok(Some(f(&s, self.0.unit()))),
            _ => Ok(None),
        }
    }

    /// Run `f` on the newest finished snapshot of a document the server
    /// handles, seen from its current text.
    async fn with_view<T>(&self, uri: &Uri, f: impl FnOnce(&View) -> T) -> Result<Option<T>> {
        match self.0.view(uri).await? {
            Some(v) if v.snap.kind != DocKind::Other => Ok(Some(f(&v))),
            _ => Ok(None),
        }
    }

    /// `nianbao/documentText`: the server's copy of a document, so tests
    /// (and curious users) can check that incremental sync kept it exact.
    async fn document_text(&self, params: DocumentTextParams) -> Result<Option<Value>> {
        guard::request("nianbao/documentText", async {
            let docs = self.0.docs.lock();
            Ok(docs
                .get(&params.text_document.uri)
                .map(|d| json!({"uri": params.text_document.uri, "version": d.version, "text": d.rope.to_string()})))
        })
        .await
    }

    /// `nianbao/debugPanic`: a request handler that panics, to prove that
    /// one failing request is answered with an error and nothing else dies.
    #[cfg(feature = "test-panic")]
    async fn debug_panic(&self) -> Result<Value> {
        fn boom() -> Result<Value> {
            panic!("nianbao/debugPanic requested")
        }
        guard::request("nianbao/debugPanic", async { boom() }).await
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DocumentTextParams {
    text_document: TextDocumentIdentifier,
}

fn capabilities(encoding: PositionEncodingKind) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(false) })),
            ..Default::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions::default()),
        document_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        inlay_hint_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_range_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::REFACTOR_REWRITE, actions::FIX_ALL]),
            resolve_provider: Some(true),
            ..Default::default()
        })),
        diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
            identifier: Some(diagnostics::SOURCE.to_string()),
            inter_file_dependencies: false,
            workspace_diagnostics: false,
            work_done_progress_options: Default::default(),
        })),
        ..Default::default()
    }
}

fn client_flags(caps: &ClientCapabilities) -> ClientFlags {
    let ws = caps.workspace.as_ref();
    ClientFlags {
        pull_diagnostics: caps.text_document.as_ref().is_some_and(|t| t.diagnostic.is_some()),
        // lsp-types 0.97 reads the spec's `workspace.diagnostics` as
        // `workspace.diagnostic`, so VS Code's refresh support is not seen.
        // Sending the refresh anyway was tried and made VS Code drop a later
        // pull now and then (editors/vscode e2e); its extension re-pulls
        // after a settings change by itself instead.
        diagnostic_refresh: ws.and_then(|w| w.diagnostic.as_ref()).and_then(|d| d.refresh_support).unwrap_or(false),
        configuration: ws.and_then(|w| w.configuration).unwrap_or(false),
        watch_files: ws
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
        resolve_edits: caps.text_document.as_ref().and_then(|t| t.code_action.as_ref()).is_some_and(|c| {
            c.data_support == Some(true)
                && c.resolve_support.as_ref().is_some_and(|r| r.properties.iter().any(|p| p == "edit"))
        }),
    }
}

#[allow(deprecated)] // root_uri and root_path: old clients send only these
fn workspace_roots(params: &InitializeParams) -> Vec<std::path::PathBuf> {
    let folders: Vec<_> = params.workspace_folders.iter().flatten().filter_map(|f| file_path(&f.uri)).collect();
    if !folders.is_empty() {
        return folders;
    }
    params
        .root_uri
        .as_ref()
        .and_then(file_path)
        .or_else(|| params.root_path.as_ref().map(std::path::PathBuf::from))
        .into_iter()
        .collect()
}

fn is_config_file(uri: &Uri) -> bool {
    uri.path().as_str().ends_with(&format!("/{}", crate::project::FILE_NAME))
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        guard::request("initialize", async {
            let offered = params.capabilities.general.as_ref().and_then(|g| g.position_encodings.as_deref());
            let (encoding, unit) = convert::negotiate(offered);
            let _ = self.0.unit.set(unit);
            let _ = self.0.flags.set(client_flags(&params.capabilities));
            self.0.settings.set_roots(workspace_roots(&params));
            if let Some(options) = &params.initialization_options {
                let problem = self.0.settings.set_init(options);
                self.0.early_problems.lock().unwrap_or_else(|e| e.into_inner()).push(problem);
            }
            tracing::info!("initialize: position encoding {}", encoding.as_str());
            Ok(InitializeResult {
                capabilities: capabilities(encoding),
                server_info: Some(ServerInfo {
                    name: "nianbao".to_string(),
                    version: Some(env!("CARGO_PKG_VERSION").to_string()),
                }),
            })
        })
        .await
    }

    async fn initialized(&self, _: InitializedParams) {
        guard::notification("initialized", async {
            let early = std::mem::take(&mut *self.0.early_problems.lock().unwrap_or_else(|e| e.into_inner()));
            self.0.report(early).await;
            let flags = self.0.flags();
            if flags.watch_files {
                let options = DidChangeWatchedFilesRegistrationOptions {
                    watchers: vec![FileSystemWatcher {
                        glob_pattern: GlobPattern::String(format!("**/{}", crate::project::FILE_NAME)),
                        kind: None,
                    }],
                };
                let registration = Registration {
                    id: "nianbao-config-watcher".to_string(),
                    method: "workspace/didChangeWatchedFiles".to_string(),
                    register_options: serde_json::to_value(options).ok(),
                };
                if let Err(e) = self.0.client.register_capability(vec![registration]).await {
                    tracing::warn!("could not watch {}: {}", crate::project::FILE_NAME, e.message);
                }
            }
            if flags.configuration {
                self.0.pull_configuration().await;
                self.0.recheck_all().await;
            }
        })
        .await
    }

    async fn shutdown(&self) -> Result<()> {
        self.0.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        guard::notification("textDocument/didOpen", async {
            let d = params.text_document;
            let generation = self.0.docs.open(d.uri.clone(), d.language_id, &d.text, d.version);
            diagnostics::schedule(&self.0, d.uri, generation, Duration::ZERO);
        })
        .await
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        guard::notification("textDocument/didChange", async {
            // no await before this line: see documents.rs
            let uri = params.text_document.uri;
            let applied =
                self.0.docs.change(&uri, params.text_document.version, &params.content_changes, self.0.unit());
            match applied {
                Some((generation, delay)) => diagnostics::schedule(&self.0, uri, generation, delay),
                None => tracing::warn!("didChange for a document that is not open: {}", uri.as_str()),
            }
        })
        .await
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        guard::notification("textDocument/didSave", async {
            // a report saved in place leaves its folder's time alone
            self.0.last_years.forget_folders();
            if is_config_file(&params.text_document.uri) {
                self.0.recheck_all().await;
            }
        })
        .await
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        guard::notification("textDocument/didClose", async {
            let uri = params.text_document.uri;
            let Some(closed) = self.0.docs.close(&uri) else { return };
            // this year's report compared with the editor's text of last
            // year's: now it compares with the file
            let id = closed.snapshot.as_ref().and_then(|s| s.identity.clone());
            self.0.recheck_dependents(&uri, id.as_ref());
            if closed.published {
                self.0.clear_diagnostics(uri).await;
            }
        })
        .await
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        guard::notification("workspace/didChangeConfiguration", async {
            let empty = params.settings.is_null() || params.settings.as_object().is_some_and(|o| o.is_empty());
            if empty && self.0.flags().configuration {
                self.0.pull_configuration().await;
            } else {
                let problem = self.0.settings.set_editor(&params.settings);
                let failed = problem.message.is_some();
                self.0.report(vec![problem]).await;
                if failed {
                    return;
                }
            }
            self.0.recheck_all().await;
        })
        .await
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        guard::notification("workspace/didChangeWatchedFiles", async {
            if params.changes.iter().any(|c| is_config_file(&c.uri)) {
                self.0.recheck_all().await;
            }
        })
        .await
    }

    async fn diagnostic(&self, params: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        guard::request("textDocument/diagnostic", async {
            let items =
                self.with_snapshot(&params.text_document.uri, diagnostics::diagnostics).await?.unwrap_or_default();
            Ok(DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
                RelatedFullDocumentDiagnosticReport {
                    related_documents: None,
                    full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: None, items },
                },
            )))
        })
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        guard::request("textDocument/codeAction", async {
            let only = params.context.only.clone();
            let lazy = self.0.flags().resolve_edits;
            let found = self
                .with_snapshot(&params.text_document.uri, |s, unit| {
                    actions::code_actions(s, unit, params.range, only.as_deref(), lazy)
                })
                .await?;
            Ok(found.filter(|a| !a.is_empty()))
        })
        .await
    }

    async fn code_action_resolve(&self, mut action: CodeAction) -> Result<CodeAction> {
        guard::request("codeAction/resolve", async {
            // an action that came complete (or not from us) resolves to itself
            let Some(data) = action.data.take() else { return Ok(action) };
            let Ok(data) = serde_json::from_value::<actions::ResolveData>(data) else {
                return Err(Error::invalid_params("codeAction/resolve: 无法识别的 data"));
            };
            let edit = self
                .with_snapshot(&data.uri, |s, unit| {
                    // indices belong to the version the action was offered on
                    if s.version != data.version {
                        return None;
                    }
                    actions::deferred_edits(s, data.what).map(|e| actions::workspace_edit(s, &s.conv(unit), &e))
                })
                .await?
                .flatten();
            match edit {
                Some(e) => {
                    action.edit = Some(e);
                    Ok(action)
                }
                None => Err(Error {
                    code: ErrorCode::ContentModified,
                    message: "文档已修改，请重新获取修复".into(),
                    data: None,
                }),
            }
        })
        .await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        guard::request("textDocument/hover", async {
            let p = params.text_document_position_params;
            Ok(self.with_view(&p.text_document.uri, |v| hover::hover_in(v, p.position)).await?.flatten())
        })
        .await
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        guard::request("textDocument/documentSymbol", async {
            let found = self.with_view(&params.text_document.uri, symbols::document_symbols).await?;
            Ok(found.map(DocumentSymbolResponse::Nested))
        })
        .await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        guard::request("textDocument/foldingRange", async {
            self.with_view(&params.text_document.uri, symbols::folding_ranges).await
        })
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        guard::request("textDocument/completion", async {
            let p = params.text_document_position;
            let items =
                self.with_snapshot(&p.text_document.uri, |s, unit| completion::completion(s, unit, p.position)).await?;
            Ok(items.filter(|i| !i.is_empty()).map(CompletionResponse::Array))
        })
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        guard::request("textDocument/inlayHint", async {
            self.with_snapshot(&params.text_document.uri, |s, unit| hover::inlay_hints(s, unit, params.range)).await
        })
        .await
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        guard::request("textDocument/formatting", async {
            self.with_snapshot(&params.text_document.uri, |s, unit| format::format(s, unit, None)).await
        })
        .await
    }

    async fn range_formatting(&self, params: DocumentRangeFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        guard::request("textDocument/rangeFormatting", async {
            let range = params.range;
            self.with_snapshot(&params.text_document.uri, |s, unit| format::format(s, unit, Some(range))).await
        })
        .await
    }
}

/// Serve on stdio (`output`: [`super::stdio::stdout`]) until `exit` or end
/// of input; whether `shutdown` came first.
pub async fn serve(output: impl tokio::io::AsyncWrite + Unpin, direct: Option<super::stdio::Outlet>) -> bool {
    serve_with(super::stdio::stdin(), output, direct).await
}

/// The same server over any byte stream pair carrying Content-Length
/// frames, so other transports (a WebSocket bridge) run this exact code.
pub async fn serve_over(
    input: impl tokio::io::AsyncRead + Unpin + Send + 'static,
    output: impl tokio::io::AsyncWrite + Unpin,
) -> bool {
    serve_with(input, output, None).await
}

async fn serve_with(
    input: impl tokio::io::AsyncRead + Unpin + Send + 'static,
    output: impl tokio::io::AsyncWrite + Unpin,
    direct: Option<super::stdio::Outlet>,
) -> bool {
    let builder = LspService::build(move |client| Backend::new(client, direct))
        .custom_method("nianbao/documentText", Backend::document_text);
    #[cfg(feature = "test-panic")]
    let builder = builder.custom_method("nianbao/debugPanic", Backend::debug_panic);
    let (service, socket) = builder.finish();
    let shared = service.inner().0.clone();
    // input goes through the framing guard: a single malformed frame would
    // otherwise end the transport's read loop, and the server with it.
    Server::new(super::frames::guarded(input), output, socket).serve(service).await;
    shared.shutdown.load(Ordering::SeqCst)
}

#[cfg(test)]
mod tests {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    fn frame(body: &serde_json::Value) -> Vec<u8> {
        let body = body.to_string();
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    /// Reads frames until one has `method`; its params.
    /// Requests from the server (workspace/configuration) get a null reply.
    async fn wait_for(
        input: &mut tokio::io::DuplexStream,
        out: &mut tokio::io::DuplexStream,
        method: &str,
    ) -> serde_json::Value {
        let mut buf = Vec::new();
        let mut chunk = [0u8; 8192];
        loop {
            while let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                let header = std::str::from_utf8(&buf[..end]).unwrap();
                let len: usize = header.trim_start_matches("Content-Length: ").trim().parse().unwrap();
                if buf.len() < end + 4 + len {
                    break;
                }
                let msg: serde_json::Value = serde_json::from_slice(&buf[end + 4..end + 4 + len]).unwrap();
                buf.drain(..end + 4 + len);
                if msg["method"] == method || (method == "initialize" && msg["id"] == 1) {
                    return msg["params"].clone();
                }
                if msg.get("id").is_some() && msg.get("method").is_some() {
                    let reply = serde_json::json!({"jsonrpc":"2.0","id":msg["id"],"result":null});
                    input.write_all(&frame(&reply)).await.unwrap();
                }
            }
            let n = out.read(&mut chunk).await.unwrap();
            assert!(n > 0, "server closed before {method}");
            buf.extend_from_slice(&chunk[..n]);
        }
    }

    /// The generalized transport: a pair of in-memory pipes get the same
    /// initialize → didOpen → publishDiagnostics as stdio does.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn serves_over_any_stream_pair() {
        let (mut client_in, server_in) = tokio::io::duplex(1 << 16);
        let (server_out, mut client_out) = tokio::io::duplex(1 << 16);
        let server = tokio::spawn(super::serve_over(server_in, server_out));
        let draft =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/xiaye-2025-draft.txt")).unwrap();
        let messages = [
            serde_json::json!({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}),
            serde_json::json!({"jsonrpc":"2.0","method":"initialized","params":{}}),
            serde_json::json!({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{
                "uri":"file:///draft.txt","languageId":"plaintext","version":1,"text":draft}}}),
        ];
        // the server handles messages concurrently: initialized must follow
        // the initialize response, as a real client does
        client_in.write_all(&frame(&messages[0])).await.unwrap();
        wait_for(&mut client_in, &mut client_out, "initialize").await;
        for m in &messages[1..] {
            client_in.write_all(&frame(m)).await.unwrap();
        }
        let params = tokio::time::timeout(
            std::time::Duration::from_secs(20),
            wait_for(&mut client_in, &mut client_out, "textDocument/publishDiagnostics"),
        )
        .await
        .expect("no diagnostics within 20 s");
        assert_eq!(params["uri"], "file:///draft.txt");
        assert!(params["diagnostics"].as_array().unwrap().len() >= 20, "{params}");
        drop(client_in);
        let clean = server.await.unwrap();
        assert!(!clean, "input ended without shutdown");
    }
}
