//! Fuzz target `jsonl`: see `warta_fuzz::targets::jsonl` (tests/support/targets.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| warta_fuzz::targets::jsonl(data));
