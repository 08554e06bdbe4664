//! The newest finished snapshot seen from the current text. While a newer
//! version is being analysed (a 50 MB paste takes seconds), hover, the
//! outline and folding answer from the last finished analysis instead of
//! waiting for it: positions in the current text are mapped back through
//! the edits made since, and the answer's ranges forward. A position in
//! text the snapshot has not seen (inside an edit) has no answer.

use super::snapshot::Snapshot;
use nianbao_core::ColumnUnit;
use nianbao_core::text_edit::{Pos, char_index};
use ropey::Rope;
use std::sync::Arc;
use tower_lsp_server::lsp_types::{Position, Range};

/// One applied change, in bytes of the text it was applied to: the bytes
/// `start..old_end` were replaced by `new_len` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub start: usize,
    pub old_end: usize,
    pub new_len: usize,
}

impl Change {
    /// The whole text replaced (or too many changes to follow): no
    /// position maps across it.
    pub const EVERYTHING: Change = Change { start: 0, old_end: usize::MAX, new_len: usize::MAX };

    /// A position after the change, before it; `None` inside the new text.
    fn back(self, offset: usize) -> Option<usize> {
        if offset < self.start {
            Some(offset)
        } else if offset >= self.start.saturating_add(self.new_len) && self.new_len != usize::MAX {
            Some(offset - self.new_len + (self.old_end - self.start))
        } else {
            None
        }
    }

    /// A position before the change, after it; a position in the replaced
    /// text goes to the start of the new text (range starts) or its end. A
    /// range ending where text was inserted does not take the insertion in.
    fn forward(self, offset: usize, end: bool) -> Option<usize> {
        if self.old_end == usize::MAX {
            None
        } else if offset < self.start || (end && offset == self.start) {
            Some(offset)
        } else if offset >= self.old_end {
            Some(offset - (self.old_end - self.start) + self.new_len)
        } else {
            Some(if end { self.start + self.new_len } else { self.start })
        }
    }
}

/// Changes followed since a snapshot; past it the snapshot maps nowhere.
pub const MAX_CHANGES: usize = 10_000;

/// A snapshot and how the current text differs from it.
pub struct View {
    pub snap: Arc<Snapshot>,
    pub unit: ColumnUnit,
    /// `None`: the snapshot is of the current text.
    pub since: Option<(Rope, Vec<Change>)>,
}

impl View {
    pub fn current(snap: Arc<Snapshot>, unit: ColumnUnit) -> View {
        View { snap, unit, since: None }
    }

    /// A byte offset of the current text in the snapshot's text.
    pub fn back(&self, offset: usize) -> Option<usize> {
        let Some((_, changes)) = &self.since else { return Some(offset) };
        changes.iter().rev().try_fold(offset, |o, c| c.back(o))
    }

    /// A byte offset of the snapshot's text in the current text.
    pub fn forward(&self, offset: usize, end: bool) -> Option<usize> {
        let Some((_, changes)) = &self.since else { return Some(offset) };
        changes.iter().try_fold(offset, |o, c| c.forward(o, end))
    }

    /// A position of the current text as a position of the snapshot's.
    pub fn position_back(&self, pos: Position) -> Option<Position> {
        let Some((rope, _)) = &self.since else { return Some(pos) };
        let ch = char_index(rope, Pos::new(pos.line as usize, pos.character as usize), self.unit);
        let offset = self.back(rope.char_to_byte(ch))?;
        Some(self.snap.conv(self.unit).position(offset))
    }

    /// A range of the snapshot's text as a range of the current text.
    pub fn range_forward(&self, range: Range) -> Option<Range> {
        let Some((rope, _)) = &self.since else { return Some(range) };
        let conv = self.snap.conv(self.unit);
        let start = self.forward(conv.offset(range.start), false)?;
        let end = self.forward(conv.offset(range.end), true)?.max(start);
        Some(Range::new(rope_position(rope, start, self.unit), rope_position(rope, end, self.unit)))
    }

    /// The line of the current text a byte offset of the snapshot's falls on.
    pub fn line_forward(&self, offset: usize, end: bool) -> Option<u32> {
        match &self.since {
            None => Some(self.snap.index.line_of(offset) as u32),
            Some((rope, _)) => {
                let o = self.forward(offset, end)?.min(rope.len_bytes());
                Some(rope.byte_to_line(o) as u32)
            }
        }
    }
}

/// The LSP position of a byte offset of a rope.
fn rope_position(rope: &Rope, offset: usize, unit: ColumnUnit) -> Position {
    let offset = offset.min(rope.len_bytes());
    let ch = rope.byte_to_char(offset);
    let line = rope.char_to_line(ch);
    let line_char = rope.line_to_char(line);
    let col = match unit {
        ColumnUnit::Utf8 => offset - rope.line_to_byte(line),
        ColumnUnit::Utf16 => rope.char_to_utf16_cu(ch) - rope.char_to_utf16_cu(line_char),
        ColumnUnit::Scalar => ch - line_char,
    };
    Position::new(line as u32, col as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(changes: &[Change], offset: usize) -> (Option<usize>, Option<usize>) {
        let back = changes.iter().rev().try_fold(offset, |o, c| c.back(o));
        let forward = changes.iter().try_fold(offset, |o, c| c.forward(o, false));
        (back, forward)
    }

    #[test]
    fn offsets_map_around_changes_and_not_inside_them() {
        // "abcdef" → insert "XY" at 2 → "abXYcdef" → delete "d" (at 5) → "abXYcef"
        let changes = [Change { start: 2, old_end: 2, new_len: 2 }, Change { start: 5, old_end: 6, new_len: 0 }];
        // current → snapshot
        assert_eq!(through(&changes, 1).0, Some(1));
        assert_eq!(through(&changes, 2).0, None, "inside the inserted XY");
        assert_eq!(through(&changes, 4).0, Some(2), "c");
        assert_eq!(through(&changes, 5).0, Some(4), "e: after the deleted d");
        // snapshot → current
        assert_eq!(through(&changes, 2).1, Some(4), "c, after the insertion");
        assert_eq!(changes.iter().try_fold(2, |o, c| c.forward(o, true)), Some(2), "a range ending before c: ab");
        assert_eq!(through(&changes, 4).1, Some(5), "e");
        assert_eq!(through(&changes, 3).1, Some(5), "the deleted d goes to where it was");
        // everything replaced: nothing maps
        assert_eq!(through(&[Change::EVERYTHING], 0), (None, None));
    }
}
