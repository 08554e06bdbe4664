//! Routes and the checks every request passes.
//!
//! Only the page itself may use the server: a request must name this
//! server in `Host` (a DNS-rebinding page names its own host), and a
//! browser request that carries an `Origin` must come from this page (any
//! other web page the user has open could otherwise open the WebSocket or
//! post files). Clients without an `Origin` are local programs, which could
//! run nianbao themselves anyway.

use super::{assets, bridge, frame::MAX_MESSAGE, open};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{DefaultBodyLimit, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

#[derive(Clone, Copy)]
struct Port(u16);

impl Port {
    fn hosts(self) -> [String; 2] {
        [format!("127.0.0.1:{}", self.0), format!("localhost:{}", self.0)]
    }

    fn host_ok(self, headers: &HeaderMap) -> bool {
        let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
        self.hosts().iter().any(|h| h.eq_ignore_ascii_case(host))
    }

    fn origin_ok(self, headers: &HeaderMap) -> bool {
        let Some(origin) = headers.get(header::ORIGIN) else { return true };
        let origin = origin.to_str().unwrap_or("");
        self.hosts().iter().any(|h| origin.eq_ignore_ascii_case(&format!("http://{h}")))
    }
}

pub fn router(port: u16) -> Router {
    let port = Port(port);
    Router::new()
        .route("/lsp", get(lsp))
        .route("/api/open", post(open_file).layer(DefaultBodyLimit::max(MAX_MESSAGE)))
        .fallback(get(asset))
        .layer(middleware::from_fn_with_state(port, guard))
        .with_state(port)
}

fn refuse(status: StatusCode, why: &'static str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], why).into_response()
}

async fn guard(State(port): State<Port>, req: Request, next: Next) -> Response {
    if !port.host_ok(req.headers()) {
        return refuse(StatusCode::MISDIRECTED_REQUEST, "只接受发往本机（127.0.0.1）的请求");
    }
    if !port.origin_ok(req.headers()) {
        return refuse(StatusCode::FORBIDDEN, "只接受来自本页面的请求");
    }
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    // the page loads nothing from elsewhere and connects only back here
    let csp = format!(
        "default-src 'self'; connect-src 'self' ws://127.0.0.1:{0} ws://localhost:{0}; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        port.0
    );
    if let Ok(v) = HeaderValue::from_str(&csp) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

async fn asset(uri: axum::http::Uri) -> Response {
    match assets::find(uri.path()) {
        Some(a) => ([(header::CONTENT_TYPE, a.mime)], Body::from(a.body)).into_response(),
        None => refuse(StatusCode::NOT_FOUND, "没有这个页面"),
    }
}

async fn lsp(ws: WebSocketUpgrade) -> Response {
    ws.max_message_size(MAX_MESSAGE).max_frame_size(MAX_MESSAGE).on_upgrade(bridge::session)
}

#[derive(Deserialize)]
struct OpenQuery {
    name: String,
}

async fn open_file(Query(q): Query<OpenQuery>, body: Bytes) -> Response {
    // decoding a large file is CPU work: off the I/O threads
    let name = q.name.clone();
    let result = tokio::task::spawn_blocking(move || open::to_text(&name, &body)).await;
    let (status, text) = match result {
        Ok(Ok(text)) => (StatusCode::OK, text),
        Ok(Err(msg)) => (StatusCode::UNPROCESSABLE_ENTITY, msg),
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, format!("读取 {} 时内部出错", q.name)),
    };
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}
