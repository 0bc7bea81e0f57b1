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
