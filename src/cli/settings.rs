//! Which `nianbao.toml` governs each checked file.

use super::decode;
use nianbao_core::Config;
use nianbao_core::config::ConfigError;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub type Resolved = Result<Arc<Config>, Arc<ConfigError>>;

/// A config's `[check] include` globs and the directory they are relative to.
pub struct Include {
    base: PathBuf,
    globs: globset::GlobSet,
}

impl Include {
    fn new(config_path: &Path, globs: &[String]) -> Option<Arc<Include>> {
        if globs.is_empty() {
            return None;
        }
        let mut b = globset::GlobSetBuilder::new();
        for g in globs {
            // Project::parse has rejected a bad glob already
            b.add(globset::Glob::new(g).ok()?);
        }
        let dir = config_path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let base = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        Some(Arc::new(Include { base, globs: b.build().ok()? }))
    }

    fn matches(&self, file: &Path) -> bool {
        let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        abs.strip_prefix(&self.base).is_ok_and(|rel| self.globs.is_match(rel))
    }
}

type Loaded = (Resolved, Option<Arc<Include>>);

/// Discovery walks up from every file; a tree of drafts shares a handful of
/// directories and usually one config, so both steps are cached.
pub struct Resolver {
    explicit: Option<Loaded>,
    cwd: Option<PathBuf>,
    default: Arc<Config>,
    dir_to_config: HashMap<PathBuf, Option<PathBuf>>,
    loaded: HashMap<PathBuf, Loaded>,
}

impl Resolver {
    pub fn new(explicit: Option<&Path>) -> Self {
        let cwd = std::env::current_dir().ok();
        let explicit = explicit.map(|p| load(p, p));
        Resolver { explicit, cwd, default: Arc::default(), dir_to_config: HashMap::new(), loaded: HashMap::new() }
    }

    pub fn for_file(&mut self, file: &Path) -> Resolved {
        self.lookup(file).0
    }

    /// Whether the governing config's `[check] include` names this file.
    pub fn included(&mut self, file: &Path) -> bool {
        self.lookup(file).1.is_some_and(|i| i.matches(file))
    }

    fn lookup(&mut self, file: &Path) -> Loaded {
        if let Some(r) = &self.explicit {
            return r.clone();
        }
        // Discovery walks the directory as given (relative to the current
        // one), never through its absolute form: a directory above the
        // current one that cannot be entered makes absolute lookups fail and
        // must not change which config is used. The cache is keyed by the
        // absolute form so `a/x.txt` and `./a/y.txt` share an entry.
        let dir = file.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let key = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        let found = self.dir_to_config.entry(key).or_insert_with(|| crate::project::discover_from_dir(dir)).clone();
        let Some(cfg_path) = found else {
            return (Ok(self.default.clone()), None);
        };
        if let Some(r) = self.loaded.get(&cfg_path) {
            return r.clone();
        }
        let shown = self.display_path(&cfg_path);
        let r = load(&cfg_path, &shown);
        self.loaded.insert(cfg_path, r.clone());
        r
    }

    /// Config paths are printed relative to the current directory when they
    /// are under it, like the paths of the checked files.
    fn display_path(&self, p: &Path) -> PathBuf {
        self.cwd.as_ref().and_then(|c| p.strip_prefix(c).ok()).map(Path::to_path_buf).unwrap_or_else(|| p.to_path_buf())
    }
}

fn load(path: &Path, shown: &Path) -> Loaded {
    let fail = |message: String| Arc::new(ConfigError { path: shown.to_path_buf(), line: 0, column: 0, message });
    let parsed = std::fs::read(path).map_err(|e| fail(super::walk::io_message(&e))).and_then(|bytes| {
        // Notepad saves nianbao.toml with a BOM or as GBK just like the drafts;
        // a BOM-stripped text keeps every line and column where an editor shows it.
        let (text, _) = decode::decode(&bytes).map_err(|e| fail(e.to_string()))?;
        crate::project::Project::parse(&text, shown).map_err(Arc::new)
    });
    match parsed {
        Ok(p) => {
            let include = Include::new(path, &p.check.include);
            (Ok(Arc::new(p.config)), include)
        }
        Err(e) => (Err(e), None),
    }
}

/// `配置错误：path 第 l 行第 c 列：message`, the place omitted when it is unknown.
pub fn describe(e: &ConfigError) -> String {
    if e.line == 0 {
        format!("配置错误：{}：{}", super::names::shown(&e.path), e.message)
    } else {
        format!("配置错误：{} 第 {} 行第 {} 列：{}", super::names::shown(&e.path), e.line, e.column, e.message)
    }
}
