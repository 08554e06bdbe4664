//! Mapping parsed tables onto the three standard tables by their labels,
//! so a dropped column, a missing row or an extra row is still understood.

use super::grid::{SplitRow, best_match_cores, label_core, split};
use super::sections::TableId;
use super::standard::*;
use crate::config::FormatVersion;
use crate::span::Span;
use crate::syntax::normalize::{CellValue, core_key};
use crate::syntax::table::{TABLE_FOUR, TABLE_THREE, TABLE_TWO};
use crate::syntax::{Cell, Row, Table, TableStyle};
use std::sync::LazyLock;

/// [`label_core`] of the standard labels, reduced once: every cell of every
/// table is compared with them, and reducing them per cell dominated the time
/// spent building a report.
fn cores(labels: impl Iterator<Item = &'static str>) -> Vec<String> {
    labels.map(label_core).collect()
}
static T3_ROW_CORES: LazyLock<Vec<String>> = LazyLock::new(|| cores(T3_ROWS.iter().map(|r| r.label)));
static T3_GROUP_CORES: LazyLock<Vec<String>> = LazyLock::new(|| cores(T3_GROUPS.iter().copied()));
static T3_HEADER_CORES: LazyLock<Vec<String>> = LazyLock::new(|| cores(T3_HEADER_WORDS.iter().copied()));
/// Rows of table 三 paired with their cores, as `best_match_cores` takes them.
type T3Rows = (Vec<usize>, Vec<&'static str>);
fn t3_rows(rows: impl Iterator<Item = usize>) -> T3Rows {
    let all: Vec<usize> = rows.collect();
    let labels = all.iter().map(|&i| T3_ROW_CORES[i].as_str()).collect();
    (all, labels)
}
/// Rows of table 三 that a label outside any group may name.
static T3_ANY_ROW: LazyLock<T3Rows> =
    LazyLock::new(|| t3_rows(t3::ROWS_2021.filter(|&i| T3_ROWS[i].label != "3.其他")));
/// The items of each group of table 三, by group index (group 0 has none).
static T3_GROUP_ITEMS: LazyLock<[T3Rows; 5]> = LazyLock::new(|| {
    [t3_rows(0..0), t3_rows(t3::WITHHELD), t3_rows(t3::UNAVAILABLE), t3_rows(t3::NOT_PROCESSED), t3_rows(t3::OTHER)]
});
static T2_CORES: LazyLock<Vec<String>> = LazyLock::new(|| cores(T2_ROWS.iter().map(|r| r.label)));
static T2_2019_CORES: LazyLock<Vec<String>> = LazyLock::new(|| cores(T2_ROWS_2019.iter().map(|r| r.label)));
static T2_2019_MARKER_CORES: LazyLock<Vec<String>> = LazyLock::new(|| cores(T2_2019_MARKERS.iter().copied()));

#[derive(Debug, Clone)]
pub struct MappedRow {
    /// Index into the table's standard row list ([`T3_ROWS`], [`T2_ROWS`]…).
    pub spec: usize,
    /// The label cell that identified the row.
    pub label: Span,
    pub line: Span,
    pub data: Vec<Cell>,
    /// How many data cells the header (or the standard) calls for.
    pub expected: usize,
}

impl MappedRow {
    pub fn width_ok(&self) -> bool {
        self.data.len() == self.expected
    }
}

/// A column every data row lacks (for table 二, every row of one block),
/// found from the numbers: one dropped column is one finding, not a
/// row-width finding per row.
#[derive(Debug, Clone, PartialEq)]
pub struct Dropped {
    /// The standard rows that lack it.
    pub rows: Vec<usize>,
    /// The standard column, when the header or the numbers tell which. When
    /// they do, the rows are mapped without it (their width matches); when
    /// not, the rows keep their header width and no column is known.
    pub column: Option<usize>,
    /// Whether the header still names the column (only the data lost it).
    pub in_header: bool,
    /// Table 四: the value the sums give the dropped cell, when known.
    pub value: Option<i64>,
    /// Table 四: the group (0..3) every reading of the numbers puts it in.
    pub group: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct ExtraRow {
    pub label: Span,
    pub line: Span,
}

#[derive(Debug, Clone)]
pub struct MappedTable {
    pub id: TableId,
    pub version: FormatVersion,
    pub style: TableStyle,
    /// From the first to the last part.
    pub span: Span,
    /// The syntax tables it was assembled from (a table broken by a page
    /// break or by block headings arrives in several parts).
    pub parts: Vec<Span>,
    /// Standard columns found in the header, in standard order (table 三 and 四).
    pub columns: Vec<usize>,
    /// Whether column labels were found at all; without them the standard
    /// columns are assumed.
    pub header_found: bool,
    pub header_span: Option<Span>,
    /// Column-label cells found in the header, by standard column.
    pub header_cells: Vec<(usize, Span)>,
    pub rows: Vec<MappedRow>,
    pub extra_rows: Vec<ExtraRow>,
    /// Columns the data rows dropped (see [`Dropped`]).
    pub dropped: Vec<Dropped>,
}

impl MappedTable {
    /// The table with every span moved from `from` to `to` (the table memo's
    /// copies: `model/table_memo.rs`).
    pub(crate) fn moved(&self, from: usize, to: usize) -> MappedTable {
        let shift = |s: Span| Span::new(s.start - from + to, s.end - from + to);
        let mut t = self.clone();
        t.span = shift(t.span);
        for p in &mut t.parts {
            *p = shift(*p);
        }
        t.header_span = t.header_span.map(shift);
        for (_, s) in &mut t.header_cells {
            *s = shift(*s);
        }
        for r in &mut t.rows {
            r.label = shift(r.label);
            r.line = shift(r.line);
            for c in &mut r.data {
                c.span = shift(c.span);
            }
        }
        for e in &mut t.extra_rows {
            e.label = shift(e.label);
            e.line = shift(e.line);
        }
        t
    }

    /// The dropped column that explains a row's missing number, if any.
    pub fn dropped_for(&self, spec: usize) -> Option<&Dropped> {
        self.dropped.iter().find(|d| d.rows.contains(&spec))
    }

    /// Table 二: the column a row lacks, when known (its numbers shift left past it).
    fn t2_skip(&self, spec: usize) -> Option<usize> {
        self.dropped_for(spec).and_then(|d| d.column)
    }

    /// The standard column of a row's `pos`-th number, when the row's width
    /// matches its header so that the column is known.
    pub fn column_of(&self, row: &MappedRow, pos: usize) -> Option<usize> {
        if !row.width_ok() {
            return None;
        }
        match self.id {
            TableId::Two => match self.t2_skip(row.spec) {
                Some(s) if pos >= s => Some(pos + 1),
                _ => Some(pos),
            },
            _ => self.columns.get(pos).copied(),
        }
    }

    pub fn row(&self, spec: usize) -> Option<&MappedRow> {
        self.rows.iter().find(|r| r.spec == spec)
    }

    /// The cell of a standard column in a row, when the row's width matches
    /// its header so that the column is known.
    pub fn cell(&self, spec: usize, col: usize) -> Option<&Cell> {
        let row = self.row(spec)?;
        if !row.width_ok() {
            return None;
        }
        match self.id {
            TableId::Two => match self.t2_skip(spec) {
                Some(s) if col == s => None,
                Some(s) if col > s => row.data.get(col - 1),
                _ => row.data.get(col),
            },
            _ => {
                let pos = self.columns.iter().position(|&c| c == col)?;
                row.data.get(pos)
            }
        }
    }

    pub fn int(&self, spec: usize, col: usize) -> Option<i64> {
        self.cell(spec, col).and_then(|c| c.value.as_int())
    }

    pub fn row_specs(&self) -> &'static [RowSpec] {
        match (self.id, self.version) {
            (TableId::Two, FormatVersion::Trial2019) => &T2_ROWS_2019,
            (TableId::Two, _) => &T2_ROWS,
            _ => &T3_ROWS,
        }
    }

    /// Standard column labels of this table, in order.
    pub fn column_names(&self) -> Vec<String> {
        match self.id {
            TableId::Three => T3_COLUMNS.iter().map(|s| s.to_string()).collect(),
            TableId::Four => {
                T4_GROUPS.iter().flat_map(|g| T4_RESULTS.iter().map(move |r| format!("{g}·{r}"))).collect()
            }
            TableId::Two => Vec::new(),
        }
    }
}

/// Which standard table a parsed table most resembles, by its labels: how
/// many hold words only that table's labels hold ([`crate::syntax::table::vocabulary`]).
pub fn identify(text: &str, table: &Table) -> Option<TableId> {
    let mut score = [0usize; 3];
    for row in &table.rows {
        for cell in &row.cells {
            // data cells first: reducing every number to a label core cost
            // more than the rest of identification
            if cell.value.is_data_like() {
                continue;
            }
            let v = cell.vocabulary(text);
            for (i, bit) in [TABLE_TWO, TABLE_THREE, TABLE_FOUR].into_iter().enumerate() {
                score[i] += usize::from(v & bit != 0);
            }
        }
        // PDF pages: the 15 numbers of table 四 on a line of their own
        let numbers = row.cells.iter().filter(|c| c.value.is_number()).count();
        if numbers == 15 && row.cells.len() == 15 {
            score[2] += 2;
        }
    }
    let (best, &n) = score.iter().enumerate().max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i)))?;
    (n > 0).then_some([TableId::Two, TableId::Three, TableId::Four][best])
}

fn cover(parts: &[&Table]) -> (Span, Vec<Span>, TableStyle) {
    let span = parts.iter().map(|t| t.span).reduce(Span::cover).unwrap_or_default();
    (span, parts.iter().map(|t| t.span).collect(), parts.first().map_or(TableStyle::Tsv, |t| t.style))
}

fn rows_of<'a>(parts: &[&'a Table]) -> impl Iterator<Item = &'a Row> {
    parts.iter().flat_map(|t| t.rows.iter()).filter(|r| !r.separator)
}

/// Record a standard row the first time it is seen; a repeat (a header
/// block pasted twice) keeps the first. Returns whether it was new.
fn push_row(rows: &mut Vec<MappedRow>, spec: usize, label: Span, line: Span, data: &[&Cell], expected: usize) -> bool {
    if rows.iter().any(|r| r.spec == spec) {
        return false;
    }
    rows.push(MappedRow { spec, label, line, data: data.iter().map(|c| (*c).clone()).collect(), expected });
    true
}

// ---------------------------------------------------------------- table 三

fn t3_label(core: &str, group: Option<usize>, header: bool) -> Option<T3Label> {
    if header {
        if let Some(c) = T3_COLUMNS.iter().position(|c| *c == core) {
            return Some(T3Label::Column(c));
        }
    }
    if let Some(g) = T3_GROUP_CORES.iter().position(|g| g == core) {
        return Some(T3Label::Group(g));
    }
    // group-local items first, so "3.其他" under （六） is the item, not a column
    if let Some((items, labels)) = group.and_then(|g| T3_GROUP_ITEMS.get(g)) {
        if let Some(i) = best_match_cores(core, labels) {
            return Some(T3Label::Row(items[i]));
        }
    }
    if core == "其他" {
        return Some(T3Label::Column(5));
    }
    let (all, labels) = &*T3_ANY_ROW;
    if let Some(i) = best_match_cores(core, labels) {
        return Some(T3Label::Row(all[i]));
    }
    if let Some(c) = T3_COLUMNS.iter().position(|c| *c == core) {
        return Some(T3Label::Column(c));
    }
    if T3_HEADER_CORES.iter().any(|w| core.contains(w.as_str())) || core.starts_with("本列数据") {
        return Some(T3Label::Header);
    }
    None
}

/// [`t3_label`] remembered per label core: a table pasted twice, or a
/// draft's header repeated on every page, asks the same question of the same
/// label many times, and each answer costs a fuzzy match against 25 labels.
/// The language server keeps one per document between edits (part of
/// `nianbao_core::Memo`): the answers of the last version's labels, the
/// others dropped at the end of each analysis ([`T3Labels::finish`]).
/// Keyed by `Box<str>` when kept between analyses, by the cores borrowed
/// from the table's cells within one (no copy of each label).
pub struct T3Labels<K = Box<str>> {
    /// By core: answers for group `None`, `Some(0..5)`, each without and with `header`.
    seen: LabelMap<K>,
    /// The last analysis' answers, moved to `seen` as they are asked again.
    old: LabelMap<K>,
}

/// foldhash rather than std's SipHash (two thirds of `T3Labels::get`, 4 %
/// of an edit's analysis of a small draft): as fast as an unkeyed hash, but
/// seeded per process, so a document's labels cannot be made to collide.
type LabelMap<K> = std::collections::HashMap<K, [Option<Option<T3Label>>; 12], foldhash::fast::RandomState>;

impl<K> Default for T3Labels<K> {
    fn default() -> Self {
        T3Labels { seen: Default::default(), old: Default::default() }
    }
}

impl<K: std::borrow::Borrow<str> + std::hash::Hash + Eq> T3Labels<K> {
    fn get<'c>(&mut self, core: &'c str, group: Option<usize>, header: bool) -> Option<T3Label>
    where
        K: From<&'c str>,
    {
        let slot = group.map_or(5, |g| g.min(5)) * 2 + usize::from(header);
        if let Some(answers) = self.seen.get_mut(core) {
            return *answers[slot].get_or_insert_with(|| t3_label(core, group, header));
        }
        let (k, mut answers) = self.old.remove_entry(core).unwrap_or_else(|| (core.into(), [None; 12]));
        let answer = *answers[slot].get_or_insert_with(|| t3_label(core, group, header));
        self.seen.insert(k, answers);
        answer
    }

    /// End of an analysis: what it did not ask is forgotten.
    pub fn finish(&mut self) {
        // both keep their capacity (see `syntax/row_memo.rs`)
        std::mem::swap(&mut self.old, &mut self.seen);
        self.seen.clear();
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum T3Label {
    Group(usize),
    Row(usize),
    Column(usize),
    Header,
}

/// What [`T3Labels`] is keyed by: labels owned, to keep them between
/// analyses, or borrowed from the cells within one.
pub trait LabelKey<'t>: std::borrow::Borrow<str> + std::hash::Hash + Eq + From<&'t str> {}
impl<'t, K: std::borrow::Borrow<str> + std::hash::Hash + Eq + From<&'t str>> LabelKey<'t> for K {}

/// The table `id` assembled from `parts`, mapped onto its standard table.
pub fn map<'t, K: LabelKey<'t>>(
    text: &'t str,
    id: TableId,
    parts: &[&'t Table],
    year_version: Option<FormatVersion>,
    labels: &mut T3Labels<K>,
) -> MappedTable {
    match id {
        TableId::Two => map_two(text, parts, year_version),
        TableId::Three => map_three_with(text, parts, year_version, labels),
        TableId::Four => map_four(text, parts),
    }
}

/// Table 三 mapped with label answers kept from before ([`T3Labels`]).
fn map_three_with<'t, K: LabelKey<'t>>(
    text: &'t str,
    parts: &[&'t Table],
    year_version: Option<FormatVersion>,
    labels: &mut T3Labels<K>,
) -> MappedTable {
    let (span, part_spans, style) = cover(parts);
    // Pass 1: the header's columns, from rows that carry no data.
    let mut cols = [false; 7];
    let mut header_cells: Vec<(usize, Span)> = Vec::new();
    let mut header_span: Option<Span> = None;
    let mut seen_data = false;
    for row in rows_of(parts) {
        let sr = split(row, None);
        if !sr.data.is_empty() && sr.data.iter().any(|c| c.value.is_number()) {
            seen_data = true;
            continue;
        }
        let mut any = false;
        for cell in row.cells.iter().filter(|c| !c.span.is_empty()) {
            match labels.get(cell.core(text), None, true) {
                Some(T3Label::Column(c)) => {
                    cols[c] = true;
                    header_cells.push((c, cell.span));
                    any = true;
                }
                Some(T3Label::Header) => any = true,
                _ => {}
            }
        }
        if any && !seen_data {
            header_span = Some(header_span.map_or(row.span, |h| h.cover(row.span)));
        }
    }
    let found = cols.iter().filter(|&&c| c).count();
    let header_found = found >= 3;
    let columns: Vec<usize> =
        if header_found { t3::COLUMNS.filter(|&c| cols[c]).collect() } else { t3::COLUMNS.collect() };
    let width = columns.len();

    // Pass 2: rows.
    let mut rows: Vec<MappedRow> = Vec::new();
    let mut extra_rows = Vec::new();
    let mut group: Option<usize> = None;
    let mut trial_other = false;
    // the syntax row of each mapped data row, to split it again at another width
    let mut sources: Vec<(usize, &Row)> = Vec::new();
    let mut span = span;
    // rows with a label and no number, kept only if no row with numbers has that label
    let mut blank_rows: Vec<(usize, Span, Span)> = Vec::new();
    for item in bare_items(text, parts) {
        let row = match item {
            Item::Row(row) => row,
            Item::Bare(line) => {
                // a space-aligned row with no number is its label alone on a
                // line; only the whole label counts (a line cut short by a
                // truncated page is not a row)
                let mut hit = None;
                for word in words_of(line.slice(text)) {
                    let core = label_core(word);
                    match t3_label(&core, group, false) {
                        Some(T3Label::Group(g)) => group = Some(g),
                        Some(T3Label::Row(i)) if T3_ROW_CORES[i] == core => hit = Some(i),
                        _ => {}
                    }
                }
                if let Some(i) = hit {
                    if !(t3::WITHHELD.start..t3::TOTAL).contains(&i) {
                        group = None;
                    }
                    blank_rows.push((i, line, line));
                }
                continue;
            }
        };
        let sr: SplitRow = split(row, Some(width));
        let mut hits: Vec<(usize, Span)> = Vec::new();
        for cell in &sr.labels {
            // a bare "总计" before any row label is the header's column
            let in_header = rows.is_empty() && hits.is_empty();
            let core = cell.core(text);
            match labels.get(core, group, in_header && core == "总计") {
                Some(T3Label::Group(g)) => {
                    group = Some(g);
                    if g == 4 {
                        hits.push((t3::OTHER_2019, cell.span));
                    }
                }
                Some(T3Label::Row(i)) => {
                    if !(t3::WITHHELD.start..t3::TOTAL).contains(&i) || i < t3::OPEN {
                        group = None;
                    }
                    // 2019's one-row （六）其他处理 gives way to its items
                    if t3::OTHER.contains(&i) && hits.last().is_some_and(|h| h.0 == t3::OTHER_2019) {
                        hits.pop();
                    }
                    hits.push((i, cell.span));
                }
                _ => {}
            }
        }
        // One-cell-per-line tables put several unfilled rows' labels in a
        // row of their own: each is a row with no numbers.
        let last = hits.pop();
        for (i, label) in hits {
            trial_other |= push_row(&mut rows, i, label, row.span, &[], width) && i == t3::OTHER_2019;
        }
        let spec = last;
        if sr.data.is_empty() {
            if let Some((i, label)) = spec {
                if row.cells.len() == 1 || parts.iter().any(|p| p.style == TableStyle::Vertical) {
                    trial_other |= push_row(&mut rows, i, label, row.span, &[], width) && i == t3::OTHER_2019;
                } else {
                    // labels and no number: a row left blank, unless its
                    // numbers come on a later line (a label broken in two)
                    blank_rows.push((i, label, row.span));
                }
            }
            continue;
        }
        match spec {
            Some((i, label)) => {
                trial_other |= i == t3::OTHER_2019;
                if push_row(&mut rows, i, label, row.span, &sr.data, width) {
                    sources.push((i, row));
                }
            }
            None => {
                let has_values = sr.data.iter().any(|c| c.value != CellValue::Empty);
                let header_like = sr.labels.iter().any(|c| {
                    matches!(labels.get(c.core(text), None, true), Some(T3Label::Column(_) | T3Label::Header))
                });
                if let (Some(l), true, false) = (sr.labels.last(), has_values, header_like) {
                    extra_rows.push(ExtraRow { label: l.span, line: row.span });
                }
            }
        }
    }
    for (i, label, line) in blank_rows {
        if push_row(&mut rows, i, label, line, &[], width) {
            span = span.cover(line);
        }
    }
    let mut columns = columns;
    if header_found && columns.len() == 6 {
        label_lost(&mut rows, &sources, &mut columns);
    }
    let mut dropped: Vec<Dropped> = drop_in_three(&mut rows, &sources, &mut columns).into_iter().collect();
    for d in &mut dropped {
        d.in_header = header_found;
    }
    let has_2021_items = rows.iter().any(|r| t3::OTHER.contains(&r.spec));
    let version = if has_2021_items {
        FormatVersion::Standard2021
    } else if trial_other {
        FormatVersion::Trial2019
    } else {
        year_version.unwrap_or(FormatVersion::Standard2021)
    };
    MappedTable {
        id: TableId::Three,
        version,
        style,
        span,
        parts: part_spans,
        columns,
        header_found,
        header_span,
        header_cells,
        rows,
        extra_rows,
        dropped,
    }
}

/// The header lost a label ("总计" typed "合计", a merged cell pasted
/// empty) while every data row still has its seven numbers: the columns are
/// the standard seven, and table/missing-column reports the header once
/// instead of table/row-width every row.
fn label_lost(rows: &mut [MappedRow], sources: &[(usize, &Row)], columns: &mut Vec<usize>) {
    if sources.len() < 2 {
        return;
    }
    let mut full = Vec::with_capacity(sources.len());
    for &(spec, row) in sources {
        let sr = split(row, Some(7));
        if sr.data.len() != 7 || sr.data.first().is_some_and(|c| c.value == CellValue::Empty) {
            return;
        }
        full.push((spec, sr));
    }
    *columns = t3::COLUMNS.collect();
    for (spec, sr) in full {
        if let Some(r) = rows.iter_mut().find(|r| r.spec == spec) {
            r.data = sr.data.iter().map(|c| (*c).clone()).collect();
            r.expected = 7;
        }
    }
}

/// Every data row of table 三 one number short of the header: the data lost
/// a column the header still names. A row of a TAB table whose label
/// padding slid into its numbers reads at either width, so it neither
/// proves nor refutes the drop; the rows that read only at the shorter
/// width must be at least half. Which column went is told by the numbers:
/// when 总计 is gone, the last number (其他) is no longer the row's sum.
fn drop_in_three(rows: &mut [MappedRow], sources: &[(usize, &Row)], columns: &mut Vec<usize>) -> Option<Dropped> {
    let width = columns.len();
    if width < 2 || sources.len() < 2 {
        return None;
    }
    let mut short = 0;
    let mut resplit: Vec<(usize, SplitRow)> = Vec::with_capacity(sources.len());
    for &(spec, row) in sources {
        let sr = split(row, Some(width - 1));
        if sr.data.len() != width - 1 {
            return None;
        }
        if rows.iter().any(|r| r.spec == spec && r.data.len() == width - 1) {
            short += 1;
        }
        resplit.push((spec, sr));
    }
    if short * 2 < sources.len() {
        return None;
    }
    let column = if columns.last() == Some(&T3_TOTAL_COL) {
        // each row with values: is its last number the sum of the others?
        let (mut is_sum, mut below) = (false, false);
        for (_, sr) in &resplit {
            let Some(v) = sr.data.iter().map(|c| c.value.as_int().map(i128::from)).collect::<Option<Vec<i128>>>()
            else {
                continue;
            };
            let (last, rest) = (v[v.len() - 1], v[..v.len() - 1].iter().sum::<i128>());
            if last == rest && rest != 0 {
                is_sum = true;
            }
            below |= last < rest;
        }
        (below && !is_sum).then_some(T3_TOTAL_COL)
    } else {
        None
    };
    if let Some(c) = column {
        columns.retain(|&x| x != c);
    }
    for (spec, sr) in resplit {
        if let Some(r) = rows.iter_mut().find(|r| r.spec == spec) {
            r.data = sr.data.iter().map(|c| (*c).clone()).collect();
            r.expected = if column.is_some() { width - 1 } else { width };
        }
    }
    let specs = sources.iter().map(|(s, _)| *s).collect();
    Some(Dropped { rows: specs, column, in_header: true, value: None, group: None })
}

// ---------------------------------------------------------------- table 四

pub fn map_four(text: &str, parts: &[&Table]) -> MappedTable {
    let (span, part_spans, style) = cover(parts);
    let mut totals = 0;
    let mut results = 0;
    // how often the header names each of the five results
    let mut named = [0usize; 5];
    let mut header_span: Option<Span> = None;
    let mut best: Option<(SplitRow, usize)> = None;
    for row in rows_of(parts) {
        let sr = split(row, Some(15));
        let numbers = sr.data.iter().filter(|c| c.value.is_number()).count();
        if numbers >= 3 && best.as_ref().is_none_or(|(_, n)| numbers > *n) {
            best = Some((sr, numbers));
            continue;
        }
        for cell in row.cells.iter().filter(|c| !c.span.is_empty()) {
            let core = core_key(cell.span.slice(text));
            if core == "总计" {
                totals += 1;
            }
            if T4_RESULTS[..4].contains(&core.as_str()) {
                results += 1;
            }
            if let Some(k) = T4_RESULTS.iter().position(|r| *r == core) {
                named[k] += 1;
            }
        }
        header_span = Some(header_span.map_or(row.span, |h| h.cover(row.span)));
    }
    let header_found = results >= 4;
    // only a header with all three groups' results can show 总计 is missing
    let columns: Vec<usize> = if results >= 12 && totals == 0 {
        t4::COLUMNS.filter(|&c| !t4::is_total(c)).collect()
    } else {
        t4::COLUMNS.collect()
    };
    let mut columns = columns;
    let mut rows = Vec::new();
    let mut dropped = Vec::new();
    if let Some((sr, _)) = best {
        let label = sr.labels.first().map_or(sr.row.span, |c| c.span);
        let data: Vec<Cell> = sr.data.iter().map(|c| (*c).clone()).collect();
        let mut expected = columns.len();
        if expected == 15 && data.len() == 14 {
            let d = drop_in_four(&data, &named);
            if let Some(c) = d.column {
                columns.retain(|&x| x != c);
                expected = 14;
            }
            dropped.push(d);
        }
        rows.push(MappedRow { spec: 0, label, line: sr.row.span, data, expected });
    }
    MappedTable {
        id: TableId::Four,
        version: FormatVersion::Standard2021,
        style,
        span,
        parts: part_spans,
        columns,
        header_found,
        header_span,
        header_cells: Vec::new(),
        rows,
        extra_rows: Vec::new(),
        dropped,
    }
}

/// Table 四 with 14 numbers: each group's 总计 is the sum of its four
/// results, so putting the missing number back at each of the 15 places
/// and keeping the places where all three groups add up (with a
/// non-negative value) usually leaves one. A header that names one result
/// word once less than three times narrows the places to that word.
fn drop_in_four(data: &[Cell], named: &[usize; 5]) -> Dropped {
    let mut places: Vec<(usize, i64)> = Vec::new();
    // in i128: a handful of cells that each fit an i64 cannot overflow it,
    // while their sum in i64 could (a 19-digit cell, found by the fuzzer)
    if let Some(v) = data.iter().map(|c| c.value.as_int().map(i128::from)).collect::<Option<Vec<i128>>>() {
        for k in 0..t4::GROUPS * t4::RESULTS {
            let (g, r) = t4::key(k);
            let at = |c: usize| if c < k { v[c] } else { v[c - 1] };
            let x = if r == t4::TOTAL {
                t4::PARTS.map(|i| at(t4::col(g, i))).sum::<i128>()
            } else {
                at(t4::total(g)) - t4::PARTS.filter(|&i| i != r).map(|i| at(t4::col(g, i))).sum::<i128>()
            };
            let full = |c: usize| if c == k { x } else { at(c) };
            let adds_up =
                (0..t4::GROUPS).all(|g| t4::PARTS.map(|i| full(t4::col(g, i))).sum::<i128>() == full(t4::total(g)));
            match i64::try_from(x) {
                Ok(x) if x >= 0 && adds_up => places.push((k, x)),
                _ => {}
            }
        }
    }
    let in_header = named.iter().sum::<usize>() == 15;
    if named.iter().sum::<usize>() == 14 {
        if let Some(word) = (0..t4::RESULTS).find(|&w| named[w] == 2) {
            places.retain(|(k, _)| t4::key(*k).1 == word);
        }
    }
    let group = places.first().map(|(k, _)| t4::key(*k).0).filter(|g| places.iter().all(|(k, _)| t4::key(*k).0 == *g));
    let (column, value) = match places[..] {
        [(k, x)] => (Some(k), Some(x)),
        _ => (None, None),
    };
    Dropped { rows: vec![0], column, in_header, value, group }
}

// ---------------------------------------------------------------- table 二

/// The cells of a line no table row holds: separated by TABs, full-width
/// spaces or runs of spaces, as a space-aligned row's are.
fn words_of(line: &str) -> Vec<&str> {
    line.split(['\t', '\u{3000}']).flat_map(|w| w.split("  ")).map(str::trim).filter(|w| !w.is_empty()).collect()
}

enum Item<'a> {
    Row(&'a Row),
    /// A line between or right after the parts that no table row holds.
    Bare(Span),
}

/// The rows of a table's parts in text order, with the lines between the
/// parts and the lines right after the last one (up to a blank line): a
/// space-aligned block whose only column was dropped, or a row left
/// unfilled, is a label alone on a line, which no table row holds.
fn bare_items<'a>(text: &str, parts: &[&'a Table]) -> Vec<Item<'a>> {
    let mut out = Vec::new();
    scan_bare(text, parts, Some(&mut out));
    out
}

/// How far past its parts the mapping of a table reads ([`bare_items`]):
/// the end of the last line it looked at, with its line break. The table
/// memo (`model/table_memo.rs`) keeps a mapping for as long as the text up
/// to here is the same.
pub(crate) fn reach(text: &str, parts: &[&Table]) -> usize {
    scan_bare(text, parts, None)
}

/// [`reach`], collecting [`bare_items`] into `out` when asked to.
fn scan_bare<'a>(text: &str, parts: &[&'a Table], mut out: Option<&mut Vec<Item<'a>>>) -> usize {
    let mut reach = 0;
    for (k, p) in parts.iter().enumerate() {
        if let Some(out) = out.as_deref_mut() {
            out.extend(p.rows.iter().filter(|r| !r.separator).map(Item::Row));
        }
        let next = parts.get(k + 1).map(|n| n.span.start);
        let mut at = p.span.end;
        reach = reach.max(at);
        while at < next.unwrap_or(text.len()) {
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            let line = crate::syntax::lines::trim_span(text, Span::new(at, end));
            at = end + 1;
            reach = reach.max(at.min(text.len()));
            if line.is_empty() {
                if next.is_none() && at > p.span.end + 1 {
                    break;
                }
                continue;
            }
            // labels and headers are short; a paragraph is not a row; a
            // label whose numbers follow on lines of their own (one cell per
            // line) is not a row left blank
            if line.slice(text).chars().count() <= 40 {
                let (follows, read) = number_follows(text, at);
                reach = reach.max(read);
                if let (false, Some(out)) = (follows, out.as_deref_mut()) {
                    out.push(Item::Bare(line));
                }
            } else if next.is_none() {
                break;
            }
        }
    }
    reach
}

/// Whether the first line from `at` with anything but pipes and spaces is
/// a number ("0", "0 |"): the cells of a row one per line; and the end of
/// the last line read, with its line break.
fn number_follows(text: &str, mut at: usize) -> (bool, usize) {
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let cell = text[at..end].trim_matches(|c: char| c == '|' || c.is_whitespace());
        let read = (end + 1).min(text.len());
        if !cell.is_empty() {
            return (crate::syntax::normalize::parse_cell(cell).is_number(), read);
        }
        at = end + 1;
    }
    (false, at.min(text.len()))
}

/// A column that every row of one block of table 二 lacks. When the
/// block's header lacks the same column label, the header says which it
/// is; when the header is complete, the numbers cannot tell (table 二 has
/// no sums). A block whose only column is missing from its header and its
/// rows counts; with the header complete, that is an empty cell.
fn drop_in_two(specs: &[RowSpec], rows: &mut [MappedRow], headers: &[(usize, Vec<&str>)]) -> Vec<Dropped> {
    let mut out = Vec::new();
    let mut first = 0;
    while first < specs.len() {
        let end = (first..specs.len()).find(|&j| specs[j].block != specs[first].block).unwrap_or(specs.len());
        let n = specs[first].columns.len();
        let members: Vec<usize> = (first..end).collect();
        // a TAB row keeps an empty cell where its only number was
        let blank = |r: &MappedRow| r.data.iter().all(|c| c.value == CellValue::Empty);
        let short = members
            .iter()
            .all(|&i| rows.iter().any(|r| r.spec == i && (r.data.len() + 1 == n || (n == 1 && blank(r)))));
        if short {
            let named: Option<Vec<usize>> = headers.iter().find(|(b, _)| *b == first).map(|(_, h)| {
                let cols: Vec<String> = specs[first].columns.iter().map(|c| label_core(c)).collect();
                let cols: Vec<&str> = cols.iter().map(String::as_str).collect();
                h.iter().filter_map(|c| best_match_cores(&label_core(c), &cols)).collect()
            });
            let missing: Vec<usize> = match &named {
                Some(found) => (0..n).filter(|c| !found.contains(c)).collect(),
                None => Vec::new(),
            };
            let d = match missing[..] {
                [c] => {
                    Some(Dropped { rows: members.clone(), column: Some(c), in_header: false, value: None, group: None })
                }
                [] if n >= 2 => {
                    Some(Dropped { rows: members.clone(), column: None, in_header: true, value: None, group: None })
                }
                _ => None,
            };
            if let Some(d) = d {
                if d.column.is_some() {
                    for r in rows.iter_mut().filter(|r| members.contains(&r.spec)) {
                        r.expected = n - 1;
                        if n == 1 {
                            r.data.clear();
                        }
                    }
                }
                out.push(d);
            }
        }
        first = end;
    }
    out
}

pub fn map_two<'t>(text: &'t str, parts: &[&'t Table], year_version: Option<FormatVersion>) -> MappedTable {
    let (span, part_spans, style) = cover(parts);
    let markers = &*T2_2019_MARKER_CORES;
    let mut trial = false;
    let mut modern = false;
    for row in rows_of(parts) {
        for cell in &row.cells {
            let core = cell.core(text);
            if markers.iter().any(|m| core.contains(m.as_str())) || core == "规范性文件" {
                trial = true;
            }
            if ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "行政规范性文件"].contains(&core)
            {
                modern = true;
            }
        }
    }
    let version = match (trial, modern) {
        (true, false) => FormatVersion::Trial2019,
        (false, true) => FormatVersion::Standard2021,
        _ => year_version.unwrap_or(FormatVersion::Standard2021),
    };
    let specs: &[RowSpec] = if version == FormatVersion::Trial2019 { &T2_ROWS_2019 } else { &T2_ROWS };
    let spec_cores = if version == FormatVersion::Trial2019 { &*T2_2019_CORES } else { &*T2_CORES };
    let labels: Vec<&str> = spec_cores.iter().map(String::as_str).collect();
    let mut rows: Vec<MappedRow> = Vec::new();
    let mut extra_rows = Vec::new();
    let mut span = span;
    // header cells seen since the last data row, and each block's header
    // (by the block's first row): the cores of its column-label cells
    let mut pending: Option<Vec<&'t str>> = None;
    let mut headers: Vec<(usize, Vec<&'t str>)> = Vec::new();
    let block_of = |i: usize| specs.iter().position(|s| s.block == specs[i].block).unwrap_or(i);
    // a data row closes the header above it: the header is its block's
    let attribute = |i: usize, pending: &mut Option<Vec<&'t str>>, headers: &mut Vec<(usize, Vec<&'t str>)>| {
        if let Some(h) = pending.take() {
            if !headers.iter().any(|(b, _)| *b == block_of(i)) {
                headers.push((block_of(i), h));
            }
        }
    };
    for item in bare_items(text, parts) {
        let row = match item {
            Item::Row(row) => row,
            Item::Bare(line) => {
                // a space-aligned row with no number is its label alone on a
                // line, a one-row header block a line of its own
                let words = words_of(line.slice(text));
                let core = label_core(line.slice(text));
                if words.first().is_some_and(|w| label_core(w) == "信息内容") {
                    pending = Some(words[1..].iter().map(|w| w.trim()).collect());
                } else if let Some(i) = spec_cores.iter().position(|s| *s == core) {
                    attribute(i, &mut pending, &mut headers);
                    if push_row(&mut rows, i, line, line, &[], specs[i].columns.len()) {
                        span = span.cover(line);
                    }
                }
                continue;
            }
        };
        let probe = split(row, None);
        let mut hits: Vec<(usize, Span)> = probe
            .labels
            .iter()
            .filter_map(|c| {
                let core = c.core(text);
                // "规范性文件" must not match "行政规范性文件" by prefix alone
                spec_cores
                    .iter()
                    .position(|s| *s == core)
                    .or_else(|| best_match_cores(core, &labels))
                    .map(|i| (i, c.span))
            })
            .collect();
        let hit = hits.pop();
        for (i, label) in hits {
            push_row(&mut rows, i, label, row.span, &[], specs[i].columns.len());
        }
        match hit {
            Some((i, label)) => {
                attribute(i, &mut pending, &mut headers);
                let sr = split(row, Some(specs[i].columns.len()));
                // a label with no cells at all (vertical header noise) is an unfilled row
                push_row(&mut rows, i, label, row.span, &sr.data, specs[i].columns.len());
            }
            None => {
                let numeric = probe.data.iter().any(|c| c.value.is_number());
                let is_header = probe.labels.iter().any(|c| {
                    let core = c.core(text);
                    core.starts_with("第二十条")
                        || core == "信息内容"
                        || core.contains("数量")
                        || core.contains("件数")
                        || core.contains("金额")
                });
                if numeric && !is_header {
                    if let Some(l) = probe.labels.last() {
                        extra_rows.push(ExtraRow { label: l.span, line: row.span });
                    }
                }
                let cores: Vec<&str> = probe.labels.iter().map(|c| c.core(text)).collect();
                if !numeric && cores.contains(&"信息内容") {
                    pending = Some(cores.into_iter().filter(|c| *c != "信息内容").collect());
                }
            }
        }
    }
    let dropped = drop_in_two(specs, &mut rows, &headers);
    MappedTable {
        id: TableId::Two,
        version,
        style,
        span,
        parts: part_spans,
        columns: Vec::new(),
        header_found: true,
        header_span: None,
        header_cells: Vec::new(),
        rows,
        extra_rows,
        dropped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_label_answers_are_those_of_the_last_analysis_only() {
        let mut kept: T3Labels = T3Labels::default();
        let fresh = |core: &str| t3_label(core, None, false);
        for core in ["本年新收政府信息公开申请数量", "自然人", "甲乙丙"] {
            assert_eq!(kept.get(core, None, false), fresh(core));
        }
        kept.finish();
        // the next analysis asks two of them again and a new one
        for core in ["自然人", "予以公开", "甲乙丙"] {
            assert_eq!(kept.get(core, None, false), fresh(core));
        }
        kept.finish();
        let mut left: Vec<&str> = kept.old.keys().map(|k| &**k).collect();
        left.sort();
        let mut want = vec!["予以公开", "甲乙丙", "自然人"];
        want.sort();
        assert_eq!(left, want, "the first analysis' own label is gone");
        assert!(kept.seen.is_empty());
    }
}
