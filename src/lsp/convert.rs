//! Byte offsets ↔ LSP positions. Analysis speaks bytes; the protocol speaks
//! (line, character) in the negotiated encoding. Converting happens here and
//! nowhere else.

use nianbao_core::{ColumnUnit, LineIndex, Span};
use tower_lsp_server::lsp_types::{Position, PositionEncodingKind, Range};

/// UTF-8 when the client offers it (columns are then plain byte counts),
/// else UTF-16, the protocol's default.
pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> (PositionEncodingKind, ColumnUnit) {
    if offered.is_some_and(|o| o.contains(&PositionEncodingKind::UTF8)) {
        (PositionEncodingKind::UTF8, ColumnUnit::Utf8)
    } else {
        (PositionEncodingKind::UTF16, ColumnUnit::Utf16)
    }
}

/// A text, its line index and the column unit positions use.
pub struct Conv<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub unit: ColumnUnit,
}

impl Conv<'_> {
    pub fn position(&self, offset: usize) -> Position {
        let (line, col) = self.index.position(self.text, offset, self.unit);
        Position::new(line as u32, col as u32)
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    pub fn offset(&self, pos: Position) -> usize {
        self.index.offset(self.text, pos.line as usize, pos.character as usize, self.unit)
    }

    /// A range as a span; a reversed range is read from its earlier end.
    pub fn span(&self, range: Range) -> Span {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        Span::new(a.min(b), a.max(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_utf8_only_when_offered() {
        assert_eq!(negotiate(None).1, ColumnUnit::Utf16);
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(negotiate(Some(&both)).0, PositionEncodingKind::UTF8);
        assert_eq!(negotiate(Some(&[PositionEncodingKind::UTF32])).1, ColumnUnit::Utf16);
    }

    #[test]
    fn astral_crlf_and_line_separator_round_trip() {
        let text = "𠮷年\r\n报\u{2028}告\r末";
        let index = LineIndex::new(text);
        for unit in [ColumnUnit::Utf16, ColumnUnit::Utf8] {
            let c = Conv { text, index: &index, unit };
            for (off, _) in text.char_indices() {
                if matches!(text.as_bytes()[off], b'\r' | b'\n') {
                    continue;
                }
                assert_eq!(c.offset(c.position(off)), off, "{unit:?} at {off}");
            }
        }
        let c = Conv { text, index: &index, unit: ColumnUnit::Utf16 };
        assert_eq!(c.position(text.find('年').unwrap()), Position::new(0, 2));
        assert_eq!(c.position(text.find('告').unwrap()), Position::new(1, 2));
        assert_eq!(c.position(text.find('末').unwrap()), Position::new(2, 0));
    }
}
