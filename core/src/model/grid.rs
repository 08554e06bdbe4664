//! Shared pieces of table mapping: splitting a row into its label cells and
//! its data cells, and recognising a label against a list of standard ones.

pub use crate::syntax::normalize::label_core;
use crate::syntax::normalize::{CellValue, LcsPattern, similarity};
use crate::syntax::{Cell, Row};

/// A row split into the cells that name it and the cells that hold numbers.
#[derive(Debug, Clone)]
pub struct SplitRow<'a> {
    pub row: &'a Row,
    pub labels: Vec<&'a Cell>,
    pub data: Vec<&'a Cell>,
}

/// Data cells are the trailing run of number-like cells. Merged label cells
/// leave empty cells between the label and the numbers, and merged padding
/// leaves empty cells after them; when the expected width is known, empties
/// beyond it are dropped from the front, then from the back.
pub fn split<'a>(row: &'a Row, width: Option<usize>) -> SplitRow<'a> {
    let cells: Vec<&Cell> = row.cells.iter().collect();
    let run = cells.iter().rev().take_while(|c| c.value.is_data_like()).count();
    let first_data = cells.len() - run;
    let labels: Vec<&Cell> = cells[..first_data].iter().copied().filter(|c| !c.span.is_empty()).collect();
    let mut data: Vec<&Cell> = cells[first_data..].to_vec();
    match width {
        Some(w) => {
            while data.len() > w && data.first().is_some_and(|c| c.value == CellValue::Empty) {
                data.remove(0);
            }
            while data.len() > w && data.last().is_some_and(|c| c.value == CellValue::Empty) {
                data.pop();
            }
        }
        None => {
            while data.first().is_some_and(|c| c.value == CellValue::Empty) {
                data.remove(0);
            }
            while data.last().is_some_and(|c| c.value == CellValue::Empty) {
                data.pop();
            }
        }
    }
    // A row of nothing but empty cells carries no data at all.
    if !data.is_empty() && data.iter().all(|c| c.value == CellValue::Empty) && labels.is_empty() {
        data.clear();
    }
    SplitRow { row, labels, data }
}

/// Index of the best matching standard label: exact, then a prefix match
/// (long labels get truncated in web pages), then a close spelling; the
/// candidates already reduced by [`label_core`]: the
/// mappers compare every cell with the same standard labels, and reducing
/// them again for each cell was most of the time spent building a report.
pub fn best_match_cores(core: &str, cores: &[&str]) -> Option<usize> {
    if core.is_empty() {
        return None;
    }
    if let Some(i) = cores.iter().position(|c| *c == core) {
        return Some(i);
    }
    let len = core.chars().count();
    if len >= 4 {
        let hits: Vec<usize> =
            (0..cores.len()).filter(|&i| cores[i].starts_with(core) || core.starts_with(cores[i])).collect();
        if hits.len() == 1 && cores[hits[0]].chars().count() >= 4 {
            return Some(hits[0]);
        }
    }
    let mut best: Option<(usize, f64)> = None;
    let pattern = LcsPattern::new(core);
    for (i, c) in cores.iter().enumerate() {
        // LCS ≤ the shorter length, so a pair this far apart in length can
        // never reach the 0.8 threshold: skipping it changes no result, and
        // spares the quadratic LCS for long header and note cells
        let clen = c.chars().count();
        if (2.0 * len.min(clen) as f64 / (len + clen) as f64) < 0.8 {
            continue;
        }
        // LCS is symmetric: the cell is prepared once for all candidates
        let s = pattern.as_ref().and_then(|p| p.similarity(c)).unwrap_or_else(|| similarity(c, core));
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.filter(|(_, s)| *s >= 0.8).map(|(i, _)| i)
}
