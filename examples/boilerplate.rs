//! Page chrome vs. article body: prints every block of a page with its kind and, for chrome,
//! the reason, then the metadata (title, dateline, credits, date).
//!
//! ```text
//! cargo run --example boilerplate [FILE]
//! ```
//! Without FILE it classifies the seed article `examples/data/mistar-2024-04-28.txt`.

use warta::boilerplate::{BlockKind, Classifier};

const SEED: &str = include_str!("data/mistar-2024-04-28.txt");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?,
        None => SEED.to_owned(),
    };
    let page = Classifier::new().classify(&text);

    for block in &page.blocks {
        let kind = match block.kind {
            BlockKind::Title => "title",
            BlockKind::Dateline => "dateline",
            BlockKind::Body => "body",
            BlockKind::Chrome => "chrome",
        };
        let reason = block.reason.map_or("", |r| r.as_str());
        let snippet: String = block.span.slice(&text).chars().take(80).collect();
        println!(
            "{:>6}..{:<6} {kind:<8} {reason:<13} {snippet}",
            block.span.start, block.span.end
        );
    }

    let meta = &page.meta;
    println!();
    println!("title:    {}", meta.title.as_deref().unwrap_or("-"));
    if let Some(d) = &meta.dateline {
        println!(
            "dateline: place {} / outlet {}",
            d.place.as_deref().unwrap_or("-"),
            d.outlet.as_deref().unwrap_or("-")
        );
    }
    for c in &meta.credits {
        println!(
            "credit:   source {} / editor {} ({})",
            c.source.as_deref().unwrap_or("-"),
            c.editor.as_deref().unwrap_or("-"),
            c.role.as_deref().unwrap_or("code")
        );
    }
    println!("date:     {}", meta.date.as_deref().unwrap_or("-"));
    Ok(())
}
