//! The story workshop: drafts by part and analyzed versions.

use rusqlite::{params, OptionalExtension};

use super::{from_ms, to_ms, Storage, StorageError};
use crate::content::StarPart;
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq)]
pub struct StoryRow {
    pub id: i64,
    pub title: String,
    pub updated_at: DateTime<Utc>,
    pub versions: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StoryVersionRow {
    pub version: u32,
    pub saved_at: DateTime<Utc>,
    pub body: String,
    pub tier: String,
    pub score: u8,
    pub takeaway_share: f64,
}

fn part_from_text(text: &str) -> rusqlite::Result<StarPart> {
    StarPart::ALL
        .into_iter()
        .find(|p| p.as_str() == text)
        .ok_or_else(|| super::progress::bad_value("part", text))
}

impl Storage {
    pub fn create_story(&mut self, title: &str, at: DateTime<Utc>) -> Result<i64, StorageError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO stories (title, created_ms, updated_ms) VALUES (?1, ?2, ?2)",
                params![title, to_ms(at)],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    pub fn stories(&self) -> Result<Vec<StoryRow>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.title, s.updated_ms,
                    (SELECT count(*) FROM story_versions v WHERE v.story_id = s.id)
             FROM stories s ORDER BY s.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(StoryRow {
                id: r.get(0)?,
                title: r.get(1)?,
                updated_at: from_ms(r.get(2)?),
                versions: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn story_exists(&self, id: i64) -> Result<bool, StorageError> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM stories WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Sets one part of the draft (an empty body removes it).
    pub fn set_story_part(
        &mut self,
        id: i64,
        part: StarPart,
        body: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        self.write(|tx| {
            if body.trim().is_empty() {
                tx.execute(
                    "DELETE FROM story_parts WHERE story_id = ?1 AND part = ?2",
                    params![id, part.as_str()],
                )?;
            } else {
                tx.execute(
                    "INSERT INTO story_parts (story_id, part, body) VALUES (?1, ?2, ?3)
                     ON CONFLICT (story_id, part) DO UPDATE SET body = excluded.body",
                    params![id, part.as_str(), body],
                )?;
            }
            tx.execute(
                "UPDATE stories SET updated_ms = ?2 WHERE id = ?1",
                params![id, to_ms(at)],
            )?;
            Ok(())
        })
    }

    /// The draft's parts in STAR-T order.
    pub fn story_parts(&self, id: i64) -> Result<Vec<(StarPart, String)>, StorageError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT part, body FROM story_parts WHERE story_id = ?1")?;
        let mut parts: Vec<(StarPart, String)> = stmt
            .query_map([id], |r| Ok((part_from_text(&r.get::<_, String>(0)?)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        parts.sort_by_key(|(part, _)| *part);
        Ok(parts)
    }

    /// Stores a new version and returns its number (1, 2, ...).
    pub fn save_story_version(
        &mut self,
        id: i64,
        version: &StoryVersionRow,
    ) -> Result<u32, StorageError> {
        self.write(|tx| {
            let next: u32 = tx.query_row(
                "SELECT coalesce(max(version), 0) + 1 FROM story_versions WHERE story_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO story_versions (story_id, version, saved_ms, body, tier, score, takeaway_share)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    id,
                    next,
                    to_ms(version.saved_at),
                    version.body,
                    version.tier,
                    version.score,
                    version.takeaway_share
                ],
            )?;
            Ok(next)
        })
    }

    pub fn story_versions(&self, id: i64) -> Result<Vec<StoryVersionRow>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT version, saved_ms, body, tier, score, takeaway_share
             FROM story_versions WHERE story_id = ?1 ORDER BY version",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(StoryVersionRow {
                version: r.get(0)?,
                saved_at: from_ms(r.get(1)?),
                body: r.get(2)?,
                tier: r.get(3)?,
                score: r.get(4)?,
                takeaway_share: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
