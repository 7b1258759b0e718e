//! Fuzz target `tokenize`: see `warta_fuzz::targets::tokenize` (tests/support/targets.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| warta_fuzz::targets::tokenize(data));
