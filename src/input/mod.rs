//! Files in the formats clerks have — a .txt/.md draft, a Word .docx, a
//! published .html page — turned into the text nianbao checks, with a map
//! back to the place in the original (段落 N, 表 M 第 r 行第 c 列).
//!
// `check` does not read these formats yet (the source map, `note`, `zh`
// and `text_of` are for it and for the web page); only `convert` does.
#![allow(dead_code)]

//! The analysis only ever sees text: tables come out as TAB rows with merged
//! cells left empty, exactly the layout a draft pasted from Word has.

mod blocks;
mod charset;
mod docx;
mod html;
mod place;

use crate::cli::decode::{self, Encoding};
pub use place::SourceMap;
use std::path::Path;

/// The formats, by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Docx,
    Html,
}

impl Format {
    pub fn of(file_name: &str) -> Format {
        let ext = Path::new(file_name).extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        match ext.as_str() {
            "docx" => Format::Docx,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            _ => Format::Text,
        }
    }

    /// What the clerk calls it, for messages.
    pub fn zh(self) -> &'static str {
        match self {
            Format::Text => "文本文件",
            Format::Docx => "Word 文档（.docx）",
            Format::Html => "网页（.html）",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Converted {
    pub text: String,
    pub format: Format,
    /// Where each part of `text` came from; empty for plain text, whose
    /// lines are the original's.
    pub source: SourceMap,
    /// The text file's encoding (written back by `--fix`), or the page's
    /// character set.
    pub encoding: Encoding,
    pub charset: Option<&'static str>,
}

impl Converted {
    /// The human output's note on a converted file.
    pub fn note(&self) -> Option<String> {
        match self.format {
            Format::Text => self.encoding.note().map(str::to_owned),
            Format::Docx => {
                Some("已从 Word 文档（.docx）转换为文本后检查；行号指转换后的文本（nianbao convert 可查看）".to_owned())
            }
            Format::Html => Some(format!(
                "已从网页（.html，{}）转换为文本后检查；行号指转换后的文本（nianbao convert 可查看）",
                self.charset.unwrap_or("UTF-8")
            )),
        }
    }
}

/// The text nianbao checks for a file's bytes, and where it came from.
/// Errors are short Chinese sentences naming what is wrong with the file.
pub fn to_text(file_name: &str, bytes: &[u8]) -> Result<Converted, String> {
    let format = Format::of(file_name);
    let (blocks, charset) = match format {
        Format::Text => {
            let (text, encoding) = decode::decode(bytes).map_err(|e| e.to_string())?;
            return Ok(Converted { text, format, source: SourceMap::default(), encoding, charset: None });
        }
        Format::Docx => (docx::read(bytes)?, None),
        Format::Html => {
            let (page, enc) = charset::decode(bytes);
            (html::read(&page), Some(enc.name()))
        }
    };
    let (text, source) = blocks::render(&blocks);
    Ok(Converted { text, format, source, encoding: Encoding::Utf8, charset })
}

/// Only the text, for callers that show or analyse it without the map.
pub fn text_of(file_name: &str, bytes: &[u8]) -> Result<String, String> {
    to_text(file_name, bytes).map(|c| c.text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use place::Place;

    #[test]
    fn the_extension_picks_the_reader() {
        assert_eq!(Format::of("a/年报.DOCX"), Format::Docx);
        assert_eq!(Format::of("x.htm"), Format::Html);
        assert_eq!(Format::of("x.md"), Format::Text);
        assert_eq!(Format::of("README"), Format::Text);
        let gbk = encoding_rs::GBK.encode("<p>二、主动公开</p><table><tr><td>规章</td><td>0</td></tr></table>").0;
        let c = to_text("年报.html", &gbk).unwrap();
        assert_eq!(c.text, "二、主动公开\n\n规章\t0\n");
        assert_eq!(c.source.place(c.text.find('0').unwrap()), Some(Place::Cell { table: 1, row: 1, col: 2 }));
        assert!(c.note().unwrap().contains("gb18030"));
        let d = to_text("a.docx", &docx::tests::docx("<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>")).unwrap();
        assert_eq!((d.text.as_str(), d.source.place(0)), ("一、总体情况\n", Some(Place::Paragraph(1))));
        let t = to_text("a.txt", "规章\t0\n".as_bytes()).unwrap();
        assert!(t.source.is_empty() && t.note().is_none());
        assert!(text_of("b.docx", b"garbage").unwrap_err().starts_with("不是有效的 .docx 文件（无法作为 zip 打开："));
    }
}
