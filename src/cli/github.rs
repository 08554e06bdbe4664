//! `--format github`: GitHub Actions workflow commands, one line per
//! finding, which the runner turns into annotations on the changed files:
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`.
//! Escaping as the runner's toolkit does (`@actions/core` `toCommandValue`
//! / `escapeProperty`): `%`, CR and LF in the message, and also `:` and `,`
//! in property values, where they would end the value.

use super::kept::Done;
use super::{Checked, Outcome, position, settings};
use nianbao_core::{LineIndex, Severity};
use std::fmt::Write;

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "notice",
    }
}

pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The file name as the runner matches it against the repository: the
/// path as given (relative to where the job runs) without a leading "./",
/// lossy only when it is not UTF-8.
fn file_name(p: &std::path::Path) -> String {
    escape_property(&p.strip_prefix(".").unwrap_or(p).to_string_lossy())
}

pub fn render(results: &[Done]) -> String {
    let mut out = String::new();
    for r in results {
        let file = file_name(&r.path);
        match &r.outcome {
            Outcome::Checked(k) => out.push_str(&k.fragment),
            Outcome::Failed(m) => {
                let _ = writeln!(out, "::error file={file},title=nianbao::{}", escape_data(m));
            }
            Outcome::ConfigFailed(e) => {
                let _ = writeln!(out, "::error file={file},title=nianbao::{}", escape_data(&settings::describe(e)));
            }
        }
    }
    out
}

/// One checked file's annotations.
pub fn fragment(path: &std::path::Path, c: &Checked) -> String {
    let mut out = String::new();
    let file = file_name(path);
    {
        let idx = LineIndex::new(&c.text);
        for f in &c.analysis.findings {
            let (line, col) = position(&c.text, &idx, f.span.start);
            let (end_line, end_col) = position(&c.text, &idx, f.span.end);
            let mut message = f.message.clone();
            // an annotation shows no related places: name last year's here
            if let Some(prev) = c.previous.as_deref() {
                for rel in f.related.iter().filter(|r| r.in_previous) {
                    let (l, _) = position(&prev.text, &prev.index, rel.span.start);
                    let _ = write!(message, "；上年报告 {} 第 {l} 行：{}", prev.path.to_string_lossy(), rel.message);
                }
            }
            let _ = writeln!(
                out,
                "::{} file={file},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
                command(f.severity),
                escape_property(f.rule),
                escape_data(&message)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner_toolkit() {
        assert_eq!(escape_data("50%\r\n下一行"), "50%25%0D%0A下一行");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        // data keeps colons and commas: only properties end at them
        assert_eq!(escape_data("表三：1,2"), "表三：1,2");
        assert_eq!(escape_data("a:b,c"), "a:b,c");
    }
}
