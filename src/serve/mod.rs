//! `nianbao serve`: a local web editor for a draft.
//!
//! The page (editors/web, built into editors/web/dist and embedded here) is
//! CodeMirror with `@codemirror/lsp-client`; it talks LSP over a WebSocket to
//! the very server `nianbao lsp` runs, so there is one implementation of
//! diagnostics, hover, code actions and formatting. The listener is bound to
//! 127.0.0.1 only and nothing here reaches the network. See docs/serve.md.

mod assets;
mod bridge;
mod browser;
mod frame;
mod http;
mod open;

use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ServeArgs {
    /// 端口（0 表示自动选择一个空闲端口）
    #[arg(long, default_value_t = 8417)]
    pub port: u16,
    /// 不自动打开浏览器
    #[arg(long)]
    pub no_open: bool,
}

pub fn run(args: ServeArgs) -> ExitCode {
    if let Err(e) = crate::lsp::init_logging(None) {
        eprintln!("nianbao serve: logging not set up: {e}");
    }
    crate::lsp::install_panic_hook();
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("nianbao serve: 无法启动运行时：{e}");
            return ExitCode::from(2);
        }
    };
    runtime.block_on(serve(args))
}

async fn serve(args: ServeArgs) -> ExitCode {
    // loopback only: the page edits drafts that may not be published yet
    let listener = match tokio::net::TcpListener::bind((std::net::Ipv4Addr::LOCALHOST, args.port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("nianbao serve: 无法监听 127.0.0.1:{}：{e}（可用 --port 0 自动选择端口）", args.port);
            return ExitCode::from(2);
        }
    };
    let port = match listener.local_addr() {
        Ok(a) => a.port(),
        Err(e) => {
            eprintln!("nianbao serve: {e}");
            return ExitCode::from(2);
        }
    };
    let url = format!("http://127.0.0.1:{port}/");
    // the first line of stdout is the address, for scripts and tests
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{url}");
        let _ = out.flush();
    }
    eprintln!("nianbao serve: 已在 {url} 打开编辑页面，按 Ctrl+C 退出");
    if !args.no_open {
        browser::open(&url);
    }
    match axum::serve(listener, http::router(port)).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("nianbao serve: {e}");
            ExitCode::from(1)
        }
    }
}
