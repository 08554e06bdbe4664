//! Bytes on disk ↔ text for analysis.
//!
//! Drafts come from Word, WPS and Notepad on Windows, so besides UTF-8 we meet
//! a UTF-8 BOM, UTF-16 with a BOM and, most often, GBK/GB18030 without any
//! marker. Decoding never substitutes U+FFFD: a guessed encoding that does not
//! fit exactly is reported instead of being "checked" as mojibake, and `--fix`
//! can only write back what it read faithfully.

use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

/// Only the head is scanned, like git and grep do; a NUL deeper in is left to
/// decoding to reject.
const BINARY_SCAN: usize = 8 * 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

impl Encoding {
    /// What the human output says when the file was not plain UTF-8 (a BOM
    /// alone is not worth a line: nothing had to be converted).
    pub fn note(self) -> Option<&'static str> {
        match self {
            Encoding::Utf8 | Encoding::Utf8Bom => None,
            Encoding::Utf16Le => Some("文件编码为 UTF-16LE，已转换后检查"),
            Encoding::Utf16Be => Some("文件编码为 UTF-16BE，已转换后检查"),
            Encoding::Gb18030 => Some("文件编码为 GB18030（兼容 GBK），已转换后检查"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Binary,
    Unrecognised(&'static str),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Binary => f.write_str("二进制文件（前 8 KB 中有 NUL 字节）"),
            DecodeError::Unrecognised(why) => write!(f, "无法识别的文件编码（{why}）"),
        }
    }
}

pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(UTF16LE_BOM) {
        return decode_utf16(rest, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(UTF16BE_BOM) {
        return decode_utf16(rest, Encoding::Utf16Be);
    }
    // After the UTF-16 checks: there every ASCII character carries a NUL.
    if bytes[..bytes.len().min(BINARY_SCAN)].contains(&0) {
        return Err(DecodeError::Binary);
    }
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok((s.to_owned(), Encoding::Utf8Bom)),
            Err(_) => Err(DecodeError::Unrecognised("有 UTF-8 BOM，内容却不是有效的 UTF-8")),
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_owned(), Encoding::Utf8));
    }
    match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(s) => Ok((s.into_owned(), Encoding::Gb18030)),
        None => Err(DecodeError::Unrecognised("既不是 UTF-8、UTF-16，也不是 GB18030/GBK")),
    }
}

fn decode_utf16(rest: &[u8], enc: Encoding) -> Result<(String, Encoding), DecodeError> {
    let codec = if enc == Encoding::Utf16Le { UTF_16LE } else { UTF_16BE };
    let text = codec
        .decode_without_bom_handling_and_without_replacement(rest)
        .ok_or(DecodeError::Unrecognised("有 UTF-16 BOM，内容却不是有效的 UTF-16"))?;
    if text.chars().take(BINARY_SCAN / 2).any(|c| c == '\0') {
        return Err(DecodeError::Binary);
    }
    Ok((text.into_owned(), enc))
}

/// The bytes to write for `text` so that the file keeps the encoding and BOM
/// it was read with.
pub fn encode(text: &str, enc: Encoding) -> Vec<u8> {
    match enc {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [UTF8_BOM, text.as_bytes()].concat(),
        // encoding_rs only encodes *to* UTF-8 for the UTF-16 labels (WHATWG
        // never writes UTF-16), so these two are done by hand.
        Encoding::Utf16Le => {
            let mut out = UTF16LE_BOM.to_vec();
            out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            out
        }
        Encoding::Utf16Be => {
            let mut out = UTF16BE_BOM.to_vec();
            out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
            out
        }
        // GB18030 covers all of Unicode, so nothing is ever unmappable.
        Encoding::Gb18030 => GB18030.encode(text).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_bom_utf8() {
        assert_eq!(decode("一、总体情况".as_bytes()).unwrap(), ("一、总体情况".to_owned(), Encoding::Utf8));
        let with_bom = [UTF8_BOM, "年报".as_bytes()].concat();
        assert_eq!(decode(&with_bom).unwrap(), ("年报".to_owned(), Encoding::Utf8Bom));
        assert_eq!(encode("年报", Encoding::Utf8Bom), with_bom);
        assert_eq!(decode(b"").unwrap(), (String::new(), Encoding::Utf8));
    }

    #[test]
    fn gbk_bytes_decode_as_gb18030_and_round_trip() {
        let text = "二、主动公开政府信息情况\r\n规章\t0\t0\t0\r\n";
        let (bytes, _, bad) = encoding_rs::GBK.encode(text);
        assert!(!bad);
        let (got, enc) = decode(&bytes).unwrap();
        assert_eq!((got.as_str(), enc), (text, Encoding::Gb18030));
        assert_eq!(encode(&got, enc), bytes.as_ref());
    }

    #[test]
    fn utf16_with_bom_round_trips() {
        let text = "𠮷 统计期限\n";
        for enc in [Encoding::Utf16Le, Encoding::Utf16Be] {
            let bytes = encode(text, enc);
            assert_eq!(decode(&bytes).unwrap(), (text.to_owned(), enc));
        }
        // an odd byte count cannot be UTF-16
        assert!(matches!(decode(b"\xFF\xFEa"), Err(DecodeError::Unrecognised(_))));
    }

    #[test]
    fn nul_bytes_mean_binary_and_garbage_is_rejected() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(DecodeError::Binary));
        // 0xFF never starts a GB18030 sequence
        assert!(matches!(decode(b"abc\xFF\xFFdef"), Err(DecodeError::Unrecognised(_))));
        // a BOM in front of broken UTF-8 is not silently reinterpreted as GBK
        assert!(matches!(decode(b"\xEF\xBB\xBF\xC4\xEA"), Err(DecodeError::Unrecognised(_))));
    }
}
