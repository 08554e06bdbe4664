//! The rules. One file per rule, grouped by family: `check/tally/balance.rs`
//! is `tally/balance` and declares itself there ([`rule::declare_rule!`]);
//! [`registry`] lists them, [`run`] runs them.

pub mod basis;
pub mod content;
pub mod ctx;
pub mod deadline;
pub mod plausibility;
pub mod prose;
pub mod registry;
pub mod rule;
mod run;
pub mod structure;
pub mod suppress;
pub mod table;
pub mod tally;
pub mod text;
pub mod year;

pub use ctx::Ctx;
pub use rule::{Fixes, Rule};
pub use run::{run, run_until};
