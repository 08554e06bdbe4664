//! Byte spans and the line index used to turn them into line/column pairs.
//!
//! Analysis speaks only in byte offsets into the original text. Front ends
//! convert at their edge: the CLI to 1-based lines and Unicode-scalar columns,
//! the language server to UTF-16 or UTF-8 positions. Lines end at `\n`,
//! `\r\n` or a lone `\r`, exactly as LSP counts them; U+2028 and VT are *not*
//! line ends here, so Word's soft breaks never shift a line number.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn empty(at: usize) -> Self {
        Span { start: at, end: at }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    /// Inclusive of the end, so a cursor just after a word still "touches" it.
    pub fn touches(&self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Start offsets of every line, by LSP's definition of a line break.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// Column checkpoints inside long lines, every [`MARK_EVERY`] bytes:
    /// (byte offset, UTF-16 units and scalars since the line's start). A
    /// position on a megabyte-long line (a page saved with its body on one
    /// line) counts from the nearest checkpoint, not from the line's start,
    /// so converting every finding stays linear.
    marks: Vec<(usize, usize, usize)>,
}

/// Bytes between two column checkpoints of a long line.
const MARK_EVERY: usize = 4096;

/// Checkpoints of every line longer than [`MARK_EVERY`] bytes (most lines
/// have none, so this costs one pass over the long lines only).
fn long_line_marks(text: &str, starts: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut marks = Vec::new();
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        if end - start <= MARK_EVERY {
            continue;
        }
        let (mut u16s, mut scalars, mut next) = (0, 0, start + MARK_EVERY);
        for (j, c) in text[start..end].char_indices() {
            let at = start + j;
            if at >= next {
                marks.push((at, u16s, scalars));
                next = at + MARK_EVERY;
            }
            u16s += c.len_utf16();
            scalars += 1;
        }
    }
    marks
}

/// Which unit a column counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnUnit {
    Utf8,
    Utf16,
    /// Unicode scalar values: what the CLI prints.
    Scalar,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        // memchr2 rather than a loop over every byte: the server builds an
        // index for each version, and Chinese text is three bytes a character
        let mut i = 0;
        while let Some(k) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
            i += k;
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            i += 1;
            starts.push(i);
        }
        let marks = long_line_marks(text, &starts);
        LineIndex { starts, len: text.len(), marks }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    /// Zero-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(l) => l,
            Err(l) => l - 1,
        }
    }

    /// Byte offset where the content of `line` ends (before its line break).
    pub fn line_content_end(&self, text: &str, line: usize) -> usize {
        let next = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        let mut end = next;
        if end > self.line_start(line) && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > self.line_start(line) && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        end
    }

    /// Zero-based (line, column) of a byte offset. An offset inside a
    /// multi-byte character is moved back to the character's start.
    pub fn position(&self, text: &str, offset: usize, unit: ColumnUnit) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.starts[line];
        // the nearest checkpoint of this line at or before the offset
        let k = self.marks.partition_point(|m| m.0 <= offset);
        let (from, u16s, scalars) = match k.checked_sub(1).map(|k| self.marks[k]) {
            Some(m) if m.0 > start => m,
            _ => (start, 0, 0),
        };
        let seg = &text[from..offset];
        let col = match unit {
            ColumnUnit::Utf8 => offset - start,
            ColumnUnit::Utf16 => u16s + seg.chars().map(char::len_utf16).sum::<usize>(),
            ColumnUnit::Scalar => scalars + seg.chars().count(),
        };
        (line, col)
    }

    /// Byte offset of a zero-based (line, column). Lines past the end clamp to
    /// the end of the text; columns past the end of a line clamp to its end;
    /// a column that falls inside a character (half a surrogate pair, a
    /// partial UTF-8 sequence) snaps to that character's start.
    pub fn offset(&self, text: &str, line: usize, col: usize, unit: ColumnUnit) -> usize {
        if line >= self.starts.len() {
            return text.len();
        }
        let start = self.starts[line];
        let end = self.line_content_end(text, line);
        let mut consumed = 0;
        for (i, ch) in text[start..end].char_indices() {
            let w = match unit {
                ColumnUnit::Utf8 => ch.len_utf8(),
                ColumnUnit::Utf16 => ch.len_utf16(),
                ColumnUnit::Scalar => 1,
            };
            if consumed + w > col {
                return start + i;
            }
            consumed += w;
        }
        end
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn line_starts_follow_lf_crlf_and_lone_cr_in_every_order() {
        // every text of up to seven of "a", "\r", "\n", "中" against a byte-by-byte count
        let alphabet = ["a", "\r", "\n", "中"];
        for len in 0..=7u32 {
            for mut n in 0..4usize.pow(len) {
                let mut text = String::new();
                for _ in 0..len {
                    text.push_str(alphabet[n % 4]);
                    n /= 4;
                }
                let b = text.as_bytes();
                let mut want = vec![0];
                let mut i = 0;
                while i < b.len() {
                    if b[i] == b'\n' || b[i] == b'\r' && b.get(i + 1) != Some(&b'\n') {
                        want.push(i + 1);
                    }
                    i += 1;
                }
                let idx = super::LineIndex::new(&text);
                let got: Vec<usize> = (0..idx.line_count()).map(|l| idx.line_start(l)).collect();
                assert_eq!(got, want, "{text:?}");
            }
        }
    }

    #[test]
    fn positions_on_a_long_line_match_counting_from_its_start() {
        let line: String = "a𠮷中\u{2028}b".repeat(5000);
        let text = format!("x\n{line}\r\ny");
        let idx = LineIndex::new(&text);
        for offset in (0..text.len()).step_by(997).chain([text.len()]) {
            let mut o = offset.min(text.len());
            while !text.is_char_boundary(o) {
                o -= 1;
            }
            let line = idx.line_of(o);
            let seg = &text[idx.line_start(line)..o];
            assert_eq!(idx.position(&text, offset, ColumnUnit::Scalar), (line, seg.chars().count()));
            assert_eq!(idx.position(&text, offset, ColumnUnit::Utf16), (line, seg.encode_utf16().count()));
            assert_eq!(idx.position(&text, offset, ColumnUnit::Utf8), (line, seg.len()));
        }
    }

    use super::*;

    #[test]
    fn lines_break_on_lf_crlf_cr_only() {
        let t = "a\r\nb\u{2028}c\rd\ne\u{b}f";
        let idx = LineIndex::new(t);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.position(t, t.find('d').unwrap(), ColumnUnit::Scalar), (2, 0));
        assert_eq!(idx.position(t, t.find('c').unwrap(), ColumnUnit::Scalar), (1, 2));
        assert_eq!(idx.position(t, t.find('f').unwrap(), ColumnUnit::Utf16), (3, 2));
    }

    #[test]
    fn astral_characters_count_two_utf16_units() {
        let t = "𠮷 截止";
        let idx = LineIndex::new(t);
        let at = t.find('截').unwrap();
        assert_eq!(idx.position(t, at, ColumnUnit::Utf16), (0, 3));
        assert_eq!(idx.position(t, at, ColumnUnit::Utf8), (0, 5));
        assert_eq!(idx.position(t, at, ColumnUnit::Scalar), (0, 2));
        assert_eq!(idx.offset(t, 0, 3, ColumnUnit::Utf16), at);
        // inside the surrogate pair snaps back to the character start
        assert_eq!(idx.offset(t, 0, 1, ColumnUnit::Utf16), 0);
        assert_eq!(idx.offset(t, 0, 99, ColumnUnit::Utf16), t.len());
        assert_eq!(idx.offset(t, 7, 0, ColumnUnit::Utf16), t.len());
    }

    #[test]
    fn offset_never_lands_on_a_line_break() {
        let t = "ab\r\ncd";
        let idx = LineIndex::new(t);
        assert_eq!(idx.offset(t, 0, 10, ColumnUnit::Utf16), 2);
        assert_eq!(idx.offset(t, 1, 1, ColumnUnit::Utf16), 5);
    }
}
