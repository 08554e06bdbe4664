//! deadline: publication dates.
pub mod late;
