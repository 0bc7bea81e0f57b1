//! The automatic FSRS refit for Kotlin: a task object that owns a snapshot of
//! the review history, runs on whatever thread calls `run` (never the UI
//! thread) without holding the learner, and can be cancelled from any thread.

use std::sync::atomic::{AtomicBool, Ordering};

use aiprep_core::learner::OptimizationJob;
use aiprep_core::scheduler::AutoOptimizeOutcome;

use crate::CoreError;

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct OptimizationOutcome {
    /// Whether the refit improved log loss on the most recent reviews.
    pub accepted: bool,
    pub params: Vec<f32>,
    pub log_loss_before: f64,
    pub log_loss_after: f64,
    pub evaluated_reviews: u32,
}

impl From<AutoOptimizeOutcome> for OptimizationOutcome {
    fn from(o: AutoOptimizeOutcome) -> Self {
        OptimizationOutcome {
            accepted: o.accepted,
            params: o.params,
            log_loss_before: o.log_loss_before,
            log_loss_after: o.log_loss_after,
            evaluated_reviews: u32::try_from(o.evaluated_reviews).unwrap_or(u32::MAX),
        }
    }
}

impl From<OptimizationOutcome> for AutoOptimizeOutcome {
    fn from(o: OptimizationOutcome) -> Self {
        AutoOptimizeOutcome {
            accepted: o.accepted,
            params: o.params,
            log_loss_before: o.log_loss_before,
            log_loss_after: o.log_loss_after,
            evaluated_reviews: o.evaluated_reviews as usize,
        }
    }
}

#[derive(uniffi::Object)]
pub struct OptimizationTask {
    job: OptimizationJob,
    cancel: AtomicBool,
}

impl OptimizationTask {
    pub(crate) fn new(job: OptimizationJob) -> Self {
        OptimizationTask {
            job,
            cancel: AtomicBool::new(false),
        }
    }
}

#[uniffi::export]
impl OptimizationTask {
    /// Fits the parameters; blocks the calling thread, so call it from a
    /// background one. Hand the outcome to `AppCore.applyOptimization`.
    pub fn run(&self) -> Result<OptimizationOutcome, CoreError> {
        Ok(self.job.run(&self.cancel)?.into())
    }

    /// Stops a running fit soon; `run` then fails with InvalidInput.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }

    /// How many reviews the snapshot holds.
    pub fn reviews(&self) -> u32 {
        u32::try_from(self.job.reviews()).unwrap_or(u32::MAX)
    }
}
