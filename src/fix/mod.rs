//! Turning findings into text: applying edits, rendering the standard
//! tables and the report skeleton, rebuilding a damaged table.

pub mod format;
pub mod grid;
pub mod rebuild;
pub mod skeleton;

use crate::finding::{Edit, Finding};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    #[error("edit at {0}..{1} is outside the text or splits a character")]
    OutOfBounds(usize, usize),
}

/// Apply edits given against the same original text. Overlapping edits are
/// resolved by keeping the first (in position order) and dropping the rest,
/// which is what "fix all" needs when two findings propose fixes for the
/// same cell.
pub fn apply(text: &str, edits: &[Edit]) -> Result<(String, usize), ApplyError> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    let mut applied = 0;
    for e in sorted {
        let (s, t) = (e.span.start, e.span.end);
        if s > t || t > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(t) {
            return Err(ApplyError::OutOfBounds(s, t));
        }
        if s < pos {
            continue;
        }
        out.push_str(&text[pos..s]);
        out.push_str(&e.new_text);
        pos = t;
        applied += 1;
    }
    out.push_str(&text[pos..]);
    Ok((out, applied))
}

/// The edits of every safe fix, first fix of each finding.
pub fn safe_edits(findings: &[Finding]) -> Vec<Edit> {
    findings.iter().filter_map(|f| f.fixes.iter().find(|x| x.safe)).flat_map(|x| x.edits.iter().cloned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let t = "ab/cd/ef";
        let edits = vec![
            Edit::replace(Span::new(5, 6), "0"),
            Edit::replace(Span::new(2, 3), "0"),
            Edit::replace(Span::new(2, 4), "x"),
        ];
        let (out, n) = apply(t, &edits).unwrap();
        assert_eq!(out, "ab0cd0ef");
        assert_eq!(n, 2);
        assert!(apply("中", &[Edit::insert(1, "x")]).is_err());
    }
}
