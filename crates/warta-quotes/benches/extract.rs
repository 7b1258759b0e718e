//! `Extractor::extract` throughput (`Throughput::Bytes`) on the PFSA-ID Kompas texts of
//! `../shared/data/pfsa/dev.jsonl` (beside the checkout) joined with blank lines, else on a
//! built-in news paragraph repeated to 2 MB; also on 10 000 unmatched quote marks and on one
//! 1 MB line.
//!
//! ```text
//! cargo bench -p warta-quotes --bench extract
//! ```
#![allow(missing_docs)] // criterion_group! generates an undocumented public function

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use warta_quotes::Extractor;

const FALLBACK: &str = "JAKARTA, KOMPAS.com — Menteri Kesehatan Budi Gunadi Sadikin mengatakan \
stok vaksin cukup hingga akhir tahun. “Kami sudah menyiapkan distribusi ke seluruh provinsi,” \
kata Budi di Jakarta, Senin (6/4/2020).\nMenurut dia, pemerintah daerah perlu mempercepat \
vaksinasi. ”Jangan menunggu,” ujarnya.\nHarga cabai di pasar tradisional naik sejak pekan lalu.\n\n";

fn corpus() -> (String, &'static str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/pfsa/dev.jsonl");
    if let Ok(data) = std::fs::read_to_string(&path) {
        let mut text = String::with_capacity(data.len());
        for line in data.lines() {
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(line)
                && let Some(t) = value.get("text").and_then(|t| t.as_str())
            {
                text.push_str(t);
                text.push_str("\n\n");
            }
        }
        if !text.is_empty() {
            return (text, "pfsa-dev");
        }
    }
    (FALLBACK.repeat((2 << 20) / FALLBACK.len()), "fallback")
}

fn bench(c: &mut Criterion) {
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("extract");
    let (text, label) = corpus();
    let inputs = [
        (label, text),
        ("10k-unmatched-marks", "“kata dia ".repeat(10_000)),
        (
            "1MB-line",
            FALLBACK
                .replace('\n', " ")
                .repeat((1 << 20) / FALLBACK.len()),
        ),
    ];
    for (name, text) in inputs {
        black_box(extractor.extract(&text));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| extractor.extract(black_box(&text))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
