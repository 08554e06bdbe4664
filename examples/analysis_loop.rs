//! Runs one analysis stage in a loop, for profilers and instruction counts:
//! timing on a shared machine is noisy, `perf stat -e instructions:u` is not.
//!
//! ```text
//! cargo build --release --example analysis_loop
//! perf stat -e instructions:u target/release/examples/analysis_loop fixture 1000 analyze
//! perf record --call-graph dwarf target/release/examples/analysis_loop 1m 50 check
//! ```

#[path = "../benches/common/mod.rs"]
mod common;

use nianbao_core::{Config, Report};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let name = args.first().map_or("fixture", String::as_str);
    let iters: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1000);
    let stage = args.get(2).map_or("analyze", String::as_str);
    let text = common::input(name).unwrap_or_else(|| std::fs::read_to_string(name).expect("an input name or a file"));
    let config = Config::default();
    let report = Report::build(&text, &config);
    let t = Instant::now();
    for _ in 0..iters {
        match stage {
            "parse" => drop(black_box(nianbao_core::syntax::parse(black_box(&text)))),
            "model" => drop(black_box(Report::build(black_box(&text), &config))),
            "check" => drop(black_box(nianbao_core::check::run(black_box(&text), &report, &config))),
            _ => drop(black_box(nianbao_core::analyze(black_box(&text), &config))),
        }
    }
    let per = t.elapsed() / iters as u32;
    eprintln!("{name} {stage}: {} bytes, {iters} iterations, {per:?} each", text.len());
}
