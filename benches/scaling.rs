//! Per-stage scaling on adversarial inputs: each stage on inputs of 100 KB and 1 MB of the same
//! shape. With `Throughput::Bytes`, linear time shows as the same MB/s at both sizes; the issue's
//! bar is 10x the input for at most 11x the time. Shapes: floods of quote marks, unclosed
//! quotes, many short lines, a long line without break, many quoted paragraphs with named
//! speakers (document-level linking of persons), dense entity mentions, runs of abbreviations.

#![allow(missing_docs)] // criterion_group! generates an undocumented public function

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use warta::Pipeline;
use warta::boilerplate::Classifier;
use warta::gazetteer::{self, GazetteerBuilder, PersonName};
use warta::quotes::Extractor;
use warta::tokenize::Tokenizer;
use warta::{Span, tokenize::conllu};

/// The adversarial shapes: a name and the unit repeated to the wanted size.
const SHAPES: &[(&str, &str)] = &[
    ("quote-flood", "“”\"«»‘’'„"),
    ("unclosed-quotes", "“kata "),
    ("short-lines", "Baca\n"),
    ("long-line", "kata Presiden Joko Widodo di Jakarta, "),
    (
        "quoted-paragraphs",
        "“Kami siap bekerja lebih keras,” kata Menteri Budi Santoso di Jakarta.\n\n",
    ),
    (
        "dense-entities",
        "Korea Selatan, AS, Jakarta, Indonesia, PBB, KPK dan Jawa Barat. ",
    ),
    ("abbreviations", "Dr. H. Jl. No. S.H., M.H. dll. "),
];

/// The two sizes compared (bytes).
const SIZES: [usize; 2] = [100 << 10, 1 << 20];

/// `unit` repeated until the text has at least `n` bytes.
fn repeat_to(unit: &str, n: usize) -> String {
    unit.repeat(n.div_ceil(unit.len()))
}

/// Capitalised word pairs of `text`, as the persons handed to document-level linking.
fn persons(text: &str) -> Vec<PersonName> {
    let mut out = Vec::new();
    let mut last: Option<(usize, usize)> = None;
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let capital = text[s..].starts_with(|c: char| c.is_uppercase());
                match last {
                    Some((a, b)) if capital && b + 1 == s => {
                        let span = Span::new(a, i);
                        out.push(PersonName {
                            span,
                            name: span.slice(text).to_owned(),
                        });
                        last = None;
                    }
                    _ => last = capital.then_some((s, i)),
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let tokenizer = Tokenizer::new();
    let classifier = Classifier::new();
    let gazetteer = GazetteerBuilder::new()
        .with_default_list()
        .build()
        .expect("the default list builds");
    let extractor = Extractor::new();
    let pipeline = Pipeline::new();
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    for &(shape, unit) in SHAPES {
        for size in SIZES {
            let text = repeat_to(unit, size);
            let whole = [Span::new(0, text.len())];
            let people = persons(&text);
            let mentions = gazetteer.find(&text);
            group.throughput(Throughput::Bytes(text.len() as u64));
            let id = |stage: &str| format!("{stage}/{shape}/{size}");
            group.bench_function(id("tokenize"), |b| {
                b.iter(|| tokenizer.analyze(black_box(&text)))
            });
            let analysis = tokenizer.analyze(&text);
            group.bench_function(id("conllu"), |b| {
                b.iter(|| {
                    let mut out = String::new();
                    conllu::write(&text, black_box(&analysis), &mut out);
                    out
                })
            });
            group.bench_function(id("boilerplate"), |b| {
                b.iter(|| classifier.classify(black_box(&text)))
            });
            group.bench_function(id("gazetteer"), |b| {
                b.iter(|| gazetteer.find(black_box(&text)))
            });
            group.bench_function(id("link"), |b| {
                b.iter(|| gazetteer::link_document(&text, &whole, mentions.clone(), &people))
            });
            group.bench_function(id("quotes"), |b| {
                b.iter(|| extractor.extract(black_box(&text)))
            });
            group.bench_function(id("pipeline"), |b| {
                b.iter(|| pipeline.analyze(black_box(&text)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
