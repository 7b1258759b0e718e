//! Measurement tool: build time, memory and matching throughput of large gazetteers.
//!
//! ```text
//! cargo run --release -p warta-gazetteer --example gazetteer_scale -- CORPUS.jsonl [N ...]
//! ```
//!
//! `CORPUS.jsonl` holds one JSON object per line with a `"text"` field (news articles, e.g.
//! `../shared/data/pfsa/dev.jsonl`); it is the text matched. For each size `N` (default
//! `10000 100000 1000000`) a list of `N` entities is built (all synthetic with `--synthetic`,
//! the few real matches then come from the default list mix): half are capitalised 1–3 word
//! sequences taken from the corpus itself, not sentence-initial (so many of them match), the rest are synthetic
//! Indonesian-looking names; every entity has one alias (the name plus a synthetic word), and
//! the embedded default list is added too.
//! Prints build time, the matcher's own estimate of its heap size, the process peak RSS
//! (`VmHWM`, Linux), the number of mentions per pass and the throughput on one thread, per CPU
//! second over at least 2 s of passes (robust on a busy machine) and for the best pass by
//! the wall clock. Two calibration lines first give the speed of plain `std` passes over the
//! same text on the same machine at the same time (`str::to_lowercase`,
//! `split_whitespace().count()`), to read the figures on a busy or slow machine.

use std::time::Instant;

use warta_gazetteer::{Entity, GazetteerBuilder};

mod common;
use common::thread_cpu_seconds;

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A deterministic xorshift generator (no extra dependency).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const SYLLABLES: &[&str] = &[
    "ba", "di", "ka", "ri", "su", "wa", "to", "ng", "sa", "ma", "ra", "ju", "ha", "ni", "pu", "le",
    "go", "an", "ti", "yo", "ke", "la", "mi", "do", "ar", "se", "no", "wi", "hu", "pe",
];

fn synthetic_word(rng: &mut Rng) -> String {
    let n = 2 + rng.below(3);
    let mut w = String::new();
    for _ in 0..n {
        w.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
    }
    let mut c = w.chars();
    let first = c.next().map(|f| f.to_ascii_uppercase()).unwrap_or('X');
    std::iter::once(first).chain(c).collect()
}

/// Capitalised 1–3 word sequences of the corpus that do not open a sentence (proper names,
/// not sentence-initial function words).
fn corpus_names(texts: &[String], limit: usize) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for t in texts {
        for line in t.lines() {
            let raw: Vec<&str> = line.split_whitespace().collect();
            for i in 1..raw.len() {
                if raw[i - 1].ends_with(['.', '!', '?', ':', '"', '\u{201D}'])
                    || raw[i].starts_with(['"', '\u{201C}', '('])
                {
                    continue;
                }
                let mut name: Vec<&str> = Vec::new();
                for w in &raw[i..raw.len().min(i + 3)] {
                    let word = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                    if !word.chars().next().is_some_and(char::is_uppercase) {
                        break;
                    }
                    name.push(word);
                    let joined = name.join(" ");
                    if seen.insert(joined.clone()) {
                        out.push(joined);
                        if out.len() >= limit {
                            return out;
                        }
                    }
                    if word.len() != w.len() {
                        break;
                    }
                }
            }
        }
    }
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(corpus) = args.next() else {
        eprintln!("usage: gazetteer_scale CORPUS.jsonl [--synthetic] [N ...]");
        std::process::exit(2);
    };
    let rest: Vec<String> = args.collect();
    let synthetic = rest.iter().any(|a| a == "--synthetic");
    let sizes: Vec<usize> = {
        let s: Vec<usize> = rest.iter().filter_map(|a| a.parse().ok()).collect();
        if s.is_empty() {
            vec![10_000, 100_000, 1_000_000]
        } else {
            s
        }
    };
    let raw = std::fs::read_to_string(&corpus).expect("read the corpus");
    let texts: Vec<String> = raw
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(String::from))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "corpus: {} documents, {:.2} MB",
        texts.len(),
        bytes as f64 / 1e6
    );
    // Calibration on the same machine: how fast plain std text passes run right now.
    for (what, f) in [
        (
            "str::to_lowercase",
            (|t: &str| t.to_lowercase().len()) as fn(&str) -> usize,
        ),
        ("str::split_whitespace().count()", |t: &str| {
            t.split_whitespace().count()
        }),
    ] {
        let (mut passes, cpu0, mut sink) = (0, thread_cpu_seconds(), 0);
        while passes < 3 || thread_cpu_seconds() - cpu0 < 1.0 {
            sink += texts.iter().map(|t| f(t)).sum::<usize>();
            passes += 1;
        }
        let cpu = (thread_cpu_seconds() - cpu0) / passes as f64;
        println!(
            "calibration: {what} {:.1} MB/s per CPU second ({sink} units)",
            bytes as f64 / 1e6 / cpu
        );
    }
    let types = ["PER", "ORG", "LOC", "GPE"];
    for n in sizes {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ n as u64);
        let mut names = if synthetic {
            Vec::new()
        } else {
            corpus_names(&texts, n / 2)
        };
        while names.len() < n {
            let words = 1 + rng.below(3);
            let name: Vec<String> = (0..words).map(|_| synthetic_word(&mut rng)).collect();
            names.push(name.join(" "));
        }
        let mut builder = GazetteerBuilder::new().with_default_list();
        for (i, name) in names.iter().enumerate() {
            let t = types[i % types.len()];
            let alias = format!("{} {}", name, synthetic_word(&mut rng));
            builder =
                builder.add(Entity::new(format!("{t}:{i}"), t, name.as_str()).with_alias(alias));
        }
        let t0 = Instant::now();
        let gaz = builder.build().expect("build");
        let build = t0.elapsed();
        // Passes until 2 s of CPU time: throughput per CPU second (the wall clock is
        // unreliable on a shared machine) and per wall second of the best pass.
        let mut found = 0;
        let mut best = f64::INFINITY;
        let (mut passes, cpu0) = (0, thread_cpu_seconds());
        while passes < 3 || thread_cpu_seconds() - cpu0 < 2.0 {
            let t0 = Instant::now();
            found = 0;
            for t in &texts {
                found += gaz.find(t).len();
            }
            best = best.min(t0.elapsed().as_secs_f64());
            passes += 1;
        }
        let cpu = (thread_cpu_seconds() - cpu0) / passes as f64;
        println!(
            "names {n:>8}: aliases {:>8}, build {:>7.2} s, matcher heap {:>7.1} MB, peak RSS {:>7.1} MB, mentions {found}, throughput {:>6.1} MB/s per CPU second ({:.1} MB/s best wall-clock pass)",
            gaz.alias_count(),
            build.as_secs_f64(),
            gaz.memory_usage() as f64 / 1e6,
            peak_rss_kib().unwrap_or(0) as f64 / 1024.0,
            bytes as f64 / 1e6 / cpu,
            bytes as f64 / 1e6 / best
        );
    }
}
