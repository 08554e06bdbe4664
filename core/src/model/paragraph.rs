//! The unit of running text the prose and year readers walk.

use crate::span::Span;

/// A line of running text and the section it sits in (0 before 一).
#[derive(Debug, Clone, Copy)]
pub struct Paragraph {
    pub span: Span,
    pub section: u32,
}
