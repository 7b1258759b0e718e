//! Keep check: on text that is already article (one sentence or paragraph per line), every
//! line must stay article text (body, title or dateline; a credit split off a line is fine).
//! Prints each line that was turned into chrome and a summary.
//!
//! ```text
//! cargo run --release -p warta-boilerplate --example keep_check -- jsonl ../shared/data/pfsa/dev.jsonl
//! cargo run --release -p warta-boilerplate --example keep_check -- conll ../shared/data/ner/idner-dev.txt
//! ```
//! `jsonl`: one JSON object per line with a `text` field (each text classified on its own);
//! `conll`: token-per-line files (first column), sentences separated by blank lines, joined
//! into one sentence per line and classified in documents of 20 sentences.

use warta_boilerplate::{BlockKind, ChromeReason, Classifier};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, path) = match args.as_slice() {
        [m, p] => (m.as_str(), p.as_str()),
        _ => {
            eprintln!("usage: keep_check (jsonl|conll) FILE");
            std::process::exit(2);
        }
    };
    let raw = std::fs::read_to_string(path).expect("readable input file");
    let docs: Vec<String> = match mode {
        "jsonl" => raw
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
                v["text"].as_str().unwrap_or_default().to_string()
            })
            .collect(),
        "conll" => {
            let mut sentences: Vec<String> = Vec::new();
            let mut current: Vec<&str> = Vec::new();
            for l in raw.lines() {
                match l.split_whitespace().next() {
                    Some(token) => current.push(token),
                    None if !current.is_empty() => {
                        sentences.push(current.join(" "));
                        current.clear();
                    }
                    None => {}
                }
            }
            if !current.is_empty() {
                sentences.push(current.join(" "));
            }
            sentences.chunks(20).map(|c| c.join("\n")).collect()
        }
        _ => {
            eprintln!("mode must be jsonl or conll");
            std::process::exit(2);
        }
    };
    let classifier = Classifier::new();
    let (mut lines, mut lost, mut credits, mut titles) = (0usize, 0usize, 0usize, 0usize);
    for text in &docs {
        let page = classifier.classify(text);
        let mut pos = 0;
        for line in text.split('\n') {
            let (start, end) = (pos, pos + line.len());
            pos = end + 1;
            if line.trim().is_empty() {
                continue;
            }
            lines += 1;
            let blocks: Vec<_> = page
                .blocks
                .iter()
                .filter(|b| b.span.start >= start && b.span.end <= end)
                .collect();
            let kept: usize = blocks
                .iter()
                .filter(|b| b.kind != BlockKind::Chrome)
                .map(|b| b.span.len())
                .sum();
            if blocks.iter().any(|b| b.kind == BlockKind::Title) {
                titles += 1;
            }
            if kept * 2 < line.trim().len() {
                lost += 1;
                let reason = blocks.iter().find_map(|b| b.reason);
                println!(
                    "LOST {:<13} {}",
                    reason.map_or("", ChromeReason::as_str),
                    line.chars().take(140).collect::<String>()
                );
            } else if blocks
                .iter()
                .any(|b| b.reason == Some(ChromeReason::Credit))
            {
                credits += 1;
            }
        }
    }
    println!(
        "documents {} lines {lines} lost {lost} ({:.3}%) credit-split {credits} title {titles}",
        docs.len(),
        100.0 * lost as f64 / lines.max(1) as f64
    );
}
