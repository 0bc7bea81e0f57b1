//! Spaced-repetition scheduling (FSRS-6 via the `fsrs` crate). Pure: every
//! function takes "now" and the learner's zone as inputs and never reads a clock.
//!
//! # The learning day
//! A learning day begins at `day_start_hour` (default 4:00) on the learner's local
//! wall clock, in the IANA zone passed in by the caller. It is computed as the local
//! calendar date of `now - day_start_hour`, so a DST jump or a flight only changes
//! which local date the learner is on; it never rewrites stored history (storage keeps
//! the UTC instant, the offset and the learning day of each review). When the local
//! clock moves backwards (fall-back night, flying east to west, a clock set back) the
//! same learning day may be seen twice; elapsed days are clamped at zero, never negative.
//!
//! # Reviewing an item
//! Every answer updates the FSRS memory state, same-day answers included (FSRS-6
//! short-term stability, `elapsed` = 0 learning days). What changes with the phase is
//! when the item comes back:
//!
//! | phase before  | Again              | Hard               | Good               | Easy       |
//! |---------------|--------------------|--------------------|--------------------|------------|
//! | New           | Learning, 1 min    | Learning, 6 min    | Learning, 10 min   | Review     |
//! | Learning      | Learning, 1 min    | Learning, 6 min    | Review             | Review     |
//! | Relearning    | Relearning, 1 min  | Relearning, 6 min  | Review             | Review     |
//! | Review        | Relearning, 10 min (a lapse) | Review   | Review             | Review     |
//!
//! "Review" means a long-term interval: the FSRS interval for the desired retention,
//! rounded to whole days (at least 1), fuzzed when it is at least 2.5 days, clamped
//! to the maximum interval, and kept in the order Hard <= Good <= Easy. The item is
//! due at the start of the learning day that many days after today, so it shows up
//! whenever the learner opens the app that day. A due time is never before `now`.
//! (Just before the day rolls over, a one-day interval can therefore fall due a few
//! minutes after the answer, sooner than a same-day step would.)
//!
//! Fuzz spreads items introduced together so they do not all return on one day. The
//! spread grows with the interval (as in Anki: +-15% of the part between 2.5 and 7
//! days, +-10% between 7 and 20 days, +-5% beyond, plus one day) and the position in
//! that range is derived from a stable hash of (item id, review count), so replaying
//! the same history always yields the same schedule.
//!
//! # Building today's queue
//! 1. Learning and relearning items whose step is due come first, earliest first:
//!    they are short-term memory and lose the most by waiting. They are never
//!    capped, so a lapse is always relearned the same day.
//! 2. Then due reviews, most overdue relative to stability first (days since the
//!    last review divided by stability, descending: the same order as lowest
//!    predicted recall first). At most `reviews_per_day` long-term reviews per
//!    learning day ([`review_allowance`] gives what is left today).
//! 3. Then new items, at most `new_per_day` introduced per learning day
//!    ([`new_allowance`]); [`order_due`] leaves them to the caller, who knows the
//!    content order.
//!
//! # Elapsed days
//! FSRS counts whole learning days between reviews. A live review counts them in
//! the zone the learner is in now ([`Scheduler::in_zone`]); training on stored
//! history uses the learning day recorded with each review. A learning day that
//! appears to go backwards (clock set back, flight west) counts as zero days.
//!
//! # Grading
//! A wrong choice is Again. A right one is Good, or Hard when it took more than 1.5x
//! the learner's typical time for that question type, or Easy when it took less than
//! 0.6x that time on a mature item (stability >= 21 days). Exercises map the rubric
//! tier directly: weak Again, developing Hard, strong Good, exemplary Easy.
//!
//! # Automatic optimization
//! After every [`AUTO_OPTIMIZE_EVERY`] new long-term reviews (reviews on a later
//! learning day than the previous review of the same item), the caller may run
//! [`auto_optimize`] off the main thread. It holds out the most recent fifth of the
//! scored reviews, fits parameters on the rest, and accepts them only when they
//! predict the held-out reviews with lower log loss than the current parameters.
//! It needs at least [`MIN_SCORED_REVIEWS`] scored reviews. [`training_items`] turns
//! stored review-log rows into its input.
//! A shared [`AtomicBool`](std::sync::atomic::AtomicBool) cancels it.

mod day;
mod fsrs_bridge;
mod fuzz;
mod grading;
mod optimize;
mod queue;
pub mod revlog;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use day::{day_start_instant, learning_day, parse_zone, utc_offset_seconds};
pub use fsrs_bridge::{ReviewOutcome, Scheduler};
pub use grading::{
    grade_choice, grade_tier, EASY_FASTER_THAN, HARD_SLOWER_THAN, MATURE_STABILITY_DAYS,
};
pub use optimize::{
    auto_optimize, training_items, AutoOptimizeOutcome, StoredReview, TrainingItem,
    AUTO_OPTIMIZE_EVERY, MIN_SCORED_REVIEWS,
};
pub use queue::{new_allowance, order_due, review_allowance, QueueEntry};

/// Why a scheduling request could not be served.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SchedulerError {
    #[error("unknown time zone {0:?} (expected an IANA name such as Europe/Berlin)")]
    UnknownZone(String),
    #[error("invalid scheduler setting: {0}")]
    InvalidConfig(String),
    #[error("invalid FSRS parameters: expected 21 finite numbers the model accepts")]
    InvalidParameters,
    #[error("review log line {line}: {reason}")]
    BadRevlogLine { line: usize, reason: String },
    #[error("not enough review history: {0}")]
    NotEnoughData(String),
    #[error("canceled")]
    Cancelled,
    #[error("FSRS computation failed: {0}")]
    Fsrs(String),
}

impl From<fsrs::FSRSError> for SchedulerError {
    fn from(error: fsrs::FSRSError) -> Self {
        match error {
            fsrs::FSRSError::Interrupted => SchedulerError::Cancelled,
            fsrs::FSRSError::InvalidParameters => SchedulerError::InvalidParameters,
            fsrs::FSRSError::NotEnoughData => {
                SchedulerError::NotEnoughData("the FSRS model needs more reviews".into())
            }
            other => SchedulerError::Fsrs(format!("{other:?}")),
        }
    }
}

/// The learner's answer quality, as FSRS numbers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// The FSRS button number, 1..=4.
    pub fn as_u32(self) -> u32 {
        self as u32
    }

    pub fn from_u32(value: u32) -> Option<Rating> {
        match value {
            1 => Some(Rating::Again),
            2 => Some(Rating::Hard),
            3 => Some(Rating::Good),
            4 => Some(Rating::Easy),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    New,
    Learning,
    Review,
    Relearning,
}

/// FSRS memory state: stability in days, difficulty in 1..=10.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MemoryState {
    pub stability: f32,
    pub difficulty: f32,
}

/// Everything the scheduler knows about one review item; storage persists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    pub phase: Phase,
    pub memory: Option<MemoryState>,
    pub due: DateTime<Utc>,
    pub last_review: Option<DateTime<Utc>>,
    pub reps: u32,
    pub lapses: u32,
}

impl CardState {
    /// An item the learner has not answered yet, available from `now`.
    pub fn new_item(now: DateTime<Utc>) -> CardState {
        CardState {
            phase: Phase::New,
            memory: None,
            due: now,
            last_review: None,
            reps: 0,
            lapses: 0,
        }
    }

    /// Mature items have a stability of at least [`MATURE_STABILITY_DAYS`].
    pub fn is_mature(&self) -> bool {
        self.memory
            .is_some_and(|memory| memory.stability >= MATURE_STABILITY_DAYS)
    }
}

/// The learner's scheduling settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchedulerConfig {
    /// The 21 FSRS-6 parameters.
    pub params: Vec<f32>,
    /// Target probability of recall when an item comes due, 0.70..=0.97.
    pub desired_retention: f32,
    pub maximum_interval_days: u32,
    /// Local hour (0..=23) at which a learning day begins.
    pub day_start_hour: u32,
    pub new_per_day: u32,
    pub reviews_per_day: u32,
}

impl Default for SchedulerConfig {
    fn default() -> Self {
        SchedulerConfig {
            params: fsrs::DEFAULT_PARAMETERS.to_vec(),
            desired_retention: 0.90,
            maximum_interval_days: 36_500,
            day_start_hour: 4,
            new_per_day: 20,
            reviews_per_day: 200,
        }
    }
}

impl SchedulerConfig {
    pub const MIN_RETENTION: f32 = 0.70;
    pub const MAX_RETENTION: f32 = 0.97;

    pub fn validate(&self) -> Result<(), SchedulerError> {
        if self.params.len() != 21 || self.params.iter().any(|p| !p.is_finite()) {
            return Err(SchedulerError::InvalidParameters);
        }
        if !(Self::MIN_RETENTION..=Self::MAX_RETENTION).contains(&self.desired_retention) {
            return Err(SchedulerError::InvalidConfig(format!(
                "desired retention {} is outside 0.70..=0.97",
                self.desired_retention
            )));
        }
        if self.maximum_interval_days == 0 {
            return Err(SchedulerError::InvalidConfig(
                "maximum interval must be at least 1 day".into(),
            ));
        }
        if self.day_start_hour > 23 {
            return Err(SchedulerError::InvalidConfig(format!(
                "day start hour {} is not in 0..=23",
                self.day_start_hour
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_config_is_valid() {
        assert_eq!(SchedulerConfig::default().validate(), Ok(()));
    }

    #[test]
    fn config_rejects_out_of_range_settings() {
        let bad = [
            SchedulerConfig {
                desired_retention: 0.69,
                ..Default::default()
            },
            SchedulerConfig {
                desired_retention: 0.98,
                ..Default::default()
            },
            SchedulerConfig {
                desired_retention: f32::NAN,
                ..Default::default()
            },
            SchedulerConfig {
                params: vec![1.0; 20],
                ..Default::default()
            },
            SchedulerConfig {
                maximum_interval_days: 0,
                ..Default::default()
            },
            SchedulerConfig {
                day_start_hour: 24,
                ..Default::default()
            },
        ];
        for config in bad {
            assert!(config.validate().is_err(), "{config:?} should be rejected");
        }
    }

    #[test]
    fn rating_round_trips_through_numbers() {
        for rating in Rating::ALL {
            assert_eq!(Rating::from_u32(rating.as_u32()), Some(rating));
        }
        assert_eq!(Rating::from_u32(0), None);
        assert_eq!(Rating::from_u32(5), None);
    }
}
