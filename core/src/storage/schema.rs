//! Schema versions and their upgrades. Each step is one readable `.sql` file
//! applied in its own transaction; `PRAGMA user_version` records the result.

use rusqlite::Connection;

use super::StorageError;

/// Upgrade scripts, in order: `MIGRATIONS[n]` takes the schema from version n to n + 1.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_story_workshop.sql"),
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
            .prepare("SELECT type, name, tbl_name FROM sqlite_master ORDER BY type, name")
            .unwrap();
        let rows = stmt
            .query_map([], |r| {
                Ok(format!(
                    "{} {} {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?
                ))
            })
            .unwrap();
        rows.map(Result::unwrap).collect()
    }

    #[test]
    fn every_earlier_version_upgrades_with_its_data() {
        for start in 1..CURRENT_VERSION {
            let mut old = Connection::open_in_memory().unwrap();
            for (version, script) in MIGRATIONS.iter().take(start as usize).enumerate() {
                old.execute_batch(script).unwrap();
                old.pragma_update(None, "user_version", version as u32 + 1)
                    .unwrap();
            }
            old.execute(
                "INSERT INTO items (item_id, kind, phase, due_ms) VALUES ('q1', 'quiz', 'new', 5)",
                [],
            )
            .unwrap();
            old.execute(
                "INSERT INTO settings (key, value) VALUES ('k', 'v')",
                [],
            )
            .unwrap();
            upgrade(&mut old).unwrap();
            assert_eq!(user_version(&old).unwrap(), CURRENT_VERSION);
            let due: i64 = old
                .query_row("SELECT due_ms FROM items WHERE item_id = 'q1'", [], |r| r.get(0))
                .unwrap();
            assert_eq!(due, 5);
            let mut fresh = Connection::open_in_memory().unwrap();
            upgrade(&mut fresh).unwrap();
            assert_eq!(schema_of(&old), schema_of(&fresh), "from version {start}");
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
