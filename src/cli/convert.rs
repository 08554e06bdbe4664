//! `nianbao convert FILE`: the text nianbao checks for a .docx/.html/.txt
//! file (tables as TAB rows), so a clerk can move a Word draft into an editor.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ConvertArgs {
    /// 要转换的文件（.docx、.html、.htm、.txt、.md）
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

pub fn convert(a: ConvertArgs) -> ExitCode {
    let shown = super::names::shown(&a.file);
    let bytes = match std::fs::read(&a.file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("错误：{shown}：{}", super::walk::io_message(&e));
            return ExitCode::from(2);
        }
    };
    match crate::input::to_text(&a.file.to_string_lossy(), &bytes) {
        Ok(c) => {
            let _ = std::io::stdout().lock().write_all(c.text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("错误：{shown}：{e}");
            ExitCode::from(2)
        }
    }
}
