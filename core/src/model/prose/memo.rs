//! Paragraphs read before, kept for the next reading of the same document.
//!
//! An edit changes one paragraph; the reading of every other paragraph
//! depends only on its own text, its section, the report year, the part of
//! the statistics period inside it (years there are not uses of a year),
//! whether the next line opens with "、" (`implicit_list` peeks past a count
//! that ends its paragraph) and the last two characters before it, spaces
//! and line breaks skipped (`quantity::at_number` reads "第", "约", "平均"…
//! before a number through them: a paragraph opening with "3件" after a line
//! ending in "第" is no count; found by the `memo` fuzz target). So a front end that analyses version after version
//! of one document (the language server) keeps a [`Memo`] per document, and
//! a paragraph whose key is unchanged is copied from it — its sentences,
//! mentions, holes, years, year uses and numbers moved to where the paragraph now starts — instead of
//! read again. Reading the prose is two thirds of a 1 MB draft's analysis.
//!
//! The memo holds the paragraphs of the last reading only (what a reading
//! does not use again is dropped at its end), so it is bounded by one
//! document's prose.

use super::{Hole, Mention, Prose, Sentence};
use crate::model::paragraph::Paragraph;
use crate::model::year_use::YearUse;
use crate::span::Span;
use crate::syntax::bytes::ByHash;
use crate::syntax::normalize::is_space;
use crate::syntax::numbers::{Number, YearMention};

/// What a paragraph's reading depends on.
pub(super) struct Key<'t> {
    text: &'t str,
    section: u32,
    year: Option<i32>,
    joined: bool,
    /// The statistics period's part inside the paragraph, relative to it.
    period: Option<(usize, usize)>,
    /// The last two characters before the paragraph, spaces skipped.
    lead: [char; 2],
    hash: u64,
}

impl<'t> Key<'t> {
    pub(super) fn of(text: &'t str, para: &Paragraph, year: Option<i32>, period: Option<Span>) -> Key<'t> {
        let own = para.span.slice(text);
        let joined = text[para.span.end..].trim_start_matches(is_space).starts_with('、');
        let mut back = text[..para.span.start].trim_end_matches(is_space).chars().rev();
        let lead = [back.next().unwrap_or('\0'), back.next().unwrap_or('\0')];
        let (a, b) = (para.span.start, para.span.end);
        let period = period.filter(|s| s.start < b && s.end > a).map(|s| (s.start.max(a) - a, s.end.min(b) - a));
        // the text decides; the rest is compared on a hit
        let hash = crate::syntax::bytes::hash(own.as_bytes());
        Key { text: own, section: para.section, year, joined, period, lead, hash }
    }
}

/// Where a paragraph's reading starts in each of [`Prose`]'s lists.
#[derive(Clone, Copy)]
pub(super) struct Marks {
    sentences: usize,
    mentions: usize,
    holes: usize,
    years: usize,
    uses: usize,
}

impl Marks {
    pub(super) fn of(p: &Prose) -> Marks {
        Marks {
            sentences: p.sentences.len(),
            mentions: p.mentions.len(),
            holes: p.holes.len(),
            years: p.paragraph_years.len(),
            uses: p.year_uses.len(),
        }
    }
}

/// One paragraph's reading, its positions relative to the paragraph's start
/// and its indices relative to its first sentence and mention.
struct Entry {
    text: Box<str>,
    section: u32,
    year: Option<i32>,
    joined: bool,
    period: Option<(usize, usize)>,
    lead: [char; 2],
    sentences: Vec<Span>,
    mentions: Vec<Mention>,
    holes: Vec<Hole>,
    years: Vec<YearMention>,
    uses: Vec<YearUse>,
    numbers: Vec<Number>,
}

impl Entry {
    fn is(&self, k: &Key) -> bool {
        *self.text == *k.text
            && self.section == k.section
            && self.year == k.year
            && self.joined == k.joined
            && self.period == k.period
            && self.lead == k.lead
    }
}

/// See the module documentation.
#[derive(Default)]
pub struct Memo {
    /// The previous reading's paragraphs, taken out as they are used again.
    old: ByHash<Vec<Entry>>,
    /// This reading's.
    new: ByHash<Vec<Entry>>,
    /// Paragraphs the current (or last) reading copied instead of reading.
    reused: usize,
}

impl Memo {
    /// Paragraphs kept (for tests and measurements).
    pub fn len(&self) -> usize {
        self.old.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Paragraphs the last reading copied from the memo.
    pub fn reused(&self) -> usize {
        self.reused
    }

    /// Append the kept reading of the paragraph `k`, starting at `at`, to
    /// `p`; false when there is none.
    pub(super) fn replay(&mut self, k: &Key, at: usize, p: &mut Prose) -> bool {
        let taken = self.old.get_mut(&k.hash).and_then(|v| v.iter().position(|e| e.is(k)).map(|i| v.swap_remove(i)));
        if let Some(e) = taken {
            self.reused += 1;
            append(&e, at, p);
            self.new.entry(k.hash).or_default().push(e);
            return true;
        }
        // the same paragraph twice in one document
        match self.new.get(&k.hash).and_then(|v| v.iter().find(|e| e.is(k))) {
            Some(e) => {
                append(e, at, p);
                self.reused += 1;
                true
            }
            None => false,
        }
    }

    /// Keep what `p` holds after `from` (sentences, mentions, holes) as the
    /// reading of the paragraph `k` at `at`. A reading that points outside
    /// its paragraph (a mention whose parent is in an earlier one) is not
    /// kept: copied elsewhere it would point at the wrong place.
    pub(super) fn record(&mut self, k: Key, at: usize, from: Marks, p: &Prose) {
        let end = at + k.text.len();
        let inside = |s: Span| s.start >= at && s.end <= end;
        let rel = |s: Span| Span::new(s.start - at, s.end - at);
        let (s0, m0) = (from.sentences, from.mentions);
        let mentions = &p.mentions[m0..];
        let holes = &p.holes[from.holes..];
        // one paragraph's years: exactly one list was added
        let [years] = &p.paragraph_years[from.years..] else { return };
        let [numbers] = &p.paragraph_numbers[from.years..] else { return };
        let uses = &p.year_uses[from.uses..];
        let year_fits = |y: &YearMention| inside(y.span) && (at..=end).contains(&y.end);
        let fits = p.sentences[s0..].iter().all(|s| inside(s.span))
            && mentions.iter().all(|m| {
                inside(m.quantity.digits)
                    && inside(m.quantity.span)
                    && inside(m.label)
                    && m.sentence >= s0
                    && m.parent.is_none_or(|i| i >= m0)
            })
            && holes.iter().all(|h| {
                inside(h.span)
                    && inside(h.noun)
                    && (at..=end).contains(&h.insert_at)
                    && (at..=end).contains(&h.measure_at)
                    && h.sentence >= s0
            })
            && years.iter().all(year_fits)
            && uses.iter().all(|u| year_fits(&u.mention))
            && numbers.iter().all(|n| inside(n.span));
        if !fits {
            return;
        }
        let year_rel = |y: &YearMention| YearMention { year: y.year, span: rel(y.span), end: y.end - at };
        let entry = Entry {
            text: k.text.into(),
            section: k.section,
            year: k.year,
            joined: k.joined,
            period: k.period,
            lead: k.lead,
            sentences: p.sentences[s0..].iter().map(|s| rel(s.span)).collect(),
            mentions: mentions
                .iter()
                .map(|m| {
                    let mut m = m.clone();
                    m.quantity.digits = rel(m.quantity.digits);
                    m.quantity.span = rel(m.quantity.span);
                    m.label = rel(m.label);
                    m.sentence -= s0;
                    m.parent = m.parent.map(|i| i - m0);
                    m
                })
                .collect(),
            holes: holes
                .iter()
                .map(|h| {
                    let mut h = h.clone();
                    h.span = rel(h.span);
                    h.noun = rel(h.noun);
                    h.insert_at -= at;
                    h.measure_at -= at;
                    h.sentence -= s0;
                    h
                })
                .collect(),
            years: years.iter().map(year_rel).collect(),
            uses: uses.iter().map(|u| YearUse { mention: year_rel(&u.mention), ..u.clone() }).collect(),
            numbers: numbers.iter().map(|n| Number { span: rel(n.span), ..n.clone() }).collect(),
        };
        self.new.entry(k.hash).or_default().push(entry);
    }

    /// End of a reading: what it did not use again is dropped.
    pub(super) fn finish(&mut self) {
        // the tables keep their capacity: growing them again on every
        // analysis rehashed each entry several times
        std::mem::swap(&mut self.old, &mut self.new);
        self.new.clear();
    }

    /// Start of a reading.
    pub(super) fn start(&mut self) {
        self.reused = 0;
    }
}

fn append(e: &Entry, at: usize, p: &mut Prose) {
    let (s0, m0) = (p.sentences.len(), p.mentions.len());
    let moved = |s: Span| Span::new(s.start + at, s.end + at);
    p.sentences.extend(e.sentences.iter().map(|&s| Sentence { span: moved(s), section: e.section }));
    p.mentions.extend(e.mentions.iter().map(|m| {
        let mut m = m.clone();
        m.quantity.digits = moved(m.quantity.digits);
        m.quantity.span = moved(m.quantity.span);
        m.label = moved(m.label);
        m.sentence += s0;
        m.parent = m.parent.map(|i| i + m0);
        m
    }));
    p.holes.extend(e.holes.iter().map(|h| {
        let mut h = h.clone();
        h.span = moved(h.span);
        h.noun = moved(h.noun);
        h.insert_at += at;
        h.measure_at += at;
        h.sentence += s0;
        h
    }));
    let year_moved = |y: &YearMention| YearMention { year: y.year, span: moved(y.span), end: y.end + at };
    p.paragraph_years.push(e.years.iter().map(year_moved).collect());
    p.year_uses.extend(e.uses.iter().map(|u| YearUse { mention: year_moved(&u.mention), ..u.clone() }));
    p.paragraph_numbers.push(e.numbers.iter().map(|n| Number { span: moved(n.span), ..n.clone() }).collect());
}
