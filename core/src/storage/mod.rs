//! The learner's progress in one SQLite file. This module owns every SQL
//! statement in the project; callers see plain Rust records.

mod backup;
mod daily;
mod modules;
mod progress;
mod purchases;
mod records;
mod schema;
mod settings;
mod stories;
#[cfg(test)]
mod tests;
mod transfer;

pub use backup::{list_backups, restore_backup};
pub use records::*;
pub use schema::CURRENT_VERSION;
pub use stories::{StoryRow, StoryVersionRow};
pub use transfer::{parse_export, ImportError, ImportReport, ProgressExport, EXPORT_VERSION};

use chrono::{DateTime, NaiveDate, Utc};

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("{path} is not an aiprep progress database (left untouched)")]
    NotADatabase { path: PathBuf },
    #[error("{path} is damaged (left untouched): {detail}")]
    Corrupt { path: PathBuf, detail: String },
    #[error("the progress database was written by a newer app (schema {found}, this app reads up to {supported}); update the app")]
    NewerSchema { found: u32, supported: u32 },
    #[error("the device is out of space; nothing was saved")]
    DiskFull,
    #[error("the progress database is read-only here; nothing was saved")]
    ReadOnly,
    #[error("canceled; nothing was changed")]
    Interrupted,
    #[error("cannot open {path}: {detail}")]
    CannotOpen { path: PathBuf, detail: String },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StorageError {
    /// Sorts out the failures a learner can act on (space, permissions) from
    /// the rest.
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match err.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StorageError::DiskFull,
            Some(ErrorCode::ReadOnly) => StorageError::ReadOnly,
            Some(ErrorCode::OperationInterrupted) => StorageError::Interrupted,
            _ => StorageError::Sqlite(err),
        }
    }
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Cancels long database work from any thread (see `Storage::interrupter`).
pub struct Interrupter(rusqlite::InterruptHandle);

impl Interrupter {
    pub fn interrupt(&self) {
        self.0.interrupt();
    }
}

/// An open progress database.
pub struct Storage {
    conn: Connection,
}

impl Storage {
    /// Opens (creating if absent) the learner's database and upgrades its schema.
    /// A file that is not SQLite, is damaged or comes from a newer app gives an
    /// error and is not written to.
    pub fn open(path: &Path) -> Result<Self, StorageError> {
        check_existing_file(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StorageError::CannotOpen {
            path: path.to_owned(),
            detail: e.to_string(),
        })?;
        Self::prepare(conn, path)
    }

    /// Opens an existing database without writing to it, checking that it is
    /// sound (backups before a restore).
    pub fn open_read_only(path: &Path) -> Result<Self, StorageError> {
        check_existing_file(path)?;
        if !path.exists() {
            return Err(StorageError::CannotOpen {
                path: path.to_owned(),
                detail: "no such file".into(),
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StorageError::CannotOpen {
            path: path.to_owned(),
            detail: e.to_string(),
        })?;
        let version = schema::user_version(&conn).map_err(|e| classify(e, path))?;
        if version > CURRENT_VERSION {
            return Err(StorageError::NewerSchema {
                found: version,
                supported: CURRENT_VERSION,
            });
        }
        let storage = Storage { conn };
        let problems = storage
            .integrity_problems()
            .map_err(|e| classify(e, path))?;
        if let Some(first) = problems.into_iter().next() {
            return Err(StorageError::Corrupt {
                path: path.to_owned(),
                detail: first,
            });
        }
        Ok(storage)
    }

    /// A private in-memory database, for tests and previews.
    pub fn open_in_memory() -> Result<Self, StorageError> {
        Self::prepare(Connection::open_in_memory()?, Path::new(":memory:"))
    }

    fn prepare(mut conn: Connection, path: &Path) -> Result<Self, StorageError> {
        // Read-only probes first: nothing below writes until the file is known good.
        let version = schema::user_version(&conn).map_err(|e| classify(e, path))?;
        if version > CURRENT_VERSION {
            return Err(StorageError::NewerSchema {
                found: version,
                supported: CURRENT_VERSION,
            });
        }
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(|e| classify(StorageError::Sqlite(e), path))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        schema::upgrade(&mut conn)?;
        Ok(Storage { conn })
    }

    pub fn schema_version(&self) -> Result<u32, StorageError> {
        schema::user_version(&self.conn)
    }

    /// A handle that cancels the statement running on this database from
    /// another thread (a long export or import); that call then fails with
    /// `StorageError::Interrupted` and its transaction rolls back.
    pub fn interrupter(&self) -> Interrupter {
        Interrupter(self.conn.get_interrupt_handle())
    }

    /// SQLite's full integrity check; empty when the file is sound.
    pub fn integrity_problems(&self) -> Result<Vec<String>, StorageError> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(rows.into_iter().filter(|r| r != "ok").collect())
    }

    /// Runs `f` in an immediate transaction: all of it lands, or none of it.
    fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, StorageError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

pub(crate) fn to_ms(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

pub(crate) fn from_ms(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

pub(crate) fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// Days since 1970-01-01 (`NaiveDate::default()`): the compact form of a
/// learning day in the review log.
pub(crate) fn day_number(day: NaiveDate) -> i64 {
    (day - NaiveDate::default()).num_days()
}

pub(crate) fn day_from_number(days: i64) -> NaiveDate {
    NaiveDate::default()
        .checked_add_signed(chrono::Duration::days(days))
        .unwrap_or_default()
}

pub(crate) fn parse_day(text: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| progress::bad_value("learning_day", text))
}

/// Refuses, before SQLite touches it, a non-empty file without the SQLite header.
fn check_existing_file(path: &Path) -> Result<(), StorageError> {
    let cannot_open = |e: std::io::Error| StorageError::CannotOpen {
        path: path.to_owned(),
        detail: e.to_string(),
    };
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(cannot_open(e)),
    };
    let length = file.metadata().map_err(cannot_open)?.len();
    if length == 0 {
        return Ok(());
    }
    let mut header = [0u8; 100];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(cannot_open(e)),
        }
    }
    if read < SQLITE_HEADER.len() || &header[..16] != SQLITE_HEADER {
        return Err(StorageError::NotADatabase {
            path: path.to_owned(),
        });
    }
    // A checkpoint copies pages from the write-ahead log in page order, so a
    // process killed during one leaves page 1 (with the new page count) in a
    // file that is still short; SQLite finishes the copy from the log.
    if read < header.len() || (length < expected_length(&header) && !has_write_ahead_log(path)) {
        return Err(StorageError::Corrupt {
            path: path.to_owned(),
            detail: "the file is shorter than its header says (truncated)".into(),
        });
    }
    Ok(())
}

fn has_write_ahead_log(path: &Path) -> bool {
    let mut log = path.as_os_str().to_owned();
    log.push("-wal");
    std::fs::metadata(log).is_ok_and(|m| m.len() > 0)
}

/// The file length SQLite's header promises: page size × page count, when
/// the in-header page count is valid (its change counter matches).
fn expected_length(header: &[u8; 100]) -> u64 {
    let be32 = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size => u64::from(size),
    };
    let count_is_valid = be32(24) == be32(92);
    if count_is_valid {
        page_size * u64::from(be32(28))
    } else {
        0
    }
}

fn classify(err: StorageError, path: &Path) -> StorageError {
    use rusqlite::ffi::ErrorCode;
    match &err {
        StorageError::Sqlite(rusqlite::Error::SqliteFailure(e, detail)) => match e.code {
            ErrorCode::NotADatabase => StorageError::NotADatabase {
                path: path.to_owned(),
            },
            ErrorCode::DatabaseCorrupt => StorageError::Corrupt {
                path: path.to_owned(),
                detail: detail.clone().unwrap_or_default(),
            },
            _ => err,
        },
        _ => err,
    }
}
