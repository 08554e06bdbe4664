//! Turning the PATH arguments into the list of files to check.
//!
//! Order is part of the output contract: arguments in the order given, and
//! each directory depth-first with entries sorted by name, so two runs over
//! the same tree print the same thing.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// One thing the run reports on: a file to check, or a path that could not
/// even be listed (a symlink loop, an unreadable directory).
#[derive(Debug)]
pub enum Entry {
    File(PathBuf),
    Error { path: PathBuf, message: String },
}

impl Entry {
    pub fn path(&self) -> &Path {
        match self {
            Entry::File(p) | Entry::Error { path: p, .. } => p,
        }
    }
}

/// Drafts (.txt, .md), Word documents and saved web pages: what a folder of
/// reports holds. Other files in it (pictures, spreadsheets) are not reports.
pub fn checked_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["txt", "md", "docx", "html", "htm"].iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Hidden entries are VCS metadata, editor swap and lock files (`.#draft.txt`
/// is even a dangling symlink), never drafts; so is the owner file Word and
/// WPS keep beside an open document (`~$年报.docx`, 162 bytes, not a zip).
fn hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| (n.starts_with('.') && n != "." && n != "..") || n.starts_with("~$"))
}

/// [`hidden`] for a path's own name.
pub fn hidden_path(path: &Path) -> bool {
    path.file_name().is_some_and(hidden)
}

pub fn io_message(e: &io::Error) -> String {
    let what = match e.kind() {
        io::ErrorKind::NotFound => "文件或目录不存在",
        io::ErrorKind::PermissionDenied => "没有读取权限",
        io::ErrorKind::IsADirectory => "这是一个目录",
        io::ErrorKind::InvalidData => "数据无效",
        _ => return format!("无法读取：{e}"),
    };
    format!("{what}（{e}）")
}

pub fn collect(paths: &[PathBuf]) -> Vec<Entry> {
    let mut out = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Err(e) => out.push(Entry::Error { path: p.clone(), message: io_message(&e) }),
            Ok(m) if m.is_dir() => walk_dir(p, &mut out),
            // A FIFO, socket or device: reading a FIFO with no writer blocks
            // forever, and none of them is a draft.
            Ok(m) if !m.is_file() => {
                out.push(Entry::Error { path: p.clone(), message: "不是普通文件，未检查".to_owned() })
            }
            // Named explicitly: checked whatever its extension.
            Ok(_) => out.push(Entry::File(p.clone())),
        }
    }
    dedup(out)
}

fn walk_dir(root: &Path, out: &mut Vec<Entry>) {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !hidden(e.file_name()));
    for item in walker {
        match item {
            Ok(e) if e.file_type().is_file() && checked_extension(e.path()) => out.push(Entry::File(e.into_path())),
            Ok(_) => {}
            Err(err) => {
                let path = err.path().unwrap_or(root).to_path_buf();
                if let Some(ancestor) = err.loop_ancestor() {
                    let message = format!("符号链接循环（指向上级目录 {}），已跳过", super::names::shown(ancestor));
                    out.push(Entry::Error { path, message });
                    continue;
                }
                let io = err.io_error();
                // A dangling link to a picture or a temp file is none of our
                // business; one that would have been a draft is.
                if io.is_some_and(|e| e.kind() == io::ErrorKind::NotFound) && !checked_extension(&path) {
                    continue;
                }
                let message = match io {
                    Some(e) => io_message(e),
                    None => err.to_string(),
                };
                out.push(Entry::Error { path, message });
            }
        }
    }
}

/// The same file named twice (or reached through a link) is checked once:
/// with `--fix` it would otherwise be rewritten twice from stale text.
fn dedup(entries: Vec<Entry>) -> Vec<Entry> {
    let mut seen = HashSet::new();
    entries
        .into_iter()
        .filter(|e| match e {
            Entry::File(p) => seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())),
            Entry::Error { .. } => true,
        })
        .collect()
}
