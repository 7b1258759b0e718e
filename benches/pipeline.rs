//! The whole pipeline (boilerplate -> tokens -> entities with the default list -> quotes),
#![allow(missing_docs)] // criterion_group! generates an undocumented public function
//! and its scaling on adversarial inputs: time per byte should stay flat from 1 KB to 1 MB.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use warta::Pipeline;

fn bench(c: &mut Criterion) {
    let pipeline = Pipeline::new();
    let mut group = c.benchmark_group("pipeline");
    for (name, text) in common::inputs() {
        black_box(pipeline.analyze(&text));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| pipeline.analyze(black_box(&text))));
    }
    group.finish();

    let mut scaling = c.benchmark_group("pipeline-scaling");
    scaling.sample_size(10);
    let shapes: [(&str, Shape); 4] = [
        ("article", |n| repeat_to(common::SEED, n)),
        ("unmatched-quotes", |n| repeat_to("“kata ", n)),
        ("one-line", |n| {
            repeat_to("kata Presiden Joko Widodo di Jakarta ", n)
        }),
        ("short-lines", |n| repeat_to("Baca\n", n)),
    ];
    for (shape, make) in shapes {
        for size in [1 << 10, 1 << 20] {
            let text = make(size);
            scaling.throughput(Throughput::Bytes(text.len() as u64));
            scaling.bench_function(format!("{shape}/{size}"), |b| {
                b.iter(|| pipeline.analyze(black_box(&text)))
            });
        }
    }
    scaling.finish();
}

/// Makes an input of at least the given number of bytes.
type Shape = fn(usize) -> String;

/// `unit` repeated until the text is at least `n` bytes.
fn repeat_to(unit: &str, n: usize) -> String {
    unit.repeat(n.div_ceil(unit.len()))
}

criterion_group!(benches, bench);
criterion_main!(benches);
