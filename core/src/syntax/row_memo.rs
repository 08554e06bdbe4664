//! Table rows split before, kept for the next parse of the same document.
//!
//! Whether a line is a table row, and its cells, depend on the line's text
//! alone ([`super::table::split_row`]); splitting the rows of a report's
//! three tables is a fifth of an analysis of a small draft. A front end that
//! analyses version after version of one document keeps a [`RowMemo`], and
//! a row whose line is unchanged is copied from it, its spans moved to where
//! the line now starts, with the label cores of its cells already reduced.
//! A line that is no row is kept too, as the answer "no row": rejecting a
//! long line of prose scans all of it, and most lines of a report are prose.
//!
//! Only the last parse's rows are kept, so the memo is bounded by one
//! document's tables.

use super::bytes::ByHash;
use super::table::{Row, TableStyle};
use crate::span::Span;

struct Entry {
    line: Box<str>,
    /// `None` for a line that is no row; spans relative to the line's start.
    row: Option<(TableStyle, Row)>,
}

impl Entry {
    fn at(&self, start: usize) -> Option<(TableStyle, Row)> {
        self.row.as_ref().map(|(style, row)| (*style, moved(row, 0, start)))
    }
}

/// See the module documentation.
#[derive(Default)]
pub struct RowMemo {
    old: ByHash<Vec<Entry>>,
    new: ByHash<Vec<Entry>>,
}

fn hash(line: &str) -> u64 {
    super::bytes::hash(line.as_bytes())
}

fn moved(row: &Row, from: usize, to: usize) -> Row {
    let shift = |s: Span| Span::new(s.start - from + to, s.end - from + to);
    let mut r = row.clone();
    r.span = shift(r.span);
    for c in &mut r.cells {
        c.span = shift(c.span);
    }
    r
}

impl RowMemo {
    /// Rows kept (for tests and measurements); lines kept as no row are not counted.
    pub fn len(&self) -> usize {
        self.old.values().flatten().filter(|e| e.row.is_some()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// [`super::table::split_row`] of the line `line` of `text`, copied when
    /// the last parse split the same line.
    pub(super) fn split_row(&mut self, text: &str, line: Span) -> Option<(TableStyle, Row)> {
        let own = line.slice(text);
        let h = hash(own);
        let found = self.old.get_mut(&h).and_then(|v| v.iter().position(|e| *e.line == *own).map(|i| v.swap_remove(i)));
        if let Some(e) = found {
            let out = e.at(line.start);
            self.new.entry(h).or_default().push(e);
            return out;
        }
        if let Some(e) = self.new.get(&h).and_then(|v| v.iter().find(|e| *e.line == *own)) {
            return e.at(line.start);
        }
        let Some((style, row)) = super::table::split_row(text, line) else {
            self.new.entry(h).or_default().push(Entry { line: own.into(), row: None });
            return None;
        };
        // the label cores and vocabularies identifying and mapping the
        // table will ask for (`Cell::core`, `Cell::vocabulary`), computed
        // now so that the kept row carries them and a copied row never
        // computes them again
        for c in row.cells.iter().filter(|c| !c.value.is_data_like()) {
            c.vocabulary(text);
        }
        // a row reaches only into its own line; anything else is not kept
        if row.span.start >= line.start
            && row.cells.iter().all(|c| c.span.start >= line.start && c.span.end <= line.end)
        {
            let rel = moved(&row, line.start, 0);
            self.new.entry(h).or_default().push(Entry { line: own.into(), row: Some((style, rel)) });
        }
        Some((style, row))
    }

    /// End of a parse: the rows it did not see again are dropped.
    pub(super) fn finish(&mut self) {
        // the tables keep their capacity: growing them again on every
        // analysis rehashed each entry several times
        std::mem::swap(&mut self.old, &mut self.new);
        self.new.clear();
    }
}
