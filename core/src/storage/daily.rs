//! Daily challenges and their completion.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};

use super::progress::parse_kind;
use super::records::*;
use super::{day_text, from_ms, parse_day, to_ms, Storage, StorageError};

impl Storage {
    /// The stored challenge of `day`, if one was built.
    pub fn challenge(&self, day: NaiveDate) -> Result<Option<StoredChallenge>, StorageError> {
        let completed: Option<Option<i64>> = self
            .conn
            .query_row(
                "SELECT completed_ms FROM daily_challenges WHERE learning_day = ?1",
                [day_text(day)],
                |r| r.get(0),
            )
            .optional()?;
        let Some(completed_ms) = completed else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT item_id, kind, done_ms, module_id FROM daily_challenge_items
             WHERE learning_day = ?1 ORDER BY position",
        )?;
        let items = stmt
            .query_map([day_text(day)], |r| {
                Ok(StoredChallengeItem {
                    item_id: r.get(0)?,
                    module_id: r.get(3)?,
                    kind: parse_kind(&r.get::<_, String>(1)?)?,
                    done: r.get::<_, Option<i64>>(2)?.is_some(),
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Some(StoredChallenge {
            learning_day: day,
            items,
            completed_at: completed_ms.map(from_ms),
        }))
    }

    /// Stores the challenge built for `stamp.learning_day` unless one exists,
    /// and returns the stored one: the first build of a day wins.
    pub fn ensure_challenge(
        &mut self,
        stamp: &Stamp,
        items: &[NewChallengeItem],
    ) -> Result<StoredChallenge, StorageError> {
        let day = stamp.learning_day;
        self.write(|tx| {
            let inserted = tx.execute(
                "INSERT OR IGNORE INTO daily_challenges (learning_day, created_ms) VALUES (?1, ?2)",
                params![day_text(day), to_ms(stamp.at)],
            )?;
            if inserted == 1 {
                let mut stmt = tx.prepare_cached(
                    "INSERT INTO daily_challenge_items (learning_day, position, item_id, kind, module_id)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?;
                for (position, item) in items.iter().enumerate() {
                    stmt.execute(params![
                        day_text(day),
                        position as i64,
                        item.item_id,
                        item.kind.as_str(),
                        item.module_id
                    ])?;
                }
            }
            Ok(())
        })?;
        self.challenge(day)?
            .ok_or(StorageError::Sqlite(rusqlite::Error::QueryReturnedNoRows))
    }

    /// Every completed challenge in the order completions were recorded, for streaks.
    pub fn challenge_completions(&self) -> Result<Vec<ChallengeCompletion>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT learning_day, completed_ms, completed_zone, completed_offset_s
             FROM daily_challenges WHERE completed_ms IS NOT NULL ORDER BY completion_seq",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ChallengeCompletion {
                learning_day: parse_day(&r.get::<_, String>(0)?)?,
                completed_at: from_ms(r.get(1)?),
                zone: r.get(2)?,
                utc_offset_s: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Marks `item_id` done in the challenge of the answer's learning day, and
/// completes the challenge when it was the last open item. Returns whether
/// this answer completed it.
pub(super) fn mark_challenge_item(
    tx: &Transaction<'_>,
    item_id: &str,
    stamp: &Stamp,
) -> rusqlite::Result<bool> {
    let day = day_text(stamp.learning_day);
    let marked = tx
        .prepare_cached(
            "UPDATE daily_challenge_items SET done_ms = ?3
             WHERE learning_day = ?1 AND item_id = ?2 AND done_ms IS NULL",
        )?
        .execute(params![day, item_id, to_ms(stamp.at)])?;
    if marked == 0 {
        return Ok(false);
    }
    complete_if_all_done(tx, stamp)
}

/// Completes the challenge of the stamp's learning day when none of its
/// items is open any more; returns whether it did.
pub(super) fn complete_if_all_done(tx: &Transaction<'_>, stamp: &Stamp) -> rusqlite::Result<bool> {
    let day = day_text(stamp.learning_day);
    let (open, total): (i64, i64) = tx.query_row(
        "SELECT coalesce(sum(done_ms IS NULL), 0), count(*) FROM daily_challenge_items
         WHERE learning_day = ?1",
        [&day],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if open > 0 || total == 0 {
        return Ok(false);
    }
    tx.execute(
        "UPDATE daily_challenges SET completed_ms = ?2, completed_zone = ?3, completed_offset_s = ?4,
           completion_seq = (SELECT coalesce(max(completion_seq), 0) + 1 FROM daily_challenges)
         WHERE learning_day = ?1 AND completed_ms IS NULL",
        params![day, to_ms(stamp.at), stamp.zone, stamp.utc_offset_s],
    )
    .map(|n| n == 1)
}

/// Reopens the challenge item an answer at `answered_ms` marked done on
/// `day`, and the challenge's completion if that answer completed it.
pub(super) fn unmark_challenge_item(
    tx: &Transaction<'_>,
    item_id: &str,
    day: NaiveDate,
    answered_ms: i64,
) -> rusqlite::Result<()> {
    let day = day_text(day);
    let reopened = tx
        .prepare_cached(
            "UPDATE daily_challenge_items SET done_ms = NULL
             WHERE learning_day = ?1 AND item_id = ?2 AND done_ms = ?3",
        )?
        .execute(params![day, item_id, answered_ms])?;
    if reopened > 0 {
        tx.execute(
            "UPDATE daily_challenges SET completed_ms = NULL, completed_zone = NULL,
               completed_offset_s = NULL, completion_seq = NULL
             WHERE learning_day = ?1 AND completed_ms = ?2",
            params![day, answered_ms],
        )?;
    }
    Ok(())
}
