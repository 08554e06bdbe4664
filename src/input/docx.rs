//! Word .docx: the main document part read as a stream of XML events into
//! paragraphs and tables (`blocks`). Only the body counts: headers, footers,
//! footnotes, comments and text boxes are other parts or skipped subtrees.

use super::blocks::{Block, MAX_SPAN, MAX_TABLE_DEPTH, Slot, Table, push_slot};
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Cursor, Read};

/// The uncompressed size of the document part nianbao reads. A real report
/// is a few hundred KB of XML; past this it is a zip bomb or not a report.
pub const MAX_DOCUMENT_XML: u64 = 200 * 1024 * 1024;

const DEFAULT_PART: &str = "word/document.xml";
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

pub fn read(bytes: &[u8]) -> Result<Vec<Block>, String> {
    read_limited(bytes, MAX_DOCUMENT_XML)
}

pub fn read_limited(bytes: &[u8], limit: u64) -> Result<Vec<Block>, String> {
    if bytes.starts_with(OLE_MAGIC) {
        return Err("这是旧版 Word（.doc）或加密的文档，请在 Word/WPS 中另存为 .docx".to_owned());
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("不是有效的 .docx 文件（无法作为 zip 打开：{e}）"))?;
    let part = main_part(&mut zip).unwrap_or_else(|| DEFAULT_PART.to_owned());
    let entry = zip.by_name(&part).map_err(|e| match e {
        zip::result::ZipError::FileNotFound => format!("不是 Word 文档（缺少 {part}）"),
        e => format!("Word 文档损坏（{part}：{e}）"),
    })?;
    let too_big = || format!("{part} 解压后超过 {} MB，疑似压缩炸弹", limit / (1024 * 1024));
    // The declared size refuses the honest bomb at once; the counting reader
    // below catches one whose header lies.
    if entry.size() > limit {
        return Err(too_big());
    }
    let mut reader =
        quick_xml::Reader::from_reader(BufReader::new(Limited { inner: entry, left: limit, exceeded: false }));
    let result = parse(&mut reader);
    if reader.get_ref().get_ref().exceeded {
        return Err(too_big());
    }
    result.map_err(|e| format!("Word 文档内容损坏（{part} 第 {} 字节：{e}）", reader.buffer_position()))
}

/// The officeDocument relationship names the main part; Word always calls it
/// word/document.xml, other producers need not.
fn main_part<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> Option<String> {
    let rels = zip.by_name("_rels/.rels").ok()?;
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(rels.take(1024 * 1024)));
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Eof => return None,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                let ty = attr(&e, b"Type")?;
                if ty.ends_with("/officeDocument") {
                    let target = attr(&e, b"Target")?;
                    return Some(target.trim_start_matches('/').to_owned());
                }
            }
            _ => {}
        }
        buf.clear();
    }
}

/// Reads at most `left` bytes, then fails and says so: quick-xml only sees
/// an I/O error, the caller sees `exceeded`.
struct Limited<R> {
    inner: R,
    left: u64,
    exceeded: bool,
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            // One byte more tells a part of exactly `left` bytes from a longer one.
            let mut probe = [0u8; 1];
            if self.inner.read(&mut probe)? == 0 {
                return Ok(0);
            }
            self.exceeded = true;
            return Err(std::io::Error::other("too large"));
        }
        let max = buf.len().min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..max])?;
        self.left -= n as u64;
        Ok(n)
    }
}

fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// Subtrees whose text is not body text: properties (which hold tab-stop
/// definitions named w:tab), deleted text, the old place of moved text (a
/// tracked move keeps both copies; the document reads at w:moveTo), field
/// codes, the fallback copy of a drawing, text boxes.
fn skipped(local: &[u8]) -> bool {
    matches!(
        local,
        b"pPr"
            | b"rPr"
            | b"tblPr"
            | b"tblGrid"
            | b"sectPr"
            | b"del"
            | b"moveFrom"
            | b"instrText"
            | b"Fallback"
            | b"txbxContent"
    )
}

struct OpenTable {
    table: Table,
    row: Option<Vec<Slot>>,
    cell: Option<OpenCell>,
    grid_before: usize,
}

struct OpenCell {
    blocks: Vec<Block>,
    span: usize,
    /// A vertical-merge continuation: Word keeps the cell, empty, under the
    /// one that holds the value.
    continues: bool,
}

#[derive(Default)]
struct Builder {
    body: Vec<Block>,
    tables: Vec<OpenTable>,
    /// Tables opened beyond `MAX_TABLE_DEPTH`, whose structure is ignored.
    too_deep: usize,
    para: Option<String>,
    in_text: bool,
    in_run: usize,
    skip: usize,
}

impl Builder {
    fn container(&mut self) -> &mut Vec<Block> {
        match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            Some(c) => &mut c.blocks,
            None => &mut self.body,
        }
    }

    fn push_char(&mut self, c: char) {
        if let Some(p) = self.para.as_mut() {
            p.push(c);
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        let name = e.local_name();
        let local = name.as_ref();
        if self.skip > 0 {
            self.skip += usize::from(!empty);
            return;
        }
        if skipped(local) {
            self.skip += usize::from(!empty);
            return;
        }
        match local {
            b"p" if !empty => self.para = Some(String::new()),
            b"r" if !empty => self.in_run += 1,
            b"t" if !empty => self.in_text = true,
            b"tab" if self.in_run > 0 => self.push_char('\t'),
            b"br" | b"cr" if self.in_run > 0 => self.push_char('\n'),
            b"noBreakHyphen" if self.in_run > 0 => self.push_char('-'),
            b"sym" if self.in_run > 0 => {
                // Symbol-font glyphs sit in the private-use area and mean
                // nothing as text; a real code point is kept.
                let c = attr(e, b"char").and_then(|h| u32::from_str_radix(&h, 16).ok()).and_then(char::from_u32);
                if let Some(c) = c.filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c)) {
                    self.push_char(c);
                }
            }
            b"tbl" if !empty => {
                if self.tables.len() >= MAX_TABLE_DEPTH {
                    self.too_deep += 1;
                } else {
                    self.tables.push(OpenTable { table: Table::default(), row: None, cell: None, grid_before: 0 });
                }
            }
            _ if self.too_deep > 0 => {}
            b"tr" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.row = Some(Vec::new());
                    t.grid_before = 0;
                }
            }
            b"gridBefore" => {
                let n = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0usize);
                if let Some(t) = self.tables.last_mut() {
                    t.grid_before = n.min(MAX_SPAN);
                }
            }
            b"tc" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    if let (Some(row), n @ 1..) = (t.row.as_mut(), t.grid_before) {
                        row.push(Slot::covered(n));
                        t.grid_before = 0;
                    }
                    t.cell = Some(OpenCell { blocks: Vec::new(), span: 1, continues: false });
                }
            }
            b"gridSpan" => {
                let n = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(1usize);
                if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    c.span = n.clamp(1, MAX_SPAN);
                }
            }
            // <w:vMerge/> without a value continues the merge above; only
            // "restart" starts one. The old w:hMerge works the same way.
            b"vMerge" | b"hMerge" => {
                let restart = attr(e, b"val").is_some_and(|v| v == "restart");
                if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    c.continues = !restart;
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, local: &[u8]) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match local {
            b"t" => self.in_text = false,
            b"r" => self.in_run = self.in_run.saturating_sub(1),
            b"p" => {
                if let Some(p) = self.para.take() {
                    let p = p.trim_matches(['\n', '\r']).to_owned();
                    self.container().push(Block::Para(p));
                }
            }
            b"tbl" if self.too_deep > 0 => self.too_deep -= 1,
            b"tbl" => {
                if let Some(mut t) = self.tables.pop() {
                    close_row(&mut t);
                    self.container().push(Block::Table(t.table));
                }
            }
            _ if self.too_deep > 0 => {}
            b"tc" => {
                if let Some(t) = self.tables.last_mut()
                    && let Some(c) = t.cell.take()
                {
                    let slot =
                        if c.continues { Slot::covered(c.span) } else { Slot { blocks: c.blocks, span: c.span } };
                    if let Some(row) = t.row.as_mut() {
                        push_slot(row, slot);
                    }
                }
            }
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    close_row(t);
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, s: &str) {
        if self.skip == 0 && self.in_text {
            if let Some(p) = self.para.as_mut() {
                p.push_str(s);
            }
        }
    }
}

fn close_row(t: &mut OpenTable) {
    if let Some(row) = t.row.take() {
        t.table.rows.push(row);
    }
}

fn parse<R: std::io::BufRead>(reader: &mut quick_xml::Reader<R>) -> Result<Vec<Block>, quick_xml::Error> {
    let mut b = Builder::default();
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf)? {
            Event::Eof => break,
            Event::Start(e) => b.start(&e, false),
            Event::Empty(e) => b.start(&e, true),
            Event::End(e) => b.end(e.local_name().as_ref()),
            Event::Text(t) => b.text(&t.xml10_content().map_err(quick_xml::Error::from)?),
            Event::CData(t) => b.text(&t.decode().map_err(quick_xml::Error::from)?),
            Event::GeneralRef(r) => {
                if let Some(c) = r.resolve_char_ref()? {
                    b.text(c.encode_utf8(&mut [0; 4]));
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r.decode().unwrap_or_default()) {
                    b.text(s);
                }
            }
            _ => {}
        }
        buf.clear();
    }
    // A part cut short still gives what it held.
    while let Some(mut t) = b.tables.pop() {
        close_row(&mut t);
        b.container().push(Block::Table(t.table));
    }
    Ok(b.body)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal .docx around a body, as the tests of both readers need.
    pub(crate) fn docx(body: &str) -> Vec<u8> {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        zip_with(&[("word/document.xml", xml.as_bytes())])
    }

    pub(crate) fn zip_with(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in files {
            z.start_file(*name, opts).unwrap();
            z.write_all(data).unwrap();
        }
        z.finish().unwrap();
        out.into_inner()
    }

    fn p(s: &str) -> String {
        format!("<w:p><w:r><w:t>{s}</w:t></w:r></w:p>")
    }

    fn tc(props: &str, s: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(s))
    }

    fn text_of(body: &str) -> String {
        super::super::blocks::render(&read(&docx(body)).unwrap()).0
    }

    #[test]
    fn runs_tabs_breaks_and_symbols() {
        let body = concat!(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>"#,
            r#"<w:r><w:t>规章</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">0 </w:t></w:r>"#,
            r#"<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:br/><w:t>第二行&amp;</w:t><w:sym w:font="Symbol" w:char="F0B7"/><w:sym w:char="2460"/></w:r></w:p>"#,
            r#"<w:p><w:r><w:delText>删掉的</w:delText></w:r><w:del><w:r><w:tab/></w:r></w:del><w:r><w:t>保留&#x4E00;</w:t></w:r></w:p>"#,
        );
        assert_eq!(text_of(body), "规章\t0 \n第二行&①\n\n保留一\n");
        // a tracked move: the text once, where it was moved to
        let moved = concat!(
            r#"<w:p><w:moveFrom w:id="1"><w:r><w:t>申请 3 件</w:t></w:r></w:moveFrom><w:r><w:t>共收到</w:t></w:r>"#,
            r#"<w:moveTo w:id="2"><w:r><w:t>申请 3 件</w:t></w:r></w:moveTo></w:p>"#,
        );
        assert_eq!(text_of(moved), "共收到申请 3 件\n");
    }

    #[test]
    fn grid_span_and_vertical_merge_keep_columns_aligned() {
        let body = format!(
            "<w:tbl><w:tblPr/><w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}{}</w:tr></w:tbl>",
            tc(r#"<w:gridSpan w:val="2"/>"#, "三、本年度办理结果"),
            tc("", "总计"),
            tc(r#"<w:vMerge w:val="restart"/>"#, "（三）不予公开"),
            tc("", "1.属于国家秘密"),
            tc("", "0"),
            tc("<w:vMerge/>", ""),
            tc("", "2.其他法律"),
            tc("", "3"),
            tc("", "a"),
            tc("", "4"),
        );
        assert_eq!(
            text_of(&body),
            "三、本年度办理结果\t\t总计\n（三）不予公开\t1.属于国家秘密\t0\n\t2.其他法律\t3\n\ta\t4\n"
        );
    }

    #[test]
    fn cells_join_their_paragraphs_and_nested_tables_are_layout() {
        let cell = format!("<w:tc>{}{}</w:tc>", p("本年新收"), p("申请数量"));
        let body = format!("<w:tbl><w:tr>{cell}{}</w:tr></w:tbl>", tc("", "5"));
        assert_eq!(text_of(&body), "本年新收 申请数量\t5\n");
        let nested = format!(
            "<w:tbl><w:tr><w:tc>{}<w:tbl><w:tr>{}{}</w:tr></w:tbl></w:tc>{}</w:tr></w:tbl>",
            p("标题"),
            tc("", "规章"),
            tc("", "0"),
            tc("", "侧栏")
        );
        assert_eq!(text_of(&nested), "标题\n\n规章\t0\n\n侧栏\n");
    }

    #[test]
    fn deep_nesting_and_huge_spans_stay_bounded() {
        let depth = 5000;
        let body =
            format!("{}{}{}", "<w:tbl><w:tr><w:tc>".repeat(depth), p("底"), "</w:tc></w:tr></w:tbl>".repeat(depth));
        assert_eq!(text_of(&body), "底\n");
        let wide = format!("<w:tbl><w:tr>{}{}</w:tr></w:tbl>", tc(r#"<w:gridSpan w:val="999999"/>"#, "x"), tc("", "y"));
        let text = text_of(&wide);
        assert_eq!(text.matches('\t').count(), MAX_SPAN, "{text:?}");
    }

    #[test]
    fn zip_bombs_and_broken_files_are_refused_in_chinese() {
        let big = docx(&p(&"零".repeat(4096)));
        let err = read_limited(&big, 1024).unwrap_err();
        assert!(err.contains("word/document.xml 解压后超过") && err.contains("压缩炸弹"), "{err}");
        assert!(read_limited(&big, 1024 * 1024).is_ok());
        let err = read(b"PK\x03\x04 not really a zip").unwrap_err();
        assert!(err.starts_with("不是有效的 .docx 文件"), "{err}");
        let err = read(&zip_with(&[("word/other.xml", b"<x/>")])).unwrap_err();
        assert_eq!(err, "不是 Word 文档（缺少 word/document.xml）");
        let err = read(&zip_with(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>")])).unwrap_err();
        assert!(err.starts_with("Word 文档内容损坏（word/document.xml 第"), "{err}");
        let err = read(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest").unwrap_err();
        assert!(err.contains(".doc"), "{err}");
    }

    #[test]
    fn the_main_part_is_found_through_the_relationships() {
        let rels = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#;
        let doc = br#"<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>Hi</w:t></w:r></w:p></w:body></w:document>"#;
        let z = zip_with(&[("_rels/.rels", rels), ("word/document2.xml", doc)]);
        assert_eq!(super::super::blocks::render(&read(&z).unwrap()).0, "Hi\n");
    }
}
