//! Any purchase JSON and signature against a fixed key: a typed error or a
//! verified purchase, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

const TEST_ONLY_KEY: &str = include_str!("../../core/src/unlock/testdata/test_only_public_key.b64");

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (json, signature) = text.split_once('\n').unwrap_or((&text, ""));
    let config = aiprep_core::unlock::StoreConfig::with_key(TEST_ONLY_KEY.trim());
    let _ = aiprep_core::unlock::verify_purchase(&config, json, signature);
    let stored = [aiprep_core::unlock::StoredPurchase {
        original_json: json.to_owned(),
        signature_b64: signature.to_owned(),
        acknowledged: false,
        revoked: false,
    }];
    let _ = aiprep_core::unlock::derive_entitlement(&config, &stored, 0);
});
