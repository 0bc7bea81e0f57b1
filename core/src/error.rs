//! Internal errors of the core. Front ends map these to the few error kinds
//! a user can act on (see `bindings`); messages never carry learner text.

use crate::content::ContentError;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid content pack: {0}")]
    Content(#[from] ContentError),
    #[error("no {kind} with id {id:?}")]
    NotFound { kind: &'static str, id: String },
    #[error("{id:?} is part of the full module; unlock it to continue")]
    Locked { id: String },
    #[error("invalid input: {0}")]
    InvalidInput(String),
    #[error(transparent)]
    Storage(#[from] crate::storage::StorageError),
    #[error(transparent)]
    Unlock(#[from] crate::unlock::UnlockError),
    #[error(transparent)]
    Scheduler(#[from] crate::scheduler::SchedulerError),
    #[error(transparent)]
    Analyzer(#[from] crate::analyzer::AnalyzerError),
    #[error("cannot import: {0}")]
    Import(#[from] crate::storage::ImportError),
}
