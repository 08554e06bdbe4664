//! `--format sarif`: a SARIF 2.1.0 log for code-scanning services (GitHub,
//! Azure DevOps, IDE viewers). One run; the driver lists every rule of the
//! registry so a viewer can explain a rule that found nothing in this run;
//! columns are Unicode code points, as in the other formats.

use super::kept::{Done, indented};
use super::{Checked, Outcome, position, settings};
use nianbao_core::rules::{Fixes, RULES, Rule};
use nianbao_core::{Finding, LineIndex, Severity, Span};
use serde_json::{Value, json};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/nianbao/nianbao";
/// Relative artifact URIs are relative to the directory the run started in.
const BASE: &str = "SRCROOT";

/// SARIF has three levels that mean something; info and hint are notes.
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// Where URIs are resolved from: the current directory, when known.
pub struct Base {
    cwd: Option<PathBuf>,
}

impl Base {
    /// Paths are given relative to the working directory.
    pub fn here() -> Base {
        Base { cwd: std::env::current_dir().ok() }
    }

    /// `artifactLocation` of a file: relative to the current directory with
    /// `uriBaseId` when under it (what code-scanning services expect), else
    /// an absolute `file://` URI.
    fn location(&self, path: &Path) -> Value {
        let rel = if path.is_relative() {
            Some(path.to_path_buf())
        } else {
            self.cwd.as_ref().and_then(|c| path.strip_prefix(c).ok()).map(Path::to_path_buf)
        };
        match rel {
            Some(r) => {
                let r = r.strip_prefix(".").map(Path::to_path_buf).unwrap_or(r);
                json!({ "uri": uri_path(&r), "uriBaseId": BASE })
            }
            None => json!({ "uri": format!("file://{}", uri_path(path)) }),
        }
    }
}

/// A path as a URI reference: RFC 3986 unreserved characters and "/" as
/// they are, every other byte (spaces, Chinese, bytes that are not UTF-8)
/// percent-encoded, so the URI is valid and still names the exact file.
pub fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(text: &str, idx: &LineIndex, span: Span) -> Value {
    let (start_line, start_column) = position(text, idx, span.start);
    let (end_line, end_column) = position(text, idx, span.end);
    json!({ "startLine": start_line, "startColumn": start_column, "endLine": end_line, "endColumn": end_column })
}

/// The first paragraph under a doc page's "## 检查什么", else the summary.
fn full_description(rule: &Rule) -> String {
    let after = rule.doc.split_once("## 检查什么").map(|(_, rest)| rest);
    let para = after.and_then(|rest| {
        rest.lines()
            .skip_while(|l| l.trim().is_empty())
            .take_while(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .fold(None, |acc: Option<String>, l| Some(acc.map_or_else(|| l.trim().to_owned(), |a| a + l.trim())))
    });
    para.unwrap_or_else(|| rule.summary.to_owned())
}

fn rule_descriptor(rule: &Rule) -> Value {
    let doc = rule.doc.trim();
    let (text, markdown) = if doc.is_empty() { (rule.summary, rule.summary) } else { (doc, doc) };
    json!({
        "id": rule.id,
        "name": rule.id,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": full_description(rule) },
        "help": { "text": text, "markdown": markdown },
        "helpUri": nianbao_core::rules::doc_url(rule.id),
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": { "fixable": rule.fixes != Fixes::No },
    })
}

fn result(base: &Base, path: &Path, c: &Checked, idx: &LineIndex, f: &Finding) -> Value {
    let text = &c.text;
    let here = base.location(path);
    let mut related = Vec::new();
    for (n, r) in f.related.iter().enumerate() {
        let loc = match (r.in_previous, c.previous.as_deref()) {
            (true, Some(p)) => json!({
                "artifactLocation": base.location(&p.path),
                "region": region(&p.text, &p.index, r.span),
            }),
            // a place in last year's report without the file is nowhere
            (true, None) => continue,
            (false, _) => json!({ "artifactLocation": here, "region": region(text, idx, r.span) }),
        };
        related.push(json!({ "id": n, "physicalLocation": loc, "message": { "text": r.message } }));
    }
    let fixes: Vec<Value> = f
        .fixes
        .iter()
        .filter_map(|x| {
            let edits = c.analysis.edits(text, x);
            // a fix that renders to nothing has nothing to replace
            (!edits.is_empty()).then(|| {
                let replacements: Vec<Value> = edits
                    .iter()
                    .map(|e| {
                        json!({ "deletedRegion": region(text, idx, e.span), "insertedContent": { "text": e.new_text } })
                    })
                    .collect();
                json!({
                    "description": { "text": x.title },
                    "artifactChanges": [{ "artifactLocation": here, "replacements": replacements }],
                    "properties": { "safe": x.safe },
                })
            })
        })
        .collect();
    let mut r = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": { "text": f.message },
        "locations": [{ "physicalLocation": { "artifactLocation": here, "region": region(text, idx, f.span) } }],
    });
    if let Some(i) = RULES.iter().position(|rule| rule.id == f.rule) {
        r["ruleIndex"] = json!(i);
    }
    if !related.is_empty() {
        r["relatedLocations"] = Value::Array(related);
    }
    if !fixes.is_empty() {
        r["fixes"] = Value::Array(fixes);
    }
    r
}

/// Where the run's results go in the printed log: a string no message can
/// hold (a NUL and a name), replaced by the results printed per file.
const RESULTS_HERE: &str = "\u{0}nianbao:results\u{0}";

/// One checked file's results, each printed at the depth of the log's
/// `runs[0].results` array, joined as array items; empty without findings.
pub fn fragment(base: &Base, path: &Path, c: &Checked) -> String {
    let idx = LineIndex::new(&c.text);
    let mut out = String::new();
    for f in &c.analysis.findings {
        if !out.is_empty() {
            out.push_str(",\n");
        }
        out.push_str(&indented(&result(base, path, c, &idx, f), 8));
    }
    out
}

pub fn render(results: &[Done], base: &Base) -> String {
    let mut notifications = Vec::new();
    let mut out = String::new();
    for r in results {
        match &r.outcome {
            Outcome::Checked(k) => {
                if !k.fragment.is_empty() {
                    out.push_str(if out.is_empty() { "\n" } else { ",\n" });
                    out.push_str(&k.fragment);
                }
            }
            Outcome::Failed(m) => notifications.push((r, m.clone())),
            Outcome::ConfigFailed(e) => notifications.push((r, settings::describe(e))),
        }
    }
    // files that could not be checked: the run did not succeed on them
    let notes: Vec<Value> = notifications
        .iter()
        .map(|(r, message)| {
            json!({
                "level": "error",
                "message": { "text": message },
                "locations": [{ "physicalLocation": { "artifactLocation": base.location(&r.path) } }],
            })
        })
        .collect();
    let mut run = json!({
        "tool": { "driver": {
            "name": "nianbao",
            "version": env!("CARGO_PKG_VERSION"),
            "informationUri": INFORMATION_URI,
            "rules": RULES.iter().map(|r| rule_descriptor(r)).collect::<Vec<_>>(),
        }},
        "columnKind": "unicodeCodePoints",
        "invocations": [{ "executionSuccessful": notes.is_empty(), "toolExecutionNotifications": notes }],
        "results": RESULTS_HERE,
    });
    if let Some(cwd) = &base.cwd {
        let mut dir = uri_path(cwd);
        if !dir.ends_with('/') {
            dir.push('/');
        }
        run["originalUriBaseIds"] = json!({ BASE: { "uri": format!("file://{dir}") } });
    }
    let log = json!({ "$schema": SCHEMA, "version": "2.1.0", "runs": [run] });
    let printed = serde_json::to_string_pretty(&log).expect("plain data always serialises");
    let marker = serde_json::to_string(RESULTS_HERE).expect("a string always serialises");
    let array = if out.is_empty() { "[]".to_owned() } else { format!("[{out}\n      ]") };
    let mut s = printed.replacen(&marker, &array, 1);
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_percent_encode_everything_but_unreserved_and_slashes() {
        assert_eq!(uri_path(Path::new("a b/年报.txt")), "a%20b/%E5%B9%B4%E6%8A%A5.txt");
        assert_eq!(uri_path(Path::new("x-1_2~.md")), "x-1_2~.md");
        assert_eq!(uri_path(Path::new("50%#?.txt")), "50%25%23%3F.txt");
    }

    #[test]
    fn every_rule_has_a_full_description_from_its_page() {
        for r in RULES {
            let d = full_description(r);
            assert!(!d.is_empty() && !d.contains("##"), "{}: {d}", r.id);
        }
        let balance = RULES.iter().find(|r| r.id == "tally/balance").unwrap();
        assert!(full_description(balance).starts_with("按表三的七列"), "{}", full_description(balance));
    }
}
