//! Replays the committed fuzz seed corpus (`fuzz/seeds/<target>/`) through the fuzz target
//! bodies, so every seed and every crash saved there is a regression test of `cargo test`.

#[allow(dead_code)]
#[path = "support/checks.rs"]
mod checks;
#[allow(dead_code)]
#[path = "support/targets.rs"]
mod targets;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

/// Runs every file of `fuzz/seeds/<name>/` through the target; fails naming each seed that
/// broke an invariant.
fn replay(name: &str) {
    let (_, target) = targets::TARGETS
        .iter()
        .find(|(n, _)| *n == name)
        .expect("a known target");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(name);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no seeds in {}", dir.display());
    let failed: Vec<String> = paths
        .iter()
        .filter(|path| {
            let data = std::fs::read(path).expect("a readable seed");
            catch_unwind(AssertUnwindSafe(|| target(&data))).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(failed.is_empty(), "seeds breaking {name}: {failed:#?}");
}

#[test]
fn tokenize_seeds() {
    replay("tokenize");
}

#[test]
fn conllu_seeds() {
    replay("conllu");
}

#[test]
fn boilerplate_seeds() {
    replay("boilerplate");
}

#[test]
fn gazetteer_seeds() {
    replay("gazetteer");
}

#[test]
fn quotes_seeds() {
    replay("quotes");
}

#[test]
fn pipeline_seeds() {
    replay("pipeline");
}

#[test]
fn jsonl_seeds() {
    replay("jsonl");
}

#[test]
fn every_target_has_a_seed_directory() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    for (name, _) in targets::TARGETS {
        assert!(dir.join(name).is_dir(), "fuzz/seeds/{name} is missing");
    }
}
