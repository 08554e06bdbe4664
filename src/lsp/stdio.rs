//! Standard input read on the runtime's own thread when it is a pipe, by a
//! thread of its own otherwise; standard output written by a thread of its own.
//!
//! tokio's `Stdin` hands every read to its blocking pool: a pool thread is
//! woken to call `read`, and wakes the runtime again with the bytes — two
//! thread hand-offs per message, which perf put at a tenth of the server's
//! CPU per edit on a small draft. A pipe (what editors give a language
//! server) is read without blocking, woken by the runtime's own epoll: no
//! hand-off at all. Anything else (a terminal, a file, a socket) is read by
//! one thread blocked in `read` for the whole session, which passes each
//! chunk over a channel (one wake-up).
//!
//! tokio's `Stdout` is the same on the way out: each message is written by a
//! pool thread and the flush that ends it waits for that thread to wake the
//! runtime again. Here a flush hands the message to the writing thread and
//! returns; the runtime is not woken again for it.

use std::io::{Read, Write};
use std::pin::Pin;
use std::sync::mpsc as sync_mpsc;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::mpsc;

/// Chunks in flight between the reading thread and the server: bounded, so
/// a client writing faster than the server reads waits in the pipe.
const CHUNKS: usize = 64;
const CHUNK_BYTES: usize = 64 * 1024;

/// Stdin as an `AsyncRead`: the pipe itself, registered with the runtime
/// (which must be running); else from a dedicated thread; else tokio's own
/// `Stdin` when the thread cannot be started.
pub fn stdin() -> Box<dyn AsyncRead + Unpin + Send> {
    match pipe_stdin() {
        Ok(pipe) => return Box::new(pipe),
        Err(e) => tracing::debug!("stdin is no pipe to poll ({e}); reading it on a thread"),
    }
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

/// A duplicate of fd 0 as a non-blocking tokio pipe; an error when stdin is
/// not a FIFO open for reading. Non-blocking mode is a property of the pipe's
/// open file, so fd 0 is left non-blocking too: nothing else here reads it,
/// and the client's end of the pipe is a file of its own.
#[cfg(unix)]
fn pipe_stdin() -> std::io::Result<tokio::net::unix::pipe::Receiver> {
    use std::os::fd::AsFd;
    polled_pipe(std::io::stdin().as_fd().try_clone_to_owned()?)
}

/// `fd` as a non-blocking tokio pipe, if it is the reading end of a FIFO.
#[cfg(unix)]
fn polled_pipe(fd: std::os::fd::OwnedFd) -> std::io::Result<tokio::net::unix::pipe::Receiver> {
    tokio::net::unix::pipe::Receiver::from_file(std::fs::File::from(fd))
}

#[cfg(not(unix))]
fn pipe_stdin() -> std::io::Result<tokio::io::Empty> {
    Err(std::io::Error::new(std::io::ErrorKind::Unsupported, "pipes are polled on Unix only"))
}

/// Reads `input` to its end (or an error, passed on) into `tx`.
fn pump(mut input: impl Read, tx: mpsc::Sender<std::io::Result<Vec<u8>>>) {
    let mut buf = vec![0u8; CHUNK_BYTES];
    loop {
        let chunk = match input.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => Ok(buf[..n].to_vec()),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            // fd 0 left non-blocking by a pipe registration that failed
            // after setting the mode (`pipe_stdin`): wait, never end the input
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(2));
                continue;
            }
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

/// Messages handed to the writing thread and not yet written: bounded, so
/// a client that stops reading holds the server back (as a full pipe
/// would) instead of growing its memory.
const MESSAGES: usize = 256;

/// Stdout as an `AsyncWrite` written by a dedicated thread, the handle that
/// waits for it to finish, and the thread's inbox for whole frames made
/// elsewhere; tokio's own `Stdout` (and no inbox) when the thread cannot be
/// started.
pub fn stdout() -> (Box<dyn AsyncWrite + Unpin + Send>, Drained, Option<Outlet>) {
    match Handoff::start(unbuffered_stdout()) {
        Ok((w, d)) => {
            let outlet = w.outlet.clone();
            (Box::new(w), d, Some(outlet))
        }
        Err(e) => {
            tracing::warn!("stdout thread not started ({e}); writing through tokio");
            (Box::new(tokio::io::stdout()), Drained(None), None)
        }
    }
}

/// Standard output without std's line buffering: `Stdout` is a
/// `LineWriter`, which wrote every frame in two system calls (its header
/// ends in a line break) and so woke the client twice. The writing thread
/// buffers whole messages itself.
fn unbuffered_stdout() -> Box<dyn Write + Send> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() {
            return Box::new(std::fs::File::from(fd));
        }
    }
    Box::new(std::io::stdout())
}

/// The writing thread's inbox, shared by the transport's writer and by the
/// server, which hands finished frames of its own over without tower-lsp's
/// detour through `serde_json::Value` (diagnostics: server.rs). Each message
/// is written whole and in the order handed over, so frames never mix.
/// Closed when the transport shuts its output, so a clone kept by the
/// server never keeps the thread (and the exit waiting for it) alive.
#[derive(Clone)]
pub struct Outlet(Arc<Mutex<Option<sync_mpsc::SyncSender<Vec<u8>>>>>);

impl Outlet {
    /// Hand one or more whole frames over; blocks only when `MESSAGES` are
    /// queued (the client is not reading).
    pub fn send(&self, message: Vec<u8>) -> std::io::Result<()> {
        let tx = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match tx.as_ref() {
            Some(tx) if tx.send(message).is_ok() => Ok(()),
            _ => Err(std::io::Error::new(std::io::ErrorKind::BrokenPipe, "标准输出已关闭")),
        }
    }

    fn close(&self) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).take();
    }
}

/// Bytes written since the last flush, handed to the thread as one message
/// when the transport flushes (it does after every frame).
pub struct Handoff {
    outlet: Outlet,
    pending: Vec<u8>,
}

/// Signals when the writing thread has written everything it was handed
/// (the sending side dropped) or has given up on an error.
pub struct Drained(Option<sync_mpsc::Receiver<()>>);

impl Drained {
    /// Wait up to `limit` for the last messages (the reply to `shutdown`)
    /// to be written: a client that no longer reads must not keep the
    /// server from exiting.
    pub fn wait(self, limit: Duration) {
        if let Some(rx) = self.0 {
            let _ = rx.recv_timeout(limit);
        }
    }
}

impl Handoff {
    fn start(out: impl Write + Send + 'static) -> std::io::Result<(Handoff, Drained)> {
        let (tx, rx) = sync_mpsc::sync_channel::<Vec<u8>>(MESSAGES);
        let (done_tx, done_rx) = sync_mpsc::channel();
        std::thread::Builder::new().name("nianbao-stdout".into()).spawn(move || {
            write_all(out, rx);
            let _ = done_tx.send(());
        })?;
        let outlet = Outlet(Arc::new(Mutex::new(Some(tx))));
        Ok((Handoff { outlet, pending: Vec::new() }, Drained(Some(done_rx))))
    }

    fn hand_over(&mut self) -> std::io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        self.outlet.send(std::mem::take(&mut self.pending))
    }
}

/// Writes each message as it comes and flushes when none is waiting (one
/// system call for a message, or for all that queued up meanwhile); stops
/// at the first error (the client is gone: the next hand-over fails).
fn write_all(out: impl Write, rx: sync_mpsc::Receiver<Vec<u8>>) {
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, out);
    while let Ok(mut message) = rx.recv() {
        loop {
            if out.write_all(&message).is_err() {
                return;
            }
            match rx.try_recv() {
                Ok(next) => message = next,
                Err(_) => break,
            }
        }
        if out.flush().is_err() {
            return;
        }
    }
}

impl AsyncWrite for Handoff {
    fn poll_write(mut self: Pin<&mut Self>, _: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        self.pending.extend_from_slice(buf);
        Poll::Ready(Ok(buf.len()))
    }
    fn poll_flush(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(self.hand_over())
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let result = self.hand_over();
        // the thread writes what it holds and ends
        self.outlet.close();
        Poll::Ready(result)
    }
}

impl Drop for Handoff {
    fn drop(&mut self) {
        // bytes written but never flushed still go out
        let _ = self.hand_over();
        self.outlet.close();
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

    #[test]
    fn a_would_block_read_waits_instead_of_ending_the_input() {
        let would_block = || Err(std::io::Error::from(std::io::ErrorKind::WouldBlock));
        let parts = vec![Ok(b"Content-".to_vec()), would_block(), would_block(), Ok(b"Length".to_vec())];
        let (tx, mut rx) = mpsc::channel(8);
        pump(Pieces { parts }, tx);
        let mut got = Vec::new();
        while let Ok(chunk) = rx.try_recv() {
            got.extend(chunk.expect("no error reaches the server"));
        }
        assert_eq!(got, b"Content-Length");
    }

    #[cfg(unix)]
    #[tokio::test]
    async fn a_pipe_is_read_on_the_runtime_in_order_to_its_end() {
        let (reader, mut writer) = std::io::pipe().expect("a pipe");
        let mut pipe = polled_pipe(reader.into()).expect("a pipe's reading end is polled");
        let text: Vec<u8> = (0..300_000u32).map(|i| (i % 253) as u8).collect();
        let sent = text.clone();
        // more than a pipe holds, in uneven pieces, so reads find it empty between them
        let feeder = std::thread::spawn(move || {
            for piece in sent.chunks(9_973) {
                writer.write_all(piece).expect("written");
                std::thread::sleep(Duration::from_micros(200));
            }
        });
        let mut got = Vec::new();
        pipe.read_to_end(&mut got).await.expect("read to the end");
        feeder.join().expect("the feeder ends");
        assert_eq!(got, text);
    }

    #[cfg(unix)]
    #[tokio::test]
    async fn a_file_or_a_writing_end_is_read_on_a_thread_instead() {
        let file = tempfile::tempfile().expect("a file");
        assert!(polled_pipe(file.into()).is_err(), "a regular file cannot be polled");
        let (_reader, writer) = std::io::pipe().expect("a pipe");
        assert!(polled_pipe(writer.into()).is_err(), "a pipe's writing end is not stdin");
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

    /// A sink that records what it is given and counts flushes, failing
    /// every write after `fail_after` bytes when set.
    #[derive(Clone, Default)]
    struct Sink {
        got: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
        flushes: std::sync::Arc<std::sync::atomic::AtomicUsize>,
        fail_after: Option<usize>,
    }

    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let mut got = self.got.lock().unwrap();
            if self.fail_after.is_some_and(|n| got.len() >= n) {
                return Err(std::io::ErrorKind::BrokenPipe.into());
            }
            got.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.flushes.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Ok(())
        }
    }

    #[tokio::test]
    async fn writes_every_message_in_order_and_all_of_them_before_it_is_drained() {
        use tokio::io::AsyncWriteExt;
        let sink = Sink::default();
        let (mut w, drained) = Handoff::start(sink.clone()).unwrap();
        let mut want = Vec::new();
        for i in 0..2_000u32 {
            // a frame in two writes, then the transport's flush
            let body = format!("{{\"id\":{i},\"pad\":\"{}\"}}", "x".repeat((i % 97) as usize));
            let head = format!("Content-Length: {}\r\n\r\n", body.len());
            w.write_all(head.as_bytes()).await.unwrap();
            w.write_all(body.as_bytes()).await.unwrap();
            w.flush().await.unwrap();
            want.extend_from_slice(head.as_bytes());
            want.extend_from_slice(body.as_bytes());
        }
        // written but not flushed: still goes out when the writer is dropped
        w.write_all(b"tail").await.unwrap();
        want.extend_from_slice(b"tail");
        drop(w);
        drained.wait(Duration::from_secs(10));
        assert_eq!(*sink.got.lock().unwrap(), want);
        assert!(sink.flushes.load(std::sync::atomic::Ordering::SeqCst) >= 1);
    }

    #[tokio::test]
    async fn a_failed_write_ends_the_output_with_an_error_not_a_hang() {
        use tokio::io::AsyncWriteExt;
        let sink = Sink { fail_after: Some(10), ..Default::default() };
        let (mut w, drained) = Handoff::start(sink.clone()).unwrap();
        let mut failed = false;
        for _ in 0..10_000 {
            w.write_all(b"0123456789abcdef").await.unwrap();
            if w.flush().await.is_err() {
                failed = true;
                break;
            }
        }
        assert!(failed, "the client is gone: a flush must fail");
        drained.wait(Duration::from_secs(10));
        // the first write succeeds (it may hold several messages that
        // queued up meanwhile, each whole); nothing after the failure
        let got = sink.got.lock().unwrap().len();
        assert!(got >= 16 && got % 16 == 0 && got < 10_000 * 16, "{got}");
    }
}
