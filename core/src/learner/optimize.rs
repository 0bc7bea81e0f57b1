//! Automatic refitting of the learner's FSRS parameters. The work is split so
//! it never blocks answering: take a snapshot (`optimization_job`, quick, under
//! the caller's lock), fit it anywhere (`OptimizationJob::run`, slow, no
//! database, cancellable), then record the outcome (`apply_optimization`).

use std::sync::atomic::AtomicBool;

use chrono::{DateTime, Utc};

use super::Learner;
use crate::error::Result;
use crate::scheduler::{self, AutoOptimizeOutcome, StoredReview, AUTO_OPTIMIZE_EVERY};
use crate::storage::OptimizerRun;

/// The most recent reviews a refit learns from: enough for a stable fit,
/// bounded so memory and time stay small on a heavy learner's phone.
const MAX_TRAINING_REVIEWS: usize = 20_000;

/// A self-contained refit: owns its data, so it can run on any thread.
pub struct OptimizationJob {
    current: Vec<f32>,
    reviews: Vec<StoredReview>,
}

impl OptimizationJob {
    /// Fits and compares on held-out recent reviews; checks `cancel` as it goes.
    pub fn run(&self, cancel: &AtomicBool) -> Result<AutoOptimizeOutcome> {
        let history = scheduler::training_items(&self.reviews);
        Ok(scheduler::auto_optimize(&self.current, &history, cancel)?)
    }

    pub fn reviews(&self) -> usize {
        self.reviews.len()
    }
}

impl Learner {
    /// Long-term reviews recorded since the last refit (kept or not).
    pub fn reviews_since_optimization(&self) -> Result<u32> {
        let since = self
            .storage
            .optimizer_runs()?
            .last()
            .map(|run| run.ran_at)
            .unwrap_or(DateTime::<Utc>::MIN_UTC);
        Ok(self.storage.long_term_reviews_since(since)?)
    }

    /// A refit job when `AUTO_OPTIMIZE_EVERY` new long-term reviews have
    /// accumulated, else `None`.
    pub fn optimization_job(&self) -> Result<Option<OptimizationJob>> {
        if self.reviews_since_optimization()? < AUTO_OPTIMIZE_EVERY {
            return Ok(None);
        }
        Ok(Some(self.snapshot_for_optimization()?))
    }

    /// A refit job regardless of the schedule (the app's "optimize now").
    pub fn snapshot_for_optimization(&self) -> Result<OptimizationJob> {
        let log = self.storage.review_log()?;
        let skip = log.len().saturating_sub(MAX_TRAINING_REVIEWS);
        let reviews = log
            .into_iter()
            .skip(skip)
            .map(|row| StoredReview {
                item_id: row.item_id,
                reviewed_at: row.reviewed_at,
                learning_day: row.learning_day,
                rating: row.rating,
            })
            .collect();
        Ok(OptimizationJob {
            current: self.config.params.clone(),
            reviews,
        })
    }

    /// Records a finished refit and, when it improved the held-out log loss,
    /// switches to its parameters.
    pub fn apply_optimization(
        &mut self,
        outcome: &AutoOptimizeOutcome,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let run = OptimizerRun {
            ran_at: now,
            reviews_used: outcome.evaluated_reviews as u32,
            log_loss_before: outcome.log_loss_before,
            log_loss_after: outcome.log_loss_after,
            accepted: outcome.accepted,
            params: outcome.params.clone(),
        };
        if !outcome.accepted {
            self.storage.record_optimizer_run(&run, None)?;
            return Ok(());
        }
        let mut config = self.config.clone();
        config.params = outcome.params.clone();
        // Validate before anything is stored.
        let scheduler = scheduler::Scheduler::new(config.clone())?.in_zone(self.zone);
        let json = serde_json::to_string(&config)
            .map_err(|e| crate::Error::InvalidInput(format!("scheduler settings: {e}")))?;
        self.storage
            .record_optimizer_run(&run, Some((super::SCHEDULER_CONFIG_KEY, &json)))?;
        self.scheduler = scheduler;
        self.config = config;
        Ok(())
    }

    pub fn optimizer_runs(&self) -> Result<Vec<OptimizerRun>> {
        Ok(self.storage.optimizer_runs()?)
    }
}
