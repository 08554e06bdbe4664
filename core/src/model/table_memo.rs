//! Mapped tables kept for the next analysis of the same document.
//!
//! Mapping a table onto its standard one (`tables::map_two`, `map_three_with`,
//! `map_four`) was a quarter of an edit's analysis of a small draft, and
//! an edit in one table, or in the prose, leaves the other tables as they
//! were. A mapping reads only its parts' rows and cells and the lines
//! between and right after them ([`tables::reach`]), so it depends on that
//! stretch of text and on how the parse cut it into parts, rows and cells —
//! not on where it stands. A table whose stretch, cut and year format are
//! those of the last analysis is copied, moved to where it now starts.
//!
//! One table per standard table is kept, the last analysis' (bounded by the
//! document's tables); `labels` keeps table 三's label answers as before.

use super::sections::TableId;
use super::tables::{self, MappedTable, T3Labels};
use crate::config::FormatVersion;
use crate::syntax::Table;

/// See the module documentation.
#[derive(Default)]
pub struct TableMemo {
    kept: Vec<Kept>,
    fresh: Vec<Kept>,
    pub(crate) labels: T3Labels,
}

struct Kept {
    id: TableId,
    year_version: Option<FormatVersion>,
    /// The stretch of text the mapping read. One that ran to the end of the
    /// document needs no mark: with text after it, the same scan reads on,
    /// and the stretch is longer.
    region: Box<str>,
    /// The parts, rows and cells, relative to the stretch ([`shape`]).
    shape: Vec<usize>,
    /// Spans relative to the stretch's start.
    table: MappedTable,
}

/// How the parse cut the stretch from `start`: every part's, row's and
/// cell's place and kind. A cell's value is its text's (`parse_cell`), so
/// the places and the text fix everything a mapping reads.
fn shape(parts: &[&Table], start: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for p in parts {
        out.extend([usize::MAX, p.span.start - start, p.span.end - start, p.style as usize, p.rows.len()]);
        for r in &p.rows {
            out.extend([r.span.start - start, r.span.end - start, usize::from(r.separator), r.cells.len()]);
            for c in &r.cells {
                out.extend([c.span.start - start, c.span.end - start, c.index]);
            }
        }
    }
    out
}

impl TableMemo {
    /// `map` of the table `id` assembled from `parts`, copied when the last
    /// analysis mapped the same stretch cut the same way.
    pub(crate) fn map(
        &mut self,
        text: &str,
        id: TableId,
        parts: &[&Table],
        year_version: Option<FormatVersion>,
        map: impl FnOnce(&mut T3Labels) -> MappedTable,
    ) -> MappedTable {
        let Some(start) = parts.iter().map(|p| p.span.start).min() else {
            return map(&mut self.labels);
        };
        let end = parts.iter().map(|p| p.span.end).max().unwrap_or(start).max(tables::reach(text, parts));
        let region = &text[start..end];
        let shape = shape(parts, start);
        let same = |k: &Kept| k.id == id && k.year_version == year_version && *k.region == *region && k.shape == shape;
        if let Some(i) = self.kept.iter().position(same) {
            let k = self.kept.swap_remove(i);
            let out = k.table.moved(0, start);
            self.fresh.push(k);
            return out;
        }
        let table = map(&mut self.labels);
        let kept = table.moved(start, 0);
        self.fresh.push(Kept { id, year_version, region: region.into(), shape, table: kept });
        table
    }

    /// End of an analysis: the tables it did not map are dropped.
    pub(crate) fn finish(&mut self) {
        std::mem::swap(&mut self.kept, &mut self.fresh);
        self.fresh.clear();
        self.labels.finish();
    }

    /// Tables kept (for tests and measurements).
    pub fn len(&self) -> usize {
        self.kept.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }
}
