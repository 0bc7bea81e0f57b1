//! The one-time lifetime unlock: offline verification of a Google Play
//! purchase and the entitlement derived from stored purchases.
//!
//! Pure: nothing here reads a clock, a file or the database. The Android shell
//! hands over Play Billing's `originalJson` and its signature; storage keeps
//! them verbatim; at every start [`derive_entitlement`] verifies each stored
//! row again, so a hand-edited database row unlocks nothing. See
//! `docs/UNLOCK.md` for the whole flow.

mod entitlement;
mod verify;

#[cfg(test)]
mod test_support;

pub use entitlement::{
    derive_entitlement, is_accessible, tokens_to_revoke, Entitlement, OwnedQuery, StoredPurchase,
    ACKNOWLEDGEMENT_WINDOW_MS,
};
pub use verify::{
    verify_purchase, StoreConfig, VerifiedPurchase, MAX_PUBLIC_KEY_B64_BYTES,
    MAX_PURCHASE_JSON_BYTES, MAX_SIGNATURE_B64_BYTES, MIN_KEY_BITS,
};

/// Why a purchase does not unlock the app. Messages name only store ids
/// (package, product, state), never account data from the purchase.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnlockError {
    /// The app was built without a store key and none was supplied.
    #[error("no store public key is configured; build with AIPREP_PLAY_PUBLIC_KEY or pass one")]
    NoKeyConfigured,
    #[error("the store public key is not usable: {reason}")]
    MalformedKey { reason: &'static str },
    #[error("the purchase signature is not valid base64")]
    MalformedSignature,
    /// Tampered data, a signature from another key, or a key mismatch.
    #[error("the purchase signature does not match the purchase data")]
    BadSignature,
    /// Correctly signed, but not a purchase record we understand.
    #[error("the signed purchase data is malformed: {reason}")]
    MalformedPurchase { reason: String },
    #[error("the purchase belongs to package {found:?}, expected {expected:?}")]
    WrongPackage { expected: String, found: String },
    #[error("the purchase is for product {found:?}, expected {expected:?}")]
    WrongProduct { expected: String, found: String },
    /// Payment has not cleared yet; the shell re-delivers it once it does.
    #[error("the purchase is still pending payment")]
    Pending,
    #[error("the purchase is not completed (purchase state {state})")]
    NotPurchased { state: i64 },
    #[error("the {what} is larger than {max} bytes")]
    TooLarge { what: &'static str, max: usize },
}
