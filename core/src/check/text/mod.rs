//! text: the characters of the draft itself.

pub mod invisible_char;
