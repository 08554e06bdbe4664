//! Panic isolation. tower-lsp-server does not catch panics: one in any
//! handler unwinds through `serve()` and the server is gone (editors then
//! restart it a few times and give up). Every handler runs inside
//! `catch_unwind`; a panicking request is answered with InternalError, a
//! panicking notification is logged, and the server keeps serving.

use futures::FutureExt;
use std::any::Any;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};

/// Route panic messages through tracing (stderr or `--log-file`) instead of
/// the default hook's raw stderr print.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column())).unwrap_or_default();
        tracing::error!(target: "nianbao::panic", "panic at {location}: {}", message(info.payload()));
    }));
}

pub fn message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(non-string panic payload)".to_string())
}

pub fn internal_error(message: String) -> Error {
    Error { code: ErrorCode::InternalError, message: message.into(), data: None }
}

/// Run a request handler; a panic becomes an InternalError reply.
pub async fn request<T>(method: &str, fut: impl Future<Output = Result<T>>) -> Result<T> {
    match AssertUnwindSafe(fut).catch_unwind().await {
        Ok(r) => r,
        Err(payload) => {
            let msg = message(payload.as_ref());
            tracing::error!("{method}: handler panicked: {msg}");
            Err(internal_error(format!("nianbao: {method} 内部出错：{msg}")))
        }
    }
}

/// Run a notification handler; a panic is logged.
pub async fn notification(method: &str, fut: impl Future<Output = ()>) {
    if let Err(payload) = AssertUnwindSafe(fut).catch_unwind().await {
        tracing::error!("{method}: handler panicked: {}", message(payload.as_ref()));
    }
}
