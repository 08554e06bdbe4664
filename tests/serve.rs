//! `nianbao serve` as a user's browser meets it: the real binary, the page
//! and its assets over HTTP, the WebSocket carrying LSP, and the checks that
//! keep other pages and other machines out.

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use tokio_tungstenite::tungstenite::{self, Message, client::IntoClientRequest, http::HeaderValue};

const EXAMPLE: &str = include_str!("../examples/xiaye-2025-draft.txt");

struct Served {
    child: Child,
    port: u16,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve() -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["serve", "--port", "0", "--no-open"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let rest = line.trim().strip_prefix("http://127.0.0.1:").unwrap_or_else(|| panic!("first line: {line:?}"));
    let port = rest.strip_suffix('/').unwrap().parse().unwrap();
    Served { child, port }
}

/// A raw HTTP/1.1 exchange: (status, headers, body).
fn http(port: u16, head: &str, body: &[u8]) -> (u16, String, Vec<u8>) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let req = format!("{head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
    s.write_all(req.as_bytes()).unwrap();
    s.write_all(body).unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    let split = out.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let headers = String::from_utf8(out[..split].to_vec()).unwrap();
    let status = headers[9..12].parse().unwrap();
    (status, headers.to_ascii_lowercase(), out[split + 4..].to_vec())
}

fn get(port: u16, path: &str) -> (u16, String, Vec<u8>) {
    http(port, &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}"), b"")
}

#[test]
fn the_page_and_its_assets_are_served_with_a_strict_policy() {
    let s = serve();
    let (status, headers, body) = get(s.port, "/");
    assert_eq!(status, 200);
    assert!(headers.contains("content-type: text/html"), "{headers}");
    assert!(headers.contains("content-security-policy: default-src 'self'"), "{headers}");
    let page = String::from_utf8(body).unwrap();
    assert!(page.contains("年报检查") && page.contains("/app.js"), "{page}");
    let (status, headers, body) = get(s.port, "/app.js");
    assert_eq!(status, 200);
    assert!(headers.contains("content-type: text/javascript"), "{headers}");
    // the real bundle (CodeMirror and the LSP client), not a placeholder
    let pull = b"textDocument/diagnostic";
    assert!(body.len() > 100_000 && body.windows(pull.len()).any(|w| w == pull), "{} bytes", body.len());
    let (status, _, body) = get(s.port, "/example.txt");
    assert_eq!((status, body.as_slice()), (200, EXAMPLE.as_bytes()));
    assert_eq!(get(s.port, "/../Cargo.toml").0, 404);
}

#[test]
fn only_loopback_and_this_page_get_in() {
    let s = serve();
    // bound to 127.0.0.1 itself, not to every address: another loopback
    // address (which 0.0.0.0 would accept) is refused
    assert!(TcpStream::connect(("127.0.0.2", s.port)).is_err(), "listening beyond 127.0.0.1");
    assert!(TcpStream::connect(("::1", s.port)).is_err(), "listening on IPv6");
    // DNS rebinding: a foreign page that resolved its name to 127.0.0.1
    let (status, _, _) = http(s.port, "GET / HTTP/1.1\r\nHost: evil.example", b"");
    assert_eq!(status, 421);
    // another page the user has open cannot post files either
    let head =
        format!("POST /api/open?name=a.txt HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nOrigin: http://evil.example", s.port);
    assert_eq!(http(s.port, &head, b"x").0, 403);
}

#[test]
fn files_open_through_the_same_readers_as_convert() {
    let s = serve();
    let page =
        "<html><body><nav>首页</nav><p>二、主动公开</p><table><tr><td>规章</td><td>0</td></tr></table></body></html>";
    let head = format!(
        "POST /api/open?name=%E5%B9%B4%E6%8A%A5.html HTTP/1.1\r\nHost: 127.0.0.1:{0}\r\nOrigin: http://127.0.0.1:{0}",
        s.port
    );
    let (status, _, body) = http(s.port, &head, page.as_bytes());
    let text = String::from_utf8(body).unwrap();
    assert_eq!(status, 200, "{text}");
    assert!(text.contains("二、主动公开") && text.contains("规章\t0"), "{text:?}");
    let head = format!("POST /api/open?name=a.pdf HTTP/1.1\r\nHost: 127.0.0.1:{}", s.port);
    let (status, _, body) = http(s.port, &head, b"%PDF");
    assert_eq!(status, 422);
    assert!(String::from_utf8(body).unwrap().contains("只支持"));
}

async fn next_json(
    ws: &mut tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>,
) -> Value {
    loop {
        let msg = tokio::time::timeout(Duration::from_secs(60), ws.next()).await.expect("no message").unwrap().unwrap();
        if let Message::Text(t) = msg {
            return serde_json::from_str(t.as_str()).unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_foreign_origin_cannot_open_the_websocket() {
    let s = serve();
    let mut req = format!("ws://127.0.0.1:{}/lsp", s.port).into_client_request().unwrap();
    req.headers_mut().insert("Origin", HeaderValue::from_static("http://evil.example"));
    match tokio_tungstenite::connect_async(req).await {
        Err(tungstenite::Error::Http(res)) => assert_eq!(res.status(), 403),
        other => panic!("a foreign page got in: {:?}", other.map(|(_, r)| r.status())),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_websocket_speaks_lsp_and_diagnoses_the_example() {
    let s = serve();
    let mut req = format!("ws://127.0.0.1:{}/lsp", s.port).into_client_request().unwrap();
    let origin = HeaderValue::from_str(&format!("http://127.0.0.1:{}", s.port)).unwrap();
    req.headers_mut().insert("Origin", origin);
    let (mut ws, _) = tokio_tungstenite::connect_async(req).await.unwrap();
    let send = |v: Value| Message::Text(v.to_string().into());
    ws.send(send(json!({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}))).await.unwrap();
    let init = next_json(&mut ws).await;
    assert_eq!(init["id"], 1);
    assert_eq!(init["result"]["serverInfo"]["name"], "nianbao");
    ws.send(send(json!({"jsonrpc":"2.0","method":"initialized","params":{}}))).await.unwrap();
    let open = json!({"textDocument":{"uri":"file:///draft.txt","languageId":"plaintext","version":1,"text":EXAMPLE}});
    ws.send(send(json!({"jsonrpc":"2.0","method":"textDocument/didOpen","params":open}))).await.unwrap();
    let diags = loop {
        let m = next_json(&mut ws).await;
        if m["method"] == "textDocument/publishDiagnostics" {
            break m["params"]["diagnostics"].as_array().unwrap().clone();
        }
    };
    // the same findings `nianbao check` reports on the file
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--format", "json", concat!(env!("CARGO_MANIFEST_DIR"), "/examples/xiaye-2025-draft.txt")])
        .output()
        .unwrap();
    let check: Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected = check["files"][0]["diagnostics"].as_array().unwrap();
    assert!(!expected.is_empty());
    let rules = |v: &[Value], key: &str| v.iter().map(|d| d[key].as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert_eq!(rules(&diags, "code"), rules(expected, "rule"));
    ws.send(send(json!({"jsonrpc":"2.0","id":2,"method":"shutdown"}))).await.unwrap();
    let reply = next_json(&mut ws).await;
    assert_eq!(reply["id"], 2);
    ws.close(None).await.unwrap();
}
