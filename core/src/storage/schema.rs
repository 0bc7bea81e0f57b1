//! Schema versions and their upgrades. Each step is one readable `.sql` file
//! applied in its own transaction; `PRAGMA user_version` records the result.

use rusqlite::Connection;

use super::StorageError;

/// Upgrade scripts, in order: `MIGRATIONS[n]` takes the schema from version n to n + 1.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_story_workshop.sql"),
    include_str!("migrations/0003_modules.sql"),
];

/// The schema version this build writes.
pub const CURRENT_VERSION: u32 = MIGRATIONS.len() as u32;

pub(crate) fn user_version(conn: &Connection) -> Result<u32, StorageError> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get::<_, u32>(0))?)
}

/// Brings the schema to `CURRENT_VERSION`, refusing databases from a newer app.
pub(crate) fn upgrade(conn: &mut Connection) -> Result<(), StorageError> {
    let found = user_version(conn)?;
    if found > CURRENT_VERSION {
        return Err(StorageError::NewerSchema {
            found,
            supported: CURRENT_VERSION,
        });
    }
    for (from, script) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(script)?;
        tx.pragma_update(None, "user_version", from as u32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_database_reaches_current_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        upgrade(&mut conn).unwrap();
        assert_eq!(user_version(&conn).unwrap(), CURRENT_VERSION);
        // A second run is a no-op, not a failure on existing tables.
        upgrade(&mut conn).unwrap();
    }

    /// The schema as SQLite reports it, for comparing an upgraded database
    /// with a fresh one.
    fn schema_of(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
            .unwrap();
        let rows = stmt
            .query_map([], |r| {
                Ok(format!(
                    "{} {} {} {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?.unwrap_or_default()
                ))
            })
            .unwrap();
        rows.map(Result::unwrap).collect()
    }

    #[test]
    fn every_earlier_version_upgrades_with_its_data() {
        for start in 1..CURRENT_VERSION {
            let mut old = database_at(start);
            old.execute(
                "INSERT INTO items (item_id, kind, phase, due_ms) VALUES ('q1', 'quiz', 'new', 5)",
                [],
            )
            .unwrap();
            old.execute("INSERT INTO settings (key, value) VALUES ('k', 'v')", [])
                .unwrap();
            upgrade(&mut old).unwrap();
            assert_eq!(user_version(&old).unwrap(), CURRENT_VERSION);
            let due: i64 = old
                .query_row("SELECT due_ms FROM items WHERE item_id = 'q1'", [], |r| {
                    r.get(0)
                })
                .unwrap();
            assert_eq!(due, 5);
            let mut fresh = Connection::open_in_memory().unwrap();
            upgrade(&mut fresh).unwrap();
            assert_eq!(schema_of(&old), schema_of(&fresh), "from version {start}");
        }
    }

    /// A database as schema version `version` left it.
    fn database_at(version: u32) -> Connection {
        let old = Connection::open_in_memory().unwrap();
        for (at, script) in MIGRATIONS.iter().take(version as usize).enumerate() {
            old.execute_batch(script).unwrap();
            old.pragma_update(None, "user_version", at as u32 + 1)
                .unwrap();
        }
        old
    }

    fn count(conn: &Connection, sql: &str) -> i64 {
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    #[test]
    fn version_two_progress_becomes_the_first_modules_progress() {
        let mut old = database_at(2);
        old.execute_batch(
            "INSERT INTO zones (id, name) VALUES (1, 'Europe/Berlin');
             INSERT INTO items (item_id, kind, phase, stability, difficulty, due_ms, last_review_ms, reps, lapses)
               VALUES ('q-voc-hedging', 'quiz', 'review', 4.5, 5.1, 1000, 900, 2, 0),
                      ('ex-remove-blame', 'exercise', 'learning', 0.4, 6.0, 2000, 950, 1, 0);
             INSERT INTO review_log (id, item_id, reviewed_ms, zone_id, utc_offset_s, learning_day, rating,
                 duration_ms, phase_before, elapsed_days, stability, difficulty, due_ms)
               VALUES (1, 'q-voc-hedging', 500, 1, 3600, 20500, 3, 4000, 0, 0, 2.3, 5.2, 700),
                      (2, 'q-voc-hedging', 900, 1, 3600, 20501, 3, 3000, 1, 1, 4.5, 5.1, 1000),
                      (3, 'ex-remove-blame', 950, 1, 3600, 20501, 2, 60000, 0, 0, 0.4, 6.0, 2000);
             INSERT INTO quiz_attempts (review_id, choice, correct) VALUES (1, 2, 1), (2, 2, 1);
             INSERT INTO exercise_attempts (review_id, answer_text, tier, score, analysis_json)
               VALUES (3, 'I shipped it late.', 'developing', 48, '{}');
             INSERT INTO daily_challenges (learning_day, created_ms, completed_ms, completion_seq,
                 completed_zone, completed_offset_s)
               VALUES ('2026-02-17', 400, 960, 1, 'Europe/Berlin', 3600);
             INSERT INTO daily_challenge_items (learning_day, position, item_id, kind, done_ms)
               VALUES ('2026-02-17', 0, 'q-voc-hedging', 'quiz', 900),
                      ('2026-02-17', 1, 'ex-remove-blame', 'exercise', 950);
             INSERT INTO stories (id, title, created_ms, updated_ms) VALUES (1, 'Launch', 10, 20);",
        )
        .unwrap();
        upgrade(&mut old).unwrap();
        let first_module = "'failure-story'";
        assert_eq!(
            count(&old, &format!("SELECT count(*) FROM items WHERE module_id = {first_module} AND retired_ms IS NULL")),
            2
        );
        assert_eq!(
            count(
                &old,
                &format!(
                    "SELECT count(*) FROM daily_challenge_items WHERE module_id = {first_module}"
                )
            ),
            2
        );
        let kept: (f64, i64, i64) = old
            .query_row(
                "SELECT stability, due_ms, reps FROM items WHERE item_id = 'q-voc-hedging'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(kept, (4.5, 1000, 2));
        for (table, rows) in [
            ("review_log", 3),
            ("quiz_attempts", 2),
            ("exercise_attempts", 1),
            ("daily_challenges", 1),
            ("stories", 1),
            ("modules", 0),
        ] {
            assert_eq!(
                count(&old, &format!("SELECT count(*) FROM {table}")),
                rows,
                "{table}"
            );
        }
    }

    #[test]
    fn newer_schema_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", CURRENT_VERSION + 1)
            .unwrap();
        assert!(matches!(
            upgrade(&mut conn),
            Err(StorageError::NewerSchema { .. })
        ));
    }
}
