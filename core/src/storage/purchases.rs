//! Signed store purchases. Nothing here decides entitlement: the `unlock`
//! module re-verifies these rows every time.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::records::PurchaseRow;
use super::{to_ms, Storage, StorageError};

impl Storage {
    /// Stores a verified purchase; storing the same token again keeps its
    /// acknowledgement and clears an earlier revocation (a restore).
    pub fn store_purchase(
        &mut self,
        row: &PurchaseRow,
        at: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO purchases (purchase_token, product_id, original_json, signature, stored_ms, acknowledged)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (purchase_token) DO UPDATE SET original_json = excluded.original_json,
                   signature = excluded.signature, revoked_ms = NULL,
                   acknowledged = max(acknowledged, excluded.acknowledged)",
                params![
                    row.purchase_token,
                    row.product_id,
                    row.original_json,
                    row.signature,
                    to_ms(at),
                    row.acknowledged
                ],
            )?;
            Ok(())
        })
    }

    pub fn purchases(&self) -> Result<Vec<PurchaseRow>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT purchase_token, product_id, original_json, signature, acknowledged, revoked_ms IS NOT NULL
             FROM purchases ORDER BY stored_ms",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(PurchaseRow {
                purchase_token: r.get(0)?,
                product_id: r.get(1)?,
                original_json: r.get(2)?,
                signature: r.get(3)?,
                acknowledged: r.get(4)?,
                revoked: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Returns whether a stored purchase had that token.
    pub fn acknowledge_purchase(&mut self, token: &str) -> Result<bool, StorageError> {
        self.write(|tx| {
            Ok(tx.execute(
                "UPDATE purchases SET acknowledged = 1 WHERE purchase_token = ?1",
                [token],
            )? == 1)
        })
    }

    pub fn revoke_purchase(&mut self, token: &str, at: DateTime<Utc>) -> Result<bool, StorageError> {
        self.write(|tx| {
            Ok(tx.execute(
                "UPDATE purchases SET revoked_ms = ?2 WHERE purchase_token = ?1 AND revoked_ms IS NULL",
                params![token, to_ms(at)],
            )? == 1)
        })
    }
}
