//! content: what a section must say.
pub mod fee_statement;
