//! Boilerplate classifier throughput.
#![allow(missing_docs)] // criterion_group! generates an undocumented public function

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use warta::boilerplate::Classifier;

fn bench(c: &mut Criterion) {
    let classifier = Classifier::new();
    let mut group = c.benchmark_group("boilerplate");
    for (name, text) in common::inputs() {
        black_box(classifier.classify(&text));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| classifier.classify(black_box(&text))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
