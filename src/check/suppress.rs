//! Applying `<!-- nianbao-disable … -->` comments to findings.

use crate::span::Span;
use crate::syntax::Syntax;
use crate::syntax::directive::DirectiveKind;

/// A region where some rules (or all, when `rules` is empty) are silent.
struct Region {
    span: Span,
    rules: Vec<String>,
}

pub struct Suppressions {
    regions: Vec<Region>,
}

fn covers(rules: &[String], rule: &str) -> bool {
    rules.is_empty() || rules.iter().any(|r| r == rule || rule.starts_with(&format!("{r}/")))
}

impl Suppressions {
    pub fn new(text: &str, syntax: &Syntax) -> Self {
        let mut regions = Vec::new();
        let mut open: Vec<(usize, Vec<String>)> = Vec::new();
        for d in &syntax.directives {
            match d.kind {
                DirectiveKind::DisableFile => {
                    regions.push(Region { span: Span::new(0, text.len() + 1), rules: d.rules.clone() })
                }
                DirectiveKind::Disable => open.push((d.span.end, d.rules.clone())),
                DirectiveKind::Enable => {
                    // `enable` with rules closes those; without, closes all
                    let mut keep = Vec::new();
                    for (start, rules) in open.drain(..) {
                        let closes = d.rules.is_empty() || rules.iter().all(|r| d.rules.contains(r));
                        if closes {
                            regions.push(Region { span: Span::new(start, d.span.start), rules });
                        } else {
                            keep.push((start, rules));
                        }
                    }
                    open = keep;
                }
                DirectiveKind::DisableNextLine => {
                    let next = syntax
                        .lines
                        .iter()
                        .find(|l| l.span.start > d.line.end && !l.span.slice(text).trim().is_empty())
                        .map(|l| l.span);
                    // a comment after text on the same line silences that line
                    let before = text[d.line.start..d.span.start].trim();
                    let target = if before.is_empty() { next } else { Some(d.line) };
                    if let Some(t) = target {
                        regions.push(Region { span: Span::new(t.start, t.end + 1), rules: d.rules.clone() });
                    }
                }
            }
        }
        for (start, rules) in open {
            regions.push(Region { span: Span::new(start, text.len() + 1), rules });
        }
        Suppressions { regions }
    }

    pub fn suppressed(&self, rule: &str, offset: usize) -> bool {
        self.regions.iter().any(|r| r.span.contains(offset) && covers(&r.rules, rule))
    }
}
