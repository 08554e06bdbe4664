//! `nianbao lsp`: the language server, over stdio.
//!
//! The library does the analysis; this module owns everything LSP: the
//! document store (ropes, incremental sync), position encodings, debounced
//! diagnostics, configuration layers and the editor features. See
//! docs/lsp.md for what it offers and how it is configured.

mod actions;
mod completion;
mod config;
mod convert;
mod diagnostics;
mod documents;
mod format;
mod frames;
mod guard;
mod hover;
mod last_year;
mod pacer;
mod pool;
mod server;
mod snapshot;
mod stdio;
mod symbols;
mod view;

// `nianbao serve` runs this same server over a WebSocket bridge
pub(crate) use guard::install_panic_hook;
pub(crate) use server::serve_over;

use std::process::ExitCode;
use std::time::Duration;

#[derive(clap::Args)]
pub struct LspArgs {
    /// 兼容会传此参数的编辑器；只支持 stdio
    #[arg(long)]
    pub stdio: bool,
    /// 日志写入此文件而非 stderr（级别由 RUST_LOG 指定，默认 warn）
    #[arg(long)]
    pub log_file: Option<std::path::PathBuf>,
}

pub(crate) fn init_logging(file: Option<&std::path::Path>) -> std::io::Result<()> {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_ansi(false);
    // stdout carries the protocol: logs never go there
    let result = match file {
        Some(path) => {
            let f = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
            builder.with_writer(std::sync::Mutex::new(f)).try_init()
        }
        None => builder.with_writer(std::io::stderr).try_init(),
    };
    if let Err(e) = result {
        eprintln!("nianbao lsp: logging not set up: {e}");
    }
    Ok(())
}

/// Exit status 0 after `shutdown` then `exit`; 1 when `exit` (or the end
/// of input) comes without `shutdown`, as the protocol asks.
pub fn run(args: LspArgs) -> ExitCode {
    if let Err(e) = init_logging(args.log_file.as_deref()) {
        eprintln!("nianbao lsp: cannot open log file: {e}");
        return ExitCode::from(2);
    }
    guard::install_panic_hook();
    // One thread runs the protocol: analyses run on the pool's own threads
    // (or inline for a small draft), so the async side only parses, routes
    // and answers; two workers handed each message between them (perf: half
    // the context switches of an edit, and ~20 % of its CPU, were that).
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            tracing::error!("cannot start the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let (output, written, direct) = stdio::stdout();
    let clean = runtime.block_on(server::serve(output, direct));
    // the last replies (to shutdown) are written by stdout's own thread
    written.wait(Duration::from_secs(2));
    tracing::info!("server stopped ({})", if clean { "after shutdown" } else { "without shutdown" });
    // the thread reading stdin may be blocked in read(); don't wait for it
    runtime.shutdown_timeout(Duration::from_millis(100));
    if clean { ExitCode::SUCCESS } else { ExitCode::from(1) }
}
