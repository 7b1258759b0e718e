//! Measurement tool: throughput of document-level linking ([`link_document`]) on real news.
//!
//! ```text
//! cargo run --release -p warta-gazetteer --example link_speed -- CORPUS.jsonl [--reps N]
//! ```
//!
//! `CORPUS.jsonl` holds one JSON object per line with a `"text"` field and, optionally, a
//! `"spans"` array of `{"label", "start", "end"}` objects (the PFSA annotation format of
//! `../shared/data/pfsa/dev.jsonl`, where `start`/`end` are byte offsets into the text). Each text is
//! linked as the pipeline does it: its non-blank lines are the regions, the mentions are the
//! default list's matches in them, and the persons are the `PERSON` spans (standing in for
//! the quote stage's speakers). Only `link_document` is timed: the median over `--reps`
//! passes (default 7) of one pass over every document, in MB/s of text and per CPU second.
//! A checksum of the linked mentions lets two builds be compared for identical output.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Instant;

use serde_json::Value;
use warta_gazetteer::{GazetteerBuilder, Mention, PersonName, Span, link_document};

mod common;
use common::thread_cpu_seconds;

/// One document ready for linking.
struct Doc {
    text: String,
    regions: Vec<Span>,
    mentions: Vec<Mention>,
    persons: Vec<PersonName>,
}

/// Non-blank lines without their surrounding whitespace.
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at + (line.len() - line.trim_start().len());
        let end = at + line.trim_end().len();
        if start < end {
            out.push(Span::new(start, end));
        }
        at += line.len();
    }
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut reps = 7;
    while let Some(a) = args.next() {
        if a == "--reps" {
            reps = args.next().and_then(|v| v.parse().ok()).unwrap_or(reps);
        } else {
            path = Some(a);
        }
    }
    let Some(path) = path else {
        eprintln!("usage: link_speed CORPUS.jsonl [--reps N]");
        std::process::exit(2);
    };
    let corpus = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2);
    });
    let gaz = GazetteerBuilder::new()
        .with_default_list()
        .build()
        .expect("the default list builds");
    let mut docs = Vec::new();
    for line in corpus.lines() {
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let Some(text) = v["text"].as_str() else {
            continue;
        };
        let at = |v: &Value| v.as_u64().and_then(|b| usize::try_from(b).ok());
        let persons = v["spans"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|s| s["label"] == "PERSON")
            .filter_map(|s| {
                let span = Span::new(at(&s["start"])?, at(&s["end"])?);
                let name = text.get(span.start..span.end)?.to_owned();
                Some(PersonName { span, name })
            })
            .collect();
        let regions = lines(text);
        let mentions = regions.iter().flat_map(|&r| gaz.find_in(text, r)).collect();
        docs.push(Doc {
            text: text.to_owned(),
            regions,
            mentions,
            persons,
        });
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut checksum = DefaultHasher::new();
    let mut count = 0;
    for d in &docs {
        for m in link_document(&d.text, &d.regions, d.mentions.clone(), &d.persons) {
            (m.span.start, m.span.end, &*m.id, &*m.canonical, &*m.alias).hash(&mut checksum);
            count += 1;
        }
    }
    // The inputs of every pass are copied beforehand: only linking is timed.
    let mut inputs: Vec<Vec<Vec<Mention>>> = (0..reps.max(1))
        .map(|_| docs.iter().map(|d| d.mentions.clone()).collect())
        .collect();
    let mut rates = Vec::new();
    let cpu_start = thread_cpu_seconds();
    let wall_start = Instant::now();
    for inputs in inputs.drain(..) {
        let start = Instant::now();
        for (d, mentions) in docs.iter().zip(inputs) {
            std::hint::black_box(link_document(&d.text, &d.regions, mentions, &d.persons));
        }
        rates.push(bytes as f64 / start.elapsed().as_secs_f64() / 1e6);
    }
    let wall = wall_start.elapsed().as_secs_f64();
    let cpu = thread_cpu_seconds() - cpu_start;
    rates.sort_by(f64::total_cmp);
    println!(
        "{} documents, {bytes} bytes, {count} mentions after linking, checksum {:016x}",
        docs.len(),
        checksum.finish()
    );
    println!(
        "link_document: {:.1} MB/s median of {} passes, {:.1} MB/s per CPU second ({:.0}% CPU)",
        rates[rates.len() / 2],
        rates.len(),
        (bytes * rates.len()) as f64 / cpu.max(0.01) / 1e6,
        100.0 * cpu / wall
    );
}
