//! Offline check of one Play Billing purchase: signature first, then the
//! purchase fields, so nothing unsigned is ever interpreted.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::pkcs8::DecodePublicKey;
use rsa::signature::Verifier;
use rsa::traits::PublicKeyParts;
use rsa::RsaPublicKey;
use serde_json::{Map, Value};
use sha1::Sha1;

use super::UnlockError;

/// Play's `originalJson` is well under 2 KiB; the cap keeps hostile input cheap.
pub const MAX_PURCHASE_JSON_BYTES: usize = 64 * 1024;
/// A 4096-bit signature is 684 base64 characters.
pub const MAX_SIGNATURE_B64_BYTES: usize = 4 * 1024;
/// A 4096-bit SubjectPublicKeyInfo is about 740 base64 characters.
pub const MAX_PUBLIC_KEY_B64_BYTES: usize = 4 * 1024;
/// Play licence keys are 2048-bit; anything shorter is forgeable.
pub const MIN_KEY_BITS: usize = 2048;

/// Play's `purchaseState` values (Billing Library `originalJson`).
const STATE_PURCHASED: i64 = 0;
/// Some Play APIs report pending as 2, the Billing Library as 4.
const STATE_PENDING: [i64; 2] = [2, 4];

const DEFAULT_PACKAGE: &str = "dev.aiprep.app";
const DEFAULT_PRODUCT: &str = "aiprep_lifetime_unlock";

/// What a purchase must match: the app's store key, package and product.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreConfig {
    /// Base64 of the DER X.509 SubjectPublicKeyInfo, as Play Console shows it.
    pub public_key_b64: String,
    pub package_name: String,
    pub product_id: String,
}

impl StoreConfig {
    /// The configuration built into the app. The key is baked in at compile
    /// time from `AIPREP_PLAY_PUBLIC_KEY`; without it there is no default and
    /// callers must supply a key (the terminal app's `--public-key`).
    pub fn app_default() -> Option<StoreConfig> {
        option_env!("AIPREP_PLAY_PUBLIC_KEY")
            .filter(|key| !key.trim().is_empty())
            .map(StoreConfig::with_key)
    }

    /// The app's package and product, verified with `public_key_b64`
    /// (developer builds and tests supply their own key).
    pub fn with_key(public_key_b64: &str) -> StoreConfig {
        StoreConfig {
            public_key_b64: public_key_b64.to_owned(),
            package_name: DEFAULT_PACKAGE.to_owned(),
            product_id: DEFAULT_PRODUCT.to_owned(),
        }
    }
}

/// The fields of a verified purchase that the app stores and reports.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct VerifiedPurchase {
    pub purchase_token: String,
    pub product_id: String,
    pub order_id: Option<String>,
    pub purchase_time_ms: i64,
    /// Whether Play already had it acknowledged when it signed this record.
    pub acknowledged: bool,
}

/// Verifies Play's signature over the exact `original_json` bytes (RSA
/// PKCS#1 v1.5 with SHA-1, Play's `SHA1withRSA`) and then checks that the
/// record is a completed purchase of the configured product for this app.
pub fn verify_purchase(
    config: &StoreConfig,
    original_json: &str,
    signature_b64: &str,
) -> Result<VerifiedPurchase, UnlockError> {
    check_size("purchase data", original_json, MAX_PURCHASE_JSON_BYTES)?;
    check_size("signature", signature_b64, MAX_SIGNATURE_B64_BYTES)?;
    let key = parse_public_key(&config.public_key_b64)?;
    let signature = decode_base64(signature_b64).ok_or(UnlockError::MalformedSignature)?;
    check_signature(key, original_json.as_bytes(), &signature)?;
    let record = PurchaseRecord::parse(original_json)?;
    record.into_verified(config)
}

fn check_size(what: &'static str, text: &str, max: usize) -> Result<(), UnlockError> {
    if text.len() > max {
        return Err(UnlockError::TooLarge { what, max });
    }
    Ok(())
}

/// Whitespace is dropped because keys are often pasted wrapped; the signed
/// bytes are the decoded ones, so this cannot change what is verified.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    STANDARD.decode(compact).ok()
}

fn parse_public_key(key_b64: &str) -> Result<RsaPublicKey, UnlockError> {
    if key_b64.trim().is_empty() {
        return Err(UnlockError::NoKeyConfigured);
    }
    check_size("public key", key_b64, MAX_PUBLIC_KEY_B64_BYTES)?;
    let der = decode_base64(key_b64).ok_or(UnlockError::MalformedKey {
        reason: "not valid base64",
    })?;
    let key = RsaPublicKey::from_public_key_der(&der).map_err(|_| UnlockError::MalformedKey {
        reason: "not a DER SubjectPublicKeyInfo holding an RSA key",
    })?;
    if key.size() * 8 < MIN_KEY_BITS {
        return Err(UnlockError::MalformedKey {
            reason: "the RSA key is shorter than 2048 bits",
        });
    }
    Ok(key)
}

fn check_signature(key: RsaPublicKey, message: &[u8], signature: &[u8]) -> Result<(), UnlockError> {
    let signature = Signature::try_from(signature).map_err(|_| UnlockError::BadSignature)?;
    VerifyingKey::<Sha1>::new(key)
        .verify(message, &signature)
        .map_err(|_| UnlockError::BadSignature)
}

/// The subset of Play's `originalJson` the unlock depends on.
struct PurchaseRecord {
    package_name: String,
    product_ids: Vec<String>,
    purchase_token: String,
    purchase_time_ms: i64,
    purchase_state: i64,
    acknowledged: bool,
    order_id: Option<String>,
}

impl PurchaseRecord {
    /// Reads fields by hand so error messages name the field but never echo
    /// its value (tokens and account ids stay out of logs).
    fn parse(original_json: &str) -> Result<PurchaseRecord, UnlockError> {
        let value: Value = serde_json::from_str(original_json)
            .map_err(|_| malformed("not valid JSON".to_owned()))?;
        let Value::Object(fields) = value else {
            return Err(malformed("not a JSON object".to_owned()));
        };
        let purchase_token = required_str(&fields, "purchaseToken")?;
        if purchase_token.is_empty() {
            return Err(malformed("field `purchaseToken` is empty".to_owned()));
        }
        Ok(PurchaseRecord {
            package_name: required_str(&fields, "packageName")?,
            product_ids: product_ids(&fields)?,
            purchase_token,
            purchase_time_ms: required_i64(&fields, "purchaseTime")?,
            purchase_state: required_i64(&fields, "purchaseState")?,
            acknowledged: optional_bool(&fields, "acknowledged")?.unwrap_or(false),
            order_id: optional_str(&fields, "orderId")?,
        })
    }

    fn into_verified(self, config: &StoreConfig) -> Result<VerifiedPurchase, UnlockError> {
        if self.package_name != config.package_name {
            return Err(UnlockError::WrongPackage {
                expected: config.package_name.clone(),
                found: self.package_name,
            });
        }
        if !self.product_ids.contains(&config.product_id) {
            return Err(UnlockError::WrongProduct {
                expected: config.product_id.clone(),
                found: self.product_ids.join(","),
            });
        }
        check_state(self.purchase_state)?;
        Ok(VerifiedPurchase {
            purchase_token: self.purchase_token,
            product_id: config.product_id.clone(),
            order_id: self.order_id,
            purchase_time_ms: self.purchase_time_ms,
            acknowledged: self.acknowledged,
        })
    }
}

fn check_state(state: i64) -> Result<(), UnlockError> {
    match state {
        STATE_PURCHASED => Ok(()),
        s if STATE_PENDING.contains(&s) => Err(UnlockError::Pending),
        s => Err(UnlockError::NotPurchased { state: s }),
    }
}

fn malformed(reason: String) -> UnlockError {
    UnlockError::MalformedPurchase { reason }
}

fn missing_or_invalid(name: &str, expected: &str) -> UnlockError {
    malformed(format!("field `{name}` is missing or not {expected}"))
}

fn required_str(fields: &Map<String, Value>, name: &str) -> Result<String, UnlockError> {
    optional_str(fields, name)?.ok_or_else(|| missing_or_invalid(name, "a string"))
}

fn optional_str(fields: &Map<String, Value>, name: &str) -> Result<Option<String>, UnlockError> {
    match fields.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(missing_or_invalid(name, "a string")),
    }
}

fn required_i64(fields: &Map<String, Value>, name: &str) -> Result<i64, UnlockError> {
    fields
        .get(name)
        .and_then(Value::as_i64)
        .ok_or_else(|| missing_or_invalid(name, "an integer"))
}

fn optional_bool(fields: &Map<String, Value>, name: &str) -> Result<Option<bool>, UnlockError> {
    match fields.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(missing_or_invalid(name, "a boolean")),
    }
}

/// Older records carry one `productId`; multi-product records from newer
/// Billing Library versions carry a `productIds` array instead.
fn product_ids(fields: &Map<String, Value>) -> Result<Vec<String>, UnlockError> {
    if let Some(single) = optional_str(fields, "productId")? {
        return Ok(vec![single]);
    }
    let Some(Value::Array(items)) = fields.get("productIds") else {
        return Err(missing_or_invalid("productId", "a string"));
    };
    items
        .iter()
        .map(|item| {
            item.as_str()
                .map(str::to_owned)
                .ok_or_else(|| missing_or_invalid("productIds", "an array of strings"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::unlock::test_support::{
        config, other_key, purchase_json, sign, sign_with, PACKAGE, PRODUCT,
    };
    use proptest::prelude::*;

    fn verify_signed(json: &str) -> Result<VerifiedPurchase, UnlockError> {
        verify_purchase(&config(), json, &sign(json))
    }

    #[test]
    fn accepts_a_valid_purchase() {
        let json = purchase_json(PACKAGE, PRODUCT, 0, "tok-1");
        let verified = verify_signed(&json).expect("valid purchase");
        assert_eq!(
            verified,
            VerifiedPurchase {
                purchase_token: "tok-1".to_owned(),
                product_id: PRODUCT.to_owned(),
                order_id: Some("GPA.1234-5678-9012-34567".to_owned()),
                purchase_time_ms: 1_764_000_000_000,
                acknowledged: false,
            }
        );
    }

    #[test]
    fn rejects_json_with_one_byte_changed() {
        let json = purchase_json(PACKAGE, PRODUCT, 0, "tok-1");
        let signature = sign(&json);
        let tampered = json.replacen("tok-1", "tok-2", 1);
        assert_eq!(
            verify_purchase(&config(), &tampered, &signature),
            Err(UnlockError::BadSignature)
        );
    }

    #[test]
    fn rejects_trailing_newline_added_to_signed_json() {
        let json = purchase_json(PACKAGE, PRODUCT, 0, "tok-1");
        let signature = sign(&json);
        let with_newline = format!("{json}\n");
        assert_eq!(
            verify_purchase(&config(), &with_newline, &signature),
            Err(UnlockError::BadSignature)
        );
    }

    #[test]
    fn rejects_signature_from_another_key() {
        let json = purchase_json(PACKAGE, PRODUCT, 0, "tok-1");
        let signature = sign_with(other_key(), &json);
        assert_eq!(
            verify_purchase(&config(), &json, &signature),
            Err(UnlockError::BadSignature)
        );
    }

    #[test]
    fn rejects_wrong_product() {
        let json = purchase_json(PACKAGE, "coins_100", 0, "tok-1");
        assert_eq!(
            verify_signed(&json),
            Err(UnlockError::WrongProduct {
                expected: PRODUCT.to_owned(),
                found: "coins_100".to_owned(),
            })
        );
    }

    #[test]
    fn rejects_wrong_package() {
        let json = purchase_json("com.example.other", PRODUCT, 0, "tok-1");
        assert_eq!(
            verify_signed(&json),
            Err(UnlockError::WrongPackage {
                expected: PACKAGE.to_owned(),
                found: "com.example.other".to_owned(),
            })
        );
    }

    #[test]
    fn rejects_pending_in_both_encodings() {
        for state in [4, 2] {
            let json = purchase_json(PACKAGE, PRODUCT, state, "tok-1");
            assert_eq!(
                verify_signed(&json),
                Err(UnlockError::Pending),
                "state {state}"
            );
        }
    }

    #[test]
    fn rejects_unknown_states() {
        for state in [1, 3, 7, -1] {
            let json = purchase_json(PACKAGE, PRODUCT, state, "tok-1");
            assert_eq!(
                verify_signed(&json),
                Err(UnlockError::NotPurchased { state })
            );
        }
    }

    #[test]
    fn rejects_signature_that_is_not_base64() {
        let json = purchase_json(PACKAGE, PRODUCT, 0, "tok-1");
        assert_eq!(
            verify_purchase(&config(), &json, "not*base64!"),
            Err(UnlockError::MalformedSignature)
        );
    }

    #[test]
    fn rejects_base64_signature_of_the_wrong_length() {
        let json = purchase_json(PACKAGE, PRODUCT, 0, "tok-1");
        assert_eq!(
            verify_purchase(&config(), &json, "AAAA"),
            Err(UnlockError::BadSignature)
        );
    }

    #[test]
    fn rejects_malformed_keys() {
        let json = purchase_json(PACKAGE, PRODUCT, 0, "tok-1");
        let signature = sign(&json);
        let not_der = STANDARD.encode(b"definitely not a key");
        for key in ["%%%", not_der.as_str()] {
            let cfg = StoreConfig {
                public_key_b64: key.to_owned(),
                ..config()
            };
            assert!(
                matches!(
                    verify_purchase(&cfg, &json, &signature),
                    Err(UnlockError::MalformedKey { .. })
                ),
                "key {key:?}"
            );
        }
    }

    #[test]
    fn rejects_keys_shorter_than_2048_bits() {
        use rsa::pkcs8::EncodePublicKey;
        let mut rng = <rand::rngs::StdRng as rand::SeedableRng>::seed_from_u64(3);
        let small = rsa::RsaPrivateKey::new(&mut rng, 1024).expect("keygen");
        let der = small
            .to_public_key()
            .to_public_key_der()
            .expect("encode key");
        let json = purchase_json(PACKAGE, PRODUCT, 0, "tok-1");
        let cfg = StoreConfig {
            public_key_b64: STANDARD.encode(der.as_bytes()),
            ..config()
        };
        assert!(matches!(
            verify_purchase(&cfg, &json, &sign_with(&small, &json)),
            Err(UnlockError::MalformedKey { .. })
        ));
    }

    #[test]
    fn empty_key_means_none_configured() {
        let json = purchase_json(PACKAGE, PRODUCT, 0, "tok-1");
        let cfg = StoreConfig {
            public_key_b64: " ".to_owned(),
            ..config()
        };
        assert_eq!(
            verify_purchase(&cfg, &json, &sign(&json)),
            Err(UnlockError::NoKeyConfigured)
        );
    }

    #[test]
    fn key_wrapped_over_lines_still_works() {
        let json = purchase_json(PACKAGE, PRODUCT, 0, "tok-1");
        let cfg = config();
        let wrapped = cfg
            .public_key_b64
            .as_bytes()
            .chunks(64)
            .map(|line| String::from_utf8_lossy(line).into_owned())
            .collect::<Vec<_>>()
            .join("\n");
        let cfg = StoreConfig {
            public_key_b64: wrapped,
            ..cfg
        };
        assert!(verify_purchase(&cfg, &json, &sign(&json)).is_ok());
    }

    #[test]
    fn signed_garbage_is_malformed_not_a_crash() {
        for garbage in ["", "[]", "{", "null", "{\"packageName\": 5}", "\u{1F600}"] {
            assert!(
                matches!(
                    verify_signed(garbage),
                    Err(UnlockError::MalformedPurchase { .. })
                ),
                "input {garbage:?}"
            );
        }
    }

    #[test]
    fn missing_field_is_named_without_echoing_values() {
        let json = format!(
            r#"{{"packageName":"{PACKAGE}","productId":"{PRODUCT}","purchaseTime":1,"purchaseState":"secret-value"}}"#
        );
        let err = verify_signed(&json).expect_err("token missing");
        let message = err.to_string();
        assert!(message.contains("purchaseToken"), "{message}");
        assert!(!message.contains("secret-value"), "{message}");
    }

    #[test]
    fn rejects_empty_purchase_token() {
        let json = purchase_json(PACKAGE, PRODUCT, 0, "");
        assert!(matches!(
            verify_signed(&json),
            Err(UnlockError::MalformedPurchase { .. })
        ));
    }

    #[test]
    fn accepts_product_ids_array() {
        let json = format!(
            r#"{{"packageName":"{PACKAGE}","productIds":["other","{PRODUCT}"],"purchaseToken":"t","purchaseTime":5,"purchaseState":0,"acknowledged":true}}"#
        );
        let verified = verify_signed(&json).expect("listed product");
        assert_eq!(verified.product_id, PRODUCT);
        assert!(verified.acknowledged);
        assert_eq!(verified.order_id, None);
    }

    #[test]
    fn rejects_huge_inputs_before_any_work() {
        let huge = "x".repeat(MAX_PURCHASE_JSON_BYTES + 1);
        assert_eq!(
            verify_purchase(&config(), &huge, "AAAA"),
            Err(UnlockError::TooLarge {
                what: "purchase data",
                max: MAX_PURCHASE_JSON_BYTES
            })
        );
        let json = purchase_json(PACKAGE, PRODUCT, 0, "tok-1");
        let huge_signature = "A".repeat(MAX_SIGNATURE_B64_BYTES + 4);
        assert_eq!(
            verify_purchase(&config(), &json, &huge_signature),
            Err(UnlockError::TooLarge {
                what: "signature",
                max: MAX_SIGNATURE_B64_BYTES
            })
        );
        let cfg = StoreConfig {
            public_key_b64: "A".repeat(MAX_PUBLIC_KEY_B64_BYTES + 4),
            ..config()
        };
        assert_eq!(
            verify_purchase(&cfg, &json, &sign(&json)),
            Err(UnlockError::TooLarge {
                what: "public key",
                max: MAX_PUBLIC_KEY_B64_BYTES
            })
        );
    }

    /// The fixture was made with the openssl commands in docs/UNLOCK.md, so
    /// this proves the documented developer flow against an independent signer.
    #[test]
    fn accepts_an_openssl_made_signature() {
        let cfg = StoreConfig {
            public_key_b64: include_str!("testdata/test_only_public_key.b64").to_owned(),
            package_name: PACKAGE.to_owned(),
            product_id: PRODUCT.to_owned(),
        };
        let json = include_str!("testdata/purchase.json");
        let signature = include_str!("testdata/purchase.sig.b64");
        let verified = verify_purchase(&cfg, json, signature).expect("openssl signature");
        assert_eq!(verified.purchase_token, "test-only-token-openssl-fixture");
        assert_eq!(
            verify_purchase(&config(), json, signature),
            Err(UnlockError::BadSignature),
            "the fixture must not verify under an unrelated key"
        );
    }

    #[test]
    fn app_default_has_the_shipping_ids_when_a_key_is_built_in() {
        if let Some(cfg) = StoreConfig::app_default() {
            assert_eq!(cfg.package_name, "dev.aiprep.app");
            assert_eq!(cfg.product_id, "aiprep_lifetime_unlock");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn arbitrary_inputs_never_panic(json in ".{0,300}", signature in ".{0,400}", key in ".{0,200}") {
            let cfg = StoreConfig { public_key_b64: key, ..config() };
            let _ = verify_purchase(&cfg, &json, &signature);
            let _ = verify_purchase(&config(), &json, &signature);
        }

        /// Signing each input pushes it past the signature check, so the
        /// purchase parser itself meets arbitrary text.
        #[test]
        fn arbitrary_signed_text_never_panics(json in ".{0,300}") {
            let _ = verify_purchase(&config(), &json, &sign(&json));
        }

        #[test]
        fn arbitrary_signed_json_objects_never_panic(
            fields in proptest::collection::btree_map(
                prop_oneof![
                    Just("packageName".to_owned()), Just("productId".to_owned()),
                    Just("productIds".to_owned()), Just("purchaseToken".to_owned()),
                    Just("purchaseTime".to_owned()), Just("purchaseState".to_owned()),
                    Just("acknowledged".to_owned()), Just("orderId".to_owned()),
                ],
                prop_oneof![
                    Just(Value::Null), any::<bool>().prop_map(Value::from),
                    any::<i64>().prop_map(Value::from), any::<f64>().prop_map(Value::from),
                    ".{0,20}".prop_map(Value::from),
                    proptest::collection::vec(".{0,8}".prop_map(Value::from), 0..3).prop_map(Value::from),
                ],
                0..8,
            )
        ) {
            let json = Value::Object(fields.into_iter().collect()).to_string();
            let _ = verify_purchase(&config(), &json, &sign(&json));
        }
    }
}
