//! Opening a file in the page: its bytes in, the text nianbao checks out.
//! The same readers as `nianbao convert` (src/input/), so a .docx or a
//! saved web page reads in the page exactly as on the command line.

/// The extensions the page opens; anything else is refused with a message
/// rather than decoded as text (a PDF read as GB18030 is only noise).
const OPENS: &[&str] = &["txt", "text", "md", "markdown", "docx", "html", "htm", "xhtml", "shtml"];

/// The text of an uploaded file, or a message for the user.
pub fn to_text(file_name: &str, bytes: &[u8]) -> Result<String, String> {
    let ext = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if !OPENS.contains(&ext.as_str()) {
        return Err(format!("无法打开 {file_name}：只支持 .txt、.md、.docx 和 .html 文件"));
    }
    crate::input::to_text(file_name, bytes).map(|c| c.text).map_err(|e| format!("无法读取 {file_name}：{e}"))
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn text_files_are_decoded_like_check_does() {
        assert_eq!(to_text("a.txt", "一、总体情况".as_bytes()).unwrap(), "一、总体情况");
        // GBK from Notepad, and a UTF-8 BOM, read as `nianbao check` reads them
        assert_eq!(to_text("A.TXT", b"\xd2\xbb\xa1\xa2").unwrap(), "一、");
        assert_eq!(to_text("b.md", b"\xEF\xBB\xBF# x").unwrap(), "# x");
    }

    #[test]
    fn pages_become_text_with_tab_rows() {
        let page = "<html><body><nav>首页</nav><p>二、主动公开</p><table><tr><td>规章</td><td>0</td></tr></table><script>x()</script></body></html>";
        let text = to_text("page.HTML", page.as_bytes()).unwrap();
        assert!(text.contains("二、主动公开") && text.contains("规章\t0"), "{text:?}");
        assert!(!text.contains("x()"), "{text:?}");
    }

    #[test]
    fn other_files_get_a_message_in_chinese() {
        assert!(to_text("报告.docx", b"PK\x03\x04").unwrap_err().starts_with("无法读取 报告.docx"));
        assert!(to_text("x.pdf", b"%PDF").unwrap_err().contains("只支持"));
        assert!(to_text("a.txt", b"\0\0\0binary").unwrap_err().contains("二进制"));
    }
}
