//! Learning state, the review log and attempts.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::records::*;
use super::{day_from_number, day_number, from_ms, to_ms, Storage, StorageError};
use crate::scheduler::{CardState, MemoryState, Phase, Rating};

/// The compact code of a phase in the review log.
pub(super) fn phase_code(phase: Phase) -> i64 {
    match phase {
        Phase::New => 0,
        Phase::Learning => 1,
        Phase::Review => 2,
        Phase::Relearning => 3,
    }
}

pub(super) fn phase_from_code(code: i64) -> rusqlite::Result<Phase> {
    match code {
        0 => Ok(Phase::New),
        1 => Ok(Phase::Learning),
        2 => Ok(Phase::Review),
        3 => Ok(Phase::Relearning),
        other => Err(bad_value("phase", &other.to_string())),
    }
}

pub(super) fn phase_text(phase: Phase) -> &'static str {
    match phase {
        Phase::New => "new",
        Phase::Learning => "learning",
        Phase::Review => "review",
        Phase::Relearning => "relearning",
    }
}

pub(super) fn parse_phase(text: &str) -> rusqlite::Result<Phase> {
    match text {
        "new" => Ok(Phase::New),
        "learning" => Ok(Phase::Learning),
        "review" => Ok(Phase::Review),
        "relearning" => Ok(Phase::Relearning),
        other => Err(bad_value("phase", other)),
    }
}

pub(super) fn parse_rating(value: i64) -> rusqlite::Result<Rating> {
    match value {
        1 => Ok(Rating::Again),
        2 => Ok(Rating::Hard),
        3 => Ok(Rating::Good),
        4 => Ok(Rating::Easy),
        other => Err(bad_value("rating", &other.to_string())),
    }
}

pub(super) fn parse_kind(text: &str) -> rusqlite::Result<ItemKind> {
    ItemKind::parse(text).ok_or_else(|| bad_value("kind", text))
}

pub(super) fn bad_value(column: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("unexpected {column} {value:?}").into(),
    )
}

/// Columns: item_id, kind, phase, stability, difficulty, due_ms, last_review_ms, reps, lapses, module_id.
fn stored_item(row: &Row<'_>) -> rusqlite::Result<StoredItem> {
    let stability: Option<f64> = row.get(3)?;
    let difficulty: Option<f64> = row.get(4)?;
    let memory = match (stability, difficulty) {
        (Some(s), Some(d)) => Some(MemoryState {
            stability: s as f32,
            difficulty: d as f32,
        }),
        _ => None,
    };
    Ok(StoredItem {
        item_id: row.get(0)?,
        module_id: row.get(9)?,
        kind: parse_kind(&row.get::<_, String>(1)?)?,
        state: CardState {
            phase: parse_phase(&row.get::<_, String>(2)?)?,
            memory,
            due: from_ms(row.get(5)?),
            last_review: row.get::<_, Option<i64>>(6)?.map(from_ms),
            reps: row.get(7)?,
            lapses: row.get(8)?,
        },
    })
}

const ITEM_COLUMNS: &str =
    "item_id, kind, phase, stability, difficulty, due_ms, last_review_ms, reps, lapses, module_id";

impl Storage {
    /// The item's learning state, or `None` if the learner has never met it.
    pub fn item(&self, item_id: &str) -> Result<Option<StoredItem>, StorageError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM items WHERE item_id = ?1"
        ))?;
        Ok(stmt.query_row([item_id], stored_item).optional()?)
    }

    /// Items due at or before `until`, soonest first, at most `limit`;
    /// retired items are never due.
    pub fn due_items(
        &self,
        until: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<StoredItem>, StorageError> {
        let sql = format!(
            "SELECT {ITEM_COLUMNS} FROM items WHERE due_ms <= ?1 AND retired_ms IS NULL
             ORDER BY due_ms LIMIT ?2"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![to_ms(until), limit], stored_item)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The learning state of every item of `module_id` the learner has met,
    /// retired ones left out.
    pub fn module_items(&self, module_id: &str) -> Result<Vec<StoredItem>, StorageError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM items WHERE module_id = ?1 AND retired_ms IS NULL"
        ))?;
        let rows = stmt.query_map([module_id], stored_item)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Per module with any current item: items met, items whose stability
    /// reached `mature_days`, and the reviews and time spent on it (retired
    /// items' history included: it was the learner's work).
    pub fn module_totals(&self, mature_days: f64) -> Result<Vec<ModuleTotals>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.module_id,
                    sum(i.retired_ms IS NULL),
                    sum(i.retired_ms IS NULL AND coalesce(i.stability, 0) >= ?1),
                    coalesce(sum(r.reviews), 0), coalesce(sum(r.time_ms), 0)
             FROM items i LEFT JOIN
               (SELECT item_id, count(*) AS reviews, sum(duration_ms) AS time_ms
                FROM review_log GROUP BY item_id) r ON r.item_id = i.item_id
             GROUP BY i.module_id ORDER BY i.module_id",
        )?;
        let rows = stmt.query_map([mature_days], |r| {
            Ok(ModuleTotals {
                module_id: r.get(0)?,
                items_started: r.get(1)?,
                items_mature: r.get(2)?,
                reviews: r.get::<_, i64>(3)? as u64,
                time_studied_ms: r.get::<_, i64>(4)? as u64,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Ids of every item the learner has met.
    pub fn seen_item_ids(&self) -> Result<Vec<String>, StorageError> {
        let mut stmt = self.conn.prepare_cached("SELECT item_id FROM items")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many items were met for the first time on `day`.
    pub fn new_items_on(&self, day: NaiveDate) -> Result<u32, StorageError> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM review_log WHERE learning_day = ?1 AND phase_before = 0",
            [day_number(day)],
            |r| r.get(0),
        )?)
    }

    /// Records one answer: the attempt, the review log row, the new item state
    /// and, if the item belongs to that day's challenge, its progress, all in
    /// one transaction.
    pub fn record_answer(
        &mut self,
        review: &ReviewRecord<'_>,
        attempt: &Attempt<'_>,
    ) -> Result<RecordedAnswer, StorageError> {
        self.write(|tx| record_in(tx, review, attempt))
    }

    /// Takes back the newest answer in one transaction: its attempt and
    /// review row go, the item returns to its state before, and the challenge
    /// item (and the challenge's completion) it marked are open again.
    /// Returns false, changing nothing, when `undo` is not the newest review.
    pub fn undo_answer(&mut self, undo: &AnswerUndo) -> Result<bool, StorageError> {
        self.write(|tx| {
            let newest: Option<(i64, i64, i64)> = tx
                .query_row(
                    "SELECT id, reviewed_ms, learning_day FROM review_log ORDER BY id DESC LIMIT 1",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let Some((newest_id, reviewed_ms, learning_day)) = newest else {
                return Ok(false);
            };
            if newest_id != undo.review_id {
                return Ok(false);
            }
            tx.execute(
                "DELETE FROM quiz_attempts WHERE review_id = ?1",
                [newest_id],
            )?;
            tx.execute(
                "DELETE FROM exercise_attempts WHERE review_id = ?1",
                [newest_id],
            )?;
            tx.execute("DELETE FROM review_log WHERE id = ?1", [newest_id])?;
            match &undo.before {
                Some(state) => {
                    let module_id: String = tx.query_row(
                        "SELECT module_id FROM items WHERE item_id = ?1",
                        [&undo.item_id],
                        |r| r.get(0),
                    )?;
                    write_item(tx, &undo.item_id, undo.kind, &module_id, state)?
                }
                None => {
                    tx.execute("DELETE FROM items WHERE item_id = ?1", [&undo.item_id])?;
                }
            }
            super::daily::unmark_challenge_item(
                tx,
                &undo.item_id,
                day_from_number(learning_day),
                reviewed_ms,
            )?;
            Ok(true)
        })
    }

    /// How many answers the learner has given to `item_id`.
    pub fn answer_count(&self, item_id: &str) -> Result<u32, StorageError> {
        Ok(self
            .conn
            .prepare_cached("SELECT count(*) FROM review_log WHERE item_id = ?1")?
            .query_row([item_id], |r| r.get(0))?)
    }

    /// The earliest due instant after `after` among items `include` accepts,
    /// looking at up to `limit` items.
    pub fn next_due_after(
        &self,
        after: DateTime<Utc>,
        limit: u32,
        include: impl Fn(&str) -> bool,
    ) -> Result<Option<DateTime<Utc>>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT item_id, due_ms FROM items WHERE due_ms > ?1 ORDER BY due_ms LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![to_ms(after), limit], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?;
        for row in rows {
            let (id, due) = row?;
            if include(&id) {
                return Ok(Some(from_ms(due)));
            }
        }
        Ok(None)
    }

    /// Records many answers in one transaction (imports and simulations).
    pub fn record_answers(
        &mut self,
        answers: &[(ReviewRecord<'_>, Attempt<'_>)],
    ) -> Result<(), StorageError> {
        self.write(|tx| {
            for (review, attempt) in answers {
                record_in(tx, review, attempt)?;
            }
            Ok(())
        })
    }

    /// The whole review log in time order, for FSRS optimization.
    pub fn review_log(&self) -> Result<Vec<ReviewLogRow>, StorageError> {
        self.recent_reviews(u32::MAX)
    }

    /// The most recent `limit` reviews, in time order.
    pub fn recent_reviews(&self, limit: u32) -> Result<Vec<ReviewLogRow>, StorageError> {
        let mut stmt = self.conn.prepare(
            "SELECT * FROM (SELECT item_id, reviewed_ms, learning_day, rating, duration_ms, id
             FROM review_log ORDER BY id DESC LIMIT ?1) ORDER BY reviewed_ms, id",
        )?;
        let rows = stmt.query_map([limit], |r| {
            Ok(ReviewLogRow {
                item_id: r.get(0)?,
                reviewed_at: from_ms(r.get(1)?),
                learning_day: day_from_number(r.get(2)?),
                rating: parse_rating(r.get(3)?)?,
                duration_ms: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Reviews counted per learning day from `since` on (for the heatmap).
    pub fn reviews_per_day(&self, since: NaiveDate) -> Result<Vec<(NaiveDate, u32)>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT learning_day, count(*) FROM review_log WHERE learning_day >= ?1
             GROUP BY learning_day ORDER BY learning_day",
        )?;
        let rows = stmt.query_map([day_number(since)], |r| {
            Ok((day_from_number(r.get(0)?), r.get(1)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Reviews of items already in long-term review, and how many of them
    /// were recalled (not rated Again): the learner's true retention.
    pub fn retention_counts(&self) -> Result<(u64, u64), StorageError> {
        Ok(self.conn.query_row(
            "SELECT count(*), coalesce(sum(rating > 1), 0) FROM review_log WHERE phase_before = 2",
            [],
            |r| Ok((r.get::<_, i64>(1)? as u64, r.get::<_, i64>(0)? as u64)),
        )?)
    }

    /// Total time spent answering, in milliseconds.
    pub fn time_studied_ms(&self) -> Result<u64, StorageError> {
        Ok(self.conn.query_row(
            "SELECT coalesce(sum(duration_ms), 0) FROM review_log",
            [],
            |r| r.get::<_, i64>(0),
        )? as u64)
    }

    pub fn review_count(&self) -> Result<i64, StorageError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM review_log", [], |r| r.get(0))?)
    }

    /// Every quiz and scenario answer in time order.
    pub fn choice_attempts(&self) -> Result<Vec<ChoiceAttemptRow>, StorageError> {
        self.recent_choice_attempts(u32::MAX)
    }

    /// The most recent `limit` quiz and scenario answers, in time order.
    pub fn recent_choice_attempts(
        &self,
        limit: u32,
    ) -> Result<Vec<ChoiceAttemptRow>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT * FROM (
               SELECT r.item_id, i.kind, r.learning_day, a.correct, r.duration_ms, r.reviewed_ms, r.id
               FROM quiz_attempts a JOIN review_log r ON r.id = a.review_id
               JOIN items i ON i.item_id = r.item_id
               ORDER BY a.review_id DESC LIMIT ?1)
             ORDER BY reviewed_ms, id",
        )?;
        let rows = stmt.query_map([limit], |r| {
            Ok(ChoiceAttemptRow {
                item_id: r.get(0)?,
                kind: parse_kind(&r.get::<_, String>(1)?)?,
                learning_day: day_from_number(r.get(2)?),
                correct: r.get(3)?,
                duration_ms: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every exercise answer in time order, with the learner's text.
    pub fn exercise_attempts(&self) -> Result<Vec<ExerciseAttemptRow>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.item_id, r.reviewed_ms, r.learning_day, a.answer_text, a.tier, a.score
             FROM exercise_attempts a JOIN review_log r ON r.id = a.review_id
             ORDER BY r.reviewed_ms, r.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ExerciseAttemptRow {
                item_id: r.get(0)?,
                answered_at: from_ms(r.get(1)?),
                learning_day: day_from_number(r.get(2)?),
                text: r.get(3)?,
                tier: r.get(4)?,
                score: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Median answer time of the learner's most recent correct answers to
    /// items `is_peer` accepts (questions of one type), over up to `window`.
    pub fn typical_duration_ms(
        &self,
        is_peer: impl Fn(&str) -> bool,
        window: usize,
    ) -> Result<Option<u32>, StorageError> {
        // Peers are filtered here: an IN list of a large pack's ids would make
        // SQLite scan far more.
        // Only the most recent answers are looked at, so a long run of wrong
        // answers cannot turn this into a scan of the whole history.
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.item_id, r.duration_ms
             FROM (SELECT review_id FROM quiz_attempts WHERE review_id IN
                     (SELECT review_id FROM quiz_attempts ORDER BY review_id DESC LIMIT ?1)
                   AND correct = 1) a
             JOIN review_log r ON r.id = a.review_id
             ORDER BY a.review_id DESC",
        )?;
        let scan = (window * RECENT_SCAN_FACTOR) as i64;
        let mut durations: Vec<u32> = stmt
            .query_map([scan], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?))
            })?
            .filter_map(|row| match row {
                Ok((id, ms)) => is_peer(&id).then_some(Ok(ms)),
                Err(e) => Some(Err(e)),
            })
            .take(window)
            .collect::<Result<_, _>>()?;
        if durations.is_empty() {
            return Ok(None);
        }
        durations.sort_unstable();
        Ok(Some(durations[durations.len() / 2]))
    }
}

/// How many recent correct answers to look through per answer wanted.
const RECENT_SCAN_FACTOR: usize = 4;

fn record_in(
    tx: &Transaction<'_>,
    review: &ReviewRecord<'_>,
    attempt: &Attempt<'_>,
) -> rusqlite::Result<RecordedAnswer> {
    write_item(
        tx,
        review.item_id,
        review.kind,
        review.module_id,
        review.after,
    )?;
    let review_id = insert_review(tx, review)?;
    insert_attempt(tx, review_id, attempt)?;
    let challenge_completed = super::daily::mark_challenge_item(tx, review.item_id, review.stamp)?;
    Ok(RecordedAnswer {
        review_id,
        challenge_completed,
    })
}

fn write_item(
    tx: &Transaction<'_>,
    item_id: &str,
    kind: ItemKind,
    module_id: &str,
    s: &CardState,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO items (item_id, kind, phase, stability, difficulty, due_ms, last_review_ms, reps, lapses, module_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (item_id) DO UPDATE SET kind = excluded.kind, phase = excluded.phase,
           stability = excluded.stability, difficulty = excluded.difficulty, due_ms = excluded.due_ms,
           last_review_ms = excluded.last_review_ms, reps = excluded.reps, lapses = excluded.lapses,
           module_id = excluded.module_id, retired_ms = NULL",
    )?
    .execute(params![
        item_id,
        kind.as_str(),
        phase_text(s.phase),
        s.memory.map(|m| m.stability as f64),
        s.memory.map(|m| m.difficulty as f64),
        to_ms(s.due),
        s.last_review.map(to_ms),
        s.reps,
        s.lapses,
        module_id,
    ])?;
    Ok(())
}

pub(super) fn zone_id(tx: &Transaction<'_>, zone: &str) -> rusqlite::Result<i64> {
    tx.prepare_cached("INSERT INTO zones (name) VALUES (?1) ON CONFLICT (name) DO NOTHING")?
        .execute([zone])?;
    tx.prepare_cached("SELECT id FROM zones WHERE name = ?1")?
        .query_row([zone], |r| r.get(0))
}

fn insert_review(tx: &Transaction<'_>, review: &ReviewRecord<'_>) -> rusqlite::Result<i64> {
    let memory = review.after.memory.unwrap_or(MemoryState {
        stability: 0.0,
        difficulty: 0.0,
    });
    let zone = zone_id(tx, &review.stamp.zone)?;
    tx.prepare_cached(
        "INSERT INTO review_log (item_id, reviewed_ms, zone_id, utc_offset_s, learning_day, rating,
           duration_ms, phase_before, elapsed_days, stability, difficulty, due_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        review.item_id,
        to_ms(review.stamp.at),
        zone,
        review.stamp.utc_offset_s,
        day_number(review.stamp.learning_day),
        review.rating as i64,
        review.duration_ms,
        phase_code(review.before.phase),
        review.elapsed_days,
        memory.stability as f64,
        memory.difficulty as f64,
        to_ms(review.after.due),
    ])?;
    Ok(tx.last_insert_rowid())
}

fn insert_attempt(
    tx: &Transaction<'_>,
    review_id: i64,
    attempt: &Attempt<'_>,
) -> rusqlite::Result<()> {
    match attempt {
        Attempt::Choice { choice, correct } => tx
            .prepare_cached(
                "INSERT INTO quiz_attempts (review_id, choice, correct) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![review_id, choice, correct])?,
        Attempt::Text {
            text,
            tier,
            score,
            analysis_json,
        } => tx
            .prepare_cached(
                "INSERT INTO exercise_attempts (review_id, answer_text, tier, score, analysis_json)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                review_id,
                text,
                tier.as_str(),
                score,
                analysis_json
            ])?,
    };
    Ok(())
}
