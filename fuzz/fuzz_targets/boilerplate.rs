//! Fuzz target `boilerplate`: see `warta_fuzz::targets::boilerplate` (tests/support/targets.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| warta_fuzz::targets::boilerplate(data));
