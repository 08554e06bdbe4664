//! Last year's report for the cross-year rules: `--previous FILE`, else
//! the report of the same body and the year before among the files of the
//! run (the same folder first), else — for a file named on the command
//! line — one in its folder. Files are indexed by (body, year) once, so
//! pairing a directory of thousands is linear.
//!
//! A run keeps no file's text or analysis once its output is rendered
//! (kept.rs), only its identity; so a file that has last year's report is
//! read and analysed again here, with last year's text, once both are
//! known. That costs a second analysis for the paired files only, and keeps
//! the memory of a run to a few files at a time.

use super::kept::{Done, Style};
use super::{Checked, Outcome, settings, walk};
use nianbao_core::model::identity::{self, Identity};
use nianbao_core::{Config, LineIndex, Previous, Report};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Last year's file as the output names it: related information that
/// points into it prints its path and line.
pub struct PreviousFile {
    pub path: PathBuf,
    pub text: String,
    pub index: LineIndex,
}

/// A report read only to serve as last year's (not itself checked).
struct Loaded {
    path: PathBuf,
    text: String,
    report: Report,
}

enum Source {
    /// `results[j]`
    InRun(usize),
    Loaded(Arc<Loaded>),
}

/// A folder's neighbours are read only up to this many files and this size:
/// a single-file check in a folder of ten thousand must not read them all.
pub(crate) const MAX_NEIGHBOURS: usize = 300;
pub(crate) const MAX_NEIGHBOUR_BYTES: u64 = 4 << 20;

/// Add the cross-year findings to every checked result that has last
/// year's report (its output rendered again by `style`). `explicit`:
/// `--previous`; `named`: the PATH arguments (a file named there is paired
/// with its folder's files too).
pub fn pair(
    results: &mut [Done],
    configs: &[Option<Arc<Config>>],
    explicit: Option<&Path>,
    named: &[PathBuf],
    resolver: &mut settings::Resolver,
    style: &Style,
) -> Result<(), String> {
    let sources = match explicit {
        Some(p) => {
            let cfg = resolver.for_file(p).unwrap_or_default();
            let loaded = Arc::new(load(p, &cfg)?);
            let same = |r: &Done| same_file(&r.path, p);
            results.iter().map(|r| (!same(r)).then(|| Source::Loaded(loaded.clone()))).collect()
        }
        None => find(results, named, resolver),
    };
    let jobs: Vec<(usize, Source)> = sources.into_iter().enumerate().filter_map(|(i, s)| s.map(|s| (i, s))).collect();
    let config = |i: usize| configs.get(i).cloned().flatten().unwrap_or_default();
    let redone: Vec<(usize, Box<super::kept::Kept>)> = jobs
        .par_iter()
        .filter_map(|(i, source)| {
            let Outcome::Checked(k) = &results[*i].outcome else { return None };
            let path = &results[*i].path;
            // a panic here (a bug) keeps the file's output without last year's
            let again = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let last = match source {
                    Source::InRun(j) => Arc::new(load_checked(&results[*j].path, &config(*j))?),
                    Source::Loaded(l) => l.clone(),
                };
                let checked = with_last_year(path, &config(*i), k, &last)?;
                Some(Box::new(style.render(path, checked)))
            }));
            Some((*i, again.ok().flatten()?))
        })
        .collect();
    for (i, kept) in redone {
        results[i].outcome = Outcome::Checked(kept);
    }
    Ok(())
}

/// This year's file analysed again and compared with last year's; `None`
/// when it can no longer be read as it was (changed meanwhile).
fn with_last_year(path: &Path, cfg: &Config, k: &super::kept::Kept, last: &Loaded) -> Option<Checked> {
    let bytes = std::fs::read(path).ok()?;
    // after --fix the file holds the text that was analysed
    let crate::input::Converted { text, encoding, origin } = super::original::read(path, &bytes, false).ok()?;
    let mut analysis = nianbao_core::analyze(&text, cfg);
    if identity::of(&analysis.report) != k.identity {
        return None;
    }
    analysis.add_previous(&text, cfg, &Previous { text: &last.text, report: &last.report });
    let file = PreviousFile { path: last.path.clone(), text: last.text.clone(), index: LineIndex::new(&last.text) };
    Some(Checked {
        text,
        encoding,
        analysis,
        fix: k.fix.clone(),
        diff: k.diff.clone(),
        previous: Some(Arc::new(file)),
        origin,
    })
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || std::fs::canonicalize(a).ok().is_some_and(|x| std::fs::canonicalize(b).ok() == Some(x))
}

/// Each checked result's last-year report, by (body, year − 1).
fn find(results: &[Done], named: &[PathBuf], resolver: &mut settings::Resolver) -> Vec<Option<Source>> {
    let ids: Vec<Option<Identity>> = results
        .iter()
        .map(|r| match &r.outcome {
            Outcome::Checked(c) => c.identity.clone(),
            _ => None,
        })
        .collect();
    let mut index: HashMap<&Identity, Vec<usize>> = HashMap::new();
    for (j, id) in ids.iter().enumerate() {
        if let Some(id) = id {
            index.entry(id).or_default().push(j);
        }
    }
    // A file named on the command line with no candidate in the run looks
    // in its folder. What each folder is asked for is known before any is
    // read, so a folder is read once and only the reports someone wants are
    // kept: the others are dropped as soon as their identity is known (a
    // single file checked beside 300 reports held all 300 analyses).
    let from_folder = |i: usize, id: &Identity| {
        let candidates = index.get(&id.previous()).map(Vec::as_slice).unwrap_or(&[]);
        let near = choose(&results[i].path, candidates.iter().map(|&j| (j, results[j].path.as_path())));
        near.map(Source::InRun).ok_or(candidates.is_empty() && named.iter().any(|n| n == &results[i].path))
    };
    let mut wanted: HashMap<PathBuf, HashSet<Identity>> = HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        if let Some(id) = id
            && matches!(from_folder(i, id), Err(true))
        {
            wanted.entry(folder(&results[i].path)).or_default().insert(id.previous());
        }
    }
    let neighbours: HashMap<PathBuf, Vec<(Identity, Arc<Loaded>)>> =
        wanted.into_iter().map(|(dir, want)| (dir.clone(), read_folder(&dir, &want, results, resolver))).collect();
    ids.iter()
        .enumerate()
        .map(|(i, id)| match from_folder(i, id.as_ref()?) {
            Ok(source) => Some(source),
            Err(false) => None,
            Err(true) => {
                let want = id.as_ref()?.previous();
                let loaded = neighbours.get(&folder(&results[i].path))?;
                let hits: Vec<&Arc<Loaded>> = loaded.iter().filter(|(k, _)| *k == want).map(|(_, l)| l).collect();
                // two candidates: which one was published is not ours to guess
                match hits.as_slice() {
                    [one] => Some(Source::Loaded(Arc::clone(one))),
                    _ => None,
                }
            }
        })
        .collect()
}

/// The one candidate in the same folder, else the only one in the run;
/// `None` when it is ambiguous (a draft and a final copy of last year's).
fn choose<'a>(me: &Path, candidates: impl Iterator<Item = (usize, &'a Path)>) -> Option<usize> {
    let all: Vec<(usize, &Path)> = candidates.collect();
    let here = folder(me);
    let near: Vec<usize> = all.iter().filter(|(_, p)| folder(p) == here).map(|(j, _)| *j).collect();
    match (near.as_slice(), all.as_slice()) {
        ([one], _) => Some(*one),
        ([], [(one, _)]) => Some(*one),
        _ => None,
    }
}

fn folder(p: &Path) -> PathBuf {
    let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf())
}

/// The reports in `dir` that are not already in the run and whose identity
/// is one of `want`, with their identity.
fn read_folder(
    dir: &Path,
    want: &HashSet<Identity>,
    results: &[Done],
    resolver: &mut settings::Resolver,
) -> Vec<(Identity, Arc<Loaded>)> {
    let Ok(rd) = std::fs::read_dir(dir) else { return Vec::new() };
    let in_run: Vec<PathBuf> = results.iter().filter_map(|r| std::fs::canonicalize(&r.path).ok()).collect();
    let mut files: Vec<PathBuf> = rd
        .flatten()
        .filter(|e| e.metadata().is_ok_and(|m| m.is_file() && m.len() <= MAX_NEIGHBOUR_BYTES))
        .map(|e| e.path())
        .filter(|p| walk::checked_extension(p) && !walk::hidden_path(p))
        .filter(|p| std::fs::canonicalize(p).is_ok_and(|c| !in_run.contains(&c)))
        .collect();
    files.sort();
    files.truncate(MAX_NEIGHBOURS);
    let with_cfg: Vec<(PathBuf, Arc<Config>)> =
        files.into_iter().map(|p| (p.clone(), resolver.for_file(&p).unwrap_or_default())).collect();
    with_cfg
        .into_par_iter()
        .filter_map(|(p, cfg)| {
            let l = load(&p, &cfg).ok()?;
            let id = identity::of(&l.report).filter(|id| want.contains(id))?;
            Some((id, Arc::new(l)))
        })
        .collect()
}

fn load(path: &Path, cfg: &Config) -> Result<Loaded, String> {
    let shown = super::names::shown(path);
    let bytes = std::fs::read(path).map_err(|e| format!("上年报告 {shown}：{}", walk::io_message(&e)))?;
    // last year's report may be the .docx or the page it was published as
    let text =
        crate::input::to_text(&path.to_string_lossy(), &bytes).map_err(|e| format!("上年报告 {shown}：{e}"))?.text;
    let report = Report::build(&text, cfg);
    Ok(Loaded { path: path.to_path_buf(), text, report })
}

/// A file of the run read again as last year's: its report as its own
/// analysis built it (on the copy without invisible characters, spans
/// mapped back), so the comparison is the one its findings were made on.
fn load_checked(path: &Path, cfg: &Config) -> Option<Loaded> {
    let bytes = std::fs::read(path).ok()?;
    let text = super::original::read(path, &bytes, false).ok()?.text;
    let report = match nianbao_core::invisible::Cleaned::new(&text) {
        None => Report::build(&text, cfg),
        Some(clean) => {
            let mut report = Report::build(&clean.text, cfg);
            clean.report(&mut report);
            report
        }
    };
    Some(Loaded { path: path.to_path_buf(), text, report })
}
