//! What `check` keeps of a file once it is analysed: its output already
//! rendered, its identity for pairing with last year's report, the counts
//! the totals and the exit status need, and (with `--summary`) its row.
//! The text, the `Report` and the findings are dropped right away, so the
//! run's memory follows the largest file and the output, not the folder
//! (10 000 reports used to hold 503 MiB until the end).

use super::{Checked, FileResult, Outcome, OutputFormat, fixing, github, human, json, sarif, summary};
use nianbao_core::model::identity::{self, Identity};

pub struct Kept {
    /// The body and year, which pair a report with last year's.
    pub identity: Option<Identity>,
    /// This file's part of the output in the run's format.
    pub fragment: String,
    /// Findings by severity (`Severity as usize`).
    pub by_severity: [usize; 4],
    /// What `--fix` / `--diff` did or would do.
    pub fix: Option<fixing::Tally>,
    /// `--diff`: the unified diff of what `--fix` would change.
    pub diff: Option<String>,
    /// `--summary`: the file's row.
    pub row: Option<summary::Row>,
}

/// A file of the run as kept until the output is assembled.
pub type Done = FileResult<Box<Kept>>;

/// How every file's output is rendered, chosen once per run.
pub struct Style {
    pub format: OutputFormat,
    pub color: bool,
    pub summary: bool,
    pub sarif: sarif::Base,
}

impl Style {
    /// Render a file's output and drop everything else of its analysis.
    pub fn keep(&self, r: FileResult) -> Done {
        let FileResult { path, outcome } = r;
        let outcome = match outcome {
            Outcome::Checked(c) => Outcome::Checked(Box::new(self.render(&path, *c))),
            Outcome::Failed(m) => Outcome::Failed(m),
            Outcome::ConfigFailed(e) => Outcome::ConfigFailed(e),
        };
        FileResult { path, outcome }
    }

    pub fn render(&self, path: &std::path::Path, mut c: Checked) -> Kept {
        let fragment = match self.format {
            OutputFormat::Human => human::fragment(path, &c, self.color),
            OutputFormat::Json => json::fragment(path, &c),
            OutputFormat::Sarif => sarif::fragment(&self.sarif, path, &c),
            OutputFormat::Github => github::fragment(path, &c),
        };
        let mut by_severity = [0; 4];
        for f in &c.analysis.findings {
            by_severity[f.severity as usize] += 1;
        }
        Kept {
            identity: identity::of(&c.analysis.report),
            fragment,
            by_severity,
            row: self.summary.then(|| summary::row(path, &c)),
            fix: c.fix.take(),
            diff: c.diff.take(),
        }
    }
}

/// `value` pretty-printed and placed `by` spaces deeper, as it prints
/// nested in a larger document (strings hold no raw line breaks, so every
/// line moves alike). Written straight into the result: no second copy of
/// a large file's entry (571 000 findings make 280 MB of JSON).
pub fn indented(value: &impl serde::Serialize, by: usize) -> String {
    let mut out = Indented { out: Vec::new(), pad: by };
    out.pad();
    serde_json::to_writer_pretty(&mut out, value).expect("plain data always serialises");
    String::from_utf8(out.out).expect("serde_json writes UTF-8")
}

/// A byte sink that puts `pad` spaces after every line break.
struct Indented {
    out: Vec<u8>,
    pad: usize,
}

impl Indented {
    fn pad(&mut self) {
        self.out.resize(self.out.len() + self.pad, b' ');
    }
}

impl std::io::Write for Indented {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for line in buf.split_inclusive(|&b| b == b'\n') {
            self.out.extend_from_slice(line);
            if line.ends_with(b"\n") {
                self.pad();
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
