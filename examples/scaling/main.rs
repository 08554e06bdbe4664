//! Scaling measurement (issue 10, item 4): every shape of `shapes.rs` at
//! 100 KB, 1 MB and 10 MB, timed four ways — `nianbao_core::analyze` in this
//! process (repeated, so later runs reuse the heap the first one grew: at
//! 1 MB glibc keeps it, at 10 MB its big vectors are mapped afresh each
//! time), the same single analysis in a fresh process of its own (every
//! size pays its first touches of memory, as a `check` run does), and the
//! release binary's `check --format human` and
//! `--format json` on the file (the formatting converts every finding's
//! position through `LineIndex` and, in human output, draws a snippet; that
//! code lives in the binary, so the binary is what is timed). Prints a
//! Markdown table with the growth exponents log(t1M/t100K)/log 10 and
//! log(t10M/t1M)/log 10: 1.0 is linear, 2.0 quadratic.
//!
//! ```sh
//! cargo build --release && cargo run --release --example scaling [-- SHAPE…] [--sizes 100k,1m]
//! ```
//!
//! `--write DIR` writes each selected shape at each size to DIR
//! (`SHAPE-SIZE.txt`) and exits, for `perf` and `core/examples/profile_loop`.
//!
//! Criterion would take minutes per 10 MB point on a shared 2-core machine;
//! `cargo bench --bench scaling` covers 100 KB and 1 MB with spread.

mod shapes;

use nianbao_core::Config;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A 1 MB time above this means the shape is already far from linear; its
/// 10 MB point would take many minutes and is not measured.
const SKIP_10M_AFTER: Duration = Duration::from_secs(30);

fn main() {
    let mut sizes = vec![100_000usize, 1_000_000, 10_000_000];
    let mut only = Vec::new();
    let mut write_to = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--analyze-once" {
            // the child of the "own process" row: one analysis, its time on stdout
            let text = std::fs::read_to_string(args.next().expect("--analyze-once FILE")).expect("read shape");
            let start = Instant::now();
            let a = nianbao_core::analyze(&text, &Config::default());
            println!("{}", start.elapsed().as_nanos());
            std::hint::black_box(a);
            return;
        }
        if a == "--sizes" {
            let list = args.next().expect("--sizes 100k,1m,10m");
            sizes = list.split(',').map(parse_size).collect();
        } else if a == "--write" {
            write_to = Some(PathBuf::from(args.next().expect("--write DIR")));
        } else {
            only.push(a);
        }
    }
    let selected = |name: &str| only.is_empty() || only.iter().any(|o| name.contains(o.as_str()));
    if let Some(dir) = write_to {
        std::fs::create_dir_all(&dir).expect("the --write directory");
        for (name, make) in shapes::SHAPES.iter().filter(|(name, _)| selected(name)) {
            for &size in &sizes {
                let file = dir.join(format!("{name}-{}.txt", label(size).replace(' ', "")));
                std::fs::write(&file, make(size)).expect("write shape");
            }
        }
        return;
    }
    // target/release/examples/scaling → target/release/nianbao
    let exe = std::env::current_exe().expect("own path");
    let bin: PathBuf = exe.parent().and_then(|p| p.parent()).expect("target dir").join("nianbao");
    assert!(bin.exists(), "{} not built: run `cargo build --release` first", bin.display());
    let dir = std::env::temp_dir().join(format!("nianbao-scaling-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");

    let config = Config::default();
    println!(
        "| shape | measured | {} | exponent 100 KB→1 MB | exponent 1 MB→10 MB |",
        sizes.iter().map(|s| label(*s)).collect::<Vec<_>>().join(" | ")
    );
    println!("|---|---|{}---|---|", "---|".repeat(sizes.len()));
    let mut worst: f64 = 0.0;
    for (name, make) in shapes::SHAPES {
        if !selected(name) {
            continue;
        }
        let mut rows: [(&str, Vec<Option<Duration>>); 4] = [
            ("analyze", Vec::new()),
            ("analyze, own process", Vec::new()),
            ("cli human", Vec::new()),
            ("cli json", Vec::new()),
        ];
        let mut findings = Vec::new();
        for &size in &sizes {
            let text = make(size);
            let file = dir.join(format!("{name}.txt"));
            std::fs::write(&file, &text).expect("write shape");
            for (mode, times) in rows.iter_mut() {
                if size >= 10_000_000 && times.last().copied().flatten().is_none_or(|t| t > SKIP_10M_AFTER) {
                    times.push(None);
                    continue;
                }
                let t = match *mode {
                    "analyze" => best(|| {
                        let a = nianbao_core::analyze(&text, &config);
                        if findings.len() < times.len() + 1 {
                            findings.push(a.findings.len());
                        }
                    }),
                    "analyze, own process" => best_of_children(&exe, &file),
                    m => best(|| cli(&bin, &file, if m == "cli human" { "human" } else { "json" })),
                };
                times.push(Some(t));
            }
        }
        for (mode, times) in &rows {
            let cells: Vec<String> =
                times.iter().map(|t| t.map_or("skipped".into(), |t| format!("{:.3} s", t.as_secs_f64()))).collect();
            let exps: Vec<String> = times
                .windows(2)
                .zip(sizes.windows(2))
                .map(|(t, s)| match (t[0], t[1]) {
                    (Some(a), Some(b)) => {
                        let e = (b.as_secs_f64() / a.as_secs_f64()).ln() / (s[1] as f64 / s[0] as f64).ln();
                        worst = worst.max(e);
                        format!("{e:.2}")
                    }
                    _ => "–".into(),
                })
                .collect();
            let mut exps = exps;
            exps.resize(2, "–".into());
            println!("| {name} | {mode} | {} | {} |", cells.join(" | "), exps.join(" | "));
        }
        eprintln!("{name}: findings per size {findings:?}");
    }
    println!("\nworst exponent: {worst:.2}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The fastest of three runs after one untimed warm-up: the least disturbed
/// by other work on a shared machine. The same number of runs at every size:
/// a minimum over more samples is lower, so fewer runs at 10 MB than at
/// 100 KB biased every exponent upwards; the warm-up takes the first touches
/// of memory and of the file cache out of the timed runs.
fn best(mut f: impl FnMut()) -> Duration {
    f();
    (0..3)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .expect("at least one run")
}

/// The fastest of three single analyses, each in a fresh process (after one
/// untimed, for the file cache), as the child reports it: process start and
/// reading the file are not in it.
fn best_of_children(exe: &PathBuf, file: &PathBuf) -> Duration {
    let once = || {
        let out = Command::new(exe).arg("--analyze-once").arg(file).stderr(Stdio::null()).output().expect("run child");
        assert!(out.status.success(), "analysis of {} failed: {}", file.display(), out.status);
        let nanos: u64 = String::from_utf8_lossy(&out.stdout).trim().parse().expect("the child's time");
        Duration::from_nanos(nanos)
    };
    once();
    (0..3).map(|_| once()).min().expect("at least one run")
}

fn cli(bin: &PathBuf, file: &PathBuf, format: &str) {
    let status = Command::new(bin)
        .args(["check", "--format", format])
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run nianbao");
    // 0: clean, 1: findings; anything else is a failure to check
    assert!(matches!(status.code(), Some(0 | 1)), "nianbao check failed on {}: {status}", file.display());
}

fn parse_size(s: &str) -> usize {
    let s = s.to_ascii_lowercase();
    let (n, mul) = if let Some(n) = s.strip_suffix("m") {
        (n, 1_000_000)
    } else if let Some(n) = s.strip_suffix("k") {
        (n, 1_000)
    } else {
        (s.as_str(), 1)
    };
    n.parse::<usize>().expect("size like 100k or 1m") * mul
}

fn label(size: usize) -> String {
    if size >= 1_000_000 { format!("{} MB", size / 1_000_000) } else { format!("{} KB", size / 1_000) }
}
