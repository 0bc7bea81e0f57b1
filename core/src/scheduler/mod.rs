//! Spaced-repetition scheduling (FSRS-6 via the `fsrs` crate). Pure: every
//! function takes "now" and the learner's zone as inputs and never reads a clock.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The learner's answer quality, as FSRS numbers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
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
