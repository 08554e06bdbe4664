//! Layouts of published pages: a web page saved as text often runs the whole
//! body onto one line, headings in the middle of it, and flattens the three
//! tables into their labels and numbers ("规章000行政规范性文件021…",
//! "一、本年新收政府信息公开申请数量20 0 0 0 02二、…"). This pass finds the
//! section headings inside such lines and re-segments the flattened tables by
//! the standard row labels, which are known, so that the rest of the model
//! reads them like any other draft.

use super::sections::{self, TableId};
use super::standard::{
    T2_ROWS, T2_ROWS_2019, T3_COLUMNS, T3_GROUPS, T3_HEADER_WORDS, T3_ROWS, T4_GROUPS, T4_RESULTS, t3,
};
use crate::span::Span;
use crate::syntax::charset::chars;
use crate::syntax::normalize::{core_key, fold_char, is_core_char, is_space, label_core, parse_cell};
use crate::syntax::{Block, Cell, HeadingLine, Row, Syntax, Table, TableStyle, trim_span};
use std::sync::LazyLock;

/// Core characters of a span with their byte offsets: folded, spaces and
/// punctuation left out, as labels are compared everywhere.
fn core_chars(text: &str, span: Span) -> Vec<(usize, char)> {
    text[span.start..span.end]
        .char_indices()
        .filter_map(|(i, c)| {
            if is_space(c) {
                return None;
            }
            let f = fold_char(c);
            is_core_char(f).then_some((span.start + i, f))
        })
        .collect()
}

// ------------------------------------------------------------ headings

/// What may stand right before a heading that a page ran into the previous
/// text: the end of a sentence or of a table's numbers, a bracket, a space.
/// A Chinese character may not: "第一、", "统一、" are prose.
fn heading_boundary(c: char) -> bool {
    is_space(c)
        || c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || chars!("。；;：:！!？?）)」』”\"】>|").contains(&c)
}

/// A section heading starting at `at` (its numeral) inside a line: the
/// numeral, a separator (spaces around it allowed: "一 、总体情况") and a
/// standard title or accepted variant, or a close spelling of the title the
/// numeral names. The title ends where the standard wording ends; the body
/// runs on after it.
fn heading_at(text: &str, at: usize, end: usize) -> Option<(HeadingLine, u32, bool)> {
    let numeral_char = text[at..end].chars().next()?;
    let numeral = "一二三四五六".chars().position(|c| c == numeral_char)? as u32 + 1;
    let after = at + numeral_char.len_utf8();
    let rest = &text[after..end];
    let lead = rest.len() - rest.trim_start_matches(is_space).len();
    let sep = rest[lead..].chars().next()?;
    if !matches!(sep, '、' | '.' | '．' | ',' | '，') {
        return None;
    }
    let title_start = after + lead + sep.len_utf8();
    let rest = &text[title_start..end];
    let title_start = title_start + (rest.len() - rest.trim_start_matches(is_space).len());
    // a title is at most 30 characters; look a little further for typos
    let window_end = text[title_start..end].char_indices().nth(48).map_or(end, |(i, _)| title_start + i);
    let core = core_chars(text, Span::new(title_start, window_end));
    let first = core.first()?;
    // the title must start right after the separator, not after punctuation
    if first.0 != title_start {
        return None;
    }
    let chars: Vec<char> = core.iter().map(|(_, c)| *c).collect();
    let sections::TitleMatch { number, used, wording, exact } = sections::match_title_prefix(&chars, numeral)?;
    // the char as written: core_chars folds full-width forms ("２" reads
    // "2"), whose width in the text differs from the folded one's
    let (last_at, _) = core[used - 1];
    let mut title_end = last_at + text[last_at..].chars().next().map_or(0, char::len_utf8);
    // A close spelling that matched only part of the wording ("…及明年工作
    // 计划" for "…及改进情况"): the heading runs on over the ideographs it has
    // in place of the rest, a few more at most, up to where the body starts
    // (a year, a marker, punctuation).
    let room = if used < wording { wording + 4 - used } else { 0 };
    for c in text[title_end..end].chars().take(room) {
        if !('\u{4e00}'..='\u{9fff}').contains(&c) {
            break;
        }
        title_end += c.len_utf8();
    }
    // "一、总体情况；二、…" lists the sections in a preamble: not headings
    if text[title_end..end].chars().next().is_some_and(|c| chars!("、，,；;。").contains(&c)) {
        return None;
    }
    let span = Span::new(at, title_end);
    Some((HeadingLine { line: span, span, title: Span::new(title_start, title_end), numeral }, number, exact))
}

/// Section headings inside one line of text, in order.
fn headings_in(text: &str, span: Span) -> Vec<(HeadingLine, u32)> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut prev2: Option<char> = None;
    let mut skip_to = span.start;
    for (i, c) in text[span.start..span.end].char_indices() {
        let at = span.start + i;
        if at >= skip_to && chars!("一二三四五六").contains(&c) {
            // after a table's last number and its unit, a long title in full:
            // "…政府集中采购1018703元三、收到和处理政府信息公开申请情况"
            let after_unit =
                prev2.is_some_and(|p| p.is_ascii_digit()) && prev.is_some_and(|p| chars!("元件条个项次").contains(&p));
            let boundary = prev.is_none_or(heading_boundary);
            let found = (boundary || after_unit)
                .then(|| heading_at(text, at, span.end))
                .flatten()
                .filter(|(h, _, exact)| boundary || (*exact && h.title.len() >= 8 * 3));
            if let Some((h, n, _)) = found {
                skip_to = h.span.end;
                out.push((h, n));
            }
        }
        prev2 = prev;
        prev = Some(c);
    }
    out
}

/// Split lines that carry section headings in their middle into text and
/// headings. Only sections with no heading line of their own are looked for,
/// and only in ascending order, so prose that happens to name a section never
/// displaces a real heading.
pub fn split_headings(text: &str, syntax: &mut Syntax) {
    let present: Vec<u32> = syntax
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => sections::classify(h.title.slice(text), h.numeral).map(|m| m.number()),
            _ => None,
        })
        .collect();
    if present.len() == 6 {
        return;
    }
    let mut blocks = Vec::with_capacity(syntax.blocks.len());
    let mut last = 0;
    for b in std::mem::take(&mut syntax.blocks) {
        match b {
            Block::Heading(ref h) => {
                if let Some(m) = sections::classify(h.title.slice(text), h.numeral) {
                    last = last.max(m.number());
                }
                blocks.push(b);
            }
            Block::Text(span) => {
                let mut from = span.start;
                for (h, n) in headings_in(text, span) {
                    if present.contains(&n) || n <= last {
                        continue;
                    }
                    last = n;
                    let before = trim_span(text, Span::new(from, h.span.start));
                    if !before.is_empty() {
                        blocks.push(Block::Text(before));
                    }
                    from = h.span.end;
                    blocks.push(Block::Heading(h));
                }
                let rest = trim_span(text, Span::new(from, span.end));
                if from == span.start {
                    blocks.push(Block::Text(span));
                } else if !rest.is_empty() {
                    blocks.push(Block::Text(rest));
                }
            }
            other => blocks.push(other),
        }
    }
    syntax.blocks = blocks;
}

// ------------------------------------------------------------ flattened tables

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A column label, a block marker, a note: part of a header.
    Header,
    /// A merged group label that prefixes the rows under it.
    Group,
    /// A row label, with the number of its list marker ("2." → 2).
    Row(Option<u32>),
    /// "其他"/"总计": a column before the first row, a row after it.
    ColumnOrRow(Option<u32>),
}

struct Anchor {
    core: Vec<char>,
    kind: Kind,
}

fn anchor(label: &str, kind: Kind) -> Anchor {
    Anchor { core: label_core(label).chars().collect(), kind }
}

/// The number of a row label's list marker: "2.其他法律…" → 2.
fn marker_number(label: &str) -> Option<u32> {
    let digits: String = label.chars().take_while(|c| c.is_ascii_digit()).collect();
    (!digits.is_empty() && label[digits.len()..].starts_with(['.', '、'])).then(|| digits.parse().ok()).flatten()
}

fn sorted(mut v: Vec<Anchor>) -> Vec<Anchor> {
    v.retain(|a| !a.core.is_empty());
    // longest first: "其他法律行政法规禁止公开" before "其他"
    v.sort_by_key(|a| std::cmp::Reverse(a.core.len()));
    v
}

static T2_ANCHORS: LazyLock<Vec<Anchor>> = LazyLock::new(|| {
    let mut v = Vec::new();
    for r in T2_ROWS.iter().chain(T2_ROWS_2019.iter()) {
        if !v.iter().any(|a: &Anchor| a.core == label_core(r.label).chars().collect::<Vec<_>>()) {
            v.push(anchor(r.label, Kind::Row(None)));
        }
        for c in r.columns {
            v.push(anchor(c, Kind::Header));
        }
        if let Some(b) = r.block {
            v.push(anchor(b, Kind::Header));
        }
    }
    v.push(anchor("信息内容", Kind::Header));
    sorted(v)
});

static T3_ANCHORS: LazyLock<Vec<Anchor>> = LazyLock::new(|| {
    let mut v = Vec::new();
    for (i, r) in T3_ROWS.iter().enumerate() {
        if i == t3::OTHER_2019 {
            continue;
        }
        let kind = if r.label == "3.其他" || i == t3::TOTAL {
            Kind::ColumnOrRow(marker_number(r.label))
        } else {
            Kind::Row(marker_number(r.label))
        };
        v.push(anchor(r.label, kind));
    }
    // pages often drop the note of （二）部分公开
    v.push(anchor("（二）部分公开", Kind::Row(None)));
    for g in T3_GROUPS {
        v.push(anchor(g, Kind::Group));
    }
    for c in &T3_COLUMNS[..5] {
        v.push(anchor(c, Kind::Header));
    }
    for w in T3_HEADER_WORDS {
        v.push(anchor(w, Kind::Header));
    }
    sorted(v)
});

static T4_ANCHORS: LazyLock<Vec<Anchor>> = LazyLock::new(|| {
    let mut v: Vec<Anchor> = T4_GROUPS.iter().map(|g| anchor(g, Kind::Header)).collect();
    v.extend(T4_RESULTS.iter().map(|r| anchor(r, Kind::Header)));
    v.push(anchor("行政诉讼", Kind::Header));
    sorted(v)
});

/// Characters a flattened table's numbers are written with.
fn data_char(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || cell_break(c) || chars!("./-—－／．").contains(&c)
}

/// What separates the numbers of a flattened row: spaces, or the pipes of a
/// Markdown row run onto one line.
fn cell_break(c: char) -> bool {
    is_space(c) || c == '|' || c == '｜'
}

/// Where a run of numbers ends when its last digit is the list marker of
/// the label after it ("0000002." before "其他法律…"): markers of table rows
/// are single digits.
fn strip_marker_digit(head: &str) -> Option<usize> {
    let h = head.strip_suffix(['.', '．'])?;
    let last = h.chars().last()?;
    last.is_ascii_digit().then(|| h.len() - 1)
}

/// "五、信息处理费…", "（二）…": text after a table's numbers that starts a
/// new numbered part, not a measure word.
fn starts_with_marker(s: &str) -> bool {
    let s = s.trim_start_matches(is_space);
    let inner = s.strip_prefix(['（', '(']).unwrap_or(s);
    let n = inner.len() - inner.trim_start_matches(|c: char| chars!("一二三四五六七八九十").contains(&c)).len();
    n > 0 && inner[n..].starts_with(['、', '.', '．', '）', ')'])
}

/// Rows with labels outside the standard wording, between two standard
/// labels: each a short label (a list marker, then no digits) and its
/// numbers. `None` unless the whole stretch reads that way.
fn unknown_rows(text: &str, span: Span) -> Option<Vec<(Span, Span)>> {
    let s = span.slice(text);
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut out = Vec::new();
    let mut pos = s.len() - s.trim_start_matches(is_space).len();
    let end = s.trim_end_matches(is_space).len();
    while pos < end {
        let label_start = pos;
        let r = &s[pos..];
        let marker = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        pos += marker;
        let r = &s[pos..];
        let words = r.len() - r.trim_start_matches(|c: char| !data_char(c) || c == '.' || c == '．').len();
        pos += words;
        let label = &s[label_start..pos];
        let r = &s[pos..];
        let mut data_len = r.len() - r.trim_start_matches(data_char).len();
        if r[data_len..].chars().next().is_some_and(|c| !is_space(c)) {
            data_len = strip_marker_digit(r[..data_len].trim_end_matches(is_space)).unwrap_or(data_len);
        }
        let data = &r[..data_len];
        if words == 0
            || label.chars().count() > 40
            || label.contains(['。', '；', '！', '？', '，'])
            || !data.chars().any(digit)
        {
            return None;
        }
        let l = trim_span(text, Span::new(span.start + label_start, span.start + pos));
        let d = trim_span(text, Span::new(span.start + pos, span.start + pos + data_len));
        out.push((l, d));
        pos += data_len;
    }
    (!out.is_empty()).then_some(out)
}

/// One anchor found in the text: where its label starts (with its list
/// marker) and ends.
struct Hit {
    kind: Kind,
    label: Span,
    /// The numbers after it, up to the next label.
    data: Option<Span>,
}

/// Labels of one table found in order, each with the numbers after it. The
/// scan stops at the first stretch of prose between two labels.
fn scan(text: &str, span: Span, anchors: &[Anchor], allow_unknown: bool) -> Vec<Vec<Hit>> {
    let core = core_chars(text, span);
    let chars: Vec<char> = core.iter().map(|(_, c)| *c).collect();
    let mut found: Vec<(Kind, Span)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let at = |i: usize| anchors.iter().find(|a| chars[i..].starts_with(&a.core));
        // "其他" and "总计" stand alone only before numbers, a marker or
        // another label, never inside "其他法律和行政法规禁止公开"
        let hit = at(i).filter(|a| {
            let j = i + a.core.len();
            a.core.len() > 2 || j == chars.len() || {
                let raw = &text[core[j - 1].0 + core[j - 1].1.len_utf8()..span.end];
                raw.starts_with(data_char) || starts_with_marker(raw) || at(j).is_some()
            }
        });
        match hit {
            Some(a) => {
                let end = core[i + a.core.len() - 1];
                // the closing quote or bracket of "危及“三安全一稳定”" belongs to the label
                let mut end = end.0 + text[end.0..].chars().next().map_or(0, char::len_utf8);
                end += text[end..span.end].len()
                    - text[end..span.end].trim_start_matches(['”', '’', '）', ')', '》', '」']).len();
                found.push((a.kind, Span::new(core[i].0, end)));
                i += a.core.len();
            }
            None => i += 1,
        }
    }
    // Turn labels into hits: the text between two labels is the first one's
    // numbers, less the next one's list marker ("…0 002.其他法律…").
    let mut chains: Vec<Vec<Hit>> = Vec::new();
    let mut chain: Vec<Hit> = Vec::new();
    let label_start = |k: usize| -> usize {
        let (kind, label) = found[k];
        let n = match kind {
            Kind::Row(n) | Kind::ColumnOrRow(n) => n,
            _ => None,
        };
        let Some(n) = n else { return label.start };
        let before = &text[span.start..label.start];
        let marker = format!("{n}");
        for sep in ['.', '、', '．'] {
            if let Some(head) = before.strip_suffix(sep) {
                if let Some(head) = head.trim_end_matches(is_space).strip_suffix(marker.as_str()) {
                    return span.start + head.len();
                }
            }
        }
        label.start
    };
    let starts: Vec<usize> = (0..found.len()).map(label_start).collect();
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let ideograph = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    for k in 0..found.len() {
        let (kind, label) = found[k];
        let last = k + 1 == found.len();
        let next = starts.get(k + 1).copied().unwrap_or(span.end).max(label.end);
        let gap = &text[label.end..next];
        let mut data_len = gap.len() - gap.trim_start_matches(data_char).len();
        // "…0 002.其他法律和…": the list marker of a label not in the standard
        // wording stays with that label
        let head = gap[..data_len].trim_end_matches(is_space);
        if gap[data_len..].starts_with(ideograph) {
            data_len = strip_marker_digit(head).unwrap_or(data_len);
        }
        let mut rest = &gap[data_len..];
        let has_digits = gap[..data_len].chars().any(digit);
        // A unit after the numbers ("1018703元"): the row's, not prose. It
        // stays out of the cells, so that digits glued before it read as one
        // unreadable row, not as a unit finding and a width finding.
        let unit = rest.trim_end_matches(is_space);
        if has_digits
            && (1..=2).contains(&unit.chars().count())
            && unit.chars().all(|c| chars!("元件条个项次").contains(&c))
        {
            rest = "";
        }
        let data = trim_span(text, Span::new(label.end, label.end + data_len));
        // labels outside the standard wording, each with its numbers: rows
        // the mapper may still recognise ("2.其他法律和行政法规禁止公开")
        let rest_at = label.end + data_len;
        let unknown =
            if allow_unknown && !last { unknown_rows(text, Span::new(rest_at, rest_at + rest.len())) } else { None };
        // numbers run straight into a measure word ("行政许可120件") in prose
        let into_word = has_digits
            && unknown.is_none()
            && data.end == label.end + data_len
            && rest.starts_with(|c: char| chars!("件条次个项篇期场人家万余多").contains(&c))
            && !starts_with_marker(rest);
        chain.push(Hit {
            kind,
            label: Span::new(starts[k], label.end),
            // a Markdown separator run into the line ("|---|---|") is no data
            data: (has_digits || !data.slice(text).trim_matches(|c| cell_break(c) || c == '-' || c == ':').is_empty())
                .then_some(data)
                .filter(|_| !into_word),
        });
        let unknown_found = unknown.is_some();
        for (l, d) in unknown.into_iter().flatten() {
            chain.push(Hit { kind: Kind::Row(None), label: l, data: Some(d) });
        }
        let prose = into_word
            || (!unknown_found
                && (rest.chars().count() > 40 || rest.contains(['。', '；', '！', '？']) || rest.chars().any(digit)));
        if prose || last {
            chains.push(std::mem::take(&mut chain));
        }
    }
    chains
}

/// A run of digits a page glued together, split into `width` numbers by the
/// table's arithmetic. Tokens are the space-separated parts; a number never
/// spans a space and never starts with 0 unless it is 0.
fn split_glued(tokens: &[&str], width: usize, rule: &dyn Fn(&[i64]) -> bool) -> Option<Vec<Vec<usize>>> {
    match splits(tokens, width, rule, 2) {
        Some(mut all) if all.len() == 1 => all.pop(),
        _ => None,
    }
}

/// Every way (up to `limit`) to cut the tokens into `width` numbers that
/// `rule` accepts, as the char offsets where each number starts, per token;
/// `None` when the search ran out of budget.
fn splits(tokens: &[&str], width: usize, rule: &dyn Fn(&[i64]) -> bool, limit: usize) -> Option<Vec<Vec<Vec<usize>>>> {
    // Cut positions (in chars) within each token; explored breadth is
    // capped, so a pathological run costs a constant, then reads as unclear.
    const BUDGET: usize = 20_000;
    struct S<'a> {
        tokens: Vec<Vec<char>>,
        width: usize,
        rule: &'a dyn Fn(&[i64]) -> bool,
        cur: Vec<(usize, usize, usize)>,
        digits_after: Vec<usize>,
        found: Vec<Vec<(usize, usize, usize)>>,
        steps: usize,
        limit: usize,
    }
    fn go(s: &mut S, tok: usize, pos: usize) {
        s.steps += 1;
        if s.steps > BUDGET || s.found.len() > s.limit {
            return;
        }
        if tok == s.tokens.len() {
            if s.cur.len() == s.width {
                let values: Vec<i64> = s
                    .cur
                    .iter()
                    .map(|&(t, a, b)| s.tokens[t][a..b].iter().collect::<String>().parse().unwrap_or(-1))
                    .collect();
                if (s.rule)(&values) {
                    s.found.push(s.cur.clone());
                }
            }
            return;
        }
        let len = s.tokens[tok].len();
        if pos == len {
            go(s, tok + 1, 0);
            return;
        }
        // every token left needs a number, every number a digit
        let left = s.width.saturating_sub(s.cur.len());
        let digits_left = (len - pos) + s.digits_after[tok];
        if left < s.tokens.len() - tok || digits_left < left || digits_left > left * 9 {
            return;
        }
        let zero = s.tokens[tok][pos] == '0';
        let max = if zero { 1 } else { (len - pos).min(9) };
        for l in 1..=max {
            s.cur.push((tok, pos, pos + l));
            go(s, tok, pos + l);
            s.cur.pop();
        }
    }
    let chars: Vec<Vec<char>> = tokens.iter().map(|t| t.chars().collect()).collect();
    let digits_after: Vec<usize> = (0..chars.len()).map(|i| chars[i + 1..].iter().map(Vec::len).sum()).collect();
    let mut s = S { tokens: chars, width, rule, cur: Vec::new(), digits_after, found: Vec::new(), steps: 0, limit };
    let digits: usize = s.tokens.iter().map(Vec::len).sum();
    if digits < width || s.tokens.iter().any(|t| t.iter().any(|c| !c.is_ascii_digit())) {
        return Some(Vec::new());
    }
    go(&mut s, 0, 0);
    if s.steps > BUDGET || s.found.len() > limit {
        return None;
    }
    // back to char offsets per token
    let out = s
        .found
        .iter()
        .map(|found| {
            let mut out = vec![Vec::new(); tokens.len()];
            for (t, a, _) in found {
                out[*t].push(*a);
            }
            out
        })
        .collect();
    Some(out)
}

/// The numbers of a row as cells. Single spaces separate them; where the
/// page glued digits together ("20 0 0 0 02"), the row is split the one way
/// its arithmetic allows, or left as written (and `glued` records the run)
/// when it allows none or several.
/// A glued run its row's arithmetic leaves a few ways to read: the table's
/// column arithmetic may still pick one (see [`resolve_three`]).
struct Ambiguous {
    span: Span,
    options: Vec<Vec<Cell>>,
}

fn data_cells(
    text: &str,
    data: Span,
    width: usize,
    rule: &dyn Fn(&[i64]) -> bool,
    glued: &mut Vec<Span>,
    ambiguous: &mut Vec<Ambiguous>,
    first_index: usize,
) -> Vec<Cell> {
    let mut tokens: Vec<Span> = Vec::new();
    let s = data.slice(text);
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if cell_break(c) {
            if let Some(st) = start.take() {
                tokens.push(Span::new(data.start + st, data.start + i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        tokens.push(Span::new(data.start + st, data.end));
    }
    let cell = |span: Span, index: usize| Cell::new(span, parse_cell(span.slice(text)), index);
    let as_written =
        |tokens: &[Span]| -> Vec<Cell> { tokens.iter().enumerate().map(|(i, t)| cell(*t, first_index + i)).collect() };
    if tokens.len() >= width {
        return as_written(&tokens);
    }
    // folded digits, so that full-width ones split the same way
    let folded: Vec<String> = tokens.iter().map(|t| t.slice(text).chars().map(fold_char).collect()).collect();
    let refs: Vec<&str> = folded.iter().map(String::as_str).collect();
    // a split forced by the digits alone (as many digits as columns) is
    // read even when it breaks the arithmetic: that is then a tally finding
    let Some(cuts) = split_glued(&refs, width, &|_| true).or_else(|| split_glued(&refs, width, rule)) else {
        // digits enough for every column, but no single way to cut them
        let digits: usize = folded.iter().map(|t| t.chars().count()).sum();
        if digits >= width && folded.iter().all(|t| t.chars().all(|c| c.is_ascii_digit())) {
            let span = tokens[0].cover(tokens[tokens.len() - 1]);
            glued.push(span);
            if let Some(all) = splits(&refs, width, rule, 8).filter(|a| a.len() > 1) {
                let options = all.into_iter().map(|cuts| cut_cells(text, &tokens, cuts, first_index)).collect();
                ambiguous.push(Ambiguous { span, options });
            }
        }
        return as_written(&tokens);
    };
    cut_cells(text, &tokens, cuts, first_index)
}

/// The cells of tokens cut where `cuts` says.
fn cut_cells(text: &str, tokens: &[Span], cuts: Vec<Vec<usize>>, first_index: usize) -> Vec<Cell> {
    let mut out = Vec::new();
    for (t, starts) in tokens.iter().zip(cuts) {
        let offsets: Vec<usize> = t.slice(text).char_indices().map(|(i, _)| t.start + i).collect();
        for (k, &a) in starts.iter().enumerate() {
            let b = starts.get(k + 1).map_or(t.end, |&n| offsets[n]);
            let span = Span::new(offsets[a], b);
            out.push(Cell::new(span, parse_cell(span.slice(text)), first_index + out.len()));
        }
    }
    out
}

/// Glued rows of table 三 that their own total leaves ambiguous
/// ("110000011": 11 0 0 0 0 0 11 or 1 10 0 0 0 0 11), read the one way the
/// table's columns allow: 一+二 = （七）+四 and （七） = the sum of the results,
/// per column, over the rows the table has. Nothing changes unless exactly one
/// combination of readings passes every check that applies.
fn resolve_three(text: &str, rows: &mut [Row], glued: &mut Vec<Span>, ambiguous: Vec<Ambiguous>) {
    let combos: usize = ambiguous.iter().map(|a| a.options.len()).product();
    if ambiguous.is_empty() || ambiguous.len() > 4 || combos > 256 {
        return;
    }
    let spec_of = |row: &Row| -> Option<usize> {
        row.cells.iter().rev().filter(|c| !c.value.is_data_like()).find_map(|c| {
            let core = label_core(c.span.slice(text));
            T3_ROWS.iter().position(|r| label_core(r.label) == core)
        })
    };
    let values = |cells: &[Cell]| -> Option<Vec<i64>> {
        let v: Vec<i64> = cells.iter().filter(|c| c.value.is_data_like()).filter_map(|c| c.value.as_int()).collect();
        (v.len() == 7).then_some(v)
    };
    let specs: Vec<Option<usize>> = rows.iter().map(spec_of).collect();
    let owner: Vec<Option<usize>> =
        ambiguous.iter().map(|a| rows.iter().position(|r| r.span.contains(a.span.start))).collect();
    let mut known: std::collections::HashMap<usize, Vec<i64>> = std::collections::HashMap::new();
    for (r, spec) in rows.iter().zip(&specs) {
        if let (Some(s), Some(v)) = (spec, values(&r.cells)) {
            known.entry(*s).or_insert(v);
        }
    }
    let trial =
        specs.contains(&Some(t3::OTHER_2019)) && !specs.iter().any(|s| s.is_some_and(|s| t3::OTHER.contains(&s)));
    let results: Vec<usize> = if trial {
        (t3::OPEN..t3::OTHER.start).chain([t3::OTHER_2019]).collect()
    } else {
        (t3::OPEN..t3::TOTAL).collect()
    };
    let mut passing: Vec<Vec<usize>> = Vec::new();
    for n in 0..combos {
        let mut pick = Vec::with_capacity(ambiguous.len());
        let mut rest = n;
        let mut v = known.clone();
        for (a, o) in ambiguous.iter().zip(&owner) {
            let k = rest % a.options.len();
            rest /= a.options.len();
            pick.push(k);
            if let (Some(o), Some(vals)) = (o.and_then(|o| specs[o]), values(&a.options[k])) {
                v.insert(o, vals);
            }
        }
        let all = |specs: &[usize]| specs.iter().all(|s| v.contains_key(s));
        let mut checked = false;
        let mut ok = true;
        if all(&[t3::NEW, t3::CARRIED_IN, t3::TOTAL, t3::CARRIED_OUT]) {
            checked = true;
            for c in t3::COLUMNS {
                // in i128: the glued digits can make cells near i64::MAX
                let at = |row: &usize| i128::from(v[row][c]);
                ok &= at(&t3::NEW) + at(&t3::CARRIED_IN) == at(&t3::TOTAL) + at(&t3::CARRIED_OUT);
            }
        }
        if v.contains_key(&t3::TOTAL) && all(&results) {
            checked = true;
            for c in t3::COLUMNS {
                ok &= i128::from(v[&t3::TOTAL][c]) == results.iter().map(|r| i128::from(v[r][c])).sum::<i128>();
            }
        }
        if !checked {
            return;
        }
        if ok {
            passing.push(pick);
        }
    }
    let [pick] = passing.as_slice() else { return };
    for ((a, o), k) in ambiguous.into_iter().zip(owner).zip(pick) {
        let Some(o) = o else { continue };
        let row = &mut rows[o];
        let mut cells: Vec<Cell> = row.cells.drain(..).filter(|c| !a.span.contains(c.span.start)).collect();
        cells.extend(a.options.into_iter().nth(*k).unwrap_or_default());
        for (i, c) in cells.iter_mut().enumerate() {
            c.index = i;
        }
        row.cells = cells;
        glued.retain(|g| *g != a.span);
    }
}

/// A flattened table found in a line, and the runs of digits in it that
/// could not be split.
pub struct Inline {
    pub table: Table,
    pub glued: Vec<Span>,
}

fn t3_rule(width: usize) -> impl Fn(&[i64]) -> bool {
    move |v: &[i64]| width != 7 || v.len() != 7 || i128::from(v[6]) == sum(&v[..6])
}

fn t4_rule(width: usize) -> impl Fn(&[i64]) -> bool {
    move |v: &[i64]| width != 15 || v.chunks(5).all(|g| g.len() == 5 && i128::from(g[4]) == sum(&g[..4]))
}

/// A sum that cannot overflow: a split of glued digits can give parts near
/// i64::MAX, whose i64 sum would wrap (or panic with overflow checks).
fn sum(v: &[i64]) -> i128 {
    v.iter().map(|&x| i128::from(x)).sum()
}

/// Read a flattened table of kind `id` in `span`, if one is there.
pub fn inline_table(text: &str, span: Span, id: TableId) -> Option<Inline> {
    let anchors: &[Anchor] = match id {
        TableId::Two => &T2_ANCHORS,
        TableId::Three => &T3_ANCHORS,
        TableId::Four => &T4_ANCHORS,
    };
    let chains = scan(text, span, anchors, id != TableId::Four);
    // the chain with most numbered rows is the table; prose mentions of a
    // label ("规章制度") make chains without numbers
    let best = chains.into_iter().max_by_key(|c| c.iter().filter(|h| h.data.is_some()).count())?;
    let with_data = best.iter().filter(|h| h.data.is_some()).count();
    let needed = if id == TableId::Four { 1 } else { 2 };
    if with_data < needed {
        return None;
    }
    // table 四 is one row of 15 (or 12) numbers: a sentence naming 行政复议
    // with one count ("被申请行政复议 2 件") is prose, not the table
    if id == TableId::Four {
        let digits: usize = best
            .iter()
            .filter_map(|h| h.data)
            .map(|d| d.slice(text).chars().filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).count())
            .sum();
        if digits < 4 {
            return None;
        }
    }
    let mut glued = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut pending: Vec<Cell> = Vec::new();
    let mut header: Vec<Cell> = Vec::new();
    let label_cell = |h: &Hit, index: usize| Cell::new(h.label, parse_cell(h.label.slice(text)), index);
    let flush_header = |header: &mut Vec<Cell>, rows: &mut Vec<Row>| {
        if let (Some(a), Some(b)) = (header.first(), header.last()) {
            let span = a.span.cover(b.span);
            rows.push(Row { span, cells: std::mem::take(header), separator: false });
        }
    };
    match id {
        TableId::Four => {
            let labels = best.iter().filter(|h| h.kind == Kind::Header);
            let results = labels.clone().filter(|h| T4_RESULTS[..4].contains(&core_key(h.label.slice(text)).as_str()));
            let totals = best.iter().filter(|h| core_key(h.label.slice(text)) == "总计").count();
            let width = if results.count() >= 12 && totals == 0 { 12 } else { 15 };
            for h in &best {
                header.push(label_cell(h, header.len()));
                if let Some(d) = h.data {
                    flush_header(&mut header, &mut rows);
                    let cells = data_cells(text, d, width, &t4_rule(width), &mut glued, &mut Vec::new(), 0);
                    rows.push(Row { span: d, cells, separator: false });
                }
            }
            flush_header(&mut header, &mut rows);
        }
        TableId::Three => {
            let columns: Vec<&str> = T3_COLUMNS.to_vec();
            let mut seen_row = false;
            let mut found_cols = [false; 7];
            for h in &best {
                if matches!(h.kind, Kind::Header | Kind::ColumnOrRow(_)) && !seen_row {
                    let core = label_core(h.label.slice(text));
                    if let Some(c) = columns.iter().position(|c| *c == core) {
                        found_cols[c] = true;
                    }
                }
                seen_row |= matches!(h.kind, Kind::Row(_));
            }
            let n = found_cols.iter().filter(|c| **c).count();
            let width = if n >= 3 { n } else { 7 };
            let mut ambiguous = Vec::new();
            let rule = t3_rule(if n < 3 || found_cols[6] { width } else { 0 });
            let mut seen_row = false;
            for h in &best {
                let as_row = match h.kind {
                    Kind::Row(_) => true,
                    Kind::ColumnOrRow(_) => seen_row,
                    _ => false,
                };
                if !as_row && h.kind != Kind::Group {
                    header.push(label_cell(h, header.len()));
                    continue;
                }
                if h.kind == Kind::Group {
                    // a group with numbers of its own is the 2019 one-row （六）其他处理
                    pending.push(label_cell(h, pending.len()));
                    if h.data.is_none() {
                        continue;
                    }
                }
                seen_row = true;
                flush_header(&mut header, &mut rows);
                let mut cells = std::mem::take(&mut pending);
                if h.kind != Kind::Group {
                    cells.push(label_cell(h, cells.len()));
                }
                let mut span = cells[0].span.cover(h.label);
                if let Some(d) = h.data {
                    let n = cells.len();
                    cells.extend(data_cells(text, d, width, &rule, &mut glued, &mut ambiguous, n));
                    span = span.cover(d);
                }
                rows.push(Row { span, cells, separator: false });
            }
            flush_header(&mut header, &mut rows);
            if width == 7 {
                resolve_three(text, &mut rows, &mut glued, ambiguous);
            }
        }
        TableId::Two => {
            let trial = best.iter().any(|h| {
                let core = label_core(h.label.slice(text));
                ["本年新制作数量", "上一年项目数量", "政府集中采购", "采购项目数量", "其他对外管理服务事项"]
                    .contains(&core.as_str())
            });
            let specs = if trial { &T2_ROWS_2019[..] } else { &T2_ROWS[..] };
            for h in &best {
                if h.kind == Kind::Header {
                    header.push(label_cell(h, header.len()));
                    continue;
                }
                flush_header(&mut header, &mut rows);
                let core = label_core(h.label.slice(text));
                let width = specs
                    .iter()
                    .find(|s| label_core(s.label) == core)
                    .or_else(|| (core == "规范性文件").then(|| &specs[1]))
                    .map_or(1, |s| s.columns.len());
                let mut cells = vec![label_cell(h, 0)];
                let mut span = h.label;
                if let Some(d) = h.data {
                    cells.extend(data_cells(text, d, width, &|_| true, &mut glued, &mut Vec::new(), 1));
                    span = span.cover(d);
                }
                rows.push(Row { span, cells, separator: false });
            }
            flush_header(&mut header, &mut rows);
        }
    }
    let span = rows.iter().map(|r| r.span).reduce(Span::cover)?;
    // Vertical: a label without numbers is an unfilled row, as in one-cell-per-line tables
    Some(Inline { table: Table { span, style: TableStyle::Vertical, rows }, glued })
}

static GROUP_CORES: LazyLock<Vec<Vec<char>>> =
    LazyLock::new(|| T3_GROUPS.iter().map(|g| label_core(g).chars().collect()).collect());

/// A row label that a page glued to its group's ("三、本年度办理结果（一）予以公开",
/// "（三）不予公开1.属于国家秘密") becomes two label cells, as a TAB draft has
/// them, so that table 三 knows the group and the row.
pub fn split_group_labels(text: &str, syntax: &mut Syntax) {
    for t in syntax.tables.iter_mut().filter(|t| t.style != TableStyle::Vertical) {
        for row in &mut t.rows {
            let Some(first) = row.cells.first().filter(|c| !c.value.is_data_like()) else { continue };
            let core = core_chars(text, first.span);
            let chars: Vec<char> = core.iter().map(|(_, c)| *c).collect();
            // the group's own marker ("三、", "（三）") comes first
            let split = GROUP_CORES.iter().find_map(|g| {
                (0..=2.min(chars.len())).find(|&off| chars[off..].starts_with(g)).map(|off| off + g.len())
            });
            let Some(end) = split.filter(|&e| e < chars.len()) else { continue };
            let (at, c) = core[end - 1];
            let mut cut = at + c.len_utf8();
            // a closing bracket after the group's words is the group's
            cut += text[cut..first.span.end].len() - text[cut..first.span.end].trim_start_matches(['）', ')']).len();
            let a = trim_span(text, Span::new(first.span.start, cut));
            let b = trim_span(text, Span::new(cut, first.span.end));
            if a.is_empty() || b.is_empty() {
                continue;
            }
            let mut cells =
                vec![Cell::new(a, parse_cell(a.slice(text)), 0), Cell::new(b, parse_cell(b.slice(text)), 1)];
            cells.extend(row.cells.drain(1..));
            for (i, c) in cells.iter_mut().enumerate() {
                c.index = i;
            }
            row.cells = cells;
        }
    }
}

/// Re-segment flattened tables in the sections that should hold them: the
/// text of such a section is searched for its table's labels, and the table
/// found replaces that stretch of the text (the model joins it with any
/// other part of the same table). Returns the glued digit runs that could
/// not be split.
pub fn inline_tables(text: &str, syntax: &mut Syntax, sections: &[super::Section]) -> Vec<Span> {
    let mut glued = Vec::new();
    // Runs of consecutive Text blocks in sections that should hold a table
    // and hold none: a page's flattened table may be one line, or several
    // lines of glued rows ("规章000" / "行政规范性文件021").
    let mut runs: Vec<(std::ops::Range<usize>, TableId)> = Vec::new();
    for s in sections {
        let Some(id) = sections::spec(s.number).table else { continue };
        // also beside a table: rows of one number glued to their label
        // ("行政许可120") are text between the rows a table was found in
        let blocks = &syntax.blocks[s.blocks.clone()];
        let mut start: Option<usize> = None;
        for (k, b) in blocks.iter().enumerate().chain(std::iter::once((blocks.len(), &Block::Comment(Span::default()))))
        {
            let i = s.blocks.start + k;
            // a heading-like line inside a section is a row label here:
            // "一、本年新收政府信息公开申请数量103000013"
            match (b, start) {
                (Block::Text(_) | Block::Heading(_), None) => start = Some(i),
                (Block::Text(_) | Block::Heading(_), Some(_)) => {}
                (_, Some(st)) => {
                    runs.push((st..i, id));
                    start = None;
                }
                _ => {}
            }
        }
    }
    // Lines of glued rows are read together; other runs line by line, so
    // that one-cell-per-line tables stay with the reading made for them
    // (model::report), which knows their units and signs.
    let glued_row = |b: &Block| {
        let t = b.span(syntax).slice(text);
        t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            && !t.starts_with(|c: char| c.is_ascii_digit())
            && t.ends_with(|c: char| c.is_ascii_digit())
    };
    let mut found: Vec<(std::ops::Range<usize>, Inline)> = Vec::new();
    for (run, id) in runs {
        // a line of nothing but many digits is a glued data row too (表四's 15)
        let digit_run = |b: &Block| {
            let t = b.span(syntax).slice(text);
            t.len() >= 7 && t.bytes().all(|c| c.is_ascii_digit())
        };
        let blocks = &syntax.blocks[run.clone()];
        let together = blocks.iter().filter(|b| glued_row(b)).count() >= 2 || blocks.iter().any(digit_run);
        let parts: Vec<std::ops::Range<usize>> = if together { vec![run] } else { run.map(|i| i..i + 1).collect() };
        for part in parts {
            let span =
                syntax.blocks[part.clone()].iter().map(|b| b.span(syntax)).reduce(Span::cover).unwrap_or_default();
            if let Some(t) = inline_table(text, span, id) {
                found.push((part, t));
            }
        }
    }
    if found.is_empty() {
        return glued;
    }
    let mut blocks = Vec::with_capacity(syntax.blocks.len() + found.len() * 2);
    let mut next = found.into_iter().peekable();
    let old = std::mem::take(&mut syntax.blocks);
    let mut i = 0;
    while i < old.len() {
        let Some((run, _)) = next.peek().filter(|(r, _)| r.start == i) else {
            blocks.push(old[i].clone());
            i += 1;
            continue;
        };
        let run = run.clone();
        let Some((_, t)) = next.next() else { break };
        let at = t.table.span;
        let mut placed = false;
        for b in &old[run.clone()] {
            let span = match b {
                Block::Text(span) => *span,
                Block::Heading(h) => h.line,
                _ => continue,
            };
            // lines wholly outside the table stay as they were
            if span.end <= at.start || span.start >= at.end {
                if !placed && span.start >= at.end {
                    blocks.push(Block::Table(syntax.tables.len()));
                    placed = true;
                }
                blocks.push(b.clone());
                continue;
            }
            // the text of each line before and after the table stays text
            let before = trim_span(text, Span::new(span.start, at.start.clamp(span.start, span.end)));
            let after = trim_span(text, Span::new(at.end.clamp(span.start, span.end), span.end));
            if !before.is_empty() {
                blocks.push(Block::Text(before));
            }
            if !placed && span.end > at.start {
                blocks.push(Block::Table(syntax.tables.len()));
                placed = true;
            }
            if !after.is_empty() {
                blocks.push(Block::Text(after));
            }
        }
        if !placed {
            blocks.push(Block::Table(syntax.tables.len()));
        }
        syntax.tables.push(t.table);
        glued.extend(t.glued);
        i = run.end;
    }
    syntax.blocks = blocks;
    glued
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parts near i64::MAX: the sum is compared exactly, never wrapped (and
    /// never an overflow panic in a build with overflow checks).
    #[test]
    fn the_arithmetic_of_a_split_cannot_overflow() {
        let big = i64::MAX;
        assert!(!t3_rule(7)(&[big, big, 0, 0, 0, 0, 1]));
        assert!(t3_rule(7)(&[big, 0, 0, 0, 0, 0, big]));
        let mut four = vec![0i64; 15];
        four[..5].copy_from_slice(&[big, big, 0, 0, 2]);
        assert!(!t4_rule(15)(&four));
        four[..5].copy_from_slice(&[big, 0, 0, 0, big]);
        assert!(t4_rule(15)(&four));
    }

    /// Table 三 flattened as a page leaves it: the header, then each row's
    /// label and its numbers glued on.
    fn flat_three(value: &dyn Fn(usize) -> &'static str) -> String {
        let mut s = String::from("申请人情况自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他总计");
        for (i, r) in T3_ROWS.iter().enumerate().take(25) {
            s.push_str(r.label);
            s.push_str(value(i));
        }
        s
    }

    fn row_cells(text: &str, t: &Table, label: &str) -> Vec<String> {
        let row = t.rows.iter().rfind(|r| r.cells.iter().any(|c| c.span.slice(text) == label)).unwrap();
        row.cells.iter().filter(|c| c.value.is_data_like()).map(|c| c.span.slice(text).to_string()).collect()
    }

    #[test]
    fn a_row_total_leaves_one_split() {
        let rule = t3_rule(7);
        let cut = |tokens: &[&str]| split_glued(tokens, 7, &rule);
        // "20 0 0 0 02": 2 0 0 0 0 0 2
        assert_eq!(cut(&["20", "0", "0", "0", "02"]), Some(vec![vec![0, 1], vec![0], vec![0], vec![0], vec![0, 1]]));
        // "210000021": 21 0 0 0 0 0 21 (2 10 … does not add up, 021 is no number)
        assert_eq!(cut(&["210000021"]), Some(vec![vec![0, 2, 3, 4, 5, 6, 7]]));
        // "110000011": 11 0 0 0 0 0 11 and 1 10 0 0 0 0 11 both add up
        assert_eq!(cut(&["110000011"]), None);
        // no split adds up
        assert_eq!(cut(&["103000014"]), None);
        // a decimal or too few digits is never cut
        assert_eq!(split_glued(&["1.5"], 2, &|_| true), None);
        assert_eq!(split_glued(&["12"], 3, &|_| true), None);
    }

    #[test]
    fn the_columns_pick_between_readings_the_rows_allow() {
        let value = |i: usize| match i {
            t3::NEW | t3::TOTAL => "110000011",
            t3::OPEN => "3000003",
            12 => "8000008",
            _ => "0000000",
        };
        let text = flat_three(&value);
        let found = inline_table(&text, Span::new(0, text.len()), TableId::Three).unwrap();
        assert!(found.glued.is_empty());
        let new = row_cells(&text, &found.table, "本年新收政府信息公开申请数量");
        assert_eq!(new, ["11", "0", "0", "0", "0", "0", "11"]);
        // when the columns allow both readings too, the rows stay unread
        let value = |i: usize| match i {
            t3::NEW | t3::TOTAL | t3::OPEN => "110000011",
            _ => "0000000",
        };
        let text = flat_three(&value);
        let found = inline_table(&text, Span::new(0, text.len()), TableId::Three).unwrap();
        assert_eq!(found.glued.len(), 3);
        assert_eq!(row_cells(&text, &found.table, "总计"), ["110000011"]);
    }

    #[test]
    fn prose_naming_table_labels_is_not_a_table() {
        for prose in [
            "全年制发行政规范性文件2件，废止1件，行政许可120件，行政处罚31件。",
            "我局不断完善规章制度，规范行政许可、行政处罚工作。",
        ] {
            assert!(inline_table(prose, Span::new(0, prose.len()), TableId::Two).is_none(), "{prose}");
        }
        let prose = "本年度未发生行政复议0件，行政诉讼0件。";
        assert!(inline_table(prose, Span::new(0, prose.len()), TableId::Four).is_none());
        let prose = "其中予以公开7件，部分公开1件，无法提供3件。";
        assert!(inline_table(prose, Span::new(0, prose.len()), TableId::Three).is_none());
    }
}
