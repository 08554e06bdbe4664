//! `--format json`: exactly the document described in rules.md ("CLI JSON
//! contract"). Editors and CI parse it, so nothing is added beyond the
//! contract except `error` on files that could not be checked.

use super::kept::{Done, indented};
use super::{Checked, Outcome, position, settings};
use nianbao_core::{Finding, LineIndex, Span};
use serde::Serialize;

#[derive(Serialize)]
struct File<D: Serialize> {
    path: String,
    /// Only for a name that is not UTF-8, whose `path` is then lossy.
    #[serde(skip_serializing_if = "Option::is_none")]
    path_bytes: Option<Vec<u8>>,
    report_year: Option<i32>,
    diagnostics: D,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

#[derive(Serialize)]
struct Diagnostic {
    rule: &'static str,
    severity: &'static str,
    message: String,
    #[serde(flatten)]
    range: Range,
    /// The place in the original .docx/.html ("表 3 第 5 行第 2 列");
    /// absent for text files, whose lines are the original's.
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    fixes: Vec<Fix>,
    /// Other places the finding concerns; `path` names last year's report
    /// for the cross-year rules, else the place is in this file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<Related>,
}

#[derive(Serialize)]
struct Related {
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    message: String,
    #[serde(flatten)]
    range: Range,
}

#[derive(Serialize)]
struct Fix {
    title: String,
    edits: Vec<Edit>,
}

#[derive(Serialize)]
struct Edit {
    #[serde(flatten)]
    range: Range,
    new_text: String,
}

#[derive(Serialize)]
struct Range {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

impl Range {
    fn of(text: &str, idx: &LineIndex, span: Span) -> Range {
        let (line, column) = position(text, idx, span.start);
        let (end_line, end_column) = position(text, idx, span.end);
        Range { line, column, end_line, end_column }
    }
}

fn diagnostic(text: &str, idx: &LineIndex, c: &Checked, f: &Finding) -> Diagnostic {
    let analysis = &c.analysis;
    // only the places in last year's report: the contract (rules.md) has
    // no related list, and the cross-year findings must name that file
    let related = f
        .related
        .iter()
        .filter(|r| r.in_previous)
        .filter_map(|r| {
            let p = c.previous.as_deref()?;
            Some(Related {
                path: Some(super::names::for_json(&p.path).0),
                message: r.message.clone(),
                range: Range::of(&p.text, &p.index, r.span),
            })
        })
        .collect();
    Diagnostic {
        related,
        rule: f.rule,
        severity: f.severity.as_str(),
        message: f.message.clone(),
        range: Range::of(text, idx, f.span),
        source: super::original::place(c.origin.as_ref(), f.span.start),
        fixes: f
            .fixes
            .iter()
            .map(|x| Fix {
                title: x.title.clone(),
                edits: analysis
                    .edits(text, x)
                    .iter()
                    .map(|e| Edit { range: Range::of(text, idx, e.span), new_text: e.new_text.clone() })
                    .collect(),
            })
            .collect(),
    }
}

/// A file entry as it prints inside the document's `files` array.
fn entry(file: &File<impl Serialize>) -> String {
    indented(file, 4)
}

/// A checked file's diagnostics, each made as it is written: a file with
/// hundreds of thousands of findings never holds them all a second time.
struct Diagnostics<'a> {
    idx: &'a LineIndex,
    checked: &'a Checked,
}

impl Serialize for Diagnostics<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.checked;
        s.collect_seq(c.analysis.findings.iter().map(|f| diagnostic(&c.text, self.idx, c, f)))
    }
}

/// One checked file's entry.
pub fn fragment(path: &std::path::Path, c: &Checked) -> String {
    let (path, path_bytes) = super::names::for_json(path);
    let idx = LineIndex::new(&c.text);
    entry(&File {
        path,
        path_bytes,
        report_year: c.analysis.report.report_year,
        diagnostics: Diagnostics { idx: &idx, checked: c },
        error: None,
    })
}

/// The document `{"files": [...]}`, pretty-printed as serde_json prints
/// it whole, from each file's entry in walk order, written piece by piece:
/// the entries are not copied into one more string.
pub fn write(results: &[Done], out: &mut impl std::io::Write) -> std::io::Result<()> {
    out.write_all(b"{\n  \"files\": [")?;
    for (i, r) in results.iter().enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        let error = match &r.outcome {
            Outcome::Checked(k) => {
                out.write_all(k.fragment.as_bytes())?;
                continue;
            }
            Outcome::Failed(message) => message.clone(),
            Outcome::ConfigFailed(e) => settings::describe(e),
        };
        let (path, path_bytes) = super::names::for_json(&r.path);
        let file = File { path, path_bytes, report_year: None, diagnostics: [(); 0], error: Some(error) };
        out.write_all(entry(&file).as_bytes())?;
    }
    out.write_all(if results.is_empty() { b"]\n}\n" } else { b"\n  ]\n}\n" })
}
