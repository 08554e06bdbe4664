//! Analyses one file N times, for callgrind and perf without building the
//! front ends: `cargo build -p nianbao-core --release --example profile_loop`
//! then `valgrind --tool=callgrind target/release/examples/profile_loop FILE N`.
//! Instructions per analysis = (I_N − I_1) / (N − 1). FILE may also name a
//! generated input of benches/common (fixture, 60k, 1m, batch:N).
//! A third argument `edit` analyses as the language server does while one
//! types: each iteration inserts or removes a digit in the middle of the text
//! and analyses it with the document's paragraph memo
//! (`nianbao_core::analyze_memo`).

#[path = "../../benches/common/mod.rs"]
mod common;

use nianbao_core::Config;
use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a file");
    let iters: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let text = common::input(&path).unwrap_or_else(|| std::fs::read_to_string(&path).expect("a readable UTF-8 file"));
    let edit = args.next().is_some_and(|a| a == "edit");
    let config = Config::default();
    let mut findings = 0;
    if edit {
        let mut at = text.len() / 2;
        while !text.is_char_boundary(at) {
            at += 1;
        }
        let mut memo = nianbao_core::Memo::default();
        let mut typed = text.clone();
        for i in 0..iters {
            if i % 2 == 1 {
                typed.insert(at, '1');
            } else if i > 0 {
                typed.remove(at);
            }
            let a = nianbao_core::analyze_memo(black_box(&typed), &config, &|| false, &mut memo);
            findings = black_box(a).map_or(0, |a| a.findings.len());
        }
    } else {
        for _ in 0..iters {
            findings = black_box(nianbao_core::analyze(black_box(&text), &config)).findings.len();
        }
    }
    eprintln!("{path}: {} bytes, {findings} findings, {iters} iterations", text.len());
}
