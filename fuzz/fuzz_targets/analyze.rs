//! Any UTF-8 input: `analyze` must not panic, and every span it reports must sit on
//! character boundaries inside the text and convert to UTF-16 without panicking.
#![no_main]

use aiprep_core::analyzer::{analyze, Utf16Map};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(analysis) = analyze(text) else {
        return;
    };
    let map = Utf16Map::new(text);
    let spans = analysis
        .findings
        .iter()
        .map(|f| (f.start, f.end))
        .chain(analysis.segments.iter().map(|s| (s.start, s.end)));
    for (start, end) in spans {
        assert!(start <= end && end <= text.len());
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        assert!(map.to_utf16(start) <= map.to_utf16(end));
    }
    assert!(analysis.score <= 100);
});
