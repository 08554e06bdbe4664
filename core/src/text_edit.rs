//! Applying an editor's incremental change to a document held as a rope.
//!
//! This lives in the library, not in the language server, so that it is a
//! pure function the fuzzer can drive (`fuzz/fuzz_targets/lsp_edit.rs`
//! checks it against a naive UTF-16/UTF-8 code-unit reference). Positions
//! follow [`LineIndex::offset`](crate::span::LineIndex::offset) exactly:
//!
//! - lines break at `\n`, `\r\n` and a lone `\r` only (ropey's `cr_lines`);
//! - a line past the end of the document means the end of the document;
//! - a column past the end of a line clamps to the end of its content, never
//!   into or past its line break;
//! - a column inside a character (the second half of a surrogate pair in
//!   UTF-16, a continuation byte in UTF-8) snaps back to that character's start.
//!
//! A range whose start lies after its end is applied as if swapped: clients
//! should never send one, but a server must not panic or corrupt text on it.

use crate::span::ColumnUnit;
use ropey::{Rope, RopeSlice};

/// A zero-based position; `col` counts in whatever [`ColumnUnit`] the
/// server negotiated. Kept free of LSP types so the library stays front-end
/// agnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    pub const fn new(line: usize, col: usize) -> Self {
        Pos { line, col }
    }
}

/// Chars of a line without its line break (`\n`, `\r\n` or `\r`).
fn content_chars(line: RopeSlice) -> usize {
    let n = line.len_chars();
    let last = n.checked_sub(1).map(|i| line.char(i));
    let before = n.checked_sub(2).map(|i| line.char(i));
    match (before, last) {
        (Some('\r'), Some('\n')) => n - 2,
        (_, Some('\n' | '\r')) => n - 1,
        _ => n,
    }
}

/// The char index in `rope` of a position, clamped and snapped as described
/// in the module documentation.
pub fn char_index(rope: &Rope, pos: Pos, unit: ColumnUnit) -> usize {
    if pos.line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(pos.line);
    let line = rope.line(pos.line);
    let content = line.slice(..content_chars(line));
    let col = pos.col;
    // ropey's *_to_char conversions return the char a unit index falls
    // inside, which is exactly the snap-to-start rule.
    let within = match unit {
        ColumnUnit::Utf16 if col < content.len_utf16_cu() => content.utf16_cu_to_char(col),
        ColumnUnit::Utf8 if col < content.len_bytes() => content.byte_to_char(col),
        ColumnUnit::Scalar if col < content.len_chars() => col,
        _ => content.len_chars(),
    };
    start + within
}

/// Replace the text between `start` and `end` with `new_text`. Never panics,
/// whatever the positions.
pub fn apply_lsp_edit(rope: &mut Rope, start: Pos, end: Pos, unit: ColumnUnit, new_text: &str) {
    let a = char_index(rope, start, unit);
    let b = char_index(rope, end, unit);
    let (a, b) = (a.min(b), a.max(b));
    rope.remove(a..b);
    rope.insert(a, new_text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::LineIndex;

    #[test]
    fn char_index_agrees_with_line_index() {
        let text = "一𠮷二\r\n\r三\u{2028}四\n\nab";
        let rope = Rope::from_str(text);
        let index = LineIndex::new(text);
        assert_eq!(rope.len_lines(), index.line_count());
        for unit in [ColumnUnit::Utf16, ColumnUnit::Utf8, ColumnUnit::Scalar] {
            for line in 0..index.line_count() + 2 {
                for col in 0..12 {
                    let byte = index.offset(text, line, col, unit);
                    let ch = char_index(&rope, Pos::new(line, col), unit);
                    assert_eq!(rope.char_to_byte(ch), byte, "{unit:?} {line}:{col}");
                }
            }
        }
    }

    #[test]
    fn edits_inside_a_surrogate_pair_and_a_crlf() {
        let mut rope = Rope::from_str("a𠮷b\r\nc");
        // column 2 is the low half of 𠮷: snaps to column 1
        apply_lsp_edit(&mut rope, Pos::new(0, 2), Pos::new(0, 3), ColumnUnit::Utf16, "X");
        assert_eq!(rope.to_string(), "aXb\r\nc");
        // past the end of line 0 clamps before "\r\n"; reversed range is swapped
        apply_lsp_edit(&mut rope, Pos::new(1, 0), Pos::new(0, 99), ColumnUnit::Utf16, "");
        assert_eq!(rope.to_string(), "aXbc");
        apply_lsp_edit(&mut rope, Pos::new(7, 0), Pos::new(9, 9), ColumnUnit::Utf16, "!");
        assert_eq!(rope.to_string(), "aXbc!");
    }
}
