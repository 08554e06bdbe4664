//! rustc/clippy-style text output, in Chinese down to its scaffolding
//! (`错误[tally/balance]`, `第 39 行第 1 列`): the people reading it are the
//! clerks who write the reports. Scripts read `--format json`.

use super::kept::Done;
use super::{Checked, Outcome, position, settings};
use nianbao_core::finding::{Finding, Severity};
use nianbao_core::{LineIndex, Span};
use std::fmt::Write;
use unicode_width::UnicodeWidthChar;

/// A TAB is drawn as this many spaces in the source line *and* counted so in
/// the underline; terminals would otherwise expand it to a tab stop the
/// carets cannot follow.
const TAB_WIDTH: usize = 4;
/// Paragraphs of a report are often one line of several hundred CJK
/// characters; past this many columns only a window around the span is shown.
const MAX_LINE_WIDTH: usize = 100;
/// How much of the line before the span the window keeps.
const CONTEXT_BEFORE: usize = 24;
const ELLIPSIS: char = '…';
/// Findings printed per file, as the server publishes: a hostile file with
/// a million findings would otherwise print a gigabyte nobody reads (seven
/// lines each). The totals still count them all; JSON lists them all.
const MAX_SHOWN: usize = 1000;

struct Paint(bool);

impl Paint {
    fn paint(&self, sgr: &str, s: &str) -> String {
        if self.0 { format!("\x1b[{sgr}m{s}\x1b[0m") } else { s.to_owned() }
    }
    fn severity(&self, sev: Severity, s: &str) -> String {
        let sgr = match sev {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
            Severity::Hint => "1;32",
        };
        self.paint(sgr, s)
    }
    fn gutter(&self, s: &str) -> String {
        self.paint("1;34", s)
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    by_severity: [usize; 4],
    failed: usize,
}

impl Counts {
    fn add(&mut self, findings: &[Finding]) {
        for f in findings {
            self.by_severity[f.severity as usize] += 1;
        }
    }
    fn describe(&self) -> String {
        let mut parts: Vec<String> = [Severity::Error, Severity::Warning, Severity::Info, Severity::Hint]
            .into_iter()
            .filter(|s| self.by_severity[*s as usize] > 0)
            .map(|s| format!("{} 个{}", self.by_severity[s as usize], s.zh()))
            .collect();
        if self.failed > 0 {
            parts.push(format!("{} 个文件未能检查", self.failed));
        }
        if parts.is_empty() { "没有发现问题".to_owned() } else { parts.join("，") }
    }
}

/// The whole output from each file's fragment, in walk order, and the totals.
pub fn render(results: &[Done], color: bool) -> String {
    let p = Paint(color);
    let mut out = String::new();
    let mut total = Counts::default();
    let mut config_errors_shown = std::collections::HashSet::new();
    for r in results {
        let path = super::names::shown(&r.path);
        match &r.outcome {
            Outcome::Failed(message) => {
                total.failed += 1;
                let _ = writeln!(out, "{}：{path}：{message}\n", p.severity(Severity::Error, Severity::Error.zh()));
            }
            Outcome::ConfigFailed(e) => {
                total.failed += 1;
                // One broken config governs many files; say what is wrong once.
                let described = settings::describe(e);
                if config_errors_shown.insert(described.clone()) {
                    let _ = writeln!(out, "{}", p.bold(&described));
                }
                let _ = writeln!(
                    out,
                    "{}：{path}：未检查（配置文件有误）\n",
                    p.severity(Severity::Error, Severity::Error.zh())
                );
            }
            Outcome::Checked(k) => {
                total.by_severity.iter_mut().zip(k.by_severity).for_each(|(t, n)| *t += n);
                out.push_str(&k.fragment);
            }
        }
    }
    let files = results.len();
    let _ = writeln!(out, "{}", p.bold(&format!("共 {files} 个文件：{}", total.describe())));
    out
}

/// One checked file's part of the output: its findings and its count line.
pub fn fragment(path: &std::path::Path, c: &Checked, color: bool) -> String {
    let p = Paint(color);
    let path = super::names::shown(path);
    let mut counts = Counts::default();
    counts.add(&c.analysis.findings);
    let mut out = String::new();
    file(&mut out, &p, &path, c);
    let _ = writeln!(out, "{}\n", p.bold(&format!("{path}：{}", counts.describe())));
    out
}

fn file(out: &mut String, p: &Paint, path: &str, c: &Checked) {
    let note = p.bold("注");
    match &c.origin {
        Some(o) => {
            let _ = writeln!(out, "{note}：{path}：{}", o.note());
        }
        None => {
            if let Some(n) = c.encoding.note() {
                let _ = writeln!(out, "{note}：{path}：{n}");
            }
        }
    }
    if c.text.trim().is_empty() {
        let _ = writeln!(out, "{note}：{path}：文件没有内容");
    }
    if let Some(t) = &c.fix {
        let _ = writeln!(out, "{note}：{path}：{}", t.describe());
    }
    let idx = LineIndex::new(&c.text);
    if let Some(prev) = &c.previous {
        let _ = writeln!(out, "{note}：{path}：对照上年报告 {}", super::names::shown(&prev.path));
    }
    for f in c.analysis.findings.iter().take(MAX_SHOWN) {
        diagnostic(out, p, path, c, &idx, f);
    }
    let more = c.analysis.findings.len().saturating_sub(MAX_SHOWN);
    if more > 0 {
        let _ = writeln!(
            out,
            "{note}：{path}：另有 {more} 个问题未显示（每个文件最多显示 {MAX_SHOWN} 个；--format json 列出全部）\n"
        );
    }
}

fn diagnostic(out: &mut String, p: &Paint, path: &str, c: &Checked, idx: &LineIndex, f: &Finding) {
    let (text, prev) = (c.text.as_str(), c.previous.as_deref());
    // a converted document: where the clerk finds it in Word or the browser
    let original = |offset| {
        super::original::place(c.origin.as_ref(), offset).map(|pl| format!("（原文：{pl}）")).unwrap_or_default()
    };
    let (line, col) = position(text, idx, f.span.start);
    let snip = Snippet::new(text, idx, f.span);
    let pad = " ".repeat(line.to_string().len());
    let bar = p.gutter("|");
    let eq = p.gutter("=");
    let head = p.severity(f.severity, &format!("{}[{}]", f.severity.zh(), f.rule));
    let _ = writeln!(out, "{head}：{}", p.bold(&f.message));
    let _ = writeln!(out, "{pad}{} {path} {}{}", p.gutter("-->"), place(line, col), original(f.span.start));
    let _ = writeln!(out, "{pad} {bar}");
    let _ = writeln!(out, "{} {bar} {}", p.gutter(&line.to_string()), snip.source);
    let carets = p.severity(f.severity, &"^".repeat(snip.caret_width));
    let _ = writeln!(out, "{pad} {bar} {}{carets}", " ".repeat(snip.caret_start));
    for r in &f.related {
        match prev.filter(|_| r.in_previous) {
            // last year's file by name: the line is in that file
            Some(prev) => {
                let (l, c) = position(&prev.text, &prev.index, r.span.start);
                let shown = super::names::shown(&prev.path);
                let _ = writeln!(out, "{pad} {eq} 相关：{shown} {} {}", place(l, c), r.message);
            }
            None => {
                let (l, c) = position(text, idx, r.span.start);
                let _ = writeln!(out, "{pad} {eq} 相关：{}{} {}", place(l, c), original(r.span.start), r.message);
            }
        }
    }
    let _ = writeln!(out, "{pad} {eq} 说明：nianbao explain {}", f.rule);
    for fix in &f.fixes {
        let safe = if fix.safe { "（可自动修复）" } else { "" };
        let _ = writeln!(out, "{pad} {eq} 修复：{}{safe}", fix.title);
    }
    out.push('\n');
}

/// A line and column as the clerk says them.
fn place(line: usize, col: usize) -> String {
    format!("第 {line} 行第 {col} 列")
}

#[cfg(test)]
thread_local! {
    /// Characters measured, so a test can tell a windowed snippet from one
    /// that reads the whole line.
    static MEASURED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn char_width(c: char) -> usize {
    #[cfg(test)]
    MEASURED.with(|n| n.set(n.get() + 1));
    match c {
        '\t' => TAB_WIDTH,
        c if is_invisible_break(c) => 1,
        c => c.width().unwrap_or(0),
    }
}

/// Control characters, VT and Word's U+2028 would move the terminal cursor;
/// they are drawn as a single space.
fn is_invisible_break(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

/// The source line as shown, and where under it the carets go (in columns).
#[derive(Debug, PartialEq, Eq)]
struct Snippet {
    source: String,
    caret_start: usize,
    caret_width: usize,
}

impl Snippet {
    /// Reads only the window it shows (plus at most `MAX_LINE_WIDTH` columns
    /// to learn that the line is long), never the whole line: a snippet per
    /// finding on a 1 MB line used to copy the line each time.
    fn new(text: &str, idx: &LineIndex, span: Span) -> Snippet {
        let (line, _) = idx.position(text, span.start, nianbao_core::ColumnUnit::Utf8);
        let (ls, le) = (idx.line_start(line), idx.line_content_end(text, line));
        // Byte offsets of the span on this line; a span running on to later
        // lines is underlined to the end of this one.
        let first = span.start.clamp(ls, le);
        let last = span.end.max(span.start).clamp(ls, le);

        let (mut lo, mut hi) = (ls, le);
        let mut width = 0;
        let long = text[ls..le].chars().any(|c| {
            width += char_width(c);
            width > MAX_LINE_WIDTH
        });
        if long {
            lo = first;
            let mut before = 0;
            for c in text[ls..first].chars().rev() {
                if before + char_width(c) > CONTEXT_BEFORE {
                    break;
                }
                before += char_width(c);
                lo -= c.len_utf8();
            }
            hi = lo;
            let mut shown = 0;
            for c in text[lo..le].chars() {
                if shown + char_width(c) > MAX_LINE_WIDTH {
                    break;
                }
                shown += char_width(c);
                hi += c.len_utf8();
            }
        }

        let mut source = String::new();
        let mut col = 0;
        if lo > ls {
            source.push(ELLIPSIS);
            col += ELLIPSIS.width().unwrap_or(1);
        }
        let (mut caret_start, mut caret_width) = (None, 0);
        for (i, c) in text[lo..hi].char_indices() {
            let at = lo + i;
            if caret_start.is_none() && at >= first {
                caret_start = Some(col);
            }
            if (first..last).contains(&at) {
                caret_width += char_width(c);
            }
            match c {
                '\t' => source.push_str(&" ".repeat(TAB_WIDTH)),
                c if is_invisible_break(c) => source.push(' '),
                c => source.push(c),
            }
            col += char_width(c);
        }
        if hi < le {
            source.push(ELLIPSIS);
        }
        Snippet { source, caret_start: caret_start.unwrap_or(col), caret_width: caret_width.max(1) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snip(text: &str, needle: &str) -> Snippet {
        let start = text.find(needle).unwrap();
        Snippet::new(text, &LineIndex::new(text), Span::new(start, start + needle.len()))
    }

    #[test]
    fn carets_count_cjk_as_two_columns_and_tab_as_four() {
        let s = snip("标题\n\t（七）总计\t0\t/\n", "/");
        assert_eq!(s.source, "    （七）总计    0    /");
        assert_eq!((s.caret_start, s.caret_width), (4 + 10 + 4 + 1 + 4, 1));
        let s = snip("收到政府信息公开申请件。", "申请件");
        assert_eq!((s.caret_start, s.caret_width), (16, 6));
    }

    #[test]
    fn empty_span_and_span_past_the_line_get_one_caret_or_the_rest_of_the_line() {
        let t = "ab\ncd";
        let s = Snippet::new(t, &LineIndex::new(t), Span::empty(2));
        assert_eq!((s.source.as_str(), s.caret_start, s.caret_width), ("ab", 2, 1));
        let s = Snippet::new(t, &LineIndex::new(t), Span::new(1, 5));
        assert_eq!((s.caret_start, s.caret_width), (1, 1));
    }

    #[test]
    fn long_lines_are_windowed_around_the_span() {
        let line = format!("{}错{}", "字".repeat(100), "文".repeat(100));
        let s = snip(&line, "错");
        assert!(s.source.starts_with('…') && s.source.ends_with('…'), "{}", s.source);
        // the ellipsis plus CONTEXT_BEFORE columns of 字 come first
        assert_eq!(s.caret_start, 1 + CONTEXT_BEFORE);
        assert_eq!(s.caret_width, 2);
        let shown: usize = s.source.chars().map(char_width).sum();
        assert!(shown <= MAX_LINE_WIDTH + 2, "{shown}");
    }

    #[test]
    fn a_snippet_on_a_long_line_reads_its_window_not_the_line() {
        // one 1 MB line, a span in its middle: the old snippet measured all
        // 333 334 characters for each of up to 1 000 findings shown
        let line = "字".repeat(333_334);
        let mid = line.len() / 2 - (line.len() / 2) % 3;
        let idx = LineIndex::new(&line);
        MEASURED.with(|n| n.set(0));
        let s = Snippet::new(&line, &idx, Span::new(mid, mid + 3));
        let measured = MEASURED.with(|n| n.get());
        assert!(measured < 4 * MAX_LINE_WIDTH, "{measured} characters measured");
        assert_eq!((s.caret_start, s.caret_width), (1 + CONTEXT_BEFORE, 2));
    }

    #[test]
    fn control_characters_render_as_one_space() {
        let t = "甲\u{b}乙\u{2028}丙";
        let s = snip(t, "丙");
        assert_eq!(s.source, "甲 乙 丙");
        assert_eq!(s.caret_start, 6);
    }
}
