//! Standard input read by a thread of its own.
//!
//! tokio's `Stdin` hands every read to its blocking pool: a pool thread is
//! woken to call `read`, and wakes the runtime again with the bytes — two
//! thread hand-offs per message, which perf put at a tenth of the server's
//! CPU per edit on a small draft. One thread blocked in `read` for the whole
//! session passes each chunk over a channel instead (one wake-up).

use std::io::Read;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, ReadBuf};
use tokio::sync::mpsc;

/// Chunks in flight between the reading thread and the server: bounded, so
/// a client writing faster than the server reads waits in the pipe.
const CHUNKS: usize = 64;
const CHUNK_BYTES: usize = 64 * 1024;

/// Stdin as an `AsyncRead`, from a dedicated thread; tokio's own `Stdin`
/// when the thread cannot be started.
pub fn stdin() -> Box<dyn AsyncRead + Unpin + Send> {
    let (tx, rx) = mpsc::channel(CHUNKS);
    let started = std::thread::Builder::new().name("nianbao-stdin".into()).spawn(move || pump(std::io::stdin(), tx));
    match started {
        Ok(_) => Box::new(Chunks { rx, pending: Vec::new(), at: 0 }),
        Err(e) => {
            tracing::warn!("stdin thread not started ({e}); reading through tokio");
            Box::new(tokio::io::stdin())
        }
    }
}

/// Reads `input` to its end (or an error, passed on) into `tx`.
fn pump(mut input: impl Read, tx: mpsc::Sender<std::io::Result<Vec<u8>>>) {
    let mut buf = vec![0u8; CHUNK_BYTES];
    loop {
        let chunk = match input.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => Ok(buf[..n].to_vec()),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => Err(e),
        };
        let failed = chunk.is_err();
        // the server is gone, or the error ends the input
        if tx.blocking_send(chunk).is_err() || failed {
            return;
        }
    }
}

/// The receiving end: an `AsyncRead` over the chunks, in order.
struct Chunks {
    rx: mpsc::Receiver<std::io::Result<Vec<u8>>>,
    pending: Vec<u8>,
    at: usize,
}

impl AsyncRead for Chunks {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, out: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        if self.at == self.pending.len() {
            match self.rx.poll_recv(cx) {
                Poll::Pending => return Poll::Pending,
                // end of input: a read of 0 bytes
                Poll::Ready(None) => return Poll::Ready(Ok(())),
                Poll::Ready(Some(Err(e))) => return Poll::Ready(Err(e)),
                Poll::Ready(Some(Ok(chunk))) => {
                    self.pending = chunk;
                    self.at = 0;
                }
            }
        }
        let n = out.remaining().min(self.pending.len() - self.at);
        let at = self.at;
        out.put_slice(&self.pending[at..at + n]);
        self.at += n;
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncReadExt;

    /// A reader that returns its text in pieces of the given sizes, then an
    /// interruption, then the rest, then the end (or an error).
    struct Pieces {
        parts: Vec<std::io::Result<Vec<u8>>>,
    }

    impl Read for Pieces {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.parts.is_empty() {
                return Ok(0);
            }
            let part = self.parts.remove(0)?;
            buf[..part.len()].copy_from_slice(&part);
            Ok(part.len())
        }
    }

    fn chunks(parts: Vec<std::io::Result<Vec<u8>>>) -> Chunks {
        let (tx, rx) = mpsc::channel(2);
        std::thread::spawn(move || pump(Pieces { parts }, tx));
        Chunks { rx, pending: Vec::new(), at: 0 }
    }

    #[tokio::test]
    async fn passes_every_byte_in_order_through_small_reads() {
        let text: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let mut parts: Vec<std::io::Result<Vec<u8>>> = text.chunks(7_001).map(|c| Ok(c.to_vec())).collect();
        parts.insert(3, Err(std::io::ErrorKind::Interrupted.into()));
        let mut r = chunks(parts);
        let mut got = Vec::new();
        let mut small = [0u8; 333];
        loop {
            let n = r.read(&mut small).await.unwrap();
            if n == 0 {
                break;
            }
            got.extend_from_slice(&small[..n]);
        }
        assert_eq!(got, text);
    }

    #[tokio::test]
    async fn a_read_error_reaches_the_server_after_the_bytes_before_it() {
        let mut r = chunks(vec![Ok(b"Content".to_vec()), Err(std::io::Error::other("gone"))]);
        let mut buf = [0u8; 64];
        assert_eq!(r.read(&mut buf).await.unwrap(), 7);
        assert_eq!(r.read(&mut buf).await.unwrap_err().to_string(), "gone");
    }
}
