//! A framing guard between stdin and tower-lsp-server's transport.
//!
//! tower-lsp-server reads stdin through a `FramedRead`, and a `FramedRead`
//! ends its stream at the first decode error: one frame with invalid JSON,
//! invalid UTF-8, a body that is not a JSON-RPC message, or a header it
//! cannot parse, and the server stops reading and exits with status 1.
//! Editors then restart it a few times and give up. So every frame is
//! checked here first: well-formed messages are passed on byte for byte;
//! anything else is dropped with a log line, and after garbage the reader
//! resynchronises at the next `Content-Length` header. A message whose
//! declared length is wrong costs at most itself and the message it ran
//! into; nothing can cost the session.

use serde::Deserialize;
use std::ops::Range;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tower_lsp_server::jsonrpc;

/// A header block longer than this is garbage, not a header.
const MAX_HEADER: usize = 8 * 1024;
/// Bodies up to this size are buffered; a larger declared length is taken
/// as a corrupt header rather than waited for.
const MAX_BODY: usize = 512 * 1024 * 1024;
const NAME: &[u8] = b"content-length";

/// What the transport accepts, mirrored from tower-lsp-server's private
/// `Message` so that exactly the frames it would choke on are dropped.
#[derive(Deserialize)]
#[serde(untagged)]
#[allow(dead_code)]
enum Message {
    Response(jsonrpc::Response),
    Request(jsonrpc::Request),
}

#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    /// Not enough bytes yet.
    Need,
    /// A valid message: its body's range; `consumed` bytes are done with.
    Frame { body: Range<usize>, consumed: usize },
    /// Drop `consumed` bytes, for the reason given.
    Skip { consumed: usize, why: String },
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_name(hay: &[u8]) -> Option<usize> {
    hay.windows(NAME.len()).position(|w| w.eq_ignore_ascii_case(NAME))
}

/// The body length of a header block (without its final blank line), if it
/// is one: `Name: value` lines with token names, one of them a numeric
/// `Content-Length`.
fn content_length(head: &[u8]) -> Result<usize, String> {
    let mut len = None;
    for line in head.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let colon = line.iter().position(|&b| b == b':').ok_or("a header line without a colon")?;
        let (name, value) = (&line[..colon], &line[colon + 1..]);
        if name.is_empty() || !name.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-') {
            return Err("bytes before a header".into());
        }
        if name.eq_ignore_ascii_case(NAME) {
            let v = std::str::from_utf8(value).map_err(|_| "a Content-Length that is not text")?.trim();
            len = Some(v.parse::<usize>().map_err(|_| format!("Content-Length {v:?} is not a length"))?);
        }
    }
    len.ok_or_else(|| "a header without Content-Length".into())
}

/// The next step for the bytes at the front of `buf`.
pub fn step(buf: &[u8]) -> Step {
    let Some(end) = find(buf, b"\r\n\r\n") else {
        if buf.len() <= MAX_HEADER {
            return Step::Need;
        }
        // Keep a tail that may be the start of the next header's name.
        let consumed = find_name(&buf[1..]).map_or(buf.len() - NAME.len(), |i| i + 1);
        return Step::Skip { consumed, why: format!("{consumed} bytes that are not a message header") };
    };
    let len = match content_length(&buf[..end]) {
        Ok(len) if len > MAX_BODY => {
            return Step::Skip { consumed: end + 4, why: format!("a declared length of {len} bytes") };
        }
        Ok(len) => len,
        Err(why) => {
            // Resynchronise at the next header name, or after this block.
            let consumed = find_name(&buf[1..]).map_or(end + 4, |i| (i + 1).min(end + 4));
            return Step::Skip { consumed, why: format!("{why} ({consumed} bytes skipped)") };
        }
    };
    let body = end + 4..end + 4 + len;
    if buf.len() < body.end {
        return Step::Need;
    }
    let consumed = body.end;
    match serde_json::from_slice::<Message>(&buf[body.clone()]) {
        Ok(_) => Step::Frame { body, consumed },
        Err(e) => Step::Skip { consumed, why: format!("a message that is not JSON-RPC ({e}), {len} bytes") },
    }
}

/// A notification to the client as one whole frame, serialised straight
/// from `params`. tower-lsp-server's `Client` turns params into a
/// `serde_json::Value` tree first, encodes that, and frees it: for the
/// diagnostics of an edit that was a third of the server's instructions.
pub fn notification<P: serde::Serialize>(method: &str, params: &P) -> serde_json::Result<Vec<u8>> {
    #[derive(serde::Serialize)]
    struct Notification<'a, P> {
        jsonrpc: &'static str,
        method: &'a str,
        params: &'a P,
    }
    let body = serde_json::to_vec(&Notification { jsonrpc: "2.0", method, params })?;
    let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    frame.extend_from_slice(&body);
    Ok(frame)
}

/// Copy valid frames from `input` to `output` until `input` ends or
/// `output` is closed.
pub async fn pump(mut input: impl AsyncRead + Unpin, mut output: impl AsyncWrite + Unpin) {
    let mut buf: Vec<u8> = Vec::new();
    let mut chunk = vec![0; 64 * 1024];
    loop {
        let mut at = 0;
        loop {
            match step(&buf[at..]) {
                Step::Need => break,
                Step::Skip { consumed, why } => {
                    tracing::warn!("dropped from the client's input: {why}");
                    at += consumed;
                }
                Step::Frame { body, consumed } => {
                    let body = &buf[at + body.start..at + body.end];
                    let header = format!("Content-Length: {}\r\n\r\n", body.len());
                    if output.write_all(header.as_bytes()).await.is_err() || output.write_all(body).await.is_err() {
                        return;
                    }
                    at += consumed;
                }
            }
        }
        buf.drain(..at);
        match input.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let _ = output.shutdown().await;
}

/// Any client input with every frame checked: what the server reads
/// instead of the raw stream (stdin, or a socket for `nianbao serve`).
pub fn guarded(input: impl AsyncRead + Unpin + Send + 'static) -> tokio::io::DuplexStream {
    let (reader, writer) = tokio::io::duplex(256 * 1024);
    tokio::spawn(pump(input, writer));
    reader
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> Vec<u8> {
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    /// Runs `step` to the end of `input`: the bodies passed on.
    fn bodies(input: &[u8]) -> Vec<String> {
        let mut out = Vec::new();
        let mut at = 0;
        loop {
            match step(&input[at..]) {
                Step::Need => return out,
                Step::Skip { consumed, .. } => at += consumed,
                Step::Frame { body, consumed } => {
                    out.push(String::from_utf8(input[at..][body].to_vec()).unwrap());
                    at += consumed;
                }
            }
        }
    }

    const OK: &str = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;

    #[test]
    fn a_notification_frame_is_what_tower_lsp_would_send() {
        use tower_lsp_server::lsp_types::notification::{Notification, PublishDiagnostics};
        use tower_lsp_server::lsp_types::{Diagnostic, PublishDiagnosticsParams, Range, Uri};
        let uri: Uri = "file:///r/%E5%B9%B4%E6%8A%A5.txt".parse().unwrap();
        let d = Diagnostic::new_simple(Range::default(), "表三（七）总计·自然人为 21，分项合计为 27 \"引号\"\n".into());
        let params = PublishDiagnosticsParams::new(uri, vec![d.clone(), d], Some(7));
        let frame = notification("textDocument/publishDiagnostics", &params).unwrap();
        let Step::Frame { body, consumed } = step(&frame) else { panic!("not a frame") };
        assert_eq!(consumed, frame.len());
        let ours: serde_json::Value = serde_json::from_slice(&frame[body]).unwrap();
        // what tower-lsp-server's `Request::from_notification` makes (private)
        let theirs = serde_json::json!({"jsonrpc": "2.0", "method": PublishDiagnostics::METHOD, "params": params});
        assert_eq!(ours, theirs);
    }

    #[test]
    fn valid_frames_pass_and_partial_ones_wait() {
        let f = frame(OK);
        assert_eq!(bodies(&f), [OK]);
        assert_eq!(step(&f[..f.len() - 1]), Step::Need);
        let typed = format!(
            "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: {}\r\n\r\n{OK}",
            OK.len()
        );
        assert_eq!(bodies(typed.as_bytes()), [OK]);
    }

    #[test]
    fn bad_bodies_are_dropped_and_the_next_frame_survives() {
        let mut input = Vec::new();
        for bad in [r#"{"jsonrpc": "#, "[1, 2, 3]", r#"{"jsonrpc":"2.0","method":5}"#, ""] {
            input.extend(frame(bad));
        }
        input.extend(b"Content-Length: 3\r\n\r\n\xff\xfe\xfd");
        input.extend(frame(OK));
        assert_eq!(bodies(&input), [OK]);
    }

    #[test]
    fn wrong_lengths_and_headers_resynchronise() {
        let mut input = Vec::new();
        // too short: the tail of the body is garbage before the next header
        input.extend(format!("Content-Length: {}\r\n\r\n{OK}", OK.len() - 5).into_bytes());
        input.extend(b"Content-Length: lots\r\n\r\n{}");
        input.extend(b"\r\n\r\n{\"x\": 1}");
        input.extend(b"Content-Length: 99999999999999999999999\r\n\r\n");
        input.extend(frame(OK));
        // too long: runs into the next frame, which is lost with it
        input.extend(format!("Content-Length: {}\r\n\r\n{OK}", OK.len() + 30).into_bytes());
        input.extend(frame(
            r#"{"jsonrpc":"2.0","method":"$/lost","params":{"pad":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}}"#,
        ));
        input.extend(frame(OK));
        assert_eq!(bodies(&input), [OK, OK]);
    }

    #[test]
    fn endless_garbage_is_skipped_not_buffered() {
        let garbage = vec![b'x'; MAX_HEADER + 100];
        match step(&garbage) {
            Step::Skip { consumed, .. } => assert_eq!(consumed, garbage.len() - NAME.len()),
            s => panic!("{s:?}"),
        }
    }
}
