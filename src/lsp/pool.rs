//! The analysis threads: a small fixed pool.
//!
//! Analysis used to run on `spawn_blocking`, whose pool grows to 512
//! threads: a blocking task cannot be aborted, so every cancelled request
//! left its analysis running on a thread of its own (400 cancelled requests
//! on a 1 MB document reached ~180 threads and 840 MB). Here a fixed number
//! of threads take jobs from one queue; a job nobody wants any more finds
//! that out at its first check and returns at once, so a queue of stale
//! jobs drains quickly and the thread count never moves.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, OnceLock};

/// Two: the machine the server is written for has two cores, and more
/// threads than cores only make each analysis slower.
pub const THREADS: usize = 2;

/// Documents up to this size (a township's or county's report; the fixture
/// is 5.7 KB) are analysed on the thread that asks (see `here`): the two
/// thread hops of the pool cost as much as a small analysis on a loaded
/// machine. Larger ones go to the pool, so a provincial report's analysis
/// (12 ms for 60 KB with today's core) never holds up the protocol task.
pub const INLINE_MAX_BYTES: usize = 32 * 1024;

type Job = Box<dyn FnOnce() + Send>;

fn queue() -> &'static Sender<Job> {
    static QUEUE: OnceLock<Sender<Job>> = OnceLock::new();
    QUEUE.get_or_init(|| {
        let (tx, rx) = channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..THREADS {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new().name(format!("nianbao-analysis-{i}")).spawn(move || work(&rx));
            if let Err(e) = spawned {
                tracing::error!("cannot start analysis thread {i}: {e}");
            }
        }
        tx
    })
}

fn work(rx: &Mutex<Receiver<Job>>) {
    loop {
        // the lock is held only while waiting for the next job
        let job = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
        match job {
            // a panicking job must not take the thread with it (the panic
            // hook has logged it; its sender is dropped, so the waiter
            // sees `Err`)
            Ok(job) => drop(std::panic::catch_unwind(AssertUnwindSafe(job))),
            Err(_) => return,
        }
    }
}

/// Run `f` on an analysis thread; `Err(())` when it panicked.
pub fn run<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> impl Future<Output = Result<T, ()>> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = tx.send(f());
    });
    if queue().send(job).is_err() {
        tracing::error!("the analysis threads are gone");
    }
    async move { rx.await.map_err(|_| ()) }
}

/// Run `f` right here, for small documents; `Err(())` when it panicked
/// (the panic hook has logged it), as `run` reports it.
pub fn here<T>(f: impl FnOnce() -> T) -> Result<T, ()> {
    std::panic::catch_unwind(AssertUnwindSafe(f)).map_err(|_| ())
}
