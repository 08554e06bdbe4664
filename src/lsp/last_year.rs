//! Last year's report for the cross-year rules, as the server finds it: an
//! open document of the same body and the year before, else a file beside
//! this one on disk. Disk reports are read once per (path, size, mtime);
//! an open document always wins over its file, whose text may be stale.

use super::documents::file_path;
use super::server::Shared;
use super::snapshot::Snapshot;
use nianbao_core::model::identity::{self, Identity};
use nianbao_core::{LineIndex, Report};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// How long a folder's list is used without looking at the folder again:
/// keystrokes come far faster than reports are added beside a draft.
const FOLDER_FRESH: Duration = Duration::from_secs(2);
use tower_lsp_server::UriExt;
use tower_lsp_server::lsp_types::Uri;

/// Last year's report a snapshot was compared with.
pub enum LastYear {
    Open(Arc<Snapshot>),
    Disk(Arc<OnDisk>),
}

pub struct OnDisk {
    uri: Uri,
    text: String,
    index: LineIndex,
    report: Report,
}

impl LastYear {
    pub fn uri(&self) -> &Uri {
        match self {
            LastYear::Open(s) => &s.uri,
            LastYear::Disk(d) => &d.uri,
        }
    }
    pub fn text(&self) -> &str {
        match self {
            LastYear::Open(s) => &s.text,
            LastYear::Disk(d) => &d.text,
        }
    }
    pub fn index(&self) -> &LineIndex {
        match self {
            LastYear::Open(s) => &s.index,
            LastYear::Disk(d) => &d.index,
        }
    }
    pub fn report(&self) -> &Report {
        match self {
            LastYear::Open(s) => &s.analysis.report,
            LastYear::Disk(d) => &d.report,
        }
    }
}

/// A folder's neighbours are read only up to the CLI's bounds: opening one
/// draft in a folder of ten thousand must not read them all.
use crate::cli::previous::{MAX_NEIGHBOUR_BYTES, MAX_NEIGHBOURS};

/// Files read as possible last-year reports, by path; an entry is reused
/// while the file's size and modification time are unchanged. A folder's
/// list of reports is kept while the folder's own modification time is
/// (files added, removed or renamed over change it; a save is told by
/// `didSave`), so an analysis per keystroke costs one `stat`, not one per
/// file of the folder.
#[derive(Default)]
pub struct DiskCache {
    files: Mutex<HashMap<PathBuf, Cached>>,
    folders: Mutex<HashMap<PathBuf, Folder>>,
}

struct Folder {
    modified: Option<SystemTime>,
    /// When `modified` was last compared with the disk: within
    /// `FOLDER_FRESH` of it an analysis trusts the list without a `stat`.
    checked: Instant,
    reports: Vec<(PathBuf, Identity, Arc<OnDisk>)>,
}

impl DiskCache {
    /// A file may have changed in place: list the folders again.
    pub fn forget_folders(&self) {
        self.folders.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

struct Cached {
    len: u64,
    modified: Option<SystemTime>,
    /// `None`: not a report with a body and a year.
    report: Option<(Identity, Arc<OnDisk>)>,
}

/// Last year's report for `me` (whose identity is `mine`): the one open
/// document with last year's identity (preferring `me`'s folder), else the
/// one such file in `me`'s folder. Two candidates are no answer: which one
/// was published is not ours to guess, and comparing with the wrong one
/// would be a false alarm in every cell.
pub fn find(shared: &Shared, me: &Uri, mine: &Identity) -> Option<LastYear> {
    let want = mine.previous();
    let my_dir = file_path(me).and_then(|p| p.parent().map(Path::to_path_buf));
    let (open, open_paths): (Vec<Arc<Snapshot>>, Vec<PathBuf>) = {
        let docs = shared.docs.lock();
        let open = docs
            .iter()
            .filter(|(u, _)| *u != me)
            .filter_map(|(_, d)| d.snapshot.clone())
            .filter(|s| s.identity.as_ref() == Some(&want))
            .collect();
        (open, docs.keys().filter_map(file_path).collect())
    };
    let dir_of = |s: &Snapshot| file_path(&s.uri).and_then(|p| p.parent().map(Path::to_path_buf));
    let near: Vec<&Arc<Snapshot>> = open.iter().filter(|s| my_dir.is_some() && dir_of(s) == my_dir).collect();
    match (near.as_slice(), open.as_slice()) {
        ([one], _) => return Some(LastYear::Open(Arc::clone(one))),
        ([], [one]) => return Some(LastYear::Open(Arc::clone(one))),
        ([], []) => {}
        _ => return None,
    }
    let dir = my_dir?;
    let me_path = file_path(me);
    let hits: Vec<Arc<OnDisk>> = {
        let mut folders = shared.last_years.folders.lock().unwrap_or_else(|e| e.into_inner());
        let recent = folders.get(&dir).is_some_and(|f| f.checked.elapsed() < FOLDER_FRESH);
        let folder = if recent {
            folders.get_mut(&dir).expect("just looked up")
        } else {
            let modified = std::fs::metadata(&dir).and_then(|m| m.modified()).ok();
            match folders.get_mut(&dir) {
                Some(f) if f.modified.is_some() && f.modified == modified => {
                    f.checked = Instant::now();
                    f
                }
                _ => {
                    let reports = neighbours(shared, &dir);
                    let checked = Instant::now();
                    folders.entry(dir.clone()).insert_entry(Folder { modified, checked, reports }).into_mut()
                }
            }
        };
        folder
            .reports
            .iter()
            .filter(|(p, id, _)| *id == want && Some(p.as_path()) != me_path.as_deref() && !open_paths.contains(p))
            .map(|(_, _, d)| Arc::clone(d))
            .collect()
    };
    match hits.as_slice() {
        [one] => Some(LastYear::Disk(Arc::clone(one))),
        _ => None,
    }
}

/// The reports in `dir`, with their path and identity (the caller leaves
/// out the document itself and the open documents, whose editor text is
/// what counts).
fn neighbours(shared: &Shared, dir: &Path) -> Vec<(PathBuf, Identity, Arc<OnDisk>)> {
    let Ok(rd) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<(PathBuf, std::fs::Metadata)> = rd
        .flatten()
        .filter_map(|e| Some((e.path(), e.metadata().ok()?)))
        .filter(|(p, m)| m.is_file() && m.len() <= MAX_NEIGHBOUR_BYTES && text_file(p))
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files.truncate(MAX_NEIGHBOURS);
    let mut cache = shared.last_years.files.lock().unwrap_or_else(|e| e.into_inner());
    files
        .into_iter()
        .filter_map(|(path, meta)| {
            let modified = meta.modified().ok();
            let fresh = cache.get(&path).is_some_and(|c| c.len == meta.len() && c.modified == modified);
            if !fresh {
                let report = load(shared, &path);
                cache.insert(path.clone(), Cached { len: meta.len(), modified, report });
            }
            let (id, report) = cache.get(&path)?.report.clone()?;
            Some((path, id, report))
        })
        .collect()
}

/// The extensions `nianbao check` reads as text.
fn text_file(p: &Path) -> bool {
    let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
    let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
    !hidden && (ext.eq_ignore_ascii_case("txt") || ext.eq_ignore_ascii_case("md"))
}

fn load(shared: &Shared, path: &Path) -> Option<(Identity, Arc<OnDisk>)> {
    let bytes = std::fs::read(path).ok()?;
    let (text, _) = crate::cli::decode::decode(&bytes).ok()?;
    let (project, _, _) = shared.settings.config_for(Some(path));
    let report = Report::build(&text, &project.config);
    let id = identity::of(&report)?;
    let uri = Uri::from_file_path(path)?;
    let index = LineIndex::new(&text);
    Some((id, Arc::new(OnDisk { uri, text, index, report })))
}

/// The open documents whose comparison a new analysis of `uri` (identity
/// `id`) changes: next year's reports of the same body, and those that were
/// compared with `uri` before (its identity may have changed).
pub fn dependents(shared: &Shared, uri: &Uri, id: Option<&Identity>) -> Vec<Uri> {
    let next = id.map(|i| Identity { body: i.body.clone(), year: i.year + 1 });
    shared
        .docs
        .lock()
        .iter()
        .filter(|(u, _)| *u != uri)
        .filter(|(_, d)| {
            d.snapshot.as_ref().is_some_and(|s| {
                next.is_some() && s.identity == next || s.last_year.as_ref().is_some_and(|l| l.uri() == uri)
            })
        })
        .map(|(u, _)| u.clone())
        .collect()
}
