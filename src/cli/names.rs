//! File names as the two output formats print them.
//!
//! A name is bytes: it may hold a newline (which would split rustc-style
//! `path:line:col` output in two), an ESC (which would reach the terminal as
//! an escape sequence) or bytes that are not UTF-8.

use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// For people: control characters as `\n`, `\t`, `\r`, `\u{1b}`…, bytes
/// that are not UTF-8 as `\xNN`; everything else as is.
pub fn shown(path: &Path) -> String {
    let mut out = String::new();
    for chunk in path.as_os_str().as_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                // C0, DEL, C1, and the Unicode line/paragraph separators
                c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                    out.push_str(&format!("\\u{{{:x}}}", c as u32))
                }
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

/// For JSON: the name as a string (exact when it is UTF-8; JSON escapes
/// control characters itself), and its raw bytes when it is not UTF-8, so
/// a script can still open the file (`"path_bytes": [...]`, docs/spec/rules.md).
pub fn for_json(path: &Path) -> (String, Option<Vec<u8>>) {
    match path.to_str() {
        Some(s) => (s.to_owned(), None),
        None => (path.to_string_lossy().into_owned(), Some(path.as_os_str().as_bytes().to_vec())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn controls_and_bad_bytes_are_escaped_for_people() {
        assert_eq!(shown(Path::new("a\nb\u{1b}[31m.txt")), "a\\nb\\u{1b}[31m.txt");
        assert_eq!(shown(Path::new(OsStr::from_bytes(b"\xff\xfe\xe5\xb9\xb4.txt"))), "\\xFF\\xFE年.txt");
        assert_eq!(shown(Path::new("报告/草稿 1.txt")), "报告/草稿 1.txt");
    }

    #[test]
    fn json_names_are_lossless() {
        assert_eq!(for_json(Path::new("a\nb.txt")), ("a\nb.txt".to_owned(), None));
        let raw = b"\xb1\xa8\xb8\xe6.txt"; // 报告 in GBK
        let (s, bytes) = for_json(Path::new(OsStr::from_bytes(raw)));
        assert!(s.ends_with(".txt"));
        assert_eq!(bytes.as_deref(), Some(&raw[..]));
    }
}
