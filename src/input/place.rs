//! Where a piece of the converted text came from in the original document.

use std::fmt;

/// A place a clerk can find in Word or in the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The Nth non-empty paragraph outside the data tables (1-based).
    Paragraph(usize),
    /// Table M (1-based, in document order, data tables only), row r and
    /// grid column c: merged cells count every column they cover, so c is
    /// the TAB column of the converted row.
    Cell { table: usize, row: usize, col: usize },
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Place::Paragraph(n) => write!(f, "段落 {n}"),
            Place::Cell { table, row, col } => write!(f, "表 {table} 第 {row} 行第 {col} 列"),
        }
    }
}

/// Byte offsets of the converted text where a new place begins, ascending.
/// An offset belongs to the last place that starts at or before it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    starts: Vec<(usize, Place)>,
}

impl SourceMap {
    pub(super) fn push(&mut self, offset: usize, place: Place) {
        // Two places starting at one offset (an empty cell): the later wins,
        // so lookups stay a binary search over strictly ascending offsets.
        if let Some(last) = self.starts.last_mut()
            && last.0 == offset
        {
            last.1 = place;
            return;
        }
        debug_assert!(self.starts.last().is_none_or(|l| l.0 < offset));
        self.starts.push((offset, place));
    }

    /// The place the byte at `offset` came from; `None` before the first
    /// place (never, for text this crate converted) or for an empty map.
    pub fn place(&self, offset: usize) -> Option<Place> {
        let i = self.starts.partition_point(|(s, _)| *s <= offset);
        i.checked_sub(1).map(|i| self.starts[i].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_the_last_place_started() {
        let mut m = SourceMap::default();
        m.push(0, Place::Paragraph(1));
        m.push(10, Place::Cell { table: 1, row: 1, col: 1 });
        m.push(10, Place::Cell { table: 1, row: 1, col: 2 });
        m.push(12, Place::Cell { table: 1, row: 1, col: 3 });
        assert_eq!(m.place(0), Some(Place::Paragraph(1)));
        assert_eq!(m.place(9), Some(Place::Paragraph(1)));
        assert_eq!(m.place(11).unwrap().to_string(), "表 1 第 1 行第 2 列");
        assert_eq!(m.place(500).unwrap().to_string(), "表 1 第 1 行第 3 列");
        assert_eq!(SourceMap::default().place(3), None);
    }
}
