//! Fuzz target `conllu`: see `warta_fuzz::targets::conllu` (tests/support/targets.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| warta_fuzz::targets::conllu(data));
