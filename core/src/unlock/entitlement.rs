//! What the stored purchases entitle the learner to, recomputed from the
//! signed records every time so the database is never trusted on its own.

use super::verify::{verify_purchase, StoreConfig, VerifiedPurchase};

/// Play refunds a purchase that is not acknowledged within three days.
pub const ACKNOWLEDGEMENT_WINDOW_MS: i64 = 3 * 24 * 60 * 60 * 1000;

/// One row of the `purchases` table as storage reads it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPurchase {
    /// Play's `originalJson`, byte for byte as it was signed.
    pub original_json: String,
    pub signature_b64: String,
    /// The shell confirmed that Play accepted its acknowledgement.
    pub acknowledged: bool,
    /// A successful owned-purchases query no longer listed this token.
    pub revoked: bool,
}

/// Whether the full module is open, and what the shell still has to do.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Entitlement {
    pub unlocked: bool,
    /// The purchase the unlock rests on.
    pub purchase_token: Option<String>,
    /// The shell must acknowledge this purchase with Play, or Play refunds it.
    pub needs_acknowledgement: bool,
    /// When Play's refund window closes, if acknowledgement is still needed.
    pub acknowledgement_deadline_ms: Option<i64>,
    /// The deadline has passed: Play has probably refunded the purchase. It
    /// stays unlocked until a successful query says so (see [`OwnedQuery`]).
    pub acknowledgement_overdue: bool,
}

/// Re-verifies every stored purchase against `config` and derives the
/// entitlement from the ones that still pass. A row whose JSON, signature or
/// state was edited fails verification and counts for nothing; revoked rows
/// count for nothing either. When several purchases pass, an acknowledged one
/// is preferred, then the oldest, so the answer is stable across starts.
pub fn derive_entitlement(
    config: &StoreConfig,
    stored: &[StoredPurchase],
    now_ms: i64,
) -> Entitlement {
    stored
        .iter()
        .filter(|row| !row.revoked)
        .filter_map(|row| {
            verify_purchase(config, &row.original_json, &row.signature_b64)
                .ok()
                .map(|verified| {
                    let acknowledged = row.acknowledged || verified.acknowledged;
                    (verified, acknowledged)
                })
        })
        .min_by(|(a, a_ack), (b, b_ack)| {
            b_ack
                .cmp(a_ack)
                .then(a.purchase_time_ms.cmp(&b.purchase_time_ms))
                .then_with(|| a.purchase_token.cmp(&b.purchase_token))
        })
        .map(|(verified, acknowledged)| unlocked_by(verified, acknowledged, now_ms))
        .unwrap_or_default()
}

fn unlocked_by(purchase: VerifiedPurchase, acknowledged: bool, now_ms: i64) -> Entitlement {
    let deadline = (!acknowledged).then(|| {
        purchase
            .purchase_time_ms
            .saturating_add(ACKNOWLEDGEMENT_WINDOW_MS)
    });
    Entitlement {
        unlocked: true,
        purchase_token: Some(purchase.purchase_token),
        needs_acknowledgement: !acknowledged,
        acknowledgement_deadline_ms: deadline,
        acknowledgement_overdue: deadline.is_some_and(|d| now_ms > d),
    }
}

/// Free items are always open; everything else needs the unlock.
pub fn is_accessible(free: bool, entitlement: &Entitlement) -> bool {
    free || entitlement.unlocked
}

/// The outcome of the shell's owned-purchases query to Play.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnedQuery {
    /// The query succeeded and Play listed these purchase tokens as owned.
    Listed(Vec<String>),
    /// The query failed (offline, Play unavailable, billing not ready, ...).
    Failed,
}

/// Which stored purchase tokens to mark revoked after an owned-purchases
/// query. Only a successful query that no longer lists a token revokes it;
/// a failed query revokes nothing, because a learner who is offline or whose
/// Play Store is broken must not lose what they paid for.
pub fn tokens_to_revoke(stored_tokens: &[String], query: &OwnedQuery) -> Vec<String> {
    match query {
        OwnedQuery::Failed => Vec::new(),
        OwnedQuery::Listed(owned) => stored_tokens
            .iter()
            .filter(|token| !owned.contains(token))
            .cloned()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::unlock::test_support::{
        config, other_key, purchase_json, purchase_json_at, sign, sign_with, PACKAGE, PRODUCT,
    };

    const BOUGHT_MS: i64 = 1_764_000_000_000;

    fn row(json: String) -> StoredPurchase {
        StoredPurchase {
            signature_b64: sign(&json),
            original_json: json,
            acknowledged: false,
            revoked: false,
        }
    }

    fn valid_row(token: &str) -> StoredPurchase {
        row(purchase_json(PACKAGE, PRODUCT, 0, token))
    }

    #[test]
    fn no_purchases_means_locked() {
        assert_eq!(
            derive_entitlement(&config(), &[], BOUGHT_MS),
            Entitlement::default()
        );
    }

    #[test]
    fn a_valid_stored_purchase_unlocks() {
        let ent = derive_entitlement(&config(), &[valid_row("tok-1")], BOUGHT_MS);
        assert!(ent.unlocked);
        assert_eq!(ent.purchase_token.as_deref(), Some("tok-1"));
    }

    #[test]
    fn edited_rows_unlock_nothing() {
        let pending = row(purchase_json(PACKAGE, PRODUCT, 4, "tok-p"));
        let mut made_purchased = pending.clone();
        made_purchased.original_json = made_purchased
            .original_json
            .replace("\"purchaseState\":4", "\"purchaseState\":0");

        let other_product = row(purchase_json(PACKAGE, "coins_100", 0, "tok-c"));
        let mut product_swapped = other_product.clone();
        product_swapped.original_json = product_swapped.original_json.replace("coins_100", PRODUCT);

        let mut garbage_signature = valid_row("tok-g");
        garbage_signature.signature_b64 = "garbage".to_owned();

        let json = purchase_json(PACKAGE, PRODUCT, 0, "tok-k");
        let self_signed = StoredPurchase {
            signature_b64: sign_with(other_key(), &json),
            original_json: json,
            acknowledged: true,
            revoked: false,
        };

        for edited in [
            made_purchased,
            product_swapped,
            garbage_signature,
            self_signed,
        ] {
            let ent = derive_entitlement(&config(), std::slice::from_ref(&edited), BOUGHT_MS);
            assert!(!ent.unlocked, "row unlocked: {}", edited.original_json);
        }
    }

    #[test]
    fn editing_one_row_does_not_hide_a_valid_one() {
        let mut edited = valid_row("tok-bad");
        edited.original_json = edited.original_json.replace("tok-bad", "tok-forged");
        let ent = derive_entitlement(&config(), &[edited, valid_row("tok-good")], BOUGHT_MS);
        assert_eq!(ent.purchase_token.as_deref(), Some("tok-good"));
    }

    #[test]
    fn a_config_for_another_product_unlocks_nothing() {
        let mut cfg = config();
        cfg.product_id = "some_other_product".to_owned();
        assert!(!derive_entitlement(&cfg, &[valid_row("tok-1")], BOUGHT_MS).unlocked);
    }

    #[test]
    fn revoked_purchases_do_not_entitle() {
        let mut revoked = valid_row("tok-1");
        revoked.revoked = true;
        assert!(!derive_entitlement(&config(), &[revoked], BOUGHT_MS).unlocked);
    }

    #[test]
    fn unacknowledged_purchase_reports_the_three_day_deadline() {
        let deadline = BOUGHT_MS + 3 * 24 * 3_600_000;
        let before = derive_entitlement(&config(), &[valid_row("tok-1")], deadline);
        assert!(before.needs_acknowledgement);
        assert_eq!(before.acknowledgement_deadline_ms, Some(deadline));
        assert!(!before.acknowledgement_overdue);

        let after = derive_entitlement(&config(), &[valid_row("tok-1")], deadline + 1);
        assert!(after.unlocked, "never relock on a guess");
        assert!(after.acknowledgement_overdue);
    }

    #[test]
    fn shell_confirmation_clears_the_acknowledgement_need() {
        let mut confirmed = valid_row("tok-1");
        confirmed.acknowledged = true;
        let ent = derive_entitlement(&config(), &[confirmed], BOUGHT_MS);
        assert!(ent.unlocked);
        assert!(!ent.needs_acknowledgement);
        assert_eq!(ent.acknowledgement_deadline_ms, None);
        assert!(!ent.acknowledgement_overdue);
    }

    #[test]
    fn play_signed_acknowledgement_counts_on_restore() {
        let json = purchase_json(PACKAGE, PRODUCT, 0, "tok-1")
            .replace("\"acknowledged\":false", "\"acknowledged\":true");
        let ent = derive_entitlement(&config(), &[row(json)], BOUGHT_MS);
        assert!(!ent.needs_acknowledgement);
    }

    #[test]
    fn prefers_an_acknowledged_purchase_then_the_oldest() {
        let newer = row(purchase_json_at(
            PACKAGE,
            PRODUCT,
            0,
            "tok-new",
            BOUGHT_MS + 10,
        ));
        let older = row(purchase_json_at(PACKAGE, PRODUCT, 0, "tok-old", BOUGHT_MS));
        let ent = derive_entitlement(&config(), &[newer.clone(), older.clone()], BOUGHT_MS);
        assert_eq!(ent.purchase_token.as_deref(), Some("tok-old"));

        let acknowledged_newer = StoredPurchase {
            acknowledged: true,
            ..newer
        };
        let ent = derive_entitlement(&config(), &[older, acknowledged_newer], BOUGHT_MS);
        assert_eq!(ent.purchase_token.as_deref(), Some("tok-new"));
        assert!(!ent.needs_acknowledgement);
    }

    #[test]
    fn deadline_saturates_instead_of_overflowing() {
        let json = purchase_json_at(PACKAGE, PRODUCT, 0, "tok-1", i64::MAX - 5);
        let ent = derive_entitlement(&config(), &[row(json)], 0);
        assert_eq!(ent.acknowledgement_deadline_ms, Some(i64::MAX));
    }

    #[test]
    fn free_items_are_open_and_locked_ones_need_the_unlock() {
        let locked = Entitlement::default();
        let unlocked = Entitlement {
            unlocked: true,
            ..Entitlement::default()
        };
        assert!(is_accessible(true, &locked));
        assert!(!is_accessible(false, &locked));
        assert!(is_accessible(false, &unlocked));
    }

    #[test]
    fn failed_query_revokes_nothing() {
        let stored = vec!["tok-1".to_owned(), "tok-2".to_owned()];
        assert!(tokens_to_revoke(&stored, &OwnedQuery::Failed).is_empty());
    }

    #[test]
    fn successful_query_revokes_only_unlisted_tokens() {
        let stored = vec!["tok-1".to_owned(), "tok-2".to_owned()];
        let listed = OwnedQuery::Listed(vec!["tok-2".to_owned(), "tok-9".to_owned()]);
        assert_eq!(tokens_to_revoke(&stored, &listed), vec!["tok-1".to_owned()]);
        let empty = OwnedQuery::Listed(Vec::new());
        assert_eq!(tokens_to_revoke(&stored, &empty), stored);
    }
}
