//! `nianbao.toml` as the front ends read it: where it is (the nearest one
//! above a draft), the analysis settings in it (parsed by
//! [`nianbao_core::Config::parse`]) and the front ends' own tables (`[lsp]`),
//! which the analysis crate accepts unread. File-system access lives here
//! because nianbao-core has none.

use nianbao_core::Config;
use nianbao_core::config::ConfigError;
use serde::Deserialize;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "nianbao.toml";

/// The `[lsp]` table: how the language server paces and picks documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LspSettings {
    pub debounce_ms: u64,
    /// Globs of documents checked even without a report title.
    pub include: Vec<String>,
}

impl Default for LspSettings {
    fn default() -> Self {
        LspSettings { debounce_ms: 150, include: Vec::new() }
    }
}

/// The `[check]` table: what `nianbao check DIR` takes for a report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckSettings {
    /// Globs (relative to the config file's directory) of files checked
    /// when walking a directory even if they do not read like a report.
    pub include: Vec<String>,
}

/// Everything a `nianbao.toml` says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Project {
    pub config: Config,
    pub lsp: LspSettings,
    pub check: CheckSettings,
}

/// The front ends' tables; the analysis keys are `Config::parse`'s, which
/// rejects unknown keys, so this one need not.
#[derive(Deserialize)]
struct RawFront {
    lsp: Option<RawLsp>,
    check: Option<RawCheck>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    include: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLsp {
    debounce_ms: Option<toml::Spanned<i64>>,
    include: Option<Vec<String>>,
}

impl Project {
    /// Parse the text of a `nianbao.toml`; `path` only labels errors.
    pub fn parse(text: &str, path: &Path) -> Result<Project, ConfigError> {
        let config = Config::parse(text, path)?;
        let err_at = |span: Option<std::ops::Range<usize>>, message: String| {
            let (line, column) = span.map_or((0, 0), |s| {
                let idx = nianbao_core::LineIndex::new(text);
                let (l, c) = idx.position(text, s.start, nianbao_core::ColumnUnit::Scalar);
                (l + 1, c + 1)
            });
            ConfigError { path: path.to_path_buf(), line, column, message }
        };
        let raw: RawFront =
            toml::from_str(text).map_err(|e| err_at(e.span(), nianbao_core::config::toml_zh::message(e.message())))?;
        let mut lsp = LspSettings::default();
        if let Some(l) = raw.lsp {
            if let Some(d) = l.debounce_ms {
                let v = *d.get_ref();
                if !(0..=10_000).contains(&v) {
                    return Err(err_at(Some(d.span()), format!("lsp.debounce_ms: {v} 超出 0–10000 的范围")));
                }
                lsp.debounce_ms = v as u64;
            }
            if let Some(globs) = l.include {
                for g in &globs {
                    if let Err(e) = globset::Glob::new(g) {
                        return Err(err_at(None, format!("lsp.include: 无效的通配符“{g}”：{e}")));
                    }
                }
                lsp.include = globs;
            }
        }
        let mut check = CheckSettings::default();
        if let Some(globs) = raw.check.and_then(|c| c.include) {
            for g in &globs {
                if let Err(e) = globset::Glob::new(g) {
                    return Err(err_at(None, format!("check.include: 无效的通配符“{g}”：{e}")));
                }
            }
            check.include = globs;
        }
        Ok(Project { config, lsp, check })
    }
}

/// Walk up from `start` (a file or directory) to the nearest `nianbao.toml`.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let dir = if start.is_dir() { start } else { start.parent().unwrap_or(Path::new("")) };
    discover_from_dir(dir)
}

/// Walk up from the directory `dir` to the nearest `nianbao.toml`, a
/// relative `dir` being relative to the current directory.
pub fn discover_from_dir(dir: &Path) -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok();
    discover_with(dir, cwd.as_deref(), &|p| std::fs::metadata(p).map(|m| m.is_file()))
}

/// Discovery with the file-system lookup injected (tests make lookups fail).
///
/// The nearest config wins, whatever lies above it: a relative `dir` is
/// probed as written ("nianbao.toml", "sub/nianbao.toml"), which the kernel
/// resolves from the current directory without searching any ancestor of
/// it, so a draft's own config is found even when a directory above the
/// current one cannot be entered (absolute paths through it fail with
/// EACCES, and an absolute-path walk used to skip to a config higher up).
/// Only when the relative path runs out does the walk continue with the
/// current directory's ancestors. A lookup that fails (not "not found" but
/// "cannot tell") is skipped: a config that cannot be reached could not be
/// read either, and it never hides a nearer one because nearer ones are
/// probed first.
pub fn discover_with(
    dir: &Path,
    cwd: Option<&Path>,
    probe: &dyn Fn(&Path) -> std::io::Result<bool>,
) -> Option<PathBuf> {
    use std::path::Component;
    let found = |d: &Path| {
        let candidate = d.join(FILE_NAME);
        matches!(probe(&candidate), Ok(true)).then_some(candidate)
    };
    if dir.is_absolute() {
        return dir.ancestors().find_map(found);
    }
    // Drop "." and fold "a/.." lexically; leading ".." stay and say how far
    // above the current directory the relative walk ends.
    let mut parts: Vec<Component> = Vec::new();
    for c in dir.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if parts.last().is_some_and(|p| matches!(p, Component::Normal(_))) => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    let ups = parts.iter().take_while(|c| matches!(c, Component::ParentDir)).count();
    let rel: PathBuf = parts.iter().collect();
    // "a/b", "a", then "" (the current directory itself), or "..", "../.."
    for d in rel.ancestors() {
        if d.components().all(|c| matches!(c, Component::ParentDir)) && d.components().count() < ups {
            break;
        }
        // "" joins to a bare "nianbao.toml", which is what errors then print
        if let Some(c) = found(d) {
            return Some(c);
        }
    }
    // above the relative path: the current directory's ancestors
    cwd?.ancestors().skip(ups + 1).find_map(found)
}

#[cfg(test)]
#[path = "project_schema_tests.rs"]
mod schema_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lsp_table_is_read_here_and_checked() {
        let p =
            Project::parse("report_year = 2025\n[lsp]\ndebounce_ms = 0\ninclude = [\"**/*.txt\"]\n", Path::new("x"))
                .unwrap();
        assert_eq!(p.config.report_year, Some(2025));
        assert_eq!(p.lsp.debounce_ms, 0);
        assert_eq!(p.lsp.include, ["**/*.txt"]);
        let e = Project::parse("[lsp]\ndebounce_ms = 99999\n", Path::new("x")).unwrap_err();
        assert_eq!((e.line, e.message.contains("超出")), (2, true), "{e}");
        let e = Project::parse("[lsp]\ndebounse_ms = 1\n", Path::new("x")).unwrap_err();
        assert!(e.message.contains("debounse_ms"), "{e}");
        let e = Project::parse("[lsp]\ninclude = [\"a[\"]\n", Path::new("x")).unwrap_err();
        assert!(e.message.contains("通配符"), "{e}");
    }

    /// A lookup table standing in for the file system: `Ok(true)` where a
    /// config exists, EACCES under `/locked` (a directory whose mode forbids
    /// entering; the test runs as root, which mode bits would not stop).
    fn fake_fs(existing: &'static [&'static str]) -> impl Fn(&Path) -> std::io::Result<bool> {
        move |p: &Path| {
            if p.starts_with("/locked") {
                return Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
            }
            Ok(existing.iter().any(|e| Path::new(e) == p))
        }
    }

    #[test]
    fn the_config_beside_the_draft_wins_under_an_unenterable_ancestor() {
        // cwd /locked/proj/drafts; /locked cannot be entered; configs beside
        // the draft (relative) and a broken one at the top
        let probe = fake_fs(&["nianbao.toml", "/nianbao.toml"]);
        let cwd = Path::new("/locked/proj/drafts");
        assert_eq!(discover_with(Path::new(""), Some(cwd), &probe), Some(PathBuf::from("nianbao.toml")));
        assert_eq!(discover_with(Path::new("."), Some(cwd), &probe), Some(PathBuf::from("nianbao.toml")));
        // a draft in a subdirectory finds the one in the current directory
        assert_eq!(discover_with(Path::new("sub/x"), Some(cwd), &probe), Some(PathBuf::from("nianbao.toml")));
        let probe = fake_fs(&["sub/nianbao.toml", "nianbao.toml"]);
        assert_eq!(discover_with(Path::new("sub"), Some(cwd), &probe), Some(PathBuf::from("sub/nianbao.toml")));
        // nothing readable nearby: the walk goes on above the locked part
        let probe = fake_fs(&["/nianbao.toml"]);
        assert_eq!(discover_with(Path::new(""), Some(cwd), &probe), Some(PathBuf::from("/nianbao.toml")));
    }

    #[test]
    fn relative_walks_with_dotdot_continue_at_the_right_ancestor() {
        let cwd = Path::new("/w/a/b");
        // ../x from /w/a/b is /w/a/x: probe ../x, .., then /w and /
        let probe = fake_fs(&["/w/a/b/nianbao.toml", "/w/nianbao.toml"]);
        assert_eq!(discover_with(Path::new("../x"), Some(cwd), &probe), Some(PathBuf::from("/w/nianbao.toml")));
        let probe = fake_fs(&["../nianbao.toml", "/w/nianbao.toml"]);
        assert_eq!(discover_with(Path::new("../x"), Some(cwd), &probe), Some(PathBuf::from("../nianbao.toml")));
        // absolute starts walk their own ancestors only
        let probe = fake_fs(&["/w/nianbao.toml"]);
        assert_eq!(discover_with(Path::new("/w/a"), None, &probe), Some(PathBuf::from("/w/nianbao.toml")));
        assert_eq!(discover_with(Path::new("/locked/a"), None, &fake_fs(&[])), None);
    }
}
