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
}
