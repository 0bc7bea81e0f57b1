//! Rolling backups with `VACUUM INTO` (a consistent, compacted copy taken
//! inside a read transaction) and restore of a backup over a bad file.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};

use super::{Storage, StorageError};

const PREFIX: &str = "progress-";
const SUFFIX: &str = ".sqlite3";
const STAMP: &str = "%Y%m%dT%H%M%SZ";

fn io_error(path: &Path, err: std::io::Error) -> StorageError {
    StorageError::CannotOpen {
        path: path.to_owned(),
        detail: err.to_string(),
    }
}

/// Backups in `dir`, oldest first, with the instant each was taken.
pub fn list_backups(dir: &Path) -> Result<Vec<(DateTime<Utc>, PathBuf)>, StorageError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error(dir, e)),
    };
    let mut backups: Vec<(DateTime<Utc>, PathBuf)> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
            let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
            Some((at, entry.path()))
        })
        .collect();
    backups.sort();
    Ok(backups)
}

impl Storage {
    pub(crate) fn backup_if_due(
        &self,
        dir: &Path,
        every: chrono::Duration,
        keep: usize,
        now: DateTime<Utc>,
    ) -> Result<Option<PathBuf>, StorageError> {
        let existing = list_backups(dir)?;
        if existing.last().is_some_and(|(at, _)| now - *at < every) {
            return Ok(None);
        }
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
        let path = dir.join(format!("{PREFIX}{}{SUFFIX}", now.format(STAMP)));
        let partial = path.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        self.conn
            .execute("VACUUM INTO ?1", [partial.to_string_lossy()])?;
        // The rename makes a backup appear whole or not at all.
        std::fs::rename(&partial, &path).map_err(|e| io_error(&path, e))?;
        let all = list_backups(dir)?;
        for (_, old) in all.iter().take(all.len().saturating_sub(keep.max(1))) {
            let _ = std::fs::remove_file(old);
        }
        Ok(Some(path))
    }
}

/// Puts `backup` in place of the database at `target`. A file already at
/// `target` is moved aside (never deleted) and its new path returned.
pub fn restore_backup(
    backup: &Path,
    target: &Path,
    now: DateTime<Utc>,
) -> Result<Option<PathBuf>, StorageError> {
    // Refuse a bad backup before touching anything.
    Storage::open_read_only(backup)?;
    let moved = if target.exists() {
        // Named for what happened to it, not for its health: a healthy file
        // replaced on purpose is kept too.
        let aside = PathBuf::from(format!(
            "{}.replaced-{}",
            target.display(),
            now.format(STAMP)
        ));
        std::fs::rename(target, &aside).map_err(|e| io_error(target, e))?;
        for suffix in ["-wal", "-shm"] {
            let side = PathBuf::from(format!("{}{suffix}", target.display()));
            if side.exists() {
                let side_aside = PathBuf::from(format!("{}{suffix}", aside.display()));
                std::fs::rename(&side, &side_aside).map_err(|e| io_error(&side, e))?;
            }
        }
        Some(aside)
    } else {
        None
    };
    std::fs::copy(backup, target).map_err(|e| io_error(target, e))?;
    Ok(moved)
}
