//! What every rule sees.

use crate::config::Config;
use crate::model::Report;
use crate::model::paragraph::Paragraph;
use crate::model::prose::Prose;
use crate::model::year_use::{self, YearUse};
use crate::syntax::numbers::{Number, YearMention, numbers, years};
use std::cell::OnceCell;

pub struct Ctx<'a> {
    pub text: &'a str,
    pub report: &'a Report,
    pub config: &'a Config,
    /// The running text read once (sentences, counts, their cells).
    pub prose: &'a Prose,
    /// Last year's report of the same body, when a front end found one;
    /// only the cross-year rules read it.
    pub previous: Option<&'a Previous<'a>>,
    /// The text is known to hold no invisible character: [`crate::analyze`]
    /// has read them out (text/invisible-char needs no scan of its own).
    pub no_invisible: bool,
    /// What several rules read, computed on first use (a disabled rule
    /// costs nothing) and then shared.
    pub facts: Facts,
}

#[derive(Default)]
pub struct Facts {
    paragraphs: OnceCell<Vec<Paragraph>>,
    years: OnceCell<Vec<Vec<YearMention>>>,
    numbers: OnceCell<Vec<Vec<Number>>>,
    year_uses: OnceCell<Vec<YearUse>>,
}

impl Ctx<'_> {
    /// The report's paragraphs ([`Report::paragraphs`]).
    pub fn paragraphs(&self) -> &[Paragraph] {
        self.facts.paragraphs.get_or_init(|| self.report.paragraphs())
    }

    /// The years written in each paragraph, in the order of
    /// [`Ctx::paragraphs`]: the prose layer's, which a front end's memo
    /// keeps between edits, unless its reading failed.
    pub fn paragraph_years(&self) -> &[Vec<YearMention>] {
        if self.prose.paragraph_years.len() == self.paragraphs().len() {
            return &self.prose.paragraph_years;
        }
        self.facts.years.get_or_init(|| self.paragraphs().iter().map(|p| years(self.text, p.span)).collect())
    }

    /// The numbers written in each paragraph, in the order of
    /// [`Ctx::paragraphs`] (the prose layer's, as for the years).
    pub fn paragraph_numbers(&self) -> &[Vec<Number>] {
        if self.prose.paragraph_numbers.len() == self.paragraphs().len() {
            return &self.prose.paragraph_numbers;
        }
        self.facts.numbers.get_or_init(|| self.paragraphs().iter().map(|p| numbers(self.text, p.span)).collect())
    }

    /// Every use of a year as the current year ([`year_use::uses`]).
    pub fn year_uses(&self) -> &[YearUse] {
        // the prose layer has found them in its sentences, unless it failed
        // (then it holds none, and the text is split here)
        if !self.prose.sentences.is_empty() {
            return &self.prose.year_uses;
        }
        self.facts.year_uses.get_or_init(|| {
            let period = self.report.stat_period.as_ref().map(|p| p.span);
            year_use::uses(self.text, self.paragraphs(), period)
        })
    }
}

/// Last year's report of the same body: its text and its model (spans
/// into `text`). Front ends find it (a file beside this one, `--previous`,
/// an open document); the library only compares.
#[derive(Clone, Copy)]
pub struct Previous<'a> {
    pub text: &'a str,
    pub report: &'a Report,
}
