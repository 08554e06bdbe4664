//! The standard format as data, and a parsed draft understood against it.

pub(crate) mod grid;
pub mod identity;
pub(crate) mod layout;
pub(crate) mod paragraph;
pub mod prose;
pub mod report;
pub mod sections;
pub mod standard;
pub(crate) mod table_memo;
pub(crate) mod tables;
pub(crate) mod title;
pub(crate) mod year_use;

pub use report::{Paragraph, Report, Section};
pub use sections::TableId;
pub use tables::{Dropped, MappedRow, MappedTable};
pub use title::Title;
