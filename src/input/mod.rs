//! Files in the formats clerks have — a .txt/.md draft, a Word .docx, a
//! published .html page — turned into the text nianbao checks, with a map
//! back to the place in the original (段落 N, 表 M 第 r 行第 c 列).
//!
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
    /// The text file's encoding (written back by `--fix`); UTF-8 for a
    /// converted document, whose text is never written back.
    pub encoding: Encoding,
    /// Where a converted document's text came from; `None` for plain text,
    /// whose lines are the original's.
    pub origin: Option<Origin>,
}

/// The original document behind converted text.
#[derive(Debug, Clone)]
pub struct Origin {
    pub format: Format,
    /// Where each part of the text came from.
    pub source: SourceMap,
    /// The page's character set (HTML only).
    pub charset: Option<&'static str>,
}

impl Origin {
    /// The human output's note on a converted file.
    pub fn note(&self) -> String {
        let what = match (self.format, self.charset) {
            (Format::Html, cs) => format!("网页（.html，{}）", cs.unwrap_or("UTF-8")),
            (f, _) => f.zh().to_owned(),
        };
        format!("已从{what}转换为文本后检查；行号指转换后的文本（nianbao convert 可查看），括号中是原文中的位置")
    }

    /// The place in the original of the byte at `offset` of the text, as
    /// a clerk finds it there: 段落 N or 表 M 第 r 行第 c 列.
    pub fn place(&self, offset: usize) -> Option<String> {
        self.source.place(offset).map(|p| p.to_string())
    }
}

/// The text nianbao checks for a file's bytes, and where it came from.
/// Errors are short Chinese sentences naming what is wrong with the file.
pub fn to_text(file_name: &str, bytes: &[u8]) -> Result<Converted, String> {
    let format = Format::of(file_name);
    let (blocks, charset) = match format {
        Format::Text => {
            let (text, encoding) = decode::decode(bytes).map_err(|e| e.to_string())?;
            return Ok(Converted { text, encoding, origin: None });
        }
        Format::Docx => (docx::read(bytes)?, None),
        Format::Html => {
            let (page, enc) = charset::decode(bytes);
            (html::read(&page), Some(enc.name()))
        }
    };
    let (text, source) = blocks::render(&blocks);
    Ok(Converted { text, encoding: Encoding::Utf8, origin: Some(Origin { format, source, charset }) })
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
        let o = c.origin.as_ref().unwrap();
        assert_eq!(o.source.place(c.text.find('0').unwrap()), Some(Place::Cell { table: 1, row: 1, col: 2 }));
        assert_eq!(o.place(c.text.find('0').unwrap()).unwrap(), "表 1 第 1 行第 2 列");
        assert!(o.note().contains("gb18030"));
        let d = to_text("a.docx", &docx::tests::docx("<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>")).unwrap();
        let o = d.origin.as_ref().unwrap();
        assert_eq!((d.text.as_str(), o.source.place(0)), ("一、总体情况\n", Some(Place::Paragraph(1))));
        assert!(o.note().starts_with("已从Word 文档（.docx）转换为文本后检查"));
        let t = to_text("a.txt", "规章\t0\n".as_bytes()).unwrap();
        assert!(t.origin.is_none() && t.encoding.note().is_none());
        assert!(to_text("b.docx", b"garbage").unwrap_err().starts_with("不是有效的 .docx 文件（无法作为 zip 打开："));
    }
}
