//! Criterion benches of every stage of the analysis on three inputs: the real
//! fixture draft (5.7 KB), a generated provincial report (60 KB) and a
//! generated 1 MB draft. `cargo bench --bench analysis [-- FILTER]`.

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use nianbao_core::fix::skeleton;
use nianbao_core::syntax::TableStyle;
use nianbao_core::{Config, Report};
use std::hint::black_box;
use std::time::Duration;

fn inputs() -> Vec<(&'static str, String)> {
    ["fixture", "60k", "1m"].iter().map(|n| (*n, common::input(n).expect("known input"))).collect()
}

fn stages(c: &mut Criterion) {
    let config = Config::default();
    for (name, text) in inputs() {
        let mut g = c.benchmark_group(format!("analysis/{name}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() > 100_000 {
            // 1 MB stages take milliseconds: fewer samples keep a run under a
            // minute on the shared 2-core machine without losing the median
            g.sample_size(20).measurement_time(Duration::from_secs(8));
        }
        let report = Report::build(&text, &config);
        g.bench_function("parse", |b| b.iter(|| nianbao_core::syntax::parse(black_box(&text))));
        g.bench_function("model", |b| b.iter(|| Report::build(black_box(&text), &config)));
        g.bench_function("check", |b| b.iter(|| nianbao_core::check::run(black_box(&text), &report, &config)));
        g.bench_function("analyze", |b| b.iter(|| nianbao_core::analyze(black_box(&text), &config)));
        g.finish();
    }
}

fn skeletons(c: &mut Criterion) {
    let mut g = c.benchmark_group("skeleton");
    for (name, style) in [("tsv", TableStyle::Tsv), ("markdown", TableStyle::Markdown)] {
        g.bench_with_input(BenchmarkId::from_parameter(name), &style, |b, &style| {
            b.iter(|| skeleton::report(black_box(2025), Some("青山镇人民政府"), style))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    targets = stages, skeletons
}
criterion_main!(benches);
