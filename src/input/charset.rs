//! The character set of an HTML page: a BOM; else UTF-8 if the bytes are
//! valid UTF-8; else the <meta> declaration in the head (Chinese government
//! sites still declare GB2312 or GBK); else GB18030.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// How far into the page the declaration is looked for; the HTML standard's
/// prescan reads 1024 bytes, pages with long comments before <meta> exist.
const PRESCAN: usize = 4096;

pub fn decode(bytes: &[u8]) -> (String, &'static Encoding) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return (enc.decode_without_bom_handling(&bytes[bom..]).0.into_owned(), enc);
    }
    // Valid UTF-8 with any non-ASCII byte is UTF-8 whatever the page says:
    // GBK text is practically never valid UTF-8, while pages re-saved as
    // UTF-8 keep their old "gb2312" <meta>.
    if let Ok(s) = std::str::from_utf8(bytes) {
        if !s.is_ascii() || declared(&bytes[..bytes.len().min(PRESCAN)]).is_none() {
            return (s.to_owned(), UTF_8);
        }
    }
    if let Some(declared) = declared(&bytes[..bytes.len().min(PRESCAN)]) {
        let (text, errors) = declared.decode_without_bom_handling(bytes);
        // Declared UTF-8 but not UTF-8: a GBK page from a template that
        // says utf-8. If GB18030 reads every byte, that is what it is.
        if errors && declared == UTF_8 {
            if let Some(t) = GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
                return (t.into_owned(), GB18030);
            }
        }
        return (text.into_owned(), declared);
    }
    (GB18030.decode_without_bom_handling(bytes).0.into_owned(), GB18030)
}

/// `charset=…` as in `<meta charset="gbk">` and `<meta http-equiv=
/// "Content-Type" content="text/html; charset=gb2312">`.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"charset") {
        let mut j = from + i + b"charset".len();
        from = j;
        let skip = |j: &mut usize, set: &[u8]| {
            while *j < lower.len() && set.contains(&lower[*j]) {
                *j += 1;
            }
        };
        skip(&mut j, b" \t\r\n");
        if lower.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        skip(&mut j, b" \t\r\n\"'");
        let start = j;
        while j < lower.len() && (lower[j].is_ascii_alphanumeric() || b"-_.:".contains(&lower[j])) {
            j += 1;
        }
        // The standard reads a declared UTF-16 as UTF-8: the prescan itself
        // could only see it because the bytes are ASCII-compatible.
        match Encoding::for_label(&lower[start..j]) {
            Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => return Some(UTF_8),
            Some(e) => return Some(e),
            None => continue,
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_declarations_and_fallbacks() {
        let body = "<p>二、主动公开政府信息情况</p>";
        let gbk = |head: &str| [head.as_bytes(), &encoding_rs::GBK.encode(body).0].concat();
        let (t, e) = decode(&gbk("<meta charset=\"GB2312\">"));
        assert_eq!((t.ends_with(body), e.name()), (true, "GBK"));
        let (t, e) = decode(&gbk("<meta http-equiv=Content-Type content='text/html; charset = gbk'>"));
        assert_eq!((t.ends_with(body), e.name()), (true, "GBK"));
        // no declaration, not UTF-8: GB18030
        let (t, e) = decode(&gbk("<html>"));
        assert_eq!((t.ends_with(body), e.name()), (true, "gb18030"));
        // declared UTF-8 but saved as GBK
        let (t, e) = decode(&gbk("<meta charset=utf-8>"));
        assert_eq!((t.ends_with(body), e.name()), (true, "gb18030"));
        // declared GBK but saved as UTF-8
        let (t, e) = decode(format!("<meta charset=gbk>{body}").as_bytes());
        assert_eq!((t.ends_with(body), e.name()), (true, "UTF-8"));
        let (t, e) = decode(&[b"\xEF\xBB\xBF", body.as_bytes()].concat());
        assert_eq!((t.as_str(), e.name()), (body, "UTF-8"));
        assert_eq!(declared(b"<meta charset=\"no-such\"><meta charset=big5>").unwrap().name(), "Big5");
    }
}
