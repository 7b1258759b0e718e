//! Reads JSONL `{id, text}` on stdin and writes `{id, quotes: [...]}` per line, using only this
//! crate, for `pfsa_eval.py --warta "cargo run -q --release -p warta-quotes --example pfsa_jsonl"`.

use std::io::{BufRead, Write};

use serde_json::{Value, json};
use warta_quotes::{Extractor, QuoteKind};

fn main() -> std::io::Result<()> {
    let ex = Extractor::new();
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        let Ok(doc) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        let text = doc["text"].as_str().unwrap_or_default();
        let quotes: Vec<Value> = ex
            .extract(text)
            .iter()
            .map(|q| {
                json!({
                    "kind": match q.kind {
                        QuoteKind::Direct => "direct",
                        QuoteKind::Indirect => "indirect",
                        QuoteKind::Mixed => "mixed",
                    },
                    "content": {"start": q.content.start, "end": q.content.end},
                    "cue": q.cue.map(|c| json!({"start": c.start, "end": c.end})),
                    "speaker": q.speaker.as_ref().map(|s| json!({
                        "start": s.span.start, "end": s.span.end,
                        "text": s.span.slice(text), "name": s.name,
                        "role": s.role, "affiliation": s.affiliation,
                    })),
                    "source": q.source,
                    "rule": q.rule,
                    "confidence": q.confidence,
                })
            })
            .collect();
        writeln!(out, "{}", json!({"id": doc["id"], "quotes": quotes}))?;
    }
    Ok(())
}
