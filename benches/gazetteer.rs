//! Gazetteer matching throughput with the default list and with 10k / 100k generated names,
#![allow(missing_docs)] // criterion_group! generates an undocumented public function
//! plus build time of the 100k list.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use warta::gazetteer::{Gazetteer, GazetteerBuilder};

fn list(n: usize) -> Gazetteer {
    GazetteerBuilder::new()
        .with_default_list()
        .add_tsv(&common::generated_list(n))
        .expect("generated list is valid TSV")
        .build()
        .expect("generated list builds")
}

fn bench(c: &mut Criterion) {
    let (corpus, label) = common::corpus();
    let mut group = c.benchmark_group("gazetteer");
    let default = GazetteerBuilder::new()
        .with_default_list()
        .build()
        .expect("default list builds");
    for (name, text) in common::inputs() {
        black_box(default.find(&text));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("default/{name}"), |b| {
            b.iter(|| default.find(black_box(&text)))
        });
    }
    for n in [10_000, 100_000] {
        let gazetteer = list(n);
        black_box(gazetteer.find(&corpus));
        group.throughput(Throughput::Bytes(corpus.len() as u64));
        group.bench_function(format!("{n}-names/{label}"), |b| {
            b.iter(|| gazetteer.find(black_box(&corpus)))
        });
    }
    group.finish();

    let tsv = common::generated_list(100_000);
    let mut build = c.benchmark_group("gazetteer-build");
    build.sample_size(10);
    build.bench_function("100k-names", |b| {
        b.iter(|| {
            GazetteerBuilder::new()
                .add_tsv(black_box(&tsv))
                .expect("valid")
                .build()
                .expect("builds")
        })
    });
    build.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
