//! Fuzz target `gazetteer`: see `warta_fuzz::targets::gazetteer` (tests/support/targets.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| warta_fuzz::targets::gazetteer(data));
