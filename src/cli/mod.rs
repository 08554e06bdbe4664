//! `nianbao check|explain|skeleton|rules`: the command-line front end.
//!
//! All file-system access, decoding and printing of the checker happens here;
//! the library only ever sees decoded text and a `Config`.

pub(crate) mod decode;
mod human;
mod json;
mod names;
mod settings;
mod walk;
mod write;

use decode::Encoding;
use nianbao_core::config::ConfigError;
use nianbao_core::{Analysis, ColumnUnit, Config, LineIndex, Severity, fix};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Human,
    Json,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// 输出格式
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// 自动应用安全的修复并写回文件（保留原编码、BOM 和换行符）
    #[arg(long)]
    pub fix: bool,
    /// 使用指定的配置文件，不再按目录查找 nianbao.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// 要检查的文件或目录（目录中查找 .txt 和 .md 文件）
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(clap::Args)]
pub struct ExplainArgs {
    /// 规则编号，如 tally/balance
    pub rule: String,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SkeletonStyle {
    Tsv,
    Markdown,
}

#[derive(clap::Args)]
pub struct SkeletonArgs {
    /// 报告年度
    #[arg(long, value_parser = clap::value_parser!(i32).range(2000..=2100))]
    pub year: i32,
    /// 机关名称，如“下冶镇人民政府”
    #[arg(long, value_name = "NAME")]
    pub body: Option<String>,
    /// 表格写法
    #[arg(long, value_enum, default_value_t = SkeletonStyle::Tsv)]
    pub style: SkeletonStyle,
}

/// What became of one file.
pub struct FileResult {
    pub path: PathBuf,
    pub outcome: Outcome,
}

pub enum Outcome {
    Checked(Box<Checked>),
    /// Could not be listed, read, decoded or written back.
    Failed(String),
    ConfigFailed(Arc<ConfigError>),
}

pub struct Checked {
    /// The text as finally analysed (after `--fix`), decoded.
    pub text: String,
    pub encoding: Encoding,
    pub analysis: Analysis,
    /// Edits applied by `--fix`.
    pub fixed: usize,
}

/// 1-based line and Unicode-scalar column, as both output formats print them.
fn position(text: &str, idx: &LineIndex, offset: usize) -> (usize, usize) {
    let (l, c) = idx.position(text, offset, ColumnUnit::Scalar);
    (l + 1, c + 1)
}

pub fn check(a: CheckArgs) -> ExitCode {
    let mut resolver = settings::Resolver::new(a.config.as_deref());
    // Config lookup is sequential and cached; reading, analysing and fixing
    // run in parallel. `collect` on an indexed parallel iterator keeps the
    // walk order, which is what makes the output stable.
    let jobs: Vec<_> = walk::collect(&a.paths)
        .into_iter()
        .map(|e| {
            let cfg = matches!(e, walk::Entry::File(_)).then(|| resolver.for_file(e.path()));
            (e, cfg)
        })
        .collect();
    let results: Vec<FileResult> = jobs.into_par_iter().map(|(e, cfg)| process(e, cfg, a.fix)).collect();

    let out = match a.format {
        OutputFormat::Human => human::render(&results, color_enabled()),
        OutputFormat::Json => {
            // stdout carries only the JSON document; what --fix did goes to stderr.
            for r in &results {
                match &r.outcome {
                    Outcome::Checked(c) if c.fixed > 0 => {
                        eprintln!("{}：已修复 {} 处", names::shown(&r.path), c.fixed)
                    }
                    _ => {}
                }
            }
            json::render(&results)
        }
    };
    // A closed pipe (`| head`) is not worth a panic; the exit status still
    // tells the truth.
    let _ = io::stdout().lock().write_all(out.as_bytes());
    exit_status(&results)
}

fn color_enabled() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// 2 (something could not be checked) wins over 1 (an error-severity finding).
fn exit_status(results: &[FileResult]) -> ExitCode {
    let unchecked = results.iter().any(|r| !matches!(r.outcome, Outcome::Checked(_)));
    let has_error = |c: &Checked| c.analysis.findings.iter().any(|f| f.severity == Severity::Error);
    let errors = results.iter().any(|r| matches!(&r.outcome, Outcome::Checked(c) if has_error(c)));
    ExitCode::from(if unchecked { 2 } else { u8::from(errors) })
}

fn process(entry: walk::Entry, cfg: Option<settings::Resolved>, fix: bool) -> FileResult {
    let outcome = match (&entry, cfg) {
        (walk::Entry::Error { message, .. }, _) => Outcome::Failed(message.clone()),
        (walk::Entry::File(_), Some(Err(e))) => Outcome::ConfigFailed(e),
        (walk::Entry::File(path), cfg) => {
            let cfg = cfg.and_then(Result::ok).unwrap_or_default();
            match check_file(path, &cfg, fix) {
                Ok(c) => Outcome::Checked(Box::new(c)),
                Err(message) => Outcome::Failed(message),
            }
        }
    };
    let path = match entry {
        walk::Entry::File(p) | walk::Entry::Error { path: p, .. } => p,
    };
    FileResult { path, outcome }
}

/// Checks one file. A panic in analysis (a bug in nianbao) costs only this
/// file: it becomes an internal error on it, and the other files of the run
/// are still checked and reported, rather than rayon re-raising the panic
/// and ending the run with no output at all.
fn check_file(path: &Path, cfg: &Config, fix: bool) -> Result<Checked, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check_file_inner(path, cfg, fix))).unwrap_or_else(|p| {
        let what = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(format!("内部错误（nianbao 的缺陷，请报告）：{what}，未检查"))
    })
}

fn check_file_inner(path: &Path, cfg: &Config, fix: bool) -> Result<Checked, String> {
    let bytes = std::fs::read(path).map_err(|e| walk::io_message(&e))?;
    let (mut text, encoding) = decode::decode(&bytes).map_err(|e| format!("{e}，未检查"))?;
    let mut fixed = 0;
    if fix {
        let (new_text, n) = fix_text(&text, cfg)?;
        if n > 0 {
            // Re-encoding rewrites every byte; refuse if the untouched parts
            // would not come back identical (GB18030 has a few such corners).
            if decode::encode(&text, encoding) != bytes {
                return Err("无法按原编码原样写回，未修复".to_owned());
            }
            write::write_back(path, &decode::encode(&new_text, encoding))
                .map_err(|write::Refused(why)| format!("有 {n} 处可自动修复，但{why}"))?;
            text = new_text;
            fixed = n;
        }
    }
    let analysis = nianbao_core::analyze(&text, cfg);
    Ok(Checked { text, encoding, analysis, fixed })
}

/// One round: exactly the safe fixes the analysis of the user's own text
/// reports, nothing computed from a half-fixed text. A second round would
/// apply fixes nobody was shown (a "/" made 0, then the correct 总计 "fixed"
/// to agree with that 0).
fn fix_text(original: &str, cfg: &Config) -> Result<(String, usize), String> {
    let analysis = nianbao_core::analyze(original, cfg);
    let edits = fix::safe_plan(original, &analysis.report, &analysis.findings);
    if edits.is_empty() {
        return Ok((original.to_owned(), 0));
    }
    fix::apply(original, &edits).map_err(|e| format!("自动修复失败（nianbao 的缺陷，请报告）：{e}"))
}

pub fn explain(a: ExplainArgs) -> ExitCode {
    if let Some(r) = nianbao_core::rules::lookup(&a.rule) {
        let doc = r.doc.trim_end();
        let _ = writeln!(io::stdout().lock(), "{doc}");
        return ExitCode::SUCCESS;
    }
    let close = close_rules(&a.rule);
    let mut msg = format!("error: 没有名为“{}”的规则\n", a.rule);
    if close.is_empty() {
        msg.push_str("运行 nianbao rules 查看全部规则\n");
    } else {
        msg.push_str("相近的规则：\n");
        for id in close {
            msg.push_str(&format!("  {id}\n"));
        }
    }
    eprint!("{msg}");
    ExitCode::from(2)
}

/// Rule ids a mistyped or partial id probably meant: those containing it
/// ("balance", "tally/") and those a few edits away ("tally/balence"),
/// nearest first.
fn close_rules(query: &str) -> Vec<&'static str> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, &'static str)> = nianbao_core::rules::RULES
        .iter()
        .filter_map(|r| {
            let name = r.id.rsplit('/').next().unwrap_or(r.id);
            let d = levenshtein(&q, r.id).min(levenshtein(&q, name));
            if r.id.contains(q.as_str()) {
                Some((0, r.id))
            } else if d <= (q.chars().count() / 3).max(2) {
                Some((d, r.id))
            } else {
                None
            }
        })
        .collect();
    scored.sort();
    scored.into_iter().map(|(_, id)| id).collect()
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

pub fn skeleton(a: SkeletonArgs) -> ExitCode {
    let style = match a.style {
        SkeletonStyle::Tsv => nianbao_core::syntax::TableStyle::Tsv,
        SkeletonStyle::Markdown => nianbao_core::syntax::TableStyle::Markdown,
    };
    let mut s = nianbao_core::fix::skeleton::report(a.year, a.body.as_deref(), style);
    if !s.ends_with('\n') {
        s.push('\n');
    }
    let _ = io::stdout().lock().write_all(s.as_bytes());
    ExitCode::SUCCESS
}

pub fn rules() -> ExitCode {
    let width = nianbao_core::rules::RULES.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in nianbao_core::rules::RULES {
        out.push_str(&format!("{:<width$}  {:<7}  {}\n", r.id, r.severity.as_str(), r.summary));
    }
    let _ = io::stdout().lock().write_all(out.as_bytes());
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_rules_finds_typos_and_fragments() {
        assert_eq!(close_rules("tally/balanse"), vec!["tally/balance"]);
        assert_eq!(close_rules("balance"), vec!["tally/balance"]);
        assert!(close_rules("tally/").len() >= 4);
        assert!(close_rules("zzzzzzzz").is_empty());
    }

    #[test]
    fn levenshtein_counts_characters_not_bytes() {
        assert_eq!(levenshtein("年报", "年度报告"), 2);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
    }
}
