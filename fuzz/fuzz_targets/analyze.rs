//! See `oracles::analyze` (tests/oracles/mod.rs, shared with tests/fuzz_replay.rs).
#![no_main]

#[path = "../../tests/oracles/mod.rs"]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::analyze(data));
