//! Export and import of all progress as one versioned JSON document (see
//! `docs/EXPORT_FORMAT.md`), to move to a new phone. Import validates every
//! row first, then merges in one transaction: rows already present (same
//! item and instant) are skipped, so importing twice duplicates nothing.

use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};

use super::progress::{parse_phase, phase_code, phase_from_code, phase_text, zone_id};
use super::{day_from_number, day_number, day_text, parse_day, Storage, StorageError};

pub const EXPORT_FORMAT: &str = "aiprep-progress";
/// Version 2 added the module of items and challenge entries.
pub const EXPORT_VERSION: u32 = 2;
/// Where version 1 exports, from before modules, put every item.
const FIRST_MODULE: &str = "failure-story";

fn first_module() -> String {
    FIRST_MODULE.to_owned()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressExport {
    pub format: String,
    pub version: u32,
    pub items: Vec<ItemRow>,
    pub reviews: Vec<ReviewRow>,
    pub challenges: Vec<ChallengeRow>,
    pub stories: Vec<StoryExport>,
    pub settings: Vec<SettingRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemRow {
    pub item_id: String,
    pub kind: String,
    pub phase: String,
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    pub due_ms: i64,
    pub last_review_ms: Option<i64>,
    pub reps: u32,
    pub lapses: u32,
    #[serde(default = "first_module")]
    pub module_id: String,
    /// When the module's content dropped the item; its history stays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired_ms: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewRow {
    pub item_id: String,
    pub reviewed_ms: i64,
    pub zone: String,
    pub utc_offset_s: i32,
    pub learning_day: String,
    pub rating: u8,
    pub duration_ms: u32,
    pub phase_before: String,
    pub elapsed_days: f64,
    pub stability: f64,
    pub difficulty: f64,
    pub due_ms: i64,
    /// The answer behind the review: a choice (quiz, scenario) ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<ChoiceAnswer>,
    /// ... or a written answer with its analysis (exercise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<WrittenAnswer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceAnswer {
    pub choice: u32,
    pub correct: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrittenAnswer {
    pub text: String,
    pub tier: String,
    pub score: u8,
    pub analysis_json: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChallengeRow {
    pub learning_day: String,
    pub created_ms: i64,
    pub completed_ms: Option<i64>,
    /// Order of completion as recorded (see the schema).
    pub completion_seq: Option<i64>,
    pub completed_zone: Option<String>,
    pub completed_offset_s: Option<i32>,
    pub items: Vec<ChallengeItemRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChallengeItemRow {
    pub item_id: String,
    pub kind: String,
    pub done_ms: Option<i64>,
    #[serde(default = "first_module")]
    pub module_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryExport {
    pub title: String,
    pub created_ms: i64,
    pub updated_ms: i64,
    pub parts: Vec<StoryPartRow>,
    pub versions: Vec<StoryVersionExport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryPartRow {
    pub part: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryVersionExport {
    pub version: u32,
    pub saved_ms: i64,
    pub body: String,
    pub tier: String,
    pub score: u8,
    pub takeaway_share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingRow {
    pub key: String,
    pub value: String,
}

/// What an import added.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ImportReport {
    pub items: u64,
    pub reviews: u64,
    pub quiz_attempts: u64,
    pub exercise_attempts: u64,
    pub challenges: u64,
    pub stories: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("not an aiprep progress export: {0}")]
    Malformed(String),
    #[error(
        "export format version {found} is newer than this app reads ({supported}); update the app"
    )]
    NewerVersion { found: u32, supported: u32 },
    #[error("{section}[{index}]: {field}: {message}")]
    Invalid {
        section: &'static str,
        index: usize,
        field: &'static str,
        message: String,
    },
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Parses an export document; nothing is written.
pub fn parse_export(json: &str) -> Result<ProgressExport, ImportError> {
    let export: ProgressExport =
        serde_json::from_str(json).map_err(|e| ImportError::Malformed(e.to_string()))?;
    if export.format != EXPORT_FORMAT {
        return Err(ImportError::Malformed(format!(
            "format is {:?}, expected {EXPORT_FORMAT:?}",
            export.format
        )));
    }
    if export.version > EXPORT_VERSION {
        return Err(ImportError::NewerVersion {
            found: export.version,
            supported: EXPORT_VERSION,
        });
    }
    validate(&export)?;
    Ok(export)
}

fn invalid(section: &'static str, index: usize, field: &'static str, message: &str) -> ImportError {
    ImportError::Invalid {
        section,
        index,
        field,
        message: message.to_owned(),
    }
}

const KINDS: [&str; 3] = ["quiz", "scenario", "exercise"];
const PHASES: [&str; 4] = ["new", "learning", "review", "relearning"];
const PARTS: [&str; 5] = ["situation", "task", "action", "result", "takeaway"];
const TIERS: [&str; 4] = ["weak", "developing", "strong", "exemplary"];

fn check_day(section: &'static str, index: usize, day: &str) -> Result<(), ImportError> {
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map(|_| ())
        .map_err(|_| invalid(section, index, "learning_day", "expected YYYY-MM-DD"))
}

fn check_one_of(
    section: &'static str,
    index: usize,
    field: &'static str,
    value: &str,
    allowed: &[&str],
) -> Result<(), ImportError> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(invalid(
            section,
            index,
            field,
            &format!("expected one of {allowed:?}"),
        ))
    }
}

fn check_id(section: &'static str, index: usize, id: &str) -> Result<(), ImportError> {
    if id.is_empty() || id.len() > 200 {
        return Err(invalid(
            section,
            index,
            "item_id",
            "expected 1 to 200 bytes",
        ));
    }
    Ok(())
}

fn validate(e: &ProgressExport) -> Result<(), ImportError> {
    for (i, r) in e.items.iter().enumerate() {
        check_id("items", i, &r.item_id)?;
        if r.module_id.trim().is_empty() {
            return Err(invalid("items", i, "module_id", "must not be empty"));
        }
        check_one_of("items", i, "kind", &r.kind, &KINDS)?;
        check_one_of("items", i, "phase", &r.phase, &PHASES)?;
        if r.stability.is_some() != r.difficulty.is_some()
            || r.stability.is_some_and(|s| !s.is_finite() || s < 0.0)
            || r.difficulty
                .is_some_and(|d| !d.is_finite() || !(0.0..=10.0).contains(&d))
        {
            return Err(invalid("items", i, "stability", "invalid memory state"));
        }
    }
    for (i, r) in e.reviews.iter().enumerate() {
        check_id("reviews", i, &r.item_id)?;
        check_day("reviews", i, &r.learning_day)?;
        check_one_of("reviews", i, "phase_before", &r.phase_before, &PHASES)?;
        if !(1..=4).contains(&r.rating) {
            return Err(invalid("reviews", i, "rating", "expected 1 to 4"));
        }
        if !r.elapsed_days.is_finite() || !r.stability.is_finite() || !r.difficulty.is_finite() {
            return Err(invalid(
                "reviews",
                i,
                "stability",
                "expected finite numbers",
            ));
        }
        if r.zone.parse::<chrono_tz::Tz>().is_err() {
            return Err(invalid("reviews", i, "zone", "expected an IANA zone name"));
        }
        if r.choice.is_some() && r.written.is_some() {
            return Err(invalid(
                "reviews",
                i,
                "written",
                "an answer is a choice or written, not both",
            ));
        }
        if let Some(w) = &r.written {
            check_one_of("reviews", i, "tier", &w.tier, &TIERS)?;
            if w.score > 100 {
                return Err(invalid("reviews", i, "score", "expected 0 to 100"));
            }
        }
    }
    for (i, c) in e.challenges.iter().enumerate() {
        check_day("challenges", i, &c.learning_day)?;
        for item in &c.items {
            check_id("challenges", i, &item.item_id)?;
            check_one_of("challenges", i, "kind", &item.kind, &KINDS)?;
        }
    }
    for (i, s) in e.stories.iter().enumerate() {
        if s.title.trim().is_empty() {
            return Err(invalid("stories", i, "title", "must not be empty"));
        }
        for p in &s.parts {
            check_one_of("stories", i, "part", &p.part, &PARTS)?;
        }
        for v in &s.versions {
            check_one_of("stories", i, "tier", &v.tier, &TIERS)?;
        }
    }
    Ok(())
}

impl Storage {
    /// Every piece of progress, in a stable order.
    pub fn export(&self) -> Result<ProgressExport, StorageError> {
        let c = &self.conn;
        let items = collect(c, "SELECT item_id, kind, phase, stability, difficulty, due_ms, last_review_ms, reps, lapses, module_id, retired_ms FROM items ORDER BY item_id", |r| {
            Ok(ItemRow { item_id: r.get(0)?, kind: r.get(1)?, phase: r.get(2)?, stability: r.get(3)?, difficulty: r.get(4)?, due_ms: r.get(5)?, last_review_ms: r.get(6)?, reps: r.get(7)?, lapses: r.get(8)?, module_id: r.get(9)?, retired_ms: r.get(10)? })
        })?;
        let reviews = collect(
            c,
            "SELECT r.item_id, r.reviewed_ms, z.name, r.utc_offset_s, r.learning_day, r.rating,
                    r.duration_ms, r.phase_before, r.elapsed_days, r.stability, r.difficulty, r.due_ms,
                    q.choice, q.correct, e.answer_text, e.tier, e.score, e.analysis_json
             FROM review_log r JOIN zones z ON z.id = r.zone_id
             LEFT JOIN quiz_attempts q ON q.review_id = r.id
             LEFT JOIN exercise_attempts e ON e.review_id = r.id
             ORDER BY r.reviewed_ms, r.id",
            |r| {
                let choice = match (r.get::<_, Option<u32>>(12)?, r.get::<_, Option<bool>>(13)?) {
                    (Some(choice), Some(correct)) => Some(ChoiceAnswer { choice, correct }),
                    _ => None,
                };
                let written = match r.get::<_, Option<String>>(14)? {
                    Some(text) => Some(WrittenAnswer {
                        text,
                        tier: r.get(15)?,
                        score: r.get(16)?,
                        analysis_json: r.get(17)?,
                    }),
                    None => None,
                };
                Ok(ReviewRow {
                    item_id: r.get(0)?,
                    reviewed_ms: r.get(1)?,
                    zone: r.get(2)?,
                    utc_offset_s: r.get(3)?,
                    learning_day: day_text(day_from_number(r.get(4)?)),
                    rating: r.get(5)?,
                    duration_ms: r.get(6)?,
                    phase_before: phase_text(phase_from_code(r.get(7)?)?).to_owned(),
                    elapsed_days: r.get(8)?,
                    stability: r.get(9)?,
                    difficulty: r.get(10)?,
                    due_ms: r.get(11)?,
                    choice,
                    written,
                })
            },
        )?;
        let mut challenges = collect(c, "SELECT learning_day, created_ms, completed_ms, completion_seq, completed_zone, completed_offset_s FROM daily_challenges ORDER BY learning_day", |r| {
            Ok(ChallengeRow { learning_day: r.get(0)?, created_ms: r.get(1)?, completed_ms: r.get(2)?, completion_seq: r.get(3)?, completed_zone: r.get(4)?, completed_offset_s: r.get(5)?, items: Vec::new() })
        })?;
        for ch in &mut challenges {
            let mut stmt = c.prepare_cached("SELECT item_id, kind, done_ms, module_id FROM daily_challenge_items WHERE learning_day = ?1 ORDER BY position")?;
            ch.items = stmt
                .query_map([&ch.learning_day], |r| {
                    Ok(ChallengeItemRow {
                        item_id: r.get(0)?,
                        kind: r.get(1)?,
                        done_ms: r.get(2)?,
                        module_id: r.get(3)?,
                    })
                })?
                .collect::<Result<_, _>>()?;
        }
        let mut stories = Vec::new();
        let story_rows = collect(
            c,
            "SELECT id, title, created_ms, updated_ms FROM stories ORDER BY id",
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            },
        )?;
        for (id, title, created_ms, updated_ms) in story_rows {
            let mut stmt = c.prepare_cached(
                "SELECT part, body FROM story_parts WHERE story_id = ?1 ORDER BY part",
            )?;
            let parts = stmt
                .query_map([id], |r| {
                    Ok(StoryPartRow {
                        part: r.get(0)?,
                        body: r.get(1)?,
                    })
                })?
                .collect::<Result<_, _>>()?;
            let mut stmt = c.prepare_cached("SELECT version, saved_ms, body, tier, score, takeaway_share FROM story_versions WHERE story_id = ?1 ORDER BY version")?;
            let versions = stmt
                .query_map([id], |r| {
                    Ok(StoryVersionExport {
                        version: r.get(0)?,
                        saved_ms: r.get(1)?,
                        body: r.get(2)?,
                        tier: r.get(3)?,
                        score: r.get(4)?,
                        takeaway_share: r.get(5)?,
                    })
                })?
                .collect::<Result<_, _>>()?;
            stories.push(StoryExport {
                title,
                created_ms,
                updated_ms,
                parts,
                versions,
            });
        }
        let settings = collect(c, "SELECT key, value FROM settings ORDER BY key", |r| {
            Ok(SettingRow {
                key: r.get(0)?,
                value: r.get(1)?,
            })
        })?;
        Ok(ProgressExport {
            format: EXPORT_FORMAT.to_owned(),
            version: EXPORT_VERSION,
            items,
            reviews,
            challenges,
            stories,
            settings,
        })
    }

    /// Merges a validated export in one transaction.
    pub fn import(&mut self, e: &ProgressExport) -> Result<ImportReport, StorageError> {
        self.write(|tx| {
            let mut report = ImportReport::default();
            for r in &e.items {
                // The newer of the two states wins.
                report.items += tx.execute(
                    "INSERT INTO items (item_id, kind, phase, stability, difficulty, due_ms, last_review_ms, reps, lapses, module_id, retired_ms)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                     ON CONFLICT (item_id) DO UPDATE SET kind = excluded.kind, phase = excluded.phase,
                       stability = excluded.stability, difficulty = excluded.difficulty, due_ms = excluded.due_ms,
                       last_review_ms = excluded.last_review_ms, reps = excluded.reps, lapses = excluded.lapses,
                       module_id = excluded.module_id
                     WHERE coalesce(excluded.last_review_ms, 0) > coalesce(items.last_review_ms, 0)",
                    params![r.item_id, r.kind, r.phase, r.stability, r.difficulty, r.due_ms, r.last_review_ms, r.reps, r.lapses, r.module_id, r.retired_ms],
                )? as u64;
            }
            for r in &e.reviews {
                if exists(tx, "SELECT 1 FROM review_log WHERE item_id = ?1 AND reviewed_ms = ?2", &r.item_id, r.reviewed_ms)? {
                    continue;
                }
                ensure_item(tx, &r.item_id, r.due_ms)?;
                let zone = zone_id(tx, &r.zone)?;
                let phase = phase_code(parse_phase(&r.phase_before)?);
                let day = day_number(parse_day(&r.learning_day)?);
                tx.execute(
                    "INSERT INTO review_log (item_id, reviewed_ms, zone_id, utc_offset_s, learning_day, rating, duration_ms, phase_before, elapsed_days, stability, difficulty, due_ms)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                    params![r.item_id, r.reviewed_ms, zone, r.utc_offset_s, day, r.rating, r.duration_ms, phase, r.elapsed_days, r.stability, r.difficulty, r.due_ms],
                )?;
                report.reviews += 1;
                let review_id = tx.last_insert_rowid();
                if let Some(a) = &r.choice {
                    tx.execute(
                        "INSERT INTO quiz_attempts (review_id, choice, correct) VALUES (?1, ?2, ?3)",
                        params![review_id, a.choice, a.correct],
                    )?;
                    report.quiz_attempts += 1;
                }
                if let Some(w) = &r.written {
                    tx.execute(
                        "INSERT INTO exercise_attempts (review_id, answer_text, tier, score, analysis_json) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![review_id, w.text, w.tier, w.score, w.analysis_json],
                    )?;
                    report.exercise_attempts += 1;
                }
            }
            // Completions keep their recorded order, after those already here.
            let mut challenges: Vec<&ChallengeRow> = e.challenges.iter().collect();
            challenges.sort_by_key(|c| (c.completion_seq.is_none(), c.completion_seq));
            for c in challenges {
                let added = tx.execute(
                    "INSERT OR IGNORE INTO daily_challenges (learning_day, created_ms, completed_ms, completion_seq, completed_zone, completed_offset_s)
                     VALUES (?1, ?2, ?3, CASE WHEN ?3 IS NULL THEN NULL ELSE (SELECT coalesce(max(completion_seq), 0) + 1 FROM daily_challenges) END, ?4, ?5)",
                    params![c.learning_day, c.created_ms, c.completed_ms, c.completed_zone, c.completed_offset_s],
                )?;
                if added == 0 {
                    continue;
                }
                report.challenges += 1;
                for (position, item) in c.items.iter().enumerate() {
                    tx.execute(
                        "INSERT INTO daily_challenge_items (learning_day, position, item_id, kind, done_ms, module_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![c.learning_day, position as i64, item.item_id, item.kind, item.done_ms, item.module_id],
                    )?;
                }
            }
            for s in &e.stories {
                if exists(tx, "SELECT 1 FROM stories WHERE title = ?1 AND created_ms = ?2", &s.title, s.created_ms)? {
                    continue;
                }
                tx.execute(
                    "INSERT INTO stories (title, created_ms, updated_ms) VALUES (?1, ?2, ?3)",
                    params![s.title, s.created_ms, s.updated_ms],
                )?;
                let id = tx.last_insert_rowid();
                for p in &s.parts {
                    tx.execute("INSERT INTO story_parts (story_id, part, body) VALUES (?1, ?2, ?3)", params![id, p.part, p.body])?;
                }
                for v in &s.versions {
                    tx.execute(
                        "INSERT INTO story_versions (story_id, version, saved_ms, body, tier, score, takeaway_share) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        params![id, v.version, v.saved_ms, v.body, v.tier, v.score, v.takeaway_share],
                    )?;
                }
                report.stories += 1;
            }
            for s in &e.settings {
                // The learner's settings travel with their progress.
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    params![s.key, s.value],
                )?;
            }
            Ok(report)
        })
    }
}

fn collect<T>(
    conn: &rusqlite::Connection,
    sql: &str,
    map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, StorageError> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], map)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn exists(tx: &Transaction<'_>, sql: &str, key: &str, ms: i64) -> rusqlite::Result<bool> {
    use rusqlite::OptionalExtension;
    Ok(tx
        .prepare_cached(sql)?
        .query_row(params![key, ms], |_| Ok(()))
        .optional()?
        .is_some())
}

/// A review may arrive for an item the export did not list (an edited file):
/// the foreign key needs the item, so it starts as new.
fn ensure_item(tx: &Transaction<'_>, item_id: &str, due_ms: i64) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO items (item_id, kind, phase, due_ms) VALUES (?1, 'quiz', 'new', ?2)",
        params![item_id, due_ms],
    )?;
    Ok(())
}
