//! Who said what: the quotes of an Indonesian news article with their speakers.
//!
//! ```text
//! cargo run --example quotes [FILE]
//! ```
//! Without FILE it reads the seed article `examples/data/mistar-2024-04-28.txt`. The whole
//! pipeline runs (boilerplate, entities, quotes), so page chrome is skipped and known entities
//! help find the speakers.

use warta::Pipeline;

const SEED: &str = include_str!("data/mistar-2024-04-28.txt");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?,
        None => SEED.to_owned(),
    };
    let doc = Pipeline::builder().build().analyze(&text);
    for q in &doc.quotes {
        let who = match &q.speaker {
            Some(s) => {
                let about: Vec<&str> = [s.role.as_deref(), s.affiliation.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                if about.is_empty() {
                    s.name.clone()
                } else {
                    format!("{} ({})", s.name, about.join(", "))
                }
            }
            None => "?".to_owned(),
        };
        println!(
            "{who} [{}, {}, {:.2}]",
            q.kind.as_str(),
            q.rule,
            q.confidence
        );
        if let Some(cue) = &q.cue {
            println!("  cue: {}", cue.text);
        }
        if let Some(source) = &q.source {
            println!("  via: {source}");
        }
        println!("  {}", q.content.text);
    }
    Ok(())
}
