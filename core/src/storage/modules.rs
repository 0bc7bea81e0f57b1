//! Which content version the stored items were matched against, and the
//! match itself: items a module no longer has are retired, never deleted.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};

use super::records::{ModuleSync, Stamp};
use super::{day_text, to_ms, Storage, StorageError};

impl Storage {
    /// The content version each module's items were last matched against.
    pub fn module_versions(&self) -> Result<HashMap<String, String>, StorageError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT module_id, content_version FROM modules")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Matches the stored items of `module_id` against the ids its content
    /// (at `content_version`) now has, in one transaction: items no longer
    /// there are retired (their state and review log stay, they leave the
    /// queues), retired items that are back are restored, and retired items
    /// still open in today's challenge leave it, which completes the
    /// challenge if everything else in it was done.
    pub fn sync_module(
        &mut self,
        module_id: &str,
        content_version: &str,
        item_ids: &[&str],
        stamp: &Stamp,
    ) -> Result<ModuleSync, StorageError> {
        let ids_json = serde_json::to_string(item_ids).unwrap_or_else(|_| "[]".into());
        self.write(|tx| {
            let previous_version: Option<String> = tx
                .query_row(
                    "SELECT content_version FROM modules WHERE module_id = ?1",
                    [module_id],
                    |r| r.get(0),
                )
                .optional()?;
            tx.execute(
                "INSERT INTO modules (module_id, content_version, installed_ms, updated_ms)
                 VALUES (?1, ?2, ?3, ?3)
                 ON CONFLICT (module_id) DO UPDATE SET content_version = excluded.content_version,
                   updated_ms = excluded.updated_ms",
                params![module_id, content_version, to_ms(stamp.at)],
            )?;
            let retired = tx.execute(
                "UPDATE items SET retired_ms = ?3
                 WHERE module_id = ?1 AND retired_ms IS NULL
                   AND item_id NOT IN (SELECT value FROM json_each(?2))",
                params![module_id, ids_json, to_ms(stamp.at)],
            )?;
            let restored = tx.execute(
                "UPDATE items SET retired_ms = NULL
                 WHERE module_id = ?1 AND retired_ms IS NOT NULL
                   AND item_id IN (SELECT value FROM json_each(?2))",
                params![module_id, ids_json],
            )?;
            let dropped = tx.execute(
                "DELETE FROM daily_challenge_items
                 WHERE learning_day = ?1 AND module_id = ?2 AND done_ms IS NULL
                   AND item_id NOT IN (SELECT value FROM json_each(?3))",
                params![day_text(stamp.learning_day), module_id, ids_json],
            )?;
            if dropped > 0 {
                super::daily::complete_if_all_done(tx, stamp)?;
            }
            Ok(ModuleSync {
                module_id: module_id.to_owned(),
                previous_version,
                content_version: content_version.to_owned(),
                retired: retired as u32,
                restored: restored as u32,
                challenge_items_dropped: dropped as u32,
            })
        })
    }

    /// Modules the learner has met an item of (retired items aside).
    pub fn started_modules(&self) -> Result<Vec<String>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT module_id FROM items WHERE retired_ms IS NULL ORDER BY module_id",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
