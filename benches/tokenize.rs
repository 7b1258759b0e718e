//! Tokenizer throughput: tokens + sentences.
#![allow(missing_docs)] // criterion_group! generates an undocumented public function

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use warta::tokenize::Tokenizer;

fn bench(c: &mut Criterion) {
    let tokenizer = Tokenizer::new();
    let mut group = c.benchmark_group("tokenize");
    for (name, text) in common::inputs() {
        black_box(tokenizer.analyze(&text));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| tokenizer.analyze(black_box(&text))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
