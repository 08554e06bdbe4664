//! What a rule is. Each rule file declares itself once with
//! [`declare_rule!`]: id, default severity, summary, what it can fix and the
//! check; its documentation follows from the id (docs/rules/<id>.md). The
//! registry lists the declarations; everything that names a rule (findings,
//! `nianbao rules`, `explain`, hover, config validation) reads them.

use super::ctx::Ctx;
use crate::finding::Finding;
use crate::severity::Severity;

/// What a rule's quick fixes are, as `nianbao rules` and the docs say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Fixes {
    /// Never offers a fix: which side is wrong cannot be known.
    No,
    /// Every fix it offers is safe: `check --fix` applies it.
    Safe,
    /// Offers fixes a person must confirm (the editor, never `--fix`).
    Review,
    /// Safe when nothing else in the document contradicts it, else for review.
    Both,
}

impl Fixes {
    /// As the docs' "可自动修复" line begins.
    pub fn zh(self) -> &'static str {
        match self {
            Fixes::No => "否",
            Fixes::Safe | Fixes::Review | Fixes::Both => "是",
        }
    }
}

pub struct Rule {
    /// Stable: configs, suppression comments and editors refer to it.
    pub id: &'static str,
    pub severity: Severity,
    /// One line, Chinese: what the rule finds.
    pub summary: &'static str,
    pub fixes: Fixes,
    /// The long explanation with an example (docs/rules/<id>.md).
    pub doc: &'static str,
    pub(crate) check: fn(&Ctx, &mut Vec<Finding>),
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("id", &self.id).field("severity", &self.severity).finish_non_exhaustive()
    }
}

/// `declare_rule! { id: "family/name", severity: Error, summary: "…", fixes: No, check }`
/// defines the file's `RULE`; findings take their id from `RULE.id`.
macro_rules! declare_rule {
    (id: $id:literal, severity: $sev:ident, summary: $summary:literal, fixes: $fixes:ident, check $(,)?) => {
        pub(crate) static RULE: $crate::check::rule::Rule = $crate::check::rule::Rule {
            id: $id,
            severity: $crate::severity::Severity::$sev,
            summary: $summary,
            fixes: $crate::check::rule::Fixes::$fixes,
            doc: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/rules/", $id, ".md")),
            check,
        };
    };
}
pub(crate) use declare_rule;
