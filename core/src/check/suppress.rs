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
                    // lines are in order: search for the first after the
                    // comment instead of walking from the top per comment
                    // (O(comments × lines) for a comment before every line)
                    let after = syntax.lines.partition_point(|l| l.span.start <= d.line.end);
                    let next =
                        syntax.lines[after..].iter().find(|l| !l.span.slice(text).trim().is_empty()).map(|l| l.span);
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

    /// Whether `rule` is silent at `offset`: the definition
    /// `retain_unsuppressed` answers in one sweep (asked alone for the one
    /// finding made outside the rules, text/invisible-char).
    pub fn suppressed(&self, rule: &str, offset: usize) -> bool {
        self.regions.iter().any(|r| r.span.contains(offset) && covers(&r.rules, rule))
    }

    /// Drop the suppressed findings of `findings`, which are sorted by
    /// start. One sweep: regions open and close as the offset advances,
    /// and each finding asks a count per rule name, not every region
    /// (`suppressed` per finding was O(regions × findings)).
    pub fn retain_unsuppressed(&self, findings: &mut Vec<crate::finding::Finding>) {
        if self.regions.is_empty() {
            return;
        }
        let mut starts: Vec<&Region> = self.regions.iter().collect();
        starts.sort_by_key(|r| r.span.start);
        let mut ends = starts.clone();
        ends.sort_by_key(|r| r.span.end);
        // open regions per rule name; "" for regions naming no rule (all)
        let mut open: std::collections::HashMap<&str, usize> = Default::default();
        let (mut s, mut e) = (0, 0);
        debug_assert!(findings.is_sorted_by_key(|f| f.span.start));
        findings.retain(|f| {
            let at = f.span.start;
            while s < starts.len() && starts[s].span.start <= at {
                for name in names(&starts[s].rules) {
                    *open.entry(name).or_default() += 1;
                }
                s += 1;
            }
            // a region ending by `at` started by it too, so it was opened
            while e < ends.len() && ends[e].span.end <= at {
                for name in names(&ends[e].rules) {
                    if let Some(n) = open.get_mut(name) {
                        *n -= 1;
                    }
                }
                e += 1;
            }
            let is_open = |name: &str| open.get(name).is_some_and(|n| *n > 0);
            // `covers`: the rule itself, or a family prefix ending at a '/'
            let covered =
                is_open("") || is_open(f.rule) || f.rule.match_indices('/').any(|(i, _)| is_open(&f.rule[..i]));
            !covered
        });
    }
}

/// The names a region counts under: its rules, or "" when it names none.
fn names(rules: &[String]) -> impl Iterator<Item = &str> {
    let all = rules.is_empty().then_some("");
    all.into_iter().chain(rules.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Finding;

    #[test]
    fn the_sweep_agrees_with_asking_every_region() {
        // nested and overlapping regions, a family, a whole-file rule,
        // next-line comments, an enable naming one rule of two
        let mut text = String::from("<!-- nianbao-disable-file year/future -->\n");
        for i in 0..40 {
            text.push_str(match i % 8 {
                0 => "<!-- nianbao-disable prose -->\n",
                1 => "<!-- nianbao-disable tally/balance, table/bad-cell -->\n",
                2 => "<!-- nianbao-disable-next-line table/bad-cell -->\n\n",
                3 => "<!-- nianbao-enable tally/balance -->\n",
                4 => "<!-- nianbao-disable -->\n",
                5 => "<!-- nianbao-enable -->\n",
                _ => "本年度予以公开3件。\n",
            });
            text.push_str("本年度不予公开2件。\n");
        }
        let syntax = crate::syntax::parse(&text);
        let sup = Suppressions::new(&text, &syntax);
        let rules = ["prose/table-mismatch", "tally/balance", "table/bad-cell", "year/future", "heading/typo"];
        let mut findings = Vec::new();
        for (at, _) in text.char_indices().step_by(7) {
            for rule in rules {
                findings.push(Finding::new(rule, Span::new(at, at), String::new()));
            }
        }
        let expected: Vec<(usize, &str)> =
            findings.iter().filter(|f| !sup.suppressed(f.rule, f.span.start)).map(|f| (f.span.start, f.rule)).collect();
        sup.retain_unsuppressed(&mut findings);
        let got: Vec<(usize, &str)> = findings.iter().map(|f| (f.span.start, f.rule)).collect();
        assert_eq!(got, expected);
        assert!(got.len() < 5 * text.len() / 7, "something is suppressed");
    }
}
