//! Quote extractor throughput, also on text full of unmatched quote marks.
#![allow(missing_docs)] // criterion_group! generates an undocumented public function

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use warta::quotes::Extractor;

fn bench(c: &mut Criterion) {
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("quotes");
    let mut inputs = common::inputs();
    inputs.push((
        "10k-unmatched-marks".to_owned(),
        "“kata dia ".repeat(10_000),
    ));
    for (name, text) in inputs {
        black_box(extractor.extract(&text));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| extractor.extract(black_box(&text))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
