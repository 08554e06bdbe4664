//! Which `nianbao.toml` governs each checked file.

use super::decode;
use nianbao_core::Config;
use nianbao_core::config::ConfigError;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub type Resolved = Result<Arc<Config>, Arc<ConfigError>>;

/// Discovery walks up from every file; a tree of drafts shares a handful of
/// directories and usually one config, so both steps are cached.
pub struct Resolver {
    explicit: Option<Resolved>,
    cwd: Option<PathBuf>,
    default: Arc<Config>,
    dir_to_config: HashMap<PathBuf, Option<PathBuf>>,
    loaded: HashMap<PathBuf, Resolved>,
}

impl Resolver {
    pub fn new(explicit: Option<&Path>) -> Self {
        let cwd = std::env::current_dir().ok();
        let explicit = explicit.map(|p| load(p, p));
        Resolver { explicit, cwd, default: Arc::default(), dir_to_config: HashMap::new(), loaded: HashMap::new() }
    }

    pub fn for_file(&mut self, file: &Path) -> Resolved {
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
            return Ok(self.default.clone());
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

fn load(path: &Path, shown: &Path) -> Resolved {
    let fail = |message: String| Arc::new(ConfigError { path: shown.to_path_buf(), line: 0, column: 0, message });
    let bytes = std::fs::read(path).map_err(|e| fail(super::walk::io_message(&e)))?;
    // Notepad saves nianbao.toml with a BOM or as GBK just like the drafts;
    // a BOM-stripped text keeps every line and column where an editor shows it.
    let (text, _) = decode::decode(&bytes).map_err(|e| fail(e.to_string()))?;
    crate::project::Project::parse(&text, shown).map(|p| Arc::new(p.config)).map_err(Arc::new)
}

/// `配置错误：path 第 l 行第 c 列：message`, the place omitted when it is unknown.
pub fn describe(e: &ConfigError) -> String {
    if e.line == 0 {
        format!("配置错误：{}：{}", super::names::shown(&e.path), e.message)
    } else {
        format!("配置错误：{} 第 {} 行第 {} 列：{}", super::names::shown(&e.path), e.line, e.column, e.message)
    }
}
