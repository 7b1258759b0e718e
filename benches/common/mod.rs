//! Inputs shared by the criterion benches: a short lede, the seed article and a multi-MB corpus.
//!
//! The corpus is the PFSA-ID Kompas texts of `../shared/data/pfsa/dev.jsonl` joined as articles
//! (blank line between them) when that file is beside the checkout; otherwise the fallback is the
//! seed article repeated to 3 MB, so the benches run on a fresh clone too.

#![allow(dead_code)]

use std::path::Path;

/// The allocator of the benches and the throughput example, as in the `warta` binary
/// (the `mimalloc` feature, on by default).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A short lede (~150 bytes).
pub const LEDE: &str = "JAKARTA, KOMPAS.com — Presiden Joko Widodo meminta para menteri \
mempercepat penyaluran bantuan sosial, kata Juru Bicara Presiden di Jakarta, Senin (6/4/2020).";

/// The seed article.
pub const SEED: &str = include_str!("../../examples/data/mistar-2024-04-28.txt");

/// The multi-MB corpus and a label saying which one it is.
pub fn corpus() -> (String, &'static str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/pfsa/dev.jsonl");
    if let Ok(data) = std::fs::read_to_string(&path) {
        let mut text = String::with_capacity(data.len());
        for line in data.lines() {
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(line)
                && let Some(t) = value.get("text").and_then(|t| t.as_str())
            {
                text.push_str(t);
                text.push_str("\n\n");
            }
        }
        if !text.is_empty() {
            return (text, "pfsa-dev");
        }
    }
    let mut text = String::new();
    while text.len() < 3 << 20 {
        text.push_str(SEED);
        text.push_str("\n\n");
    }
    (text, "seed-x")
}

/// The three inputs with their names.
pub fn inputs() -> Vec<(String, String)> {
    let (corpus, label) = corpus();
    vec![
        ("lede".to_owned(), LEDE.to_owned()),
        ("seed".to_owned(), SEED.to_owned()),
        (label.to_owned(), corpus),
    ]
}

/// `n` generated person and organisation names (deterministic), as TSV for the gazetteer.
pub fn generated_list(n: usize) -> String {
    const SYL: [&str; 24] = [
        "ba", "di", "ra", "su", "ti", "wan", "an", "to", "ko", "ni", "ma", "ha", "ya", "sa", "li",
        "pur", "no", "war", "ga", "de", "ri", "mul", "yo", "nda",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let word = |next: &mut dyn FnMut() -> u64| {
        let k = 2 + (next() % 2) as usize;
        let mut w = String::new();
        for i in 0..k {
            let s = SYL[(next() % SYL.len() as u64) as usize];
            if i == 0 {
                let mut c = s.chars();
                w.extend(c.next().map(|c| c.to_ascii_uppercase()));
                w.push_str(c.as_str());
            } else {
                w.push_str(s);
            }
        }
        w
    };
    let mut out = String::with_capacity(n * 40);
    for i in 0..n {
        let (ty, name) = if i % 3 == 0 {
            ("ORG", format!("PT {} {}", word(&mut next), word(&mut next)))
        } else {
            ("PER", format!("{} {}", word(&mut next), word(&mut next)))
        };
        out.push_str(&format!("g{i}\t{ty}\t{name}\t{name}\n"));
    }
    out
}
