//! Tests of the embedded pack: it parses, validates and meets the minimums the
//! app's screens and the adaptive quiz are designed around.

use super::*;
use std::collections::HashSet;

fn module() -> Module {
    embedded_pack().module
}

#[test]
fn embedded_pack_parses_and_validates() {
    let pack = parse_pack(EMBEDDED_FAILURE_STORY_NAME, EMBEDDED_FAILURE_STORY);
    assert!(pack.is_ok(), "{:?}", pack.err());
    let m = module();
    assert_eq!(m.id, "failure-story");
    assert_eq!(m.content_version, "1.0.0");
}
