//! basis: the document the report cites as its format.
pub mod outdated;
