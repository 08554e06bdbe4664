//! `check` on the formats clerks have: a .docx or .html is converted to the
//! text nianbao checks (src/input), and each finding then also names its
//! place in the original, since the clerk will correct it there.

use crate::input::{self, Converted, Format};
use std::path::Path;

/// The text of the file at `path` (read as bytes already), converted if it
/// is a document. `--fix`/`--diff` refuse a document: its text is not what
/// is on disk, so there is nothing nianbao could write back faithfully.
pub fn read(path: &Path, bytes: &[u8], fixing: bool) -> Result<Converted, String> {
    let name = path.to_string_lossy();
    let format = Format::of(&name);
    if fixing && format != Format::Text {
        return Err(format!(
            "{}不能自动修复（只能改写 .txt/.md 文本文件）；请按提示在原文档中修改，\
             或用 nianbao convert 转为文本后再修复",
            format.zh()
        ));
    }
    input::to_text(&name, bytes).map_err(|e| format!("{e}，未检查"))
}

/// The place in the original of the text at `offset`, for a converted file.
pub fn place(origin: Option<&input::Origin>, offset: usize) -> Option<String> {
    origin.and_then(|o| o.place(offset))
}
