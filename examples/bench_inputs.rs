//! Writes the benchmark inputs to disk, deterministically.
//!
//! ```text
//! cargo run --release --example bench_inputs -- batch DIR [COUNT]   # COUNT reports (default 10000)
//! cargo run --release --example bench_inputs -- write NAME FILE     # fixture | 60k | 1m | 50m | batch:N
//! cargo run --release --example bench_inputs -- findings NAME       # what the checker says about it
//! ```

#[path = "../benches/common/mod.rs"]
mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str);
    match (arg(0), arg(1), arg(2)) {
        (Some("batch"), Some(dir), count) => {
            let count: u64 = count.and_then(|c| c.parse().ok()).unwrap_or(10_000);
            let dir = Path::new(dir);
            std::fs::create_dir_all(dir).expect("create the output directory");
            let mut bytes = 0usize;
            for i in 0..count {
                let text = common::batch_report(i);
                let ext = if text.starts_with("# ") { "md" } else { "txt" };
                // a few levels of folders, as a province's archive would be
                let path = dir.join(format!("{:02}", i % 37)).join(format!("report-{i:05}.{ext}"));
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &text).expect("write a report");
                bytes += text.len();
            }
            println!("{count} reports, {bytes} bytes, in {}", dir.display());
            ExitCode::SUCCESS
        }
        (Some("write"), Some(name), Some(file)) => match common::input(name) {
            Some(text) => {
                std::fs::write(file, &text).expect("write the input");
                println!("{name}: {} bytes → {file}", text.len());
                ExitCode::SUCCESS
            }
            None => usage(),
        },
        (Some("findings"), Some(name), _) => {
            let Some(text) = common::input(name) else { return usage() };
            let a = nianbao_core::analyze(&text, &nianbao_core::Config::default());
            let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
            for f in &a.findings {
                *by_rule.entry(f.rule).or_default() += 1;
            }
            println!("{name}: {} bytes, {} findings", text.len(), a.findings.len());
            for (rule, n) in by_rule {
                println!("  {n:5}  {rule}");
            }
            ExitCode::SUCCESS
        }
        _ => usage(),
    }
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: bench_inputs batch DIR [COUNT] | write NAME FILE | findings NAME   (NAME: fixture, 60k, 1m, 50m, batch:N)"
    );
    ExitCode::from(2)
}
