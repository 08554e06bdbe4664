//! Scaling benches (issue 10, item 4): every generated shape of
//! `examples/scaling/shapes.rs` at 100 KB and 1 MB, analysed and every
//! finding's position converted through `LineIndex` as both CLI output
//! formats do. `cargo bench --bench scaling [-- FILTER]`. The 10 MB points
//! and the CLI's own formatting are measured by
//! `cargo run --release --example scaling` (criterion's sampling at 10 MB
//! would take most of an hour on the shared 2-core machine).

#[path = "../examples/scaling/shapes.rs"]
mod shapes;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use nianbao_core::{ColumnUnit, Config, LineIndex};
use std::hint::black_box;
use std::time::Duration;

fn scaling(c: &mut Criterion) {
    let config = Config::default();
    for (name, make) in shapes::SHAPES {
        let mut g = c.benchmark_group(format!("scaling/{name}"));
        g.sample_size(10).measurement_time(Duration::from_secs(3));
        for size in [100_000, 1_000_000] {
            let text = make(size);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
                b.iter(|| {
                    let a = nianbao_core::analyze(black_box(text), &config);
                    let idx = LineIndex::new(text);
                    a.findings
                        .iter()
                        .map(|f| {
                            let (l, c) = idx.position(text, f.span.start, ColumnUnit::Scalar);
                            let (el, ec) = idx.position(text, f.span.end, ColumnUnit::Scalar);
                            l + c + el + ec
                        })
                        .sum::<usize>()
                })
            });
        }
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1));
    targets = scaling
}
criterion_main!(benches);
