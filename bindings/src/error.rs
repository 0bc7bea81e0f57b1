//! The errors Kotlin sees. Each variant is something the app can act on; the
//! messages name no file paths and quote no learner text, so they are safe to
//! log or show.

use aiprep_core::storage::StorageError;
use aiprep_core::unlock::UnlockError;

#[derive(Debug, uniffi::Error, thiserror::Error)]
pub enum CoreError {
    /// A module, lesson item or question id the content does not have.
    #[error("no {kind} with id {id:?}")]
    NotFound { kind: String, id: String },
    /// The item is part of the full module; show the unlock screen.
    #[error("{id:?} needs the full module")]
    Locked { id: String },
    /// The caller passed something unusable (an out-of-range choice, a bad zone, an invalid pack).
    #[error("invalid input: {reason}")]
    InvalidInput { reason: String },
    /// The progress database cannot be used; the file was left as it was.
    #[error("progress database problem: {problem:?}")]
    Storage { problem: StorageProblem },
    /// The store purchase does not unlock (bad signature, wrong product,
    /// pending payment...). The reason names only store ids, never account data.
    #[error("purchase not accepted: {reason}")]
    Purchase { reason: String, pending: bool },
    /// The object was closed; open a new one.
    #[error("the learner was closed")]
    Closed,
}
// A panic (a bug) is not a variant here: UniFFI catches it and Kotlin sees the
// generated `InternalException`, which the app reports as "something went wrong".

/// Why the progress database cannot be used, so the app can word its advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum StorageProblem {
    /// The file is not a progress database at all.
    NotADatabase,
    /// The file is a database but damaged.
    Damaged,
    /// A newer version of the app wrote it; update the app.
    NewerSchema,
    /// The file could not be opened (permissions, missing folder).
    CannotOpen,
    /// The device is out of space; nothing was saved.
    DiskFull,
    /// The call was cancelled with `AppCore.cancelLongWork`; nothing changed.
    Interrupted,
    /// The database is read-only here; nothing was saved.
    ReadOnly,
    /// A read or write failed while the database was open.
    Failed,
}

impl From<aiprep_core::Error> for CoreError {
    fn from(err: aiprep_core::Error) -> Self {
        use aiprep_core::Error as E;
        match err {
            E::NotFound { kind, id } => CoreError::NotFound {
                kind: kind.to_owned(),
                id,
            },
            E::Locked { id } => CoreError::Locked { id },
            E::InvalidInput(reason) => CoreError::InvalidInput { reason },
            // Content errors name the pack file, item and field, never learner text.
            E::Content(content) => CoreError::InvalidInput {
                reason: content.to_string(),
            },
            E::Storage(storage) => CoreError::Storage {
                problem: storage_problem(&storage),
            },
            E::Unlock(unlock) => CoreError::Purchase {
                pending: matches!(unlock, UnlockError::Pending),
                reason: unlock.to_string(),
            },
            // Zone names, setting names and answer lengths: no learner text.
            E::Scheduler(scheduler) => CoreError::InvalidInput {
                reason: scheduler.to_string(),
            },
            E::Analyzer(analyzer) => CoreError::InvalidInput {
                reason: analyzer.to_string(),
            },
            // Import errors describe the backup file's shape, not its contents.
            E::Import(import) => CoreError::InvalidInput {
                reason: import.to_string(),
            },
        }
    }
}

fn storage_problem(err: &StorageError) -> StorageProblem {
    match err {
        StorageError::NotADatabase { .. } => StorageProblem::NotADatabase,
        StorageError::Corrupt { .. } => StorageProblem::Damaged,
        StorageError::NewerSchema { .. } => StorageProblem::NewerSchema,
        StorageError::CannotOpen { .. } => StorageProblem::CannotOpen,
        StorageError::DiskFull => StorageProblem::DiskFull,
        StorageError::ReadOnly => StorageProblem::ReadOnly,
        StorageError::Interrupted => StorageProblem::Interrupted,
        StorageError::Sqlite(_) => StorageProblem::Failed,
    }
}
