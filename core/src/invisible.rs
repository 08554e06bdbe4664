//! Invisible characters: zero-width spaces and joiners, the word joiner, a
//! byte-order mark inside the text, bidi controls and soft hyphens. Text
//! copied from web pages carries them; they split "2025年" or a row label in
//! two for every reader except a human, so [`crate::analyze`] reads a copy
//! without them and maps every span back to the original through [`Cleaned`].

use crate::finding::{Finding, FixPlan};
use crate::model::Report;
use crate::span::Span;

/// What the analysis reads through, by name for the finding's message.
pub fn kind(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "零宽空格",
        '\u{200C}' => "零宽非连接符",
        '\u{200D}' => "零宽连接符",
        '\u{2060}' => "单词连接符",
        '\u{FEFF}' => "字节顺序标记",
        '\u{00AD}' => "软连字符",
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => "双向控制符",
        '\u{2061}'..='\u{2064}' => "不可见运算符",
        _ => return None,
    })
}

/// Whether the character at `offset` is one the analysis removes. A byte
/// order mark at the very start is the encoding's signature, not content:
/// it stays, as it always has.
pub fn removed(c: char, offset: usize) -> bool {
    kind(c).is_some() && !(offset == 0 && c == '\u{FEFF}')
}

/// Where the first character the analysis removes stands. Every document
/// is asked this and almost none has one: the scan looks only at
/// the lead bytes those characters' UTF-8 begins with (C2, D8, E2, EF), and
/// decodes only where the second byte fits too (E2 and EF also begin every
/// Chinese quote mark, comma and bracket).
pub fn first_removed(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(k) =
        crate::syntax::bytes::position(&b[i..], |x| (x == 0xC2) | (x == 0xD8) | (x == 0xE2) | (x == 0xEF))
    {
        let at = i + k;
        let second = b.get(at + 1).copied().unwrap_or(0);
        let fits = match b[at] {
            0xC2 => second == 0xAD,
            0xD8 => second == 0x9C,
            0xE2 => matches!(second, 0x80 | 0x81),
            _ => second == 0xBB,
        };
        // a lead byte always starts a character
        if fits && removed(text[at..].chars().next().unwrap_or(' '), at) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// A text without its invisible characters and the way back.
pub struct Cleaned {
    pub text: String,
    /// For each run of removed characters: the offset in `text` where it
    /// stood, and the bytes removed up to and including it.
    runs: Vec<(usize, usize)>,
}

impl Cleaned {
    /// `None` when there is nothing to remove (the common case costs one scan).
    pub fn new(original: &str) -> Option<Cleaned> {
        let first = first_removed(original)?;
        let mut text = String::with_capacity(original.len());
        text.push_str(&original[..first]);
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut total = 0;
        for (i, c) in original[first..].char_indices() {
            if removed(c, first + i) {
                total += c.len_utf8();
                match runs.last_mut() {
                    Some((at, sum)) if *at == text.len() => *sum = total,
                    _ => runs.push((text.len(), total)),
                }
            } else {
                text.push(c);
            }
        }
        Some(Cleaned { text, runs })
    }

    /// Bytes removed from runs standing at or before (`inclusive`) or
    /// strictly before `at`.
    fn removed_before(&self, at: usize, inclusive: bool) -> usize {
        let k = self.runs.partition_point(|&(q, _)| if inclusive { q <= at } else { q < at });
        k.checked_sub(1).map_or(0, |k| self.runs[k].1)
    }

    /// Where a span starts in the original: at its first visible character,
    /// after any invisible ones in front of it.
    pub fn start(&self, at: usize) -> usize {
        at + self.removed_before(at, true)
    }

    /// Where a span ends in the original: right after its last visible
    /// character, so invisible ones behind it stay outside.
    pub fn end(&self, at: usize) -> usize {
        at + self.removed_before(at, false)
    }

    pub fn span(&self, s: Span) -> Span {
        if s.is_empty() {
            return Span::empty(self.start(s.start));
        }
        Span::new(self.start(s.start), self.end(s.end))
    }

    /// The cleaned offset of the first removed run.
    pub fn first_run(&self) -> usize {
        self.runs.first().map_or(0, |r| r.0)
    }

    pub fn finding(&self, f: &mut Finding) {
        f.span = self.span(f.span);
        for r in &mut f.related {
            r.span = self.span(r.span);
        }
        for fix in &mut f.fixes {
            match &mut fix.plan {
                FixPlan::Edits(edits) => {
                    for e in edits {
                        e.span = self.span(e.span);
                    }
                }
                FixPlan::InsertSection { at, .. } | FixPlan::InsertTable { at, .. } => {
                    *at = self.span(Span::empty(*at)).start;
                }
                // the table's own spans are mapped with the report
                FixPlan::RebuildTable { .. } => {}
            }
        }
    }

    /// Every span the report holds, so that front ends (hover, folding,
    /// formatting, table rebuilds in the server) can use it on the original.
    /// The destructuring names every field on purpose: a span added to the
    /// model later fails to compile here instead of staying unmapped.
    pub fn report(&self, r: &mut Report) {
        let Report {
            syntax,
            title,
            sections,
            tables,
            stat_period,
            report_year: _,
            year_source: _,
            level: _,
            format: _,
            style: _,
            glued,
        } = r;
        self.syntax(syntax);
        if let Some(crate::model::Title { span, year, body: _, level: _ }) = title {
            *span = self.span(*span);
            if let Some(y) = year {
                self.year(y);
            }
        }
        for s in sections {
            let crate::model::Section { number: _, heading, matched: _, body, blocks: _ } = s;
            self.heading(heading);
            *body = self.span(*body);
        }
        for t in tables {
            let crate::model::MappedTable {
                id: _,
                version: _,
                style: _,
                span,
                parts,
                columns: _,
                header_found: _,
                header_span,
                header_cells,
                rows,
                extra_rows,
                // standard rows and columns, no spans
                dropped: _,
            } = t;
            *span = self.span(*span);
            for p in parts {
                *p = self.span(*p);
            }
            if let Some(h) = header_span {
                *h = self.span(*h);
            }
            for (_, s) in header_cells {
                *s = self.span(*s);
            }
            for row in rows {
                let crate::model::MappedRow { spec: _, label, line, data, expected: _ } = row;
                *label = self.span(*label);
                *line = self.span(*line);
                for c in data {
                    c.span = self.span(c.span);
                }
            }
            for e in extra_rows {
                let crate::model::tables::ExtraRow { label, line } = e;
                *label = self.span(*label);
                *line = self.span(*line);
            }
        }
        for g in glued {
            *g = self.span(*g);
        }
        if let Some(crate::model::report::StatPeriod { span, start, end }) = stat_period {
            *span = self.span(*span);
            self.year(start);
            self.year(end);
        }
    }

    fn year(&self, y: &mut crate::syntax::numbers::YearMention) {
        let crate::syntax::numbers::YearMention { year: _, span, end } = y;
        *span = self.span(*span);
        *end = self.end(*end);
    }

    fn heading(&self, h: &mut crate::syntax::HeadingLine) {
        let crate::syntax::HeadingLine { line, span, title, numeral: _ } = h;
        *line = self.span(*line);
        *span = self.span(*span);
        *title = self.span(*title);
    }

    fn syntax(&self, s: &mut crate::syntax::Syntax) {
        let crate::syntax::Syntax { lines, blocks, tables, directives } = s;
        for l in lines {
            l.span = self.span(l.span);
        }
        for b in blocks {
            match b {
                crate::syntax::Block::Heading(h) => self.heading(h),
                crate::syntax::Block::Text(s) | crate::syntax::Block::Comment(s) => *s = self.span(*s),
                crate::syntax::Block::Table(_) => {}
            }
        }
        for t in tables {
            let crate::syntax::Table { span, style: _, rows } = t;
            *span = self.span(*span);
            for row in rows {
                let crate::syntax::Row { span, cells, separator: _ } = row;
                *span = self.span(*span);
                for c in cells {
                    c.span = self.span(c.span);
                }
            }
        }
        for d in directives {
            let crate::syntax::Directive { kind: _, rules: _, span, line } = d;
            *span = self.span(*span);
            *line = self.span(*line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lead_byte_scan_finds_what_the_char_scan_finds() {
        let every: String = ('\0'..=char::MAX).filter(|&c| kind(c).is_some()).flat_map(|c| ['年', c]).collect();
        for c in every.chars().filter(|&c| c != '年') {
            assert_eq!(first_removed(&format!("“，{c}")), Some("“，".len()), "{c:?}");
        }
        for t in [
            "",
            "\u{FEFF}abc",
            "年“报”—\u{200B}x",
            "ab\u{00AD}",
            "\u{061C}",
            "，。\u{2066}",
            "\u{FEFF}\u{FEFF}",
            &every,
        ] {
            let slow = t.char_indices().find(|&(i, c)| removed(c, i)).map(|(i, _)| i);
            assert_eq!(first_removed(t), slow, "{t:?}");
        }
    }

    #[test]
    fn spans_map_to_the_visible_characters() {
        let t = "\u{FEFF}a\u{200B}\u{200B}bc\u{00AD}";
        let c = Cleaned::new(t).unwrap();
        assert_eq!(c.text, "\u{FEFF}abc");
        // "b" starts after the two ZWSP; "a" ends before them
        let b = c.text.find('b').unwrap();
        assert_eq!(c.span(Span::new(b, b + 1)).slice(t), "b");
        let a = c.text.find('a').unwrap();
        assert_eq!(c.span(Span::new(a, a + 1)).slice(t), "a");
        // "abc" covers the inner ones, not the trailing soft hyphen
        assert_eq!(c.span(Span::new(a, c.text.len())).slice(t), "a\u{200B}\u{200B}bc");
        assert_eq!(c.span(Span::empty(b)), Span::empty(t.find('b').unwrap()));
        assert!(Cleaned::new("\u{FEFF}plain 2025年").is_none());
    }
}
