//! Measures extraction throughput (MB/s, one thread) on the files given as arguments, or on
//! the seed article: `cargo run --release -p warta-quotes --example throughput -- FILE...`.
//! A JSONL file (`{"text": …}` per line) counts each line's text as one document.

use std::time::Instant;

use warta_quotes::Extractor;

fn main() {
    let mut docs: Vec<String> = Vec::new();
    for path in std::env::args().skip(1) {
        let data = std::fs::read_to_string(&path).unwrap_or_default();
        if path.ends_with(".jsonl") {
            for line in data.lines() {
                if let Some(t) = json_text(line) {
                    docs.push(t);
                }
            }
        } else {
            docs.push(data);
        }
    }
    if docs.is_empty() {
        docs.push(include_str!("../../../examples/data/mistar-2024-04-28.txt").to_string());
    }
    if std::env::var_os("HOSTILE").is_some() {
        // Unmatched quote marks: the worst case for a scan that pairs marks.
        docs.push("“a ”b \"c ".repeat(20_000));
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let ex = Extractor::new();
    let mut quotes = 0;
    let rounds = (200_000_000 / bytes.max(1)).clamp(1, 10_000);
    let t = Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            quotes += ex.extract(d).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "{} docs, {:.1} MB x {rounds} rounds: {:.1} MB/s ({quotes} quotes)",
        docs.len(),
        bytes as f64 / 1e6,
        mb / secs
    );
}

/// The `text` field of a JSONL line.
fn json_text(line: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    Some(v.get("text")?.as_str()?.to_string())
}
