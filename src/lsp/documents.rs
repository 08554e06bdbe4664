//! Open documents as ropes, edited in place by incremental `didChange`.
//!
//! Edits are applied synchronously by the notification handler before it
//! first awaits: tower-lsp-server runs up to four handlers at once, so any
//! await before the edit would let a later change overtake an earlier one.

use super::snapshot::Snapshot;
use nianbao::ColumnUnit;
use ropey::{Rope, RopeSlice};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
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
    pub snapshot: Option<Arc<Snapshot>>,
    /// Whether the last diagnostics pushed for it were non-empty.
    pub published: bool,
    pub debounce: Duration,
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
            published: false,
            debounce: Duration::from_millis(nianbao::config::LspSettings::default().debounce_ms),
        };
        self.lock().insert(uri, doc);
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
            match c.range {
                Some(r) => {
                    let a = char_index(&doc.rope, r.start, unit);
                    let b = char_index(&doc.rope, r.end, unit);
                    let (a, b) = (a.min(b), a.max(b));
                    doc.rope.remove(a..b);
                    doc.rope.insert(a, &c.text);
                }
                None => doc.rope = Rope::from_str(&c.text),
            }
        }
        doc.version = version;
        doc.generation = generation;
        Some((generation, doc.debounce))
    }

    pub fn close(&self, uri: &Uri) -> Option<Document> {
        self.lock().remove(uri)
    }

    pub fn generation(&self, uri: &Uri) -> Option<u64> {
        self.lock().get(uri).map(|d| d.generation)
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

/// Chars of a line without its line break (`\n`, `\r\n` or `\r`).
fn content_chars(line: RopeSlice) -> usize {
    let n = line.len_chars();
    match (n.checked_sub(2).map(|i| line.char(i)), n.checked_sub(1).map(|i| line.char(i))) {
        (Some('\r'), Some('\n')) => n - 2,
        (_, Some('\n' | '\r')) => n - 1,
        _ => n,
    }
}

/// The char index of a position. Lines past the end clamp to the end of the
/// text, columns past a line's end clamp to the end of its content, and a
/// column inside a character (half a surrogate pair) moves to its start —
/// the same rules as `LineIndex::offset`.
pub fn char_index(rope: &Rope, pos: Position, unit: ColumnUnit) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(line);
    let content = rope.line(line).slice(..content_chars(rope.line(line)));
    let col = pos.character as usize;
    let within = match unit {
        ColumnUnit::Utf16 if col < content.len_utf16_cu() => content.utf16_cu_to_char(col),
        ColumnUnit::Utf8 if col < content.len_bytes() => content.byte_to_char(col),
        ColumnUnit::Scalar if col < content.len_chars() => col,
        _ => content.len_chars(),
    };
    start + within
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao::LineIndex;

    #[test]
    fn char_index_agrees_with_line_index() {
        let text = "一𠮷二\r\n\r三\u{2028}四\n\nab";
        let rope = Rope::from_str(text);
        let index = LineIndex::new(text);
        assert_eq!(rope.len_lines(), index.line_count());
        for unit in [ColumnUnit::Utf16, ColumnUnit::Utf8] {
            for line in 0..index.line_count() + 1 {
                for col in 0..12 {
                    let byte = index.offset(text, line, col, unit);
                    let ch = char_index(&rope, Position::new(line as u32, col as u32), unit);
                    assert_eq!(rope.char_to_byte(ch), byte, "{unit:?} {line}:{col}");
                }
            }
        }
    }
}
