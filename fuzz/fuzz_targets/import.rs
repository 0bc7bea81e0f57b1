//! Any bytes as a progress export: parse_export rejects or accepts, and an
//! accepted document imports into a fresh database without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(export) = aiprep_core::storage::parse_export(text) {
        let mut storage = aiprep_core::storage::Storage::open_in_memory().unwrap();
        let _ = storage.import(&export);
    }
});
