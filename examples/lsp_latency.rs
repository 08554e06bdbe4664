//! Latency harness for `nianbao lsp` — or any language server that speaks
//! stdio JSON-RPC with incremental sync, so prose servers run beside it can
//! be compared on the same document and edits.
//!
//! ```text
//! cargo build --release && cargo run --release --example lsp_latency -- [options]
//!   --doc fixture|60k|1m|50m|FILE   document to open (default fixture)
//!   --edits N                      single-character didChange edits (default 200)
//!   --requests N                   hover, codeAction and formatting requests each (default 50)
//!   --seed N                       edit positions and characters (default 1)
//!   --server 'CMD ARGS…'           server command (default: $NIANBAO_BIN or target/release/nianbao, with `lsp`)
//!   --open N                       also open N different generated reports, then read peak RSS
//!   --during-analysis              send hover, documentSymbol and foldingRange while the analysis after an edit runs (huge documents)
//!   --burst N                      send N edits back to back and time the last one's diagnostics
//!   --pull N                       pull diagnostics (`textDocument/diagnostic`) instead of waiting for
//!                                  pushes: N pulls right after an edit and N with no edit, interleaved
//!   --timeout S                    seconds to wait for any one answer (default 120)
//!   --label NAME                   name printed with the results
//! ```
//!
//! Each edit is sent with the next version; its latency is the time until a
//! `publishDiagnostics` for that version arrives (servers that send no
//! version: the first one after the edit). Edits alternate between inserting
//! a character at a random place and deleting it again, so the document
//! stays the same size. Requests are timed from write to response.

#[path = "../benches/common/mod.rs"]
mod common;

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

struct Options {
    doc: String,
    edits: usize,
    requests: usize,
    seed: u64,
    server: Vec<String>,
    open: usize,
    during_analysis: bool,
    burst: usize,
    pull: usize,
    /// N edits sent MS ms apart without waiting (cancellation under typing)
    storm: Option<(usize, u64)>,
    timeout: Duration,
    label: Option<String>,
}

fn options() -> Options {
    let mut o = Options {
        doc: "fixture".into(),
        edits: 200,
        requests: 50,
        seed: 1,
        server: Vec::new(),
        open: 0,
        during_analysis: false,
        burst: 0,
        pull: 0,
        storm: None,
        timeout: Duration::from_secs(120),
        label: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--doc" => o.doc = val(),
            "--edits" => o.edits = val().parse().expect("--edits N"),
            "--requests" => o.requests = val().parse().expect("--requests N"),
            "--seed" => o.seed = val().parse().expect("--seed N"),
            "--server" => o.server = val().split_whitespace().map(String::from).collect(),
            "--open" => o.open = val().parse().expect("--open N"),
            "--during-analysis" => o.during_analysis = true,
            "--burst" => o.burst = val().parse().expect("--burst N"),
            "--pull" => o.pull = val().parse().expect("--pull N"),
            "--storm" => {
                let v = val();
                let (n, ms) = v.split_once(',').expect("--storm N,MS");
                o.storm = Some((n.parse().expect("--storm N,MS"), ms.parse().expect("--storm N,MS")));
            }
            "--timeout" => o.timeout = Duration::from_secs(val().parse().expect("--timeout S")),
            "--label" => o.label = Some(val()),
            "-h" | "--help" => {
                println!("see the doc comment at the top of examples/lsp_latency.rs");
                std::process::exit(0);
            }
            other => panic!("unknown option {other}"),
        }
    }
    if o.server.is_empty() {
        let bin = std::env::var("NIANBAO_BIN").unwrap_or_else(|_| "target/release/nianbao".into());
        o.server = vec![bin, "lsp".into()];
    }
    o
}

/// One message from the server, stamped when it was read.
struct Incoming {
    at: Instant,
    msg: Value,
}

struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Incoming>,
    next_id: i64,
    timeout: Duration,
    /// Messages read while waiting for something else.
    backlog: Vec<Incoming>,
}

impl Client {
    fn spawn(cmd: &[String], timeout: Duration) -> Client {
        let mut child = Command::new(&cmd[0])
            .args(&cmd[1..])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        // LSP_LATENCY_TRACE=1 prints every message read, to see what a server sends
        let trace = std::env::var_os("LSP_LATENCY_TRACE").is_some();
        // The reader timestamps each message as soon as it is complete, so
        // the main thread's own work never inflates a latency.
        std::thread::spawn(move || {
            let mut r = BufReader::with_capacity(1 << 20, stdout);
            loop {
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length:") {
                        len = v.trim().parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0u8; len];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let at = Instant::now();
                let Ok(msg): Result<Value, _> = serde_json::from_slice(&body) else { continue };
                if trace {
                    let diags = msg["params"]["diagnostics"].as_array().map(Vec::len);
                    eprintln!(
                        "<- {:?} {} id={} version={} diagnostics={diags:?}",
                        at,
                        msg["method"].as_str().unwrap_or("(response)"),
                        msg["id"],
                        msg["params"]["version"]
                    );
                }
                if tx.send(Incoming { at, msg }).is_err() {
                    return;
                }
            }
        });
        Client { child, stdin, rx, next_id: 1, timeout, backlog: Vec::new() }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Writes a message; returns when the write began. (Taking the time
    /// after it would be wrong: a fast server can answer, and the reader
    /// thread stamp the answer, before this thread runs again.)
    fn send(&mut self, msg: &Value) -> Instant {
        let body = serde_json::to_vec(msg).unwrap();
        let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        out.extend_from_slice(&body);
        let start = Instant::now();
        self.stdin.write_all(&out).expect("server stdin");
        self.stdin.flush().unwrap();
        start
    }

    fn notify(&mut self, method: &str, params: Value) -> Instant {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
    }

    fn request(&mut self, method: &str, params: Value) -> (i64, Instant) {
        let id = self.next_id;
        self.next_id += 1;
        let start = self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        (id, start)
    }

    /// The next message matching `want`, answering the server's own requests
    /// on the way (configuration, registration, progress). `None` on timeout.
    fn wait(&mut self, mut want: impl FnMut(&Value) -> bool) -> Option<Incoming> {
        if let Some(i) = self.backlog.iter().position(|m| want(&m.msg)) {
            return Some(self.backlog.remove(i));
        }
        let deadline = Instant::now() + self.timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(m) => {
                    if m.msg.get("method").is_some() && m.msg.get("id").is_some() {
                        self.answer(&m.msg);
                        continue;
                    }
                    if want(&m.msg) {
                        return Some(m);
                    }
                    // keep only what someone may still wait for
                    if m.msg.get("id").is_some() || is_publish(&m.msg) {
                        self.backlog.push(m);
                        if self.backlog.len() > 10_000 {
                            self.backlog.drain(..5_000);
                        }
                    }
                }
                Err(RecvTimeoutError::Timeout) => return None,
                Err(RecvTimeoutError::Disconnected) => panic!("the server exited"),
            }
        }
    }

    fn answer(&mut self, req: &Value) {
        let result = match req["method"].as_str() {
            // our settings for our section; other servers get null (their
            // defaults), as an editor with no settings for them would send
            Some("workspace/configuration") => {
                let items = req["params"]["items"].as_array().cloned().unwrap_or_default();
                let ours = |i: &Value| i["section"].as_str().is_some_and(|s| s.starts_with("nianbao"));
                Value::Array(
                    items.iter().map(|i| if ours(i) { json!({"debounceMs": 0}) } else { Value::Null }).collect(),
                )
            }
            _ => Value::Null,
        };
        self.send(&json!({"jsonrpc": "2.0", "id": req["id"], "result": result}));
    }

    /// Time from `start` to the response of request `id`.
    fn response_time(&mut self, id: i64, start: Instant) -> Option<Duration> {
        self.wait(|m| m.get("id").and_then(Value::as_i64) == Some(id) && m.get("method").is_none())
            .map(|m| m.at.duration_since(start))
    }

    fn drain_backlog(&mut self) {
        self.backlog.clear();
        while let Ok(m) = self.rx.try_recv() {
            if m.msg.get("method").is_some() && m.msg.get("id").is_some() {
                self.answer(&m.msg);
            }
        }
    }
}

fn is_publish(m: &Value) -> bool {
    m.get("method").and_then(Value::as_str) == Some("textDocument/publishDiagnostics")
}

fn publish_for(m: &Value, uri: &str, version: Option<i64>) -> bool {
    if !is_publish(m) || m["params"]["uri"].as_str() != Some(uri) {
        return false;
    }
    match (version, m["params"]["version"].as_i64()) {
        (Some(want), Some(got)) => got >= want,
        // a server that sends no version: any publish for the document
        _ => true,
    }
}

/// What the edits type: digits, the counted words, punctuation, a space.
const TYPED: &[char] = &['1', '2', '0', '9', '年', '件', '条', '，', '。', '的', '一', '是', ' '];

/// The document as the client sees it: text plus line starts, for turning
/// byte offsets into UTF-16 positions without rescanning 50 MB per edit.
struct Doc {
    text: String,
    lines: Vec<usize>,
}

impl Doc {
    fn new(text: String) -> Doc {
        let mut lines = vec![0];
        lines.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Doc { text, lines }
    }

    fn position(&self, offset: usize) -> Value {
        let line = self.lines.partition_point(|&s| s <= offset) - 1;
        let col: usize = self.text[self.lines[line]..offset].chars().map(char::len_utf16).sum();
        json!({"line": line, "character": col})
    }

    /// Insert (or with `None`, delete the character at) `offset`; no newlines.
    fn edit(&mut self, offset: usize, insert: Option<char>) -> Value {
        let start = self.position(offset);
        let (end, delta): (Value, isize) = match insert {
            Some(c) => {
                self.text.insert(offset, c);
                (start.clone(), c.len_utf8() as isize)
            }
            None => {
                let c = self.text[offset..].chars().next().unwrap();
                let end = self.position(offset + c.len_utf8());
                self.text.replace_range(offset..offset + c.len_utf8(), "");
                (end, -(c.len_utf8() as isize))
            }
        };
        let line = self.lines.partition_point(|&s| s <= offset);
        for s in &mut self.lines[line..] {
            *s = (*s as isize + delta) as usize;
        }
        let text = insert.map(String::from).unwrap_or_default();
        json!({"range": {"start": start, "end": end}, "text": text})
    }

    /// A typist's edit: a character typed at a random place, then deleted
    /// again by the next call (`inserted` remembers where), so the text
    /// stays the document under test.
    fn type_or_undo(&mut self, inserted: &mut Option<usize>, rng: &mut common::Rng) -> Value {
        match inserted.take() {
            Some(at) => self.edit(at, None),
            None => {
                let at = self.random_place(rng);
                *inserted = Some(at);
                self.edit(at, Some(*rng.pick(TYPED)))
            }
        }
    }

    /// A random character boundary that is not a line break.
    fn random_place(&self, rng: &mut common::Rng) -> usize {
        loop {
            let mut at = rng.below(self.text.len().max(1));
            while !self.text.is_char_boundary(at) {
                at -= 1;
            }
            if !self.text[at..].starts_with(['\n', '\r']) {
                return at;
            }
        }
    }

    /// A random digit: a table cell or a number in the prose, where hover
    /// and code actions have something to say.
    fn random_digit(&self, rng: &mut common::Rng) -> usize {
        for _ in 0..1000 {
            let at = self.random_place(rng);
            if self.text[at..].starts_with(|c: char| c.is_ascii_digit()) {
                return at;
            }
        }
        self.random_place(rng)
    }
}

#[derive(Default)]
struct Samples {
    name: String,
    values: Vec<Duration>,
    timeouts: usize,
}

impl Samples {
    fn new(name: &str) -> Samples {
        Samples { name: name.into(), ..Default::default() }
    }

    fn push(&mut self, d: Option<Duration>) {
        match d {
            Some(d) => self.values.push(d),
            None => self.timeouts += 1,
        }
    }

    fn pct(sorted: &[Duration], p: f64) -> Duration {
        let i = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1;
        sorted[i]
    }

    fn row(&self) -> String {
        let mut v = self.values.clone();
        v.sort();
        let ms = |d: Duration| format!("{:.3}", d.as_secs_f64() * 1000.0);
        if v.is_empty() {
            return format!("| {} | 0 | – | – | – | – | {} |", self.name, self.timeouts);
        }
        format!(
            "| {} | {} | {} | {} | {} | {} | {} |",
            self.name,
            v.len(),
            ms(Self::pct(&v, 0.50)),
            ms(Self::pct(&v, 0.95)),
            ms(Self::pct(&v, 0.99)),
            ms(*v.last().unwrap()),
            self.timeouts
        )
    }
}

/// CPU time (user + system, all threads) a process has used so far: on a
/// shared machine it says what an edit costs when the wall clock cannot.
fn cpu_time(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // fields after the parenthesised command name; utime and stime are 14 and 15
    let after = stat.rsplit_once(')').map_or("", |(_, a)| a);
    let f: Vec<&str> = after.split_whitespace().collect();
    let field = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    // f[0] is field 3 (state); USER_HZ is 100 ticks a second on Linux
    let ticks = field(11) + field(12);
    Duration::from_millis(ticks * 10)
}

/// VmHWM and VmRSS of a process, in kB.
fn memory(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

fn main() {
    let o = options();
    let text = common::input(&o.doc)
        .unwrap_or_else(|| std::fs::read_to_string(&o.doc).unwrap_or_else(|e| panic!("--doc {}: {e}", o.doc)));
    let dir = std::env::temp_dir().join(format!("nianbao-lsp-latency-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let markdown = text.starts_with("# ");
    let path = dir.join(if markdown { "report.md" } else { "report.txt" });
    std::fs::write(&path, &text).unwrap();
    let uri = format!("file://{}", path.display());
    let language = if markdown { "markdown" } else { "plaintext" };
    let label = o.label.clone().unwrap_or_else(|| o.server.join(" "));
    eprintln!("{label}: {} ({} bytes), {} edits, seed {}", o.doc, text.len(), o.edits, o.seed);

    let mut c = Client::spawn(&o.server, o.timeout);
    let (id, t) = c.request(
        "initialize",
        json!({
            "processId": std::process::id(),
            "rootUri": format!("file://{}", dir.display()),
            "workspaceFolders": [{"uri": format!("file://{}", dir.display()), "name": "bench"}],
            // push diagnostics only: no `textDocument.diagnostic`, so servers
            // that support both push to us (unless --pull: then they must not)
            "capabilities": {
                "general": {"positionEncodings": ["utf-16"]},
                "textDocument": {
                    "diagnostic": if o.pull > 0 { json!({"dynamicRegistration": false}) } else { Value::Null },
                    "synchronization": {"dynamicRegistration": false},
                    "publishDiagnostics": {"versionSupport": true, "relatedInformation": true},
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                    "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "refactor", "source"]}}}
                },
                "workspace": {"configuration": true}
            },
            "initializationOptions": {"debounceMs": 0},
        }),
    );
    let init_msg = c
        .wait(|m| m.get("id").and_then(Value::as_i64) == Some(id) && m.get("method").is_none())
        .expect("initialize answered");
    let init = init_msg.at.duration_since(t);
    let caps = init_msg.msg["result"]["capabilities"].clone();
    // Full sync (1) servers get the whole text with every change, as an
    // editor would send them; the rest get the one-character edit.
    let sync = &caps["textDocumentSync"];
    let full_sync = sync.as_i64().or_else(|| sync["change"].as_i64()) == Some(1);
    let has = |cap: &str| caps.get(cap).is_some_and(|v| !v.is_null() && *v != Value::Bool(false));
    c.notify("initialized", json!({}));
    // settings for servers that read them from didChangeConfiguration
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"nianbao": {"debounceMs": 0}}}));

    let mut results: Vec<Samples> = Vec::new();
    let mut s = Samples::new("initialize");
    s.push(Some(init));
    results.push(s);

    // open → first diagnostics
    let mut doc = Doc::new(text);
    let mut version: i64 = 1;
    let t = c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": doc.text}}),
    );
    let mut s = Samples::new("didOpen → diagnostics");
    if o.pull > 0 {
        let (id, _) = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
        s.push(c.response_time(id, t));
    } else {
        s.push(c.wait(|m| publish_for(m, &uri, Some(version))).map(|m| m.at.duration_since(t)));
    }
    results.push(s);

    let sent = |change: Value, doc: &Doc| if full_sync { json!({"text": doc.text}) } else { change };
    let did_change = |version: i64, change: Value, doc: &Doc| json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [sent(change, doc)]});
    let mut rng = common::Rng::new(o.seed);

    if o.during_analysis {
        // Edit, then send a hover, documentSymbol or foldingRange (in turn)
        // every 20 ms until that edit's diagnostics arrive: shows whether
        // requests are answered while a long analysis runs.
        let mut hovers = Samples::new("hover while analysing");
        let mut outlines = Samples::new("documentSymbol while analysing");
        let mut folds = Samples::new("foldingRange while analysing");
        let mut turn = 0usize;
        let mut diag = Samples::new("didChange → diagnostics (while hovering)");
        for round in 0..3 {
            let at = doc.random_place(&mut rng);
            let change = doc.edit(at, Some(*rng.pick(TYPED)));
            version += 1;
            let t = c.notify("textDocument/didChange", did_change(version, change, &doc));
            let mut pending: Vec<(usize, i64, Instant)> = Vec::new();
            let done = loop {
                let pos = doc.position(doc.random_digit(&mut rng));
                let (id, start) = match turn % 3 {
                    0 => c.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": pos})),
                    1 => c.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}})),
                    _ => c.request("textDocument/foldingRange", json!({"textDocument": {"uri": uri}})),
                };
                pending.push((turn % 3, id, start));
                turn += 1;
                let v = version;
                let u = uri.clone();
                let mut got = None;
                let deadline = Instant::now() + Duration::from_millis(20);
                while Instant::now() < deadline {
                    if let Ok(m) = c.rx.recv_timeout(Duration::from_millis(2)) {
                        if m.msg.get("method").is_some() && m.msg.get("id").is_some() {
                            c.answer(&m.msg);
                        } else if publish_for(&m.msg, &u, Some(v)) {
                            got = Some(m.at);
                        } else {
                            c.backlog.push(m);
                        }
                    }
                    if got.is_some() {
                        break;
                    }
                }
                if let Some(at) = got {
                    break Some(at.duration_since(t));
                }
                if t.elapsed() > o.timeout {
                    break None;
                }
            };
            diag.push(done);
            for (kind, id, start) in pending {
                let t = c.response_time(id, start);
                [&mut hovers, &mut outlines, &mut folds][kind].push(t);
            }
            eprintln!("  round {round}: {} requests sent while analysing", turn);
        }
        results.push(diag);
        results.push(hovers);
        results.push(outlines);
        results.push(folds);
    }

    if o.burst > 0 {
        // back-to-back edits: only the last one's diagnostics matter, and a
        // server that lets newer edits supersede pending work answers it in
        // about one analysis, not `burst` of them
        let mut s = Samples::new(&format!("burst of {} edits → last diagnostics", o.burst));
        let mut publishes = 0usize;
        for _ in 0..3 {
            c.drain_backlog();
            let mut t = Instant::now();
            for _ in 0..o.burst {
                let at = doc.random_place(&mut rng);
                let change = doc.edit(at, Some(*rng.pick(TYPED)));
                version += 1;
                t = c.notify("textDocument/didChange", did_change(version, change, &doc));
            }
            let v = version;
            let u = uri.clone();
            let got = c.wait(|m| {
                let hit = publish_for(m, &u, Some(v));
                if is_publish(m) && !hit {
                    publishes += 1;
                }
                hit
            });
            s.push(got.map(|m| m.at.duration_since(t)));
        }
        s.name = format!("{} ({} stale publishes)", s.name, publishes);
        results.push(s);
    }

    if o.pull > 0 {
        // What an edit adds to a pull: the same request with and without a
        // didChange written just before it (timed from the didChange).
        let mut after_edit = Samples::new("didChange + pull → diagnostics");
        let mut settled = Samples::new("pull, no edit");
        let mut inserted: Option<usize> = None;
        let cpu_before = cpu_time(c.pid());
        for _ in 0..o.pull {
            let change = doc.type_or_undo(&mut inserted, &mut rng);
            version += 1;
            let t = c.notify("textDocument/didChange", did_change(version, change, &doc));
            let (id, _) = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
            after_edit.push(c.response_time(id, t));
            let (id, t) = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
            settled.push(c.response_time(id, t));
        }
        let cpu = (cpu_time(c.pid()) - cpu_before) / o.pull.max(1) as u32;
        eprintln!("server CPU per edit + 2 pulls: {:.2} ms", cpu.as_secs_f64() * 1000.0);
        results.push(after_edit);
        results.push(settled);
    }

    // typing faster than the analysis: every edit supersedes the one
    // before, and only the newest version's analysis should run to its end
    if let Some((n, gap)) = o.storm {
        let cpu_before = cpu_time(c.pid());
        let mut last = Instant::now();
        for _ in 0..n {
            let at = doc.random_place(&mut rng);
            let change = doc.edit(at, Some(*rng.pick(TYPED)));
            version += 1;
            last = c.notify("textDocument/didChange", did_change(version, change, &doc));
            std::thread::sleep(Duration::from_millis(gap));
        }
        let (v, u) = (version, uri.clone());
        let done = c.wait(|m| publish_for(m, &u, Some(v))).map(|m| m.at.duration_since(last));
        let cpu = cpu_time(c.pid()) - cpu_before;
        println!(
            "storm: {n} edits {gap} ms apart on {} ({} bytes): server CPU {:.2} s in all; last edit → its diagnostics {}",
            o.doc,
            doc.text.len(),
            cpu.as_secs_f64(),
            done.map_or("timed out".to_string(), |d| format!("{:.0} ms", d.as_secs_f64() * 1000.0)),
        );
    }

    // single-character edits, each waited for (pushed diagnostics)
    let mut s = Samples::new("didChange → publishDiagnostics");
    let cpu_before = cpu_time(c.pid());
    let mut inserted: Option<usize> = None;
    let edits = if o.pull > 0 { 0 } else { o.edits };
    for _ in 0..edits {
        let change = doc.type_or_undo(&mut inserted, &mut rng);
        version += 1;
        let t = c.notify("textDocument/didChange", did_change(version, change, &doc));
        let v = version;
        let u = uri.clone();
        s.push(c.wait(|m| publish_for(m, &u, Some(v))).map(|m| m.at.duration_since(t)));
    }
    let cpu_per_edit = (cpu_time(c.pid()) - cpu_before) / edits.max(1) as u32;
    results.push(s);

    // requests on the settled document
    for (name, method) in [
        ("hover", "textDocument/hover"),
        ("codeAction", "textDocument/codeAction"),
        ("formatting", "textDocument/formatting"),
    ] {
        let mut s = Samples::new(name);
        let provider = match method {
            "textDocument/hover" => "hoverProvider",
            "textDocument/codeAction" => "codeActionProvider",
            _ => "documentFormattingProvider",
        };
        if !has(provider) {
            s.name = format!("{name} (not offered)");
            results.push(s);
            continue;
        }
        for _ in 0..o.requests {
            let pos = doc.position(doc.random_digit(&mut rng));
            let params = match method {
                "textDocument/hover" => json!({"textDocument": {"uri": uri}, "position": pos}),
                "textDocument/codeAction" => json!({
                    "textDocument": {"uri": uri},
                    "range": {"start": pos, "end": pos},
                    "context": {"diagnostics": []}
                }),
                _ => json!({"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": true}}),
            };
            let (id, start) = c.request(method, params);
            s.push(c.response_time(id, start));
        }
        results.push(s);
    }

    if o.open > 0 {
        // many documents at once: the memory a workspace of reports costs
        let mut s = Samples::new(&format!("open {} more reports → all diagnostics", o.open));
        let t = Instant::now();
        let mut uris = Vec::new();
        for i in 0..o.open {
            let text = common::batch_report(i as u64 + 1);
            let u = format!("file://{}/open-{i:03}.txt", dir.display());
            c.notify(
                "textDocument/didOpen",
                json!({"textDocument": {"uri": u, "languageId": "plaintext", "version": 1, "text": text}}),
            );
            uris.push(u);
        }
        let mut ok = true;
        for u in &uris {
            let u = u.clone();
            ok &= c.wait(|m| publish_for(m, &u, Some(1))).is_some();
        }
        s.push(ok.then(|| t.elapsed()));
        results.push(s);
    }

    let (hwm, rss) = memory(c.pid());
    let (id, t) = c.request("shutdown", Value::Null);
    let _ = c.response_time(id, t);
    c.notify("exit", Value::Null);
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline && c.child.try_wait().ok().flatten().is_none() {
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = c.child.kill();
    let _ = std::fs::remove_dir_all(&dir);

    println!("\n{label} — {} ({} bytes), seed {}\n", o.doc, doc.text.len(), o.seed);
    println!("| measure | n | p50 ms | p95 ms | p99 ms | max ms | timeouts |");
    println!("|---|---|---|---|---|---|---|");
    for r in &results {
        println!("{}", r.row());
    }
    println!(
        "\nserver CPU per edit {:.2} ms (user+system, 10 ms ticks); peak RSS (VmHWM) {:.1} MiB, RSS at end {:.1} MiB",
        cpu_per_edit.as_secs_f64() * 1000.0,
        hwm as f64 / 1024.0,
        rss as f64 / 1024.0
    );
}
