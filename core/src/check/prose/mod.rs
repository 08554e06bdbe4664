//! prose: numbers in the running text, checked on the prose layer
//! ([`crate::model::prose`]), which reads every sentence once.

pub mod enumeration_sum;
pub mod missing_number;
pub mod table_mismatch;
