//! Splitting the server's output into messages: the LSP server writes
//! `Content-Length` frames, the WebSocket carries one message per frame.

use std::ops::Range;

/// The largest message either side may send; a draft of several megabytes
/// fits many times over. Larger ones end the connection instead of growing
/// a buffer without bound.
pub const MAX_MESSAGE: usize = 64 * 1024 * 1024;
/// A header block longer than this is not a header.
const MAX_HEADER: usize = 4 * 1024;

#[derive(Debug, PartialEq, Eq)]
pub enum Split {
    /// Not enough bytes yet.
    Need,
    /// One message's body; `consumed` bytes are done with.
    Frame { body: Range<usize>, consumed: usize },
}

/// The next frame at the front of `buf`. An error means the stream cannot
/// be framed any more (our own server wrote it, so this is a bug, not
/// input to recover from).
pub fn split(buf: &[u8]) -> Result<Split, String> {
    let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
        return if buf.len() > MAX_HEADER { Err("消息头过长".into()) } else { Ok(Split::Need) };
    };
    let head = std::str::from_utf8(&buf[..end]).map_err(|_| "消息头不是文本".to_string())?;
    let len = head
        .split("\r\n")
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .ok_or("消息头缺少 Content-Length")?
        .1
        .trim()
        .parse::<usize>()
        .map_err(|_| "Content-Length 不是数字".to_string())?;
    if len > MAX_MESSAGE {
        return Err(format!("消息长 {len} 字节，超过上限 {MAX_MESSAGE}"));
    }
    let body = end + 4..end + 4 + len;
    if buf.len() < body.end {
        return Ok(Split::Need);
    }
    Ok(Split::Frame { consumed: body.end, body })
}

/// One message as the server reads it.
pub fn encode(body: &str) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_frames_and_waits_for_the_rest() {
        let mut buf = encode(r#"{"a":1}"#);
        buf.extend(encode("{}"));
        let Ok(Split::Frame { body, consumed }) = split(&buf) else { panic!() };
        assert_eq!(&buf[body], br#"{"a":1}"#);
        assert_eq!(split(&buf[consumed..]), Ok(Split::Frame { body: 21..23, consumed: 23 }));
        assert_eq!(split(&buf[..consumed - 1]), Ok(Split::Need));
        assert_eq!(split(b"Content-Len"), Ok(Split::Need));
    }

    #[test]
    fn header_names_are_case_insensitive_and_other_headers_pass() {
        let buf = b"Content-Type: x\r\ncontent-length: 2\r\n\r\n{}";
        assert_eq!(split(buf), Ok(Split::Frame { body: 38..40, consumed: 40 }));
    }

    #[test]
    fn refuses_what_cannot_be_framed() {
        assert!(split(b"Content-Length: x\r\n\r\n").is_err());
        assert!(split(b"X: 1\r\n\r\n").is_err());
        assert!(split(format!("Content-Length: {}\r\n\r\n", MAX_MESSAGE + 1).as_bytes()).is_err());
        assert!(split(&vec![b'a'; MAX_HEADER + 1]).is_err());
    }
}
