//! Which files met while walking a directory are reports. A folder of
//! reports also holds a README.md, notes, the list of bodies; checking
//! them buried the reports under "缺少第一节" findings. The test is the one
//! the language server uses — a report title, or at least two of the six
//! standard section headings — read from the analysis the file gets
//! anyway, so it costs nothing: a draft whose title is misspelt still has
//! its headings. An empty file is kept (and reported as empty). Files named
//! on the command line, and those `[check] include` names, are not screened.

use nianbao_core::Report;

pub fn reads_like_report(text: &str, report: &Report) -> bool {
    text.trim().is_empty() || report.looks_like_report()
}

/// The files that were checked, with their configs, and how many were
/// skipped; the count goes to stderr so every output format stays clean.
pub fn keep<R, T>(processed: Vec<Option<R>>, configs: Vec<T>) -> (Vec<R>, Vec<T>) {
    let before = processed.len();
    let (results, configs): (Vec<_>, Vec<_>) =
        processed.into_iter().zip(configs).filter_map(|(r, c)| r.map(|r| (r, c))).unzip();
    let skipped = before - results.len();
    if skipped > 0 {
        eprintln!(
            "note: 跳过了 {skipped} 个不像年报的文件（没有年报标题，也没有两个以上的标准章节标题）；\
             在命令行中直接指定文件，或在 nianbao.toml 的 [check] include 中列出，即可检查"
        );
    }
    (results, configs)
}
