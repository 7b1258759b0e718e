//! Tokens with their kinds, clitic splits and sentences of an Indonesian text.
//!
//! ```text
//! cargo run --example tokenize [FILE]
//! ```
//! Without FILE it tokenizes the seed article `examples/data/mistar-2024-04-28.txt`.

use warta::tokenize::Tokenizer;

const SEED: &str = include_str!("data/mistar-2024-04-28.txt");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?,
        None => SEED.to_owned(),
    };
    let analysis = Tokenizer::new().analyze(&text);
    let mut tokens = analysis.tokens.iter().peekable();
    for (n, sentence) in analysis.sentences.iter().enumerate() {
        println!(
            "# sentence {} [{}..{}]",
            n + 1,
            sentence.start,
            sentence.end
        );
        println!("# {}", sentence.slice(&text).replace(['\n', '\r'], " "));
        while let Some(token) = tokens.next_if(|t| t.span.end <= sentence.end) {
            let kind = token.kind.as_str();
            let words: Vec<&str> = token.words.iter().map(|w| w.slice(&text)).collect();
            let split = if words.is_empty() {
                String::new()
            } else {
                format!("  = {}", words.join(" + "))
            };
            println!(
                "{:>6}..{:<6} {:8} {}{}",
                token.span.start,
                token.span.end,
                kind,
                token.text(&text),
                split
            );
        }
        println!();
    }
    println!(
        "{} tokens, {} clitic splits, {} sentences",
        analysis.tokens.len(),
        analysis
            .tokens
            .iter()
            .filter(|t| !t.words.is_empty())
            .count(),
        analysis.sentences.len()
    );
    Ok(())
}
