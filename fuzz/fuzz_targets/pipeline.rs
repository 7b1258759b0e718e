//! Fuzz target `pipeline`: see `warta_fuzz::targets::pipeline` (tests/support/targets.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| warta_fuzz::targets::pipeline(data));
