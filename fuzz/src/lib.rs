//! Fuzz targets of Warta. The invariant checks and the target bodies live in the root
//! package's `tests/support/` so that `cargo test` (tests/fuzz_seeds.rs, tests/properties.rs,
//! tests/hostile.rs) and the fuzzers check exactly the same things; each binary in
//! `fuzz_targets/` is a one-line call into [`targets`].

#[path = "../../tests/support/checks.rs"]
pub mod checks;
#[path = "../../tests/support/targets.rs"]
pub mod targets;
