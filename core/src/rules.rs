//! The rule catalogue as front ends read it: every implemented rule's id,
//! default severity, summary, fixes and Chinese explanation (for `nianbao
//! rules`, `explain`, hover and `codeDescription`). The declarations live in
//! the rule files; this is the registry's public face.

pub use crate::check::registry::{RULES, lookup};
pub use crate::check::rule::{Fixes, Rule};

/// Address of a rule's explanation in the repository, for `codeDescription`.
pub fn doc_url(id: &str) -> String {
    format!("https://github.com/nianbao/nianbao/blob/main/docs/rules/{id}.md")
}
