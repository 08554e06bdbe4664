//! Configuration as the server sees it: `nianbao.toml` (nearest to the
//! document, else the workspace root's), then `initializationOptions`, then
//! the settings the editor sends later. Each layer overrides the keys it
//! sets. Editor settings are translated to the TOML shape and merged as
//! TOML, so `Config::parse` validates every layer with the same rules and
//! messages as the command line.

use crate::project::{FILE_NAME, Project};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

/// A configuration problem to show the user, keyed by where it comes from
/// so the same problem is shown once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub source: String,
    /// `None` once the source is valid again.
    pub message: Option<String>,
}

struct ProjectFile {
    stamp: Option<(SystemTime, u64)>,
    /// The last version that parsed; a broken edit keeps this in force.
    good: Option<toml::Table>,
    error: Option<String>,
}

#[derive(Default)]
pub struct Settings {
    init: Mutex<toml::Table>,
    editor: Mutex<toml::Table>,
    roots: Mutex<Vec<PathBuf>>,
    files: Mutex<HashMap<PathBuf, ProjectFile>>,
    /// The configuration last resolved for each document path. Resolving
    /// walks up the folders (a `stat` per level), stats the project file
    /// and merges the layers through TOML text: an edit of the fixture
    /// spent as long on that as on a tenth of its analysis. Reused until a
    /// layer changes (`epoch`) or for `RESOLVED_FOR`.
    resolved: Mutex<HashMap<Option<PathBuf>, Resolved>>,
    /// Bumped whenever a layer or a project file may have changed.
    epoch: AtomicU64,
}

/// How long a resolved configuration is reused without looking at the
/// disk again. Editors that watch `nianbao.toml` (and saves in the editor)
/// make the change take effect at once; one that does not still sees it
/// within this time.
const RESOLVED_FOR: Duration = Duration::from_secs(2);

/// Documents whose resolved configuration is kept; past it the cache starts over.
const RESOLVED_MAX: usize = 1024;

type Resolution = (Project, Option<Problem>, Option<PathBuf>);

struct Resolved {
    epoch: u64,
    at: Instant,
    value: Resolution,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

pub const INIT_SOURCE: &str = "initializationOptions";
pub const EDITOR_SOURCE: &str = "workspace/didChangeConfiguration";

impl Settings {
    pub fn set_roots(&self, roots: Vec<PathBuf>) {
        *lock(&self.roots) = roots;
        self.forget();
    }

    /// A layer or a project file may have changed: resolve every document's
    /// configuration afresh.
    pub fn forget(&self) {
        self.epoch.fetch_add(1, Ordering::Relaxed);
    }

    pub fn roots(&self) -> Vec<PathBuf> {
        lock(&self.roots).clone()
    }

    /// Replace the `initializationOptions` layer; on error the old one stays.
    pub fn set_init(&self, value: &Value) -> Problem {
        self.forget();
        Self::set_layer(&self.init, value, INIT_SOURCE)
    }

    /// Replace the editor-settings layer; on error the old one stays.
    pub fn set_editor(&self, value: &Value) -> Problem {
        self.forget();
        Self::set_layer(&self.editor, value, EDITOR_SOURCE)
    }

    fn set_layer(slot: &Mutex<toml::Table>, value: &Value, source: &str) -> Problem {
        let message = match settings_to_toml(value) {
            Ok(t) => {
                *lock(slot) = t;
                None
            }
            Err(e) => Some(format!("nianbao 设置（{source}）有误，沿用上一次的有效设置：{e}")),
        };
        Problem { source: source.to_string(), message }
    }

    /// The nearest `nianbao.toml` above a document, else the first workspace
    /// root's.
    fn project_file(&self, doc: Option<&Path>) -> Option<PathBuf> {
        doc.and_then(crate::project::discover)
            .or_else(|| self.roots().iter().map(|r| r.join(FILE_NAME)).find(|p| p.is_file()))
    }

    /// Read (or reuse) a project file. The file is re-read when its size or
    /// modification time changes, so edits take effect without a watcher.
    fn load(&self, path: &Path) -> (Option<toml::Table>, Problem) {
        let stamp = std::fs::metadata(path).ok().map(|m| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len()));
        let mut files = lock(&self.files);
        let entry = files.entry(path.to_path_buf()).or_insert(ProjectFile { stamp: None, good: None, error: None });
        if entry.stamp.is_none() || entry.stamp != stamp {
            entry.stamp = stamp;
            match std::fs::read_to_string(path) {
                Ok(text) => match Project::parse(&text, path) {
                    Ok(_) => {
                        entry.good = text.parse::<toml::Table>().ok();
                        entry.error = None;
                    }
                    Err(e) => entry.error = Some(format!("{e}（沿用上一次的有效配置）")),
                },
                Err(e) => entry.error = Some(format!("{}: {e}", path.display())),
            }
        }
        let problem = Problem { source: path.display().to_string(), message: entry.error.clone() };
        (entry.good.clone(), problem)
    }

    /// The configuration in force for a document (its file path, if any),
    /// with the state of the project file it came from.
    pub fn config_for(&self, doc: Option<&Path>) -> Resolution {
        let key = doc.map(Path::to_path_buf);
        // read before resolving: a change meanwhile makes this entry stale
        let epoch = self.epoch.load(Ordering::Relaxed);
        if let Some(r) = lock(&self.resolved).get(&key)
            && r.epoch == epoch
            && r.at.elapsed() < RESOLVED_FOR
        {
            return r.value.clone();
        }
        let value = self.resolve(doc);
        let mut resolved = lock(&self.resolved);
        if resolved.len() >= RESOLVED_MAX {
            resolved.clear();
        }
        resolved.insert(key, Resolved { epoch, at: Instant::now(), value: value.clone() });
        value
    }

    fn resolve(&self, doc: Option<&Path>) -> Resolution {
        let file = self.project_file(doc);
        let (mut merged, problem) = match &file {
            Some(p) => {
                let (t, problem) = self.load(p);
                (t.unwrap_or_default(), Some(problem))
            }
            None => (toml::Table::new(), None),
        };
        merge(&mut merged, &lock(&self.init));
        merge(&mut merged, &lock(&self.editor));
        // every layer was valid alone; together they can only fail on a
        // combination no single layer shows, which falls back to defaults
        let config = toml::to_string(&merged)
            .ok()
            .and_then(|t| Project::parse(&t, Path::new("nianbao")).ok())
            .unwrap_or_default();
        (config, problem, file)
    }
}

/// Deep merge: tables merge key by key, anything else is replaced.
fn merge(base: &mut toml::Table, over: &toml::Table) {
    for (k, v) in over {
        match (base.get_mut(k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            _ => {
                base.insert(k.clone(), v.clone());
            }
        }
    }
}

fn to_toml(v: &Value) -> Result<Option<toml::Value>, String> {
    Ok(Some(match v {
        Value::Null => return Ok(None),
        Value::Bool(b) => toml::Value::Boolean(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => toml::Value::Integer(i),
            None => toml::Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => toml::Value::String(s.clone()),
        Value::Array(a) => {
            toml::Value::Array(a.iter().filter_map(|x| to_toml(x).transpose()).collect::<Result<_, _>>()?)
        }
        Value::Object(o) => {
            let mut t = toml::Table::new();
            for (k, x) in o {
                if let Some(x) = to_toml(x)? {
                    t.insert(k.clone(), x);
                }
            }
            toml::Value::Table(t)
        }
    }))
}

/// Editor settings (camelCase, `{"nianbao": {...}}` or flat) as the TOML a
/// `nianbao.toml` would hold, validated by `Config::parse`.
pub fn settings_to_toml(value: &Value) -> Result<toml::Table, String> {
    let value = match value.get("nianbao") {
        Some(inner) if inner.is_object() || inner.is_null() => inner,
        _ => value,
    };
    let obj = match value {
        Value::Null => return Ok(toml::Table::new()),
        Value::Object(o) => o,
        other => return Err(format!("设置应为对象，收到的是 {other}")),
    };
    let mut t = toml::Table::new();
    let mut lsp = toml::Table::new();
    for (k, v) in obj {
        let Some(v) = to_toml(v)? else { continue };
        let key = match k.as_str() {
            "reportYear" | "report_year" => "report_year",
            "bodyLevel" | "body_level" => "body_level",
            "format" => "format",
            "rules" => "rules",
            "deadline" => "deadline",
            "debounceMs" | "debounce_ms" => {
                lsp.insert("debounce_ms".into(), v);
                continue;
            }
            "include" => {
                lsp.insert("include".into(), v);
                continue;
            }
            "lsp" => {
                let toml::Value::Table(inner) = v else {
                    return Err("lsp 应为对象".into());
                };
                for (ik, iv) in inner {
                    let ik = if ik == "debounceMs" { "debounce_ms".to_string() } else { ik };
                    lsp.insert(ik, iv);
                }
                continue;
            }
            // the VS Code extension's own keys travel in the same section
            "path" | "trace" | "server" => continue,
            other => return Err(format!("未知的设置项“{other}”")),
        };
        t.insert(key.into(), v);
    }
    if !lsp.is_empty() {
        t.insert("lsp".into(), toml::Value::Table(lsp));
    }
    let text = toml::to_string(&t).map_err(|e| e.to_string())?;
    Project::parse(&text, Path::new("settings")).map_err(|e| e.message)?;
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_core::Severity;
    use serde_json::json;

    #[test]
    fn the_vscode_extensions_own_keys_are_ignored() {
        let t = settings_to_toml(
            &json!({"nianbao": {"path": "/opt/nianbao", "trace": {"server": "off"}, "reportYear": 2025}}),
        )
        .unwrap();
        assert_eq!(t.len(), 1);
        assert!(settings_to_toml(&json!({"nianbao": {"reportYaer": 2025}})).is_err());
    }

    #[test]
    fn camel_case_settings_become_a_config() {
        let t =
            settings_to_toml(&json!({"nianbao": {"reportYear": 2024, "debounceMs": 0, "rules": {"year/stale": "off"},
            "include": ["**/*.txt"], "deadline": {"government": "04-15"}, "bodyLevel": "乡镇"}}))
            .unwrap();
        let p = Project::parse(&toml::to_string(&t).unwrap(), Path::new("x")).unwrap();
        let (c, lsp) = (&p.config, &p.lsp);
        assert_eq!(c.report_year, Some(2024));
        assert_eq!(lsp.debounce_ms, 0);
        assert_eq!(lsp.include, ["**/*.txt"]);
        assert_eq!(c.severity_of("year/stale", Severity::Warning), None);
    }

    #[test]
    fn bad_settings_are_rejected_and_the_last_good_layer_stays() {
        assert!(settings_to_toml(&json!({"reportYaer": 2024})).unwrap_err().contains("reportYaer"));
        assert!(settings_to_toml(&json!({"rules": {"tally/nope": "off"}})).unwrap_err().contains("tally/nope"));
        let s = Settings::default();
        assert!(s.set_editor(&json!({"reportYear": 2023})).message.is_none());
        assert!(s.set_editor(&json!({"bodyLevel": "village"})).message.is_some());
        assert_eq!(s.config_for(None).0.config.report_year, Some(2023));
    }

    #[test]
    fn later_layers_override_earlier_ones_key_by_key() {
        let s = Settings::default();
        s.set_init(&json!({"reportYear": 2023, "rules": {"year/stale": "off"}}));
        s.set_editor(&json!({"rules": {"year/plan": "error"}}));
        let c = s.config_for(None).0.config;
        assert_eq!(c.report_year, Some(2023));
        assert_eq!(c.severity_of("year/stale", Severity::Warning), None);
        assert_eq!(c.severity_of("year/plan", Severity::Warning), Some(Severity::Error));
    }
}
