//! `nianbao check|explain|skeleton|rules`: the command-line front end.
//!
//! All file-system access, decoding and printing of the checker happens here;
//! the library only ever sees decoded text and a `Config`.

mod candidate;
mod convert;
pub(crate) mod decode;
mod diff;
mod fixing;
mod github;
mod help;
mod human;
mod json;
mod kept;
mod names;
mod original;
pub(crate) mod previous;
mod progress;
mod sarif;
mod settings;
mod summary;
mod walk;
mod write;

pub use convert::{ConvertArgs, convert};
use decode::Encoding;
pub use help::parse as parse_args;
use nianbao_core::config::ConfigError;
use nianbao_core::{Analysis, ColumnUnit, Config, LineIndex, Severity};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Human,
    Json,
    /// SARIF 2.1.0（代码扫描平台）
    Sarif,
    /// GitHub Actions 工作流命令（注释到代码行）
    Github,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// 输出格式
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// 自动应用安全的修复并写回文件（保留原编码、BOM 和换行符）
    #[arg(long)]
    pub fix: bool,
    /// 与 --fix 或 --diff 同用：也应用会改动数字或版式的修复（如补上总计列并填入合计）
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// 只显示 --fix 会做的改动（统一 diff 格式），不写文件
    #[arg(long)]
    pub diff: bool,
    /// 使用指定的配置文件，不再按目录查找 nianbao.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// 上一年度的报告（跨年度规则 cross-year/* 与之对照；不指定时在同一目录中按机关名称和年度查找）
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
    /// 把检查结果汇总写入 FILE（按扩展名为 .csv 或 .html）：每份报告一行，附各规则的合计
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// 与 --summary 同用：应当提交报告的机关名单（每行一个），汇总列出没有报告的机关
    #[arg(long, value_name = "FILE", requires = "summary")]
    pub expect: Option<PathBuf>,
    /// 要检查的文件或目录（目录中查找 .txt、.md、.docx、.html 和 .htm 文件）
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

/// What became of one file: while it is analysed, its `Checked`; once its
/// output is rendered, only what `kept::Kept` holds.
pub struct FileResult<C = Box<Checked>> {
    pub path: PathBuf,
    pub outcome: Outcome<C>,
}

pub enum Outcome<C = Box<Checked>> {
    Checked(C),
    /// Could not be listed, read, decoded or written back.
    Failed(String),
    ConfigFailed(Arc<ConfigError>),
}

pub struct Checked {
    /// The text as finally analysed (after `--fix`), decoded.
    pub text: String,
    pub encoding: Encoding,
    pub analysis: Analysis,
    /// What `--fix` / `--diff` did or would do; `None` without them.
    pub fix: Option<fixing::Tally>,
    /// `--diff`: the unified diff of what `--fix` would change.
    pub diff: Option<String>,
    /// Last year's report the cross-year rules compared with.
    pub previous: Option<Arc<previous::PreviousFile>>,
    /// The .docx/.html the text was converted from.
    pub origin: Option<crate::input::Origin>,
}

/// 1-based line and Unicode-scalar column, as both output formats print them.
fn position(text: &str, idx: &LineIndex, offset: usize) -> (usize, usize) {
    let (l, c) = idx.position(text, offset, ColumnUnit::Scalar);
    (l + 1, c + 1)
}

pub fn check(a: CheckArgs) -> ExitCode {
    if a.unsafe_fixes && !a.fix && !a.diff {
        eprintln!("错误：--unsafe-fixes 需与 --fix 或 --diff 一起使用");
        return ExitCode::from(2);
    }
    let fix_mode = (a.fix || a.diff).then_some(fixing::Mode { unsafe_fixes: a.unsafe_fixes, dry_run: a.diff });
    let expected = match summary::arguments(a.summary.as_deref(), a.expect.as_deref()) {
        Ok(e) => e,
        Err(m) => {
            eprintln!("error: {m}");
            return ExitCode::from(2);
        }
    };
    let mut resolver = settings::Resolver::new(a.config.as_deref());
    // Config lookup is sequential and cached; reading, analysing and fixing
    // run in parallel. `collect` on an indexed parallel iterator keeps the
    // walk order, which is what makes the output stable.
    let jobs: Vec<_> = walk::collect(&a.paths)
        .into_iter()
        .map(|e| {
            let cfg = matches!(e, walk::Entry::File(_)).then(|| resolver.for_file(e.path()));
            // met while walking a directory: checked only if it reads like a report
            let screen = matches!(&e, walk::Entry::File(p) if !a.paths.contains(p) && !resolver.included(p));
            (e, cfg, screen)
        })
        .collect();
    let configs: Vec<Option<Arc<Config>>> =
        jobs.iter().map(|(_, cfg, _)| cfg.as_ref().and_then(|c| c.as_ref().ok().cloned())).collect();
    let style = kept::Style {
        format: a.format,
        color: color_enabled(),
        summary: a.summary.is_some(),
        sarif: sarif::Base::here(),
    };
    let bar = progress::Bar::new(jobs.len());
    // each file's output is rendered as soon as it is analysed, and its
    // text and analysis dropped (kept.rs)
    let processed: Vec<Option<kept::Done>> = jobs
        .into_par_iter()
        .map(|(e, cfg, screen)| {
            let r = process(e, cfg, fix_mode, screen).map(|r| style.keep(r));
            bar.tick();
            r
        })
        .collect();
    bar.finish();
    let (mut results, configs) = candidate::keep(processed, configs);
    let explicit = a.previous.as_deref();
    if let Err(message) = previous::pair(&mut results, &configs, explicit, &a.paths, &mut resolver, &style) {
        let path = a.previous.clone().unwrap_or_default();
        results.push(FileResult { path, outcome: Outcome::Failed(message) });
    }
    let summary_failed = a.summary.as_deref().is_some_and(|p| summary::finish(p, &mut results, &expected).is_err());
    if a.diff {
        return print_diffs(&results);
    }

    let mut stdout = io::BufWriter::new(io::stdout().lock());
    let written = match a.format {
        OutputFormat::Human => stdout.write_all(human::render(&results, style.color).as_bytes()),
        OutputFormat::Json => {
            // stdout carries only the JSON document; what --fix did goes to stderr.
            report_fixes_on_stderr(&results);
            json::write(&results, &mut stdout)
        }
        OutputFormat::Sarif => {
            report_fixes_on_stderr(&results);
            stdout.write_all(sarif::render(&results, &style.sarif).as_bytes())
        }
        OutputFormat::Github => {
            report_fixes_on_stderr(&results);
            stdout.write_all(github::render(&results).as_bytes())
        }
    };
    // A closed pipe (`| head`) is not worth a panic; the exit status still
    // tells the truth.
    let _ = written.and_then(|()| stdout.flush());
    if summary_failed { ExitCode::from(2) } else { exit_status(&results) }
}

/// For the machine formats, whose stdout carries only their document.
fn report_fixes_on_stderr(results: &[kept::Done]) {
    for r in results {
        if let Outcome::Checked(c) = &r.outcome
            && let Some(t) = &c.fix
        {
            eprintln!("{}：{}", names::shown(&r.path), t.describe());
        }
    }
}

/// `--diff`: the diffs on stdout, what each file would get on stderr; exit 1
/// when some file would change (as `diff` does), 2 when one could not be read.
fn print_diffs(results: &[kept::Done]) -> ExitCode {
    let mut out = String::new();
    for r in results {
        match &r.outcome {
            Outcome::Checked(c) => out.push_str(c.diff.as_deref().unwrap_or_default()),
            Outcome::Failed(m) => eprintln!("错误：{}：{m}", names::shown(&r.path)),
            Outcome::ConfigFailed(e) => eprintln!("错误：{}：{}", names::shown(&r.path), settings::describe(e)),
        }
    }
    report_fixes_on_stderr(results);
    let _ = io::stdout().lock().write_all(out.as_bytes());
    let unchecked = results.iter().any(|r| !matches!(r.outcome, Outcome::Checked(_)));
    ExitCode::from(if unchecked { 2 } else { u8::from(!out.is_empty()) })
}

fn color_enabled() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// 2 (something could not be checked) wins over 1 (an error-severity finding).
fn exit_status(results: &[kept::Done]) -> ExitCode {
    let unchecked = results.iter().any(|r| !matches!(r.outcome, Outcome::Checked(_)));
    let has_error = |c: &kept::Kept| c.by_severity[Severity::Error as usize] > 0;
    let errors = results.iter().any(|r| matches!(&r.outcome, Outcome::Checked(c) if has_error(c)));
    ExitCode::from(if unchecked { 2 } else { u8::from(errors) })
}

/// `None`: a file met while walking (`screen`) that is no report.
fn process(
    entry: walk::Entry,
    cfg: Option<settings::Resolved>,
    fix: Option<fixing::Mode>,
    screen: bool,
) -> Option<FileResult> {
    let outcome = match (&entry, cfg) {
        (walk::Entry::Error { message, .. }, _) => Outcome::Failed(message.clone()),
        (walk::Entry::File(_), Some(Err(e))) => Outcome::ConfigFailed(e),
        (walk::Entry::File(path), cfg) => {
            let cfg = cfg.and_then(Result::ok).unwrap_or_default();
            match check_file(path, &cfg, fix, screen) {
                Ok(Some(c)) => Outcome::Checked(Box::new(c)),
                Ok(None) => return None,
                Err(message) => Outcome::Failed(message),
            }
        }
    };
    let path = match entry {
        walk::Entry::File(p) | walk::Entry::Error { path: p, .. } => p,
    };
    Some(FileResult { path, outcome })
}

/// Checks one file. A panic in analysis (a bug in nianbao) costs only this
/// file: it becomes an internal error on it, and the other files of the run
/// are still checked and reported, rather than rayon re-raising the panic
/// and ending the run with no output at all.
fn check_file(path: &Path, cfg: &Config, fix: Option<fixing::Mode>, screen: bool) -> Result<Option<Checked>, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check_file_inner(path, cfg, fix, screen))).unwrap_or_else(
        |p| {
            let what = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(format!("内部错误（nianbao 的缺陷，请报告）：{what}，未检查"))
        },
    )
}

fn check_file_inner(
    path: &Path,
    cfg: &Config,
    fix: Option<fixing::Mode>,
    screen: bool,
) -> Result<Option<Checked>, String> {
    let bytes = std::fs::read(path).map_err(|e| walk::io_message(&e))?;
    let crate::input::Converted { mut text, encoding, origin } = original::read(path, &bytes, fix.is_some())?;
    // before --fix touches it; without --fix the analysis below decides
    if screen && fix.is_some() && !candidate::reads_like_report(&text, &nianbao_core::Report::build(&text, cfg)) {
        return Ok(None);
    }
    let (mut tally, mut diff) = (None, None);
    if let Some(mode) = fix {
        let (new_text, t) = fixing::fix_text(&text, cfg, mode)?;
        if mode.dry_run {
            diff = Some(diff::unified(&names::shown(path), &text, &new_text));
        } else if new_text != text {
            // Re-encoding rewrites every byte; refuse if the untouched parts
            // would not come back identical (GB18030 has a few such corners).
            if decode::encode(&text, encoding) != bytes {
                return Err("无法按原编码原样写回，未修复".to_owned());
            }
            write::write_back(path, &decode::encode(&new_text, encoding))
                .map_err(|write::Refused(why)| format!("有 {} 处可自动修复，但{why}", t.applied))?;
            text = new_text;
        }
        tally = Some(t);
    }
    let analysis = nianbao_core::analyze(&text, cfg);
    if screen && !candidate::reads_like_report(&text, &analysis.report) {
        return Ok(None);
    }
    Ok(Some(Checked { text, encoding, analysis, fix: tally, diff, previous: None, origin }))
}

pub fn explain(a: ExplainArgs) -> ExitCode {
    if let Some(r) = nianbao_core::rules::lookup(&a.rule) {
        let doc = r.doc.trim_end();
        let _ = writeln!(io::stdout().lock(), "{doc}");
        return ExitCode::SUCCESS;
    }
    let close = close_rules(&a.rule);
    let mut msg = format!("错误：没有名为“{}”的规则\n", a.rule);
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
