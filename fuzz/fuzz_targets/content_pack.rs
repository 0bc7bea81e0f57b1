//! Any bytes as a content pack: an error or a valid pack, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(pack) = aiprep_core::content::parse_pack("fuzz.toml", text) {
            // A pack that validates must also render.
            let _ = aiprep_core::content::lesson_sections(&pack.module, false);
        }
    }
});
