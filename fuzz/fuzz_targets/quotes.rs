//! Fuzz target `quotes`: see `warta_fuzz::targets::quotes` (tests/support/targets.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| warta_fuzz::targets::quotes(data));
