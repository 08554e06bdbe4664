//! The rules. One file per rule, grouped by family: `check/tally/balance.rs`
//! is `tally/balance` and declares itself there ([`rule::declare_rule!`]);
//! [`registry`] lists them, [`run`] runs them.

pub(crate) mod basis;
pub(crate) mod content;
pub(crate) mod cross_year;
pub(crate) mod ctx;
pub(crate) mod deadline;
pub(crate) mod plausibility;
pub(crate) mod prose;
pub mod registry;
pub mod rule;
pub(crate) mod run;
pub(crate) mod structure;
pub(crate) mod suppress;
pub(crate) mod table;
pub(crate) mod tally;
pub(crate) mod text;
pub(crate) mod year;

pub use ctx::{Ctx, Previous};
pub use rule::{Fixes, Rule};
pub use run::{run, run_cross_year, run_until};
