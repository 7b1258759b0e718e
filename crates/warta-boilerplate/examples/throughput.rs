//! Throughput of the classifier in CPU time (robust on a shared machine, unlike wall time).
//!
//! ```text
//! cargo run --release -p warta-boilerplate --example throughput -- FILE.jsonl [FILE.jsonl …]
//! ```
//! Each file holds JSON lines with a `text` field. Reported per file: the texts classified one
//! by one (`docs`) and all joined into one text (`joined`), in MB of input per CPU second
//! (Linux: user + system time of this process from `/proc/self/stat`).

use std::hint::black_box;
use warta_boilerplate::Classifier;

/// User + system CPU seconds of this process.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn measure(classifier: &Classifier, docs: &[String]) -> f64 {
    let bytes: usize = docs.iter().map(String::len).sum();
    let start = cpu_seconds();
    let mut rounds = 0usize;
    while cpu_seconds() - start < 3.0 {
        for d in docs {
            black_box(classifier.classify(black_box(d)));
        }
        rounds += 1;
    }
    (bytes * rounds) as f64 / (cpu_seconds() - start) / 1e6
}

fn main() {
    let classifier = Classifier::new();
    for path in std::env::args().skip(1) {
        let raw = std::fs::read_to_string(&path).expect("readable file");
        let docs: Vec<String> = raw
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect();
        let joined = vec![docs.join("\n\n")];
        println!(
            "{path}: docs {:.0} MB/s, joined {:.0} MB/s",
            measure(&classifier, &docs),
            measure(&classifier, &joined)
        );
    }
}
