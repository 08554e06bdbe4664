//! Editor queries over an analysed document: which table, row and cell a
//! position is in and what its totals are (hover, table rebuilds), the
//! outline, and completion suggestions. They read the model and the rules'
//! arithmetic; front ends turn their answers into protocol types.

pub mod locate;
pub mod outline;
pub mod suggest;
