//! Entity mentions of a text with the embedded default gazetteer plus a list of your own.
//!
//! ```text
//! cargo run --example gazetteer -- [LIST.tsv|LIST.json] [TEXT_FILE]
//! ```
//!
//! `LIST` defaults to `examples/data/example-entities.tsv` (TSV, or JSON when the name ends in
//! `.json`) and is added after the default list, so its entries win alias collisions (which are
//! printed). `TEXT_FILE` defaults to the seed article `examples/data/mistar-2024-04-28.txt`.
//! Prints one mention per line: byte span, surface, id, type, canonical name and the alias that
//! matched; mentions added by document-level linking (`Sullivan` -> `Jake Sullivan`) are marked.

use std::process::ExitCode;

use warta::gazetteer::{GazetteerBuilder, Span, link_document};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let list_path = args
        .next()
        .unwrap_or_else(|| "examples/data/example-entities.tsv".into());
    let text_path = args
        .next()
        .unwrap_or_else(|| "examples/data/mistar-2024-04-28.txt".into());
    let (list, text) = match (
        std::fs::read_to_string(&list_path),
        std::fs::read_to_string(&text_path),
    ) {
        (Ok(l), Ok(t)) => (l, t),
        (Err(e), _) => return fail(&format!("{list_path}: {e}")),
        (_, Err(e)) => return fail(&format!("{text_path}: {e}")),
    };

    let builder = GazetteerBuilder::new().with_default_list();
    let builder = if list_path.ends_with(".json") {
        builder.add_json(&list)
    } else {
        builder.add_tsv(&list)
    };
    let gazetteer = match builder.and_then(|b| b.build()) {
        Ok(g) => g,
        Err(e) => return fail(&format!("{list_path}: {e}")),
    };
    for d in gazetteer.duplicates() {
        println!("# alias {:?}: {} overrides {}", d.key, d.kept, d.dropped);
    }
    println!(
        "# {} entities, {} aliases; text {} bytes",
        gazetteer.len(),
        gazetteer.alias_count(),
        text.len()
    );

    let found = gazetteer.find(&text);
    let listed: Vec<Span> = found.iter().map(|m| m.span).collect();
    let all = link_document(&text, &[Span::new(0, text.len())], found, &[]);
    for m in &all {
        let linked = if listed.contains(&m.span) {
            ""
        } else {
            "  (linked)"
        };
        println!(
            "{:>5}..{:<5} {:<28} {:<22} {:<4} {:<28} alias={}{linked}",
            m.span.start,
            m.span.end,
            format!("{:?}", &text[m.span.start..m.span.end]),
            m.id,
            m.entity_type,
            m.canonical,
            m.alias,
        );
    }
    ExitCode::SUCCESS
}

fn fail(message: &str) -> ExitCode {
    eprintln!("gazetteer: {message}");
    ExitCode::FAILURE
}
