//! Test-only key pairs and purchase records. Keys come from a seeded RNG so
//! failures reproduce; each is generated once per test binary.

use std::sync::OnceLock;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use rand::rngs::StdRng;
use rand::SeedableRng;
use rsa::pkcs1v15::SigningKey;
use rsa::pkcs8::EncodePublicKey;
use rsa::signature::{SignatureEncoding, Signer};
use rsa::RsaPrivateKey;
use sha1::Sha1;

use super::StoreConfig;

pub const PACKAGE: &str = "dev.aiprep.app";
pub const PRODUCT: &str = "aiprep_lifetime_unlock";

fn generate(seed: u64) -> RsaPrivateKey {
    let mut rng = StdRng::seed_from_u64(seed);
    RsaPrivateKey::new(&mut rng, 2048).expect("2048-bit test key")
}

/// The key the test store configuration trusts.
pub fn test_key() -> &'static RsaPrivateKey {
    static KEY: OnceLock<RsaPrivateKey> = OnceLock::new();
    KEY.get_or_init(|| generate(1))
}

/// A key the configuration does not trust.
pub fn other_key() -> &'static RsaPrivateKey {
    static KEY: OnceLock<RsaPrivateKey> = OnceLock::new();
    KEY.get_or_init(|| generate(2))
}

pub fn config() -> StoreConfig {
    static KEY_B64: OnceLock<String> = OnceLock::new();
    let key = KEY_B64.get_or_init(|| {
        let der = test_key()
            .to_public_key()
            .to_public_key_der()
            .expect("encode SPKI");
        STANDARD.encode(der.as_bytes())
    });
    StoreConfig {
        public_key_b64: key.clone(),
        package_name: PACKAGE.to_owned(),
        product_id: PRODUCT.to_owned(),
    }
}

/// Signs like Play does: SHA1withRSA over the exact bytes, base64 output.
pub fn sign_with(key: &RsaPrivateKey, text: &str) -> String {
    let signer = SigningKey::<Sha1>::new(key.clone());
    STANDARD.encode(signer.sign(text.as_bytes()).to_bytes())
}

pub fn sign(text: &str) -> String {
    sign_with(test_key(), text)
}

/// A record shaped like Play Billing's `originalJson`.
pub fn purchase_json(package: &str, product: &str, state: i64, token: &str) -> String {
    purchase_json_at(package, product, state, token, 1_764_000_000_000)
}

pub fn purchase_json_at(
    package: &str,
    product: &str,
    state: i64,
    token: &str,
    purchase_time_ms: i64,
) -> String {
    format!(
        r#"{{"orderId":"GPA.1234-5678-9012-34567","packageName":"{package}","productId":"{product}","purchaseTime":{purchase_time_ms},"purchaseState":{state},"purchaseToken":"{token}","quantity":1,"acknowledged":false}}"#
    )
}
