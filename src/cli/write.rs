//! Writing a fixed draft back without ever damaging it.
//!
//! The only way a user's file changes is: a complete new file is written
//! beside it (same directory, so the rename cannot cross file systems),
//! given the old file's permissions and owner, flushed to disk, and renamed
//! over the old one; then the directory is flushed so the rename itself
//! survives a power cut. Anything that stands in the way — a read-only file
//! or directory, other hard links (the rename would silently split them off),
//! a failed or short write, a full disk — leaves the file exactly as it was
//! and is reported with what to do. There is deliberately no fallback that
//! rewrites in place: truncating first is what lost drafts when the disk
//! filled mid-write.

use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// Why the file was left alone, in words for the user (Chinese, with what to do).
#[derive(Debug, PartialEq, Eq)]
pub struct Refused(pub String);

/// Replace `path`'s contents with `bytes` atomically, or leave it untouched.
pub fn write_back(path: &Path, bytes: &[u8]) -> Result<(), Refused> {
    write_back_with(path, bytes, &|tmp| OpenOptions::new().write(true).create_new(true).open(tmp))
}

/// `write_back` with the temp file's opening injected, so a unit test can
/// hand it a file whose writes fail (`/dev/full`) without filling a disk.
fn write_back_with(path: &Path, bytes: &[u8], open_tmp: &dyn Fn(&Path) -> io::Result<File>) -> Result<(), Refused> {
    // A symlinked draft stays a symlink: the rename replaces its target.
    let target =
        std::fs::canonicalize(path).map_err(|e| Refused(format!("写入失败：找不到文件（{e}），文件未改动")))?;
    let meta =
        std::fs::metadata(&target).map_err(|e| Refused(format!("写入失败：无法读取文件属性（{e}），文件未改动")))?;
    // Checked on the mode bits, not by trying: root may write anything, and
    // a file someone marked read-only must not change under `--fix` either way.
    if meta.permissions().readonly() {
        return Err(Refused(
            "文件是只读的，未写回（文件未改动）；如需自动修复，请先取消只读属性（如 chmod u+w）再运行".into(),
        ));
    }
    // Without the mode bits saying so, a file we may not write (someone
    // else's, for a user who is not root) is read-only to us all the same: the
    // rename would replace it through the directory's permission. Opening
    // for writing without truncating changes nothing.
    if let Err(e) = OpenOptions::new().write(true).open(&target) {
        return Err(Refused(format!("没有写入此文件的权限（{e}），未写回（文件未改动）；请取得写权限后再运行")));
    }
    if meta.nlink() > 1 {
        return Err(Refused(format!(
            "文件另有 {} 个硬链接，写回会使它们与本文件分开，未写回（文件未改动）；请先复制为独立文件再修复，或按提示手工修改",
            meta.nlink() - 1
        )));
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let dir_meta =
        std::fs::metadata(&dir).map_err(|e| Refused(format!("写入失败：无法读取所在目录（{e}），文件未改动")))?;
    if dir_meta.permissions().readonly() {
        return Err(Refused(
            "所在目录是只读的，无法在旁边写入新文件，未写回（文件未改动）；请让目录可写（如 chmod u+w），或把文件复制到可写目录再修复".into(),
        ));
    }
    let name = target.file_name().map(OsString::from).unwrap_or_default();
    let (tmp, mut file) = create_tmp(&dir, &name, open_tmp).map_err(|e| {
        Refused(format!("写入失败：无法在所在目录创建临时文件（{e}），文件未改动；请确认目录可写且磁盘有空间"))
    })?;
    let result = fill(&mut file, bytes, &meta).and_then(|()| {
        drop(file);
        std::fs::rename(&tmp, &target)
    });
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Refused(format!("写入失败（{e}），文件未改动；请检查磁盘空间和权限后重试")));
    }
    // The rename is done and the new text complete; a failed directory sync
    // only weakens durability against a power cut, so it is not an error.
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Write everything, give it the original's mode and owner, flush to disk.
fn fill(file: &mut File, bytes: &[u8], meta: &std::fs::Metadata) -> io::Result<()> {
    file.write_all(bytes)?;
    file.flush()?;
    file.set_permissions(meta.permissions())?;
    // Keeping the owner needs privilege when it differs from ours; failing
    // to keep it is a reason to stop, not to hand the draft to someone else.
    let (uid, gid) = (meta.uid(), meta.gid());
    let now = file.metadata()?;
    if now.uid() != uid || now.gid() != gid {
        std::os::unix::fs::fchown(&*file, Some(uid), Some(gid))?;
    }
    file.sync_all()
}

/// `.NAME.nianbao-PID-N.tmp`, a fresh name even beside leftovers of a run
/// that was killed (built from the raw name bytes: a non-UTF-8 name stays
/// exact).
fn create_tmp(
    dir: &Path,
    name: &OsString,
    open_tmp: &dyn Fn(&Path) -> io::Result<File>,
) -> io::Result<(PathBuf, File)> {
    let mut last = None;
    for n in 0..16 {
        let mut tmp_name = OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".nianbao-{}-{n}.tmp", std::process::id()));
        let tmp = dir.join(tmp_name);
        match open_tmp(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("临时文件名已被占用")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("nianbao-write-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn a_failed_temp_write_leaves_the_file_and_says_write() {
        let d = scratch("full");
        let f = d.join("草稿.txt");
        std::fs::write(&f, "原文").unwrap();
        // /dev/full fails every write with ENOSPC: the disk filling mid-write.
        let r = write_back_with(&f, "新的全文".repeat(5000).as_bytes(), &|_| {
            OpenOptions::new().write(true).open("/dev/full")
        });
        let Err(Refused(m)) = r else { panic!("write to /dev/full succeeded") };
        assert!(m.contains("写入失败") && m.contains("文件未改动") && !m.contains("无法读取"), "{m}");
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "原文");
        let left: Vec<_> = std::fs::read_dir(&d).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left.len(), 1, "temp files left behind: {left:?}");
    }

    #[test]
    fn a_good_write_replaces_keeping_mode() {
        let d = scratch("ok");
        let f = d.join("a.txt");
        std::fs::write(&f, "old").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_back(&f, b"new").unwrap();
        assert_eq!(std::fs::read(&f).unwrap(), b"new");
        assert_eq!(std::fs::metadata(&f).unwrap().permissions().mode() & 0o777, 0o640);
        assert_eq!(std::fs::read_dir(&d).unwrap().count(), 1);
    }

    #[test]
    fn read_only_files_dirs_and_hard_links_are_refused() {
        let d = scratch("refuse");
        let f = d.join("ro.txt");
        std::fs::write(&f, "old").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o444)).unwrap();
        assert!(write_back(&f, b"new").unwrap_err().0.contains("只读"));
        assert_eq!(std::fs::read(&f).unwrap(), b"old");

        let g = d.join("linked.txt");
        std::fs::write(&g, "old").unwrap();
        std::fs::hard_link(&g, d.join("other.txt")).unwrap();
        assert!(write_back(&g, b"new").unwrap_err().0.contains("硬链接"));
        assert_eq!(std::fs::read(&g).unwrap(), b"old");

        let sub = d.join("rodir");
        std::fs::create_dir(&sub).unwrap();
        let h = sub.join("x.txt");
        std::fs::write(&h, "old").unwrap();
        std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o555)).unwrap();
        let m = write_back(&h, b"new").unwrap_err().0;
        std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert!(m.contains("目录是只读的"), "{m}");
        assert_eq!(std::fs::read(&h).unwrap(), b"old");
    }
}
