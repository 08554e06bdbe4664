//! plausibility: numbers that cannot be right for this kind of body.
pub mod township_rules;
