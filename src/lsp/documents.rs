//! Open documents as ropes, edited in place by incremental `didChange`.
//!
//! Edits are applied synchronously by the notification handler before it
//! first awaits: tower-lsp-server runs up to four handlers at once, so any
//! await before the edit would let a later change overtake an earlier one.

use super::config::Problem;
use super::snapshot::Snapshot;
use super::view::{Change, MAX_CHANGES};
use futures::future::{BoxFuture, Shared};
use nianbao_core::ColumnUnit;
use nianbao_core::Memo;
use nianbao_core::text_edit::{Pos, apply_lsp_edit, char_index};
use ropey::Rope;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::Duration;
use tower_lsp_server::UriExt;
use tower_lsp_server::lsp_types::{Position, TextDocumentContentChangeEvent, Uri};

/// What kind of text a document holds, as far as the server cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Markdown,
    Plain,
    /// Anything else: the server leaves it alone.
    Other,
}

impl DocKind {
    pub fn of(uri: &Uri, language_id: &str) -> DocKind {
        let path = uri.path().as_str().to_ascii_lowercase();
        match language_id {
            "markdown" => DocKind::Markdown,
            "plaintext" | "text" => DocKind::Plain,
            _ if path.ends_with(".md") || path.ends_with(".markdown") => DocKind::Markdown,
            _ if path.ends_with(".txt") => DocKind::Plain,
            _ => DocKind::Other,
        }
    }
}

pub struct Document {
    pub language_id: String,
    pub rope: Rope,
    pub version: i32,
    /// Bumped on every edit and on configuration changes; results computed
    /// for an older generation are stale.
    pub generation: u64,
    /// The newest finished analysis.
    pub snapshot: Option<Arc<Snapshot>>,
    /// The changes made since `snapshot`'s text, oldest first, each with
    /// the generation it made: requests that need no current analysis
    /// answer from the snapshot through them (view.rs).
    pub changes: Vec<(u64, Change)>,
    /// The one analysis running for the current generation, if any: the
    /// publisher and every request wait for it instead of starting their own.
    pub inflight: Option<Inflight>,
    /// A publisher is scheduled for the current generation: it will want
    /// this generation's analysis, so cancelled requests must not stop it.
    pub publish_pending: bool,
    /// Whether the last diagnostics pushed for it were non-empty.
    pub published: bool,
    pub debounce: Duration,
    /// What the last analysis split and read, which the next one copies
    /// where an edit did not change it (`nianbao_core::Memo`). Only for
    /// documents being edited: made on the first change, and dropped again
    /// from all but the [`MEMOS`] most recently edited (a workspace of open
    /// reports would otherwise hold a memo for each).
    pub memo: Option<Arc<Mutex<Memo>>>,
    /// The generation of the last edit, which decides whose memo goes.
    pub edited: u64,
}

/// Documents that keep a memo at once.
pub const MEMOS: usize = 4;

/// How an analysis ended, as every waiter sees it.
#[derive(Clone)]
pub enum Outcome {
    Done(Arc<Snapshot>, Option<Problem>),
    /// Abandoned: a newer generation arrived, the document closed, or every
    /// waiter went away (cancelled requests).
    Stopped,
    /// The analysis panicked.
    Failed,
}

/// The analysis in progress for one generation of a document.
pub struct Inflight {
    pub generation: u64,
    /// Set when the generation is superseded; the analysis stops at its next check.
    pub superseded: Arc<AtomicBool>,
    /// Each waiter holds a strong reference while it waits; when the last
    /// one is dropped (its request cancelled), the analysis stops. The slot
    /// and the analysis keep only weak ones.
    pub interest: Weak<()>,
    pub outcome: Shared<BoxFuture<'static, Outcome>>,
}

impl Document {
    /// The generation changed (or the document closed): whatever runs for
    /// the old one is of no use.
    fn supersede(&mut self) {
        if let Some(f) = self.inflight.take() {
            f.superseded.store(true, Ordering::Relaxed);
        }
    }
}

#[derive(Default)]
pub struct Documents {
    map: Mutex<HashMap<Uri, Document>>,
    generations: AtomicU64,
}

impl Documents {
    /// A panic while the lock was held must not take every later request
    /// down with it; the map itself is always left consistent.
    pub fn lock(&self) -> MutexGuard<'_, HashMap<Uri, Document>> {
        self.map.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn next_generation(&self) -> u64 {
        self.generations.fetch_add(1, Ordering::Relaxed) + 1
    }

    pub fn open(&self, uri: Uri, language_id: String, text: &str, version: i32) -> u64 {
        let generation = self.next_generation();
        let doc = Document {
            language_id,
            rope: Rope::from_str(text),
            version,
            generation,
            snapshot: None,
            changes: Vec::new(),
            inflight: None,
            publish_pending: false,
            published: false,
            debounce: Duration::from_millis(crate::project::LspSettings::default().debounce_ms),
            memo: None,
            edited: 0,
        };
        if let Some(mut old) = self.lock().insert(uri, doc) {
            old.supersede();
        }
        generation
    }

    /// Apply the changes in order; the new generation and the delay before
    /// diagnostics, or `None` for a document that is not open.
    pub fn change(
        &self,
        uri: &Uri,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        unit: ColumnUnit,
    ) -> Option<(u64, Duration)> {
        let generation = self.next_generation();
        let mut docs = self.lock();
        let doc = docs.get_mut(uri)?;
        for c in changes {
            let change = match c.range {
                Some(r) => {
                    // the bytes the edit replaces, as apply_lsp_edit finds them
                    let a = char_index(&doc.rope, pos(r.start), unit);
                    let b = char_index(&doc.rope, pos(r.end), unit);
                    let (a, b) = (doc.rope.char_to_byte(a.min(b)), doc.rope.char_to_byte(a.max(b)));
                    apply_lsp_edit(&mut doc.rope, pos(r.start), pos(r.end), unit, &c.text);
                    Change { start: a, old_end: b, new_len: c.text.len() }
                }
                None => {
                    doc.rope = Rope::from_str(&c.text);
                    Change::EVERYTHING
                }
            };
            if doc.snapshot.is_some() {
                // too many to follow: the snapshot no longer maps at all
                let change = if doc.changes.len() >= MAX_CHANGES {
                    doc.changes.clear();
                    Change::EVERYTHING
                } else {
                    change
                };
                doc.changes.push((generation, change));
            }
        }
        doc.version = version;
        doc.generation = generation;
        doc.supersede();
        doc.edited = generation;
        let debounce = doc.debounce;
        if doc.memo.is_none() {
            doc.memo = Some(Arc::default());
            // the least recently edited beyond MEMOS lose theirs
            let mut with: Vec<(u64, &mut Document)> =
                docs.values_mut().filter(|d| d.memo.is_some()).map(|d| (d.edited, d)).collect();
            if with.len() > MEMOS {
                with.sort_by_key(|(e, _)| std::cmp::Reverse(*e));
                for (_, d) in with.into_iter().skip(MEMOS) {
                    d.memo = None;
                }
            }
        }
        Some((generation, debounce))
    }

    pub fn close(&self, uri: &Uri) -> Option<Document> {
        let mut doc = self.lock().remove(uri)?;
        doc.supersede();
        Some(doc)
    }

    /// Whether anyone still wants generation `generation` of `uri` analysed
    /// apart from the requests waiting for it: it is current and its
    /// diagnostics are still to be published.
    pub fn publish_pending(&self, uri: &Uri, generation: u64) -> bool {
        self.lock().get(uri).is_some_and(|d| d.generation == generation && d.publish_pending)
    }

    /// Record whether a publisher for `generation` is pending (ignored once
    /// the document has moved on).
    pub fn set_publish_pending(&self, uri: &Uri, generation: u64, pending: bool) {
        if let Some(d) = self.lock().get_mut(uri).filter(|d| d.generation == generation) {
            d.publish_pending = pending;
        }
    }

    pub fn generation(&self, uri: &Uri) -> Option<u64> {
        self.lock().get(uri).map(|d| d.generation)
    }

    /// Invalidate one document whose text did not change (what it is
    /// compared with did); its new generation and debounce.
    pub fn touch(&self, uri: &Uri) -> Option<(u64, Duration)> {
        let generation = self.next_generation();
        let mut docs = self.lock();
        let d = docs.get_mut(uri)?;
        d.generation = generation;
        d.supersede();
        Some((generation, d.debounce))
    }

    /// Invalidate every document (configuration changed); their new
    /// generations.
    pub fn touch_all(&self) -> Vec<(Uri, u64)> {
        let mut docs = self.lock();
        let uris: Vec<Uri> = docs.keys().cloned().collect();
        uris.into_iter()
            .map(|u| {
                let g = self.next_generation();
                if let Some(d) = docs.get_mut(&u) {
                    d.generation = g;
                    d.supersede();
                }
                (u, g)
            })
            .collect()
    }
}

/// The file a URI names, for `file:` URIs.
pub fn file_path(uri: &Uri) -> Option<std::path::PathBuf> {
    if uri.scheme().is_none_or(|s| !s.as_str().eq_ignore_ascii_case("file")) {
        return None;
    }
    uri.to_file_path().map(std::borrow::Cow::into_owned)
}

/// The library's position (free of LSP types) for an LSP one.
pub fn pos(p: Position) -> Pos {
    Pos::new(p.line as usize, p.character as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn only_the_most_recently_edited_documents_keep_a_memo() {
        let docs = Documents::default();
        let uri = |i: usize| Uri::from_str(&format!("file:///r/{i}.txt")).unwrap();
        let edit = |i: usize| {
            let change = TextDocumentContentChangeEvent { range: None, range_length: None, text: format!("第{i}版") };
            docs.change(&uri(i), 2, &[change], ColumnUnit::Utf16).unwrap();
        };
        for i in 0..8 {
            docs.open(uri(i), "plaintext".into(), "年报", 1);
        }
        // opened and analysed only: no memo
        assert!(docs.lock().values().all(|d| d.memo.is_none()));
        let kept = || -> Vec<usize> {
            let d = docs.lock();
            (0..8).filter(|&i| d[&uri(i)].memo.is_some()).collect()
        };
        // 0–3 get one each; 4 takes 0's, 5 takes 1's; 1 edited again gets
        // one back and 2, now the least recently edited, loses its own
        for i in [0, 1, 2, 3, 4, 5, 1] {
            edit(i);
        }
        assert_eq!(kept(), [1, 3, 4, 5]);
        // editing a document that has one drops nobody's
        edit(4);
        assert_eq!(kept(), [1, 3, 4, 5]);
        edit(0);
        assert_eq!(kept(), [0, 1, 4, 5]);
        assert_eq!(kept().len(), MEMOS);
    }
}
