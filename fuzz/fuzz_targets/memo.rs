//! See `oracles::memo` (tests/oracles/mod.rs, shared with tests/fuzz_replay.rs).
//! Seeded from the `analyze` corpus: `cargo fuzz run memo CORPUS fuzz/corpus/analyze`.
#![no_main]

#[path = "../../tests/oracles/mod.rs"]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::memo(data));
