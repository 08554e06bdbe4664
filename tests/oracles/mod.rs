//! The fuzz oracles, shared by the cargo-fuzz targets in `fuzz/` (included
//! there with `#[path]`) and by `tests/fuzz_replay.rs`, which replays every
//! corpus file through exactly the same code in an ordinary `cargo test`.
//!
//! Each oracle takes raw fuzzer bytes and panics when an invariant breaks.
//! Inputs are decoded by hand from the bytes (no `arbitrary`) so that the
//! library needs no fuzzing dependency and a corpus file means the same thing
//! to the fuzzer and to the replay test.
#![allow(dead_code)]

pub mod generate;

use nianbao_core::fix;
use nianbao_core::span::{ColumnUnit, LineIndex, Span};
use nianbao_core::text_edit::{self, Pos};
use nianbao_core::{Analysis, Config, Edit};
use ropey::Rope;
use std::cell::Cell;
use std::sync::Once;

use generate::Reader;

thread_local! {
    static PANICS: Cell<usize> = const { Cell::new(0) };
}
static HOOK: Once = Once::new();

/// Runs `f` and counts the panics raised on this thread meanwhile, caught or
/// not. `check::run` catches a panicking rule so that users lose only that
/// rule's findings; for fuzzing that is still a bug to find. (Under
/// cargo-fuzz libfuzzer's own hook, which we chain to, aborts on any panic
/// anyway; in the replay test the count is what fails the test.)
pub fn panics_during<R>(f: impl FnOnce() -> R) -> (R, usize) {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.with(|p| p.set(p.get() + 1));
            previous(info);
        }));
    });
    let before = PANICS.with(Cell::get);
    let r = f();
    (r, PANICS.with(Cell::get) - before)
}

fn valid_span(text: &str, s: Span) -> bool {
    s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
}

/// Analyse and check what every consumer of an [`Analysis`] relies on: no
/// rule panicked, spans are inside the text on character boundaries (the
/// front ends slice with them), findings are sorted, and each fix's edits
/// apply to the text as one non-overlapping set.
pub fn analyze_checked(text: &str, config: &Config) -> Analysis {
    let (analysis, panics) = panics_during(|| nianbao_core::analyze(text, config));
    assert_eq!(panics, 0, "analysis panicked (a rule's panic was caught by check::run) on {text:?}");
    let index = LineIndex::new(text);
    for f in &analysis.findings {
        assert!(valid_span(text, f.span), "{} span {:?} invalid in {text:?}", f.rule, f.span);
        for r in &f.related {
            assert!(valid_span(text, r.span), "{} related span {:?} invalid", f.rule, r.span);
        }
        for x in &f.fixes {
            let edits = analysis.edits(text, x);
            for e in &edits {
                assert!(valid_span(text, e.span), "{} fix edit {:?} invalid", f.rule, e.span);
            }
            let (_, applied) = fix::apply(text, &edits).expect("fix edits apply");
            assert_eq!(applied, edits.len(), "{} fix {:?} has overlapping edits", f.rule, x.title);
        }
        // every front end turns spans into positions and back
        for unit in [ColumnUnit::Utf16, ColumnUnit::Utf8, ColumnUnit::Scalar] {
            let (line, col) = index.position(text, f.span.start, unit);
            assert!(index.offset(text, line, col, unit) <= text.len());
        }
    }
    assert!(
        analysis.findings.windows(2).all(|w| w[0].span.start <= w[1].span.start),
        "findings not sorted by position"
    );
    analysis
}

/// Target `analyze`: the parser and every rule on arbitrary text. The first
/// byte picks how the rest becomes text: strict UTF-8, lossy UTF-8 of raw
/// bytes, or the structured splicer of real report fragments in
/// [`generate::document`], which reaches tables and tallies that random
/// bytes never would.
pub fn analyze(data: &[u8]) {
    let Some((config, text)) = document_of(data) else { return };
    analyze_checked(&text, &config);
}

/// The configuration and text an `analyze` input stands for.
fn document_of(data: &[u8]) -> Option<(Config, String)> {
    let (&mode, rest) = data.split_first()?;
    let config = generate::config(mode >> 2);
    let text = match mode & 3 {
        0 => std::str::from_utf8(rest).ok()?.to_owned(),
        1 => String::from_utf8_lossy(rest).into_owned(),
        _ => generate::document(&mut Reader::new(rest), generate::DOCUMENT_CAP),
    };
    Some((config, text))
}

/// Target `memo`, on `analyze`'s inputs: the analysis the language server
/// makes with its paragraph memo ([`nianbao_core::analyze_memo`]) after an
/// edit is the plain one. The version before the edit is the document with
/// one edit derived from the input's bytes (what decides whether a
/// paragraph's reading can be copied: list marks and line breaks at line
/// starts, sentence ends, counts, years); then the same text a second
/// time, when every paragraph is copied.
pub fn memo(data: &[u8]) {
    let Some((config, text)) = document_of(data) else { return };
    let seed = data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    let before = edited(&text, seed);
    let plain = nianbao_core::analyze(&text, &config);
    let (plain, model) = (format!("{:?}", plain.findings), format!("{:?}", plain.report));
    let mut memo = nianbao_core::Memo::default();
    let never = || false;
    let _ = nianbao_core::analyze_memo(&before, &config, &never, &mut memo);
    for round in ["after the edit", "again"] {
        let with = nianbao_core::analyze_memo(&text, &config, &never, &mut memo).expect("never stopped");
        assert_eq!(
            format!("{:?}", with.findings),
            plain,
            "{round}: memo of {before:?} changed the analysis of {text:?}"
        );
        assert_eq!(format!("{:?}", with.report), model, "{round}: memo of {before:?} changed the model of {text:?}");
    }
    // the reading itself, which holds more than the findings show (every
    // label's span, every year use)
    use nianbao_core::model::prose::{Memo, Prose};
    let report = nianbao_core::Report::build(&text, &config);
    let mut memo = Memo::default();
    let _ = Prose::read_memo(&before, &nianbao_core::Report::build(&before, &config), &never, Some(&mut memo));
    let with = Prose::read_memo(&text, &report, &never, Some(&mut memo)).expect("never stopped");
    assert_eq!(
        format!("{with:?}"),
        format!("{:?}", Prose::read(&text, &report)),
        "memo of {before:?} changed the reading of {text:?}"
    );
}

/// `text` with one edit chosen by `seed`.
fn edited(text: &str, seed: u64) -> String {
    const PIECES: &[&str] =
        &["、", "\n、", "。", "\n", "，", "；", "1", "12", "件", "其中", "2024年", "\u{3000}", "（"];
    let mut at = (seed % (text.len() as u64 + 1)) as usize;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut out = text.to_owned();
    match (seed >> 32) % 3 {
        0 => {
            let mut end = (at + 1 + ((seed >> 40) % 8) as usize).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            out.replace_range(at..end, "");
        }
        _ => out.insert_str(at, PIECES[((seed >> 40) % PIECES.len() as u64) as usize]),
    }
    out
}

// ---------------------------------------------------------------------------
// LSP edits

/// A deliberately naive model of an LSP document: the text as a flat vector
/// of code units in the negotiated encoding (UTF-16 units, UTF-8 bytes or
/// scalars), with line starts recomputed by a linear scan on every query.
pub struct Reference {
    units: Vec<u32>,
    unit: ColumnUnit,
    /// Recomputed by a linear scan after every edit (never updated
    /// incrementally, which would be the kind of cleverness under test);
    /// kept between edits because the fuzzer asks for it several times per
    /// edit and rescanning was most of its time.
    starts: Vec<usize>,
}

impl Reference {
    pub fn new(text: &str, unit: ColumnUnit) -> Self {
        let units: Vec<u32> = match unit {
            ColumnUnit::Utf16 => text.encode_utf16().map(u32::from).collect(),
            ColumnUnit::Utf8 => text.bytes().map(u32::from).collect(),
            ColumnUnit::Scalar => text.chars().map(u32::from).collect(),
        };
        let starts = scan_line_starts(&units);
        Reference { units, unit, starts }
    }

    pub fn text(&self) -> String {
        match self.unit {
            ColumnUnit::Utf16 => {
                let v: Vec<u16> = self.units.iter().map(|&u| u as u16).collect();
                String::from_utf16(&v).expect("reference split a surrogate pair")
            }
            ColumnUnit::Utf8 => {
                let v: Vec<u8> = self.units.iter().map(|&u| u as u8).collect();
                String::from_utf8(v).expect("reference split a UTF-8 sequence")
            }
            ColumnUnit::Scalar => self.units.iter().map(|&u| char::from_u32(u).unwrap()).collect(),
        }
    }

    /// A unit that continues a character rather than starting one.
    fn continues(&self, u: u32) -> bool {
        match self.unit {
            ColumnUnit::Utf16 => (0xDC00..=0xDFFF).contains(&u),
            ColumnUnit::Utf8 => u & 0xC0 == 0x80,
            ColumnUnit::Scalar => false,
        }
    }

    /// Unit index of the start of every line: breaks are LF, CR LF and CR.
    pub fn line_starts(&self) -> &[usize] {
        &self.starts
    }

    /// Length in code units.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// (start, end of content) of a line, in units.
    pub fn line_bounds(&self, line: usize) -> Option<(usize, usize)> {
        let starts = &self.starts;
        let start = *starts.get(line)?;
        let mut end = starts.get(line + 1).copied().unwrap_or(self.units.len());
        if end > start && self.units[end - 1] == 0x0A {
            end -= 1;
        }
        if end > start && self.units[end - 1] == 0x0D {
            end -= 1;
        }
        Some((start, end))
    }

    pub fn offset(&self, pos: Pos) -> usize {
        let Some((start, end)) = self.line_bounds(pos.line) else { return self.units.len() };
        let mut at = start.saturating_add(pos.col).min(end);
        while at > start && at < self.units.len() && self.continues(self.units[at]) {
            at -= 1;
        }
        at
    }

    pub fn apply(&mut self, start: Pos, end: Pos, new_text: &str) {
        let (a, b) = (self.offset(start), self.offset(end));
        let (a, b) = (a.min(b), a.max(b));
        let new = Reference::new(new_text, self.unit).units;
        self.units.splice(a..b, new);
        self.starts = scan_line_starts(&self.units);
    }
}

fn scan_line_starts(units: &[u32]) -> Vec<usize> {
    let mut starts = vec![0];
    let mut i = 0;
    while i < units.len() {
        if units[i] == 0x0A {
            starts.push(i + 1);
        } else if units[i] == 0x0D {
            if units.get(i + 1) == Some(&0x0A) {
                i += 1;
            }
            starts.push(i + 1);
        }
        i += 1;
    }
    starts
}

/// One random edit against the current reference text: positions are biased
/// to land on and around line ends, past the end of lines and of the
/// document, and (for odd columns) inside surrogate pairs.
pub fn next_edit(r: &mut Reader, reference: &Reference) -> Option<(Pos, Pos, String)> {
    let lines = reference.line_starts().len();
    let start = position(r, reference, lines)?;
    let end = match r.byte()? % 4 {
        0 => start,
        1 => Pos::new(start.line, start.col + usize::from(r.byte()? % 8)),
        2 => Pos::new(start.line + 1, usize::from(r.byte()? % 8)),
        _ => position(r, reference, lines)?,
    };
    let new_text = generate::edit_text(r, 4)?;
    Some((start, end, new_text))
}

fn position(r: &mut Reader, reference: &Reference, lines: usize) -> Option<Pos> {
    let lb = r.byte()?;
    let cb = r.byte()?;
    let line = if lb == 255 { u32::MAX as usize } else { usize::from(lb) % (lines + 2) };
    let width = reference.line_bounds(line).map_or(0, |(s, e)| e - s);
    let col = if cb == 255 { u32::MAX as usize } else { usize::from(cb) % (width + 3) };
    Some(Pos::new(line, col))
}

/// Target `lsp_edit`: [`text_edit::apply_lsp_edit`] on a rope against
/// [`Reference`], over a random sequence of edits in a random column unit;
/// and `text_edit::char_index` against `LineIndex::offset` on the same
/// positions, so the server and the analysis agree on what a position means.
///
/// Lengths are compared after every edit (constant time on a rope); the
/// whole text, and the positions of that edit, after every
/// [`FULL_CHECK_EVERY`]th edit and after the last. Comparing whole texts on
/// every edit made the fuzzer quadratic in the sequence length; a divergence
/// persists to the next full check and the minimiser shortens the sequence.
const FULL_CHECK_EVERY: usize = 8;

pub fn lsp_edit(data: &[u8]) {
    let mut r = Reader::new(data);
    let Some(u) = r.byte() else { return };
    let unit = [ColumnUnit::Utf16, ColumnUnit::Utf8, ColumnUnit::Scalar][usize::from(u % 3)];
    let Some(initial) = generate::edit_text(&mut r, 32) else { return };
    let mut rope = Rope::from_str(&initial);
    let mut reference = Reference::new(&initial, unit);
    let mut steps = 0;
    let rope_len = |rope: &Rope| match unit {
        ColumnUnit::Utf16 => rope.len_utf16_cu(),
        ColumnUnit::Utf8 => rope.len_bytes(),
        ColumnUnit::Scalar => rope.len_chars(),
    };
    let mut before = String::new();
    while let Some((start, end, new_text)) = next_edit(&mut r, &reference) {
        let full = steps % FULL_CHECK_EVERY == 0;
        if full {
            before = reference.text();
            let index = LineIndex::new(&before);
            assert_eq!(rope.len_lines(), index.line_count(), "rope and LineIndex disagree on lines of {before:?}");
            for p in [start, end] {
                let ours = rope.char_to_byte(text_edit::char_index(&rope, p, unit));
                assert_eq!(
                    ours,
                    index.offset(&before, p.line, p.col, unit),
                    "char_index vs LineIndex at {p:?} in {before:?}"
                );
            }
        }
        text_edit::apply_lsp_edit(&mut rope, start, end, unit, &new_text);
        reference.apply(start, end, &new_text);
        steps += 1;
        assert_eq!(rope_len(&rope), reference.len(), "step {steps}: {unit:?} {start:?}..{end:?} := {new_text:?}");
        if full {
            assert_eq!(
                rope.to_string(),
                reference.text(),
                "step {steps}: {unit:?} {start:?}..{end:?} := {new_text:?} on {before:?}"
            );
        }
    }
    assert_eq!(rope.to_string(), reference.text(), "after {steps} edits in {unit:?}");
}

// ---------------------------------------------------------------------------
// Fixes

/// Where a point of the original text ends up after `edits` (sorted,
/// non-overlapping). A span that touches an edit grows to cover its new
/// text: a start point inside a replaced range goes to the start of the
/// replacement, an end point to its end, and an insertion exactly at a span's
/// start or end falls inside the mapped span.
pub fn map_point(p: usize, edits: &[Edit], end: bool) -> usize {
    let mut delta: isize = 0;
    for e in edits {
        let (s, t, n) = (e.span.start, e.span.end, e.new_text.len());
        let before = if end { p < s || (p == s && s < t) } else { p <= s };
        if before {
            break;
        }
        if p >= t {
            delta += n as isize - (t - s) as isize;
            continue;
        }
        return ((s as isize + delta) as usize) + if end { n } else { 0 };
    }
    (p as isize + delta) as usize
}

pub fn map_span(span: Span, edits: &[Edit]) -> Span {
    let mut sorted = edits.to_vec();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    Span::new(map_point(span.start, &sorted, false), map_point(span.end, &sorted, true))
}

/// Target `fixes`: a fix offered for a generated document applies, the
/// result re-parses and re-analyses without panic, and the fix removes what
/// it was offered for: after it, fewer findings of the same rule sit at the
/// finding's (mapped) place than before. Counting rather than demanding none
/// is deliberate: a rule may report several things at one place (each
/// missing row of a table at the table's span), and a fix answers only one
/// of them.
///
/// One fix per execution, picked by the input's last byte, or "fix all"
/// (`safe_edits`) when it picks one past the last fix. Every check costs a
/// re-analysis; the fuzzer varies that byte as cheaply as any other, so it
/// still reaches every fix of a document, at a fraction of the cost of
/// checking them all on every execution.
pub fn fixes(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else { return };
    let config = generate::config(mode >> 2);
    let text = match mode & 3 {
        0 => String::from_utf8_lossy(rest).into_owned(),
        _ => generate::document(&mut Reader::new(rest), generate::FIXES_DOCUMENT_CAP),
    };
    let analysis = analyze_checked(&text, &config);
    let offered: Vec<_> = analysis.findings.iter().flat_map(|f| f.fixes.iter().map(move |x| (f, x))).collect();
    let pick = usize::from(*data.last().unwrap_or(&0)) % (offered.len() + 1);
    let Some(&(f, x)) = offered.get(pick) else {
        let edits = fix::safe_edits(&text, &analysis.report, &analysis.findings);
        // nothing to apply leaves the text that was just checked
        if !edits.is_empty() {
            let (all, _) = fix::apply(&text, &edits).expect("safe edits apply");
            analyze_checked(&all, &config);
        }
        return;
    };
    let same = |g: &nianbao_core::Finding, at: Span| g.rule == f.rule && g.span == at;
    let before = analysis.findings.iter().filter(|g| same(g, f.span)).count();
    let edits = analysis.edits(&text, x);
    let (fixed, _) = fix::apply(&text, &edits).expect("checked by analyze_checked");
    let after = analyze_checked(&fixed, &config);
    let place = map_span(f.span, &edits);
    let again = after.findings.iter().filter(|g| same(g, place)).count();
    assert!(
        again < before,
        "fix {:?} for {} at {:?} ({:?}) leaves {again} such finding(s) at {place:?} (had {before})\n\
         --- before\n{text}\n--- after\n{fixed}",
        x.title,
        f.rule,
        f.span,
        f.message,
    );
}
