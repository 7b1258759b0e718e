//! Reads the embedded default list (`data/default.tsv`) once at compile time into the byte
//! ranges of its columns and the folded keys and token hashes of its names (with the crate's
//! own `fold.rs`), so that `GazetteerBuilder::with_default_list` parses and folds no text at
//! run time. The rules are those of `GazetteerBuilder::add_tsv` (unit tests compare the
//! two); an invalid list fails the build.

use std::fmt::Write as _;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/fold.rs"]
mod fold;

fn main() {
    println!("cargo::rerun-if-changed=data/default.tsv");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/fold.rs");
    let tsv = std::fs::read_to_string("data/default.tsv").expect("data/default.tsv is readable");
    assert!(
        !tsv.starts_with('\u{FEFF}'),
        "data/default.tsv starts with a BOM"
    );
    let mut rows = String::new();
    let mut count = 0;
    // Every name (canonical, then the aliases) of every entity, folded as the builder would.
    let (mut keys, mut hashes, mut names, mut first_names) =
        (Vec::new(), Vec::new(), String::new(), String::new());
    let (mut name_count, mut buf) = (0, Vec::new());
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
        write!(first_names, "{name_count},").expect("writing to a String");
        let aliases = cols.get(3).map_or("", |a| a);
        let all = std::iter::once(cols[2]).chain(aliases.split('|').map(str::trim));
        for name in all.filter(|a| !a.is_empty()) {
            // The case marker (`=Bali`, `~corona`) is not part of the key.
            let alias = name.strip_prefix(['=', '~']).unwrap_or(name).trim();
            let (key_start, hash_start) = (keys.len(), hashes.len());
            fold::fold_key_hashes_into(alias, &mut buf, &mut keys, |h| hashes.push(h));
            write!(
                names,
                "({key_start}, {}, {hash_start}, {}),",
                keys.len(),
                hashes.len()
            )
            .expect("writing to a String");
            name_count += 1;
        }
    }
    let keys = String::from_utf8(keys).expect("folded keys are UTF-8");
    let hashes: String = hashes.iter().map(|h| format!("{h:#x},")).collect();
    let hash_count = hashes.matches(',').count();
    let code = format!(
        "/// The column ranges (id, type, canonical, aliases, attributes; trimmed, `(0, 0)` when\n\
         /// empty) of every entity line of `data/default.tsv`, written by `build.rs`.\n\
         pub(crate) static COLUMNS: [[(u32, u32); 5]; {count}] = [\n{rows}];\n\
         /// The index in [`NAMES`] of each entity's first name.\n\
         pub(crate) static FIRST_NAME: [u32; {count}] = [{first_names}];\n\
         /// For every name (canonical, then the aliases) of every entity: its folded key,\n\
         /// `KEYS[.0...1]`, and its token hashes, `HASHES[.2...3]`.\n\
         pub(crate) static NAMES: [(u32, u32, u32, u32); {name_count}] = [{names}];\n\
         /// The folded keys of the names, one after another.\n\
         pub(crate) static KEYS: &str = {keys:?};\n\
         /// The token hashes of the names, one after another.\n\
         pub(crate) static HASHES: [u64; {hash_count}] = [{hashes}];\n"
    );
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("default_columns.rs"), code).expect("OUT_DIR is writable");
}
