//! Prints the blocks of a text file (or stdin) with their kind and reason, then the metadata.
//!
//! `cargo run -p warta-boilerplate --example blocks -- FILE`

use std::io::Read;

fn main() -> std::io::Result<()> {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s)?;
            s
        }
    };
    let page = warta_boilerplate::classify(&text);
    for b in &page.blocks {
        let kind = format!("{:?}", b.kind).to_lowercase();
        let reason = b.reason.map_or("", |r| r.as_str());
        let s: String = b.span.slice(&text).chars().take(90).collect();
        println!("{kind:<8} {reason:<13} {s}");
    }
    println!("{:#?}", page.meta);
    Ok(())
}
