//! The whole pipeline on an article: blocks, metadata, entities and who said what.
//!
//! ```text
//! cargo run --example pipeline [FILE]
//! ```
//! Without FILE it analyses the seed article `examples/data/mistar-2024-04-28.txt`.

use warta::Pipeline;

const SEED: &str = include_str!("data/mistar-2024-04-28.txt");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?,
        None => SEED.to_owned(),
    };
    let pipeline = Pipeline::new();
    let doc = pipeline.analyze(&text);

    println!("title:    {}", doc.meta.title.as_deref().unwrap_or("-"));
    if let Some(d) = &doc.meta.dateline {
        println!(
            "dateline: {} / {}",
            d.place.as_deref().unwrap_or("-"),
            d.outlet.as_deref().unwrap_or("-")
        );
    }
    println!("date:     {}", doc.meta.date.as_deref().unwrap_or("-"));
    for credit in &doc.meta.credits {
        println!(
            "credit:   source {} editor {}",
            credit.source.as_deref().unwrap_or("-"),
            credit.editor.as_deref().unwrap_or("-")
        );
    }

    println!("\nblocks:");
    for block in &doc.blocks {
        let line: String = text[block.start..block.end].chars().take(60).collect();
        let reason = block.reason.map_or("", |r| r.as_str());
        println!("  {:<8} {:<14} {line}", block.kind.as_str(), reason);
    }

    println!("\n{} sentences; entities:", doc.sentences.len());
    for e in &doc.entities {
        println!(
            "  {:<24} {:<4} {} ({})",
            e.text, e.entity_type, e.canonical, e.id
        );
    }

    println!("\nwho said what:");
    for q in &doc.quotes {
        let who = q.speaker.as_ref().map_or("?", |s| s.name.as_str());
        let content: String = q.content.text.chars().take(70).collect();
        println!("  [{}] {who}: {content}", q.kind.as_str());
        if let Some(s) = &q.speaker {
            if let Some(role) = &s.role {
                println!("        role: {role}");
            }
            if let Some(org) = &s.affiliation {
                println!("        affiliation: {org}");
            }
        }
        if let Some(source) = &q.source {
            println!("        via: {source}");
        }
        println!("        rule: {} (confidence {:.2})", q.rule, q.confidence);
    }
    Ok(())
}
