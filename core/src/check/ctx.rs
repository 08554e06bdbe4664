//! What every rule sees.

use crate::config::Config;
use crate::model::Report;
use crate::model::prose::Prose;

pub struct Ctx<'a> {
    pub text: &'a str,
    pub report: &'a Report,
    pub config: &'a Config,
    /// The running text read once (sentences, counts, their cells).
    pub prose: &'a Prose,
    /// Last year's report of the same body, when a front end found one;
    /// only the cross-year rules read it.
    pub previous: Option<&'a Previous<'a>>,
}

/// Last year's report of the same body: its text and its model (spans
/// into `text`). Front ends find it (a file beside this one, `--previous`,
/// an open document); the library only compares.
#[derive(Clone, Copy)]
pub struct Previous<'a> {
    pub text: &'a str,
    pub report: &'a Report,
}
