//! Reads the embedded default list (`data/default.tsv`) once at compile time into the byte
//! ranges of its columns, so that `GazetteerBuilder::with_default_list` parses no text at run
//! time. The rules are those of `GazetteerBuilder::add_tsv` (a unit test compares the two);
//! an invalid list fails the build.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=data/default.tsv");
    println!("cargo::rerun-if-changed=build.rs");
    let tsv = std::fs::read_to_string("data/default.tsv").expect("data/default.tsv is readable");
    assert!(
        !tsv.starts_with('\u{FEFF}'),
        "data/default.tsv starts with a BOM"
    );
    let mut rows = String::new();
    let mut count = 0;
    for (n, raw) in tsv.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let at = |what: &str| format!("data/default.tsv:{}: {what}", n + 1);
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        assert!((3..=5).contains(&cols.len()), "{}", at("3 to 5 columns"));
        assert!(!cols[1].is_empty(), "{}", at("empty type"));
        assert!(!cols[2].is_empty(), "{}", at("empty canonical name"));
        if let Some(attributes) = cols.get(4) {
            for pair in attributes
                .split(';')
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                let key = pair.split_once('=').map(|(k, _)| k.trim());
                assert!(
                    key.is_some_and(|k| !k.is_empty()),
                    "{}",
                    at("bad attribute")
                );
            }
        }
        rows.push('[');
        for k in 0..5 {
            let (start, end) = match cols.get(k) {
                Some(c) if !c.is_empty() => {
                    let start = c.as_ptr() as usize - tsv.as_ptr() as usize;
                    (start, start + c.len())
                }
                _ => (0, 0),
            };
            write!(rows, "({start}, {end}),").expect("writing to a String");
        }
        rows.push_str("],\n");
        count += 1;
    }
    let code = format!(
        "/// The column ranges (id, type, canonical, aliases, attributes; trimmed, `(0, 0)` when\n\
         /// empty) of every entity line of `data/default.tsv`, written by `build.rs`.\n\
         pub(crate) static COLUMNS: [[(u32, u32); 5]; {count}] = [\n{rows}];\n"
    );
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("default_columns.rs"), code).expect("OUT_DIR is writable");
}
