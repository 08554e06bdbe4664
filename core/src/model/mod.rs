//! The standard format as data, and a parsed draft understood against it.

pub mod grid;
pub mod layout;
pub mod paragraph;
pub mod prose;
pub mod report;
pub mod sections;
pub mod standard;
pub mod tables;
pub mod title;
pub mod year_use;

pub use report::{Paragraph, Report, Section};
pub use sections::TableId;
pub use tables::{Dropped, MappedRow, MappedTable};
pub use title::Title;
