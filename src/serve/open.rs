//! Opening a file in the page: its bytes in, the text nianbao checks out.

use crate::cli::decode::decode;

/// The text of an uploaded file, or a message for the user.
pub fn to_text(file_name: &str, bytes: &[u8]) -> Result<String, String> {
    let ext = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "txt" | "md" | "markdown" | "text" => {
            decode(bytes).map(|(text, _)| text).map_err(|e| format!("无法读取 {file_name}：{e}"))
        }
        "docx" => Err(format!(
            "暂不支持打开 .docx 文件（{file_name}）：请在 Word/WPS 中全选复制后粘贴到编辑区，表格会转成制表符分隔的行"
        )),
        "html" | "htm" => Err(format!("暂不支持打开 .html 文件（{file_name}）：请在浏览器中全选复制后粘贴到编辑区")),
        _ => Err(format!("无法打开 {file_name}：只支持 .txt、.md、.docx 和 .html 文件")),
    }
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
    fn other_files_get_a_message_in_chinese() {
        assert!(to_text("报告.docx", b"PK\x03\x04").unwrap_err().starts_with("暂不支持打开 .docx"));
        assert!(to_text("page.HTML", b"<p>").unwrap_err().starts_with("暂不支持打开 .html"));
        assert!(to_text("x.pdf", b"%PDF").unwrap_err().contains("只支持"));
        assert!(to_text("a.txt", b"\0\0\0binary").unwrap_err().contains("二进制"));
    }
}
