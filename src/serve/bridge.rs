//! One WebSocket connection = one language server session.
//!
//! Each text message from the page is one JSON-RPC message; it is framed
//! with `Content-Length` and written into the server's input. The server's
//! output is split back into frames, one text message each. The server runs
//! as its own task: when the socket closes its input ends and the session
//! ends with it; a panic inside stays in that task.

use super::frame::{self, Split};
use axum::extract::ws::{Message, WebSocket};
use futures::{SinkExt, StreamExt};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// How long a session may take to wind down after its socket closed.
const WIND_DOWN: Duration = Duration::from_secs(5);

pub async fn session(socket: WebSocket) {
    let (mut to_page, mut from_page) = socket.split();
    let (mut to_server, server_in) = tokio::io::duplex(256 * 1024);
    let (server_out, mut from_server) = tokio::io::duplex(256 * 1024);
    let server = tokio::spawn(crate::lsp::serve_over(server_in, server_out));

    let inbound = async move {
        while let Some(msg) = from_page.next().await {
            match msg {
                Ok(Message::Text(text)) => {
                    if to_server.write_all(&frame::encode(text.as_str())).await.is_err() {
                        break;
                    }
                }
                Ok(Message::Binary(_)) => tracing::warn!("serve: a binary WebSocket message was ignored"),
                Ok(Message::Close(_)) | Err(_) => break,
                Ok(Message::Ping(_) | Message::Pong(_)) => {}
            }
        }
        // dropping the writer ends the server's input
    };
    let outbound = async {
        let mut buf: Vec<u8> = Vec::new();
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            let mut at = 0;
            loop {
                match frame::split(&buf[at..]) {
                    Ok(Split::Need) => break,
                    Ok(Split::Frame { body, consumed }) => {
                        let text = String::from_utf8_lossy(&buf[at + body.start..at + body.end]).into_owned();
                        if to_page.send(Message::Text(text.into())).await.is_err() {
                            return;
                        }
                        at += consumed;
                    }
                    Err(why) => {
                        tracing::error!("serve: the server's output cannot be framed: {why}");
                        return;
                    }
                }
            }
            buf.drain(..at);
            match from_server.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
    };
    tokio::select! {
        () = inbound => {}
        () = outbound => {}
    }
    let _ = to_page.close().await;
    let abort = server.abort_handle();
    match tokio::time::timeout(WIND_DOWN, server).await {
        Ok(Ok(_)) => {}
        Ok(Err(e)) => tracing::error!("serve: a session ended abnormally: {e}"),
        Err(_) => {
            tracing::warn!("serve: a session did not end within {WIND_DOWN:?}; stopped");
            abort.abort();
        }
    }
}
