//! The daily challenge and streaks of learning days that survive travel.
//!
//! Both are pure: the caller passes the learning day, the learner's zone and
//! "now"; nothing here reads a clock or storage.
//!
//! [`build_challenge`] turns a pool of candidate items into the day's
//! challenge, deterministically for a learner seed and day. The caller should
//! store the challenge the first time it is built for a learning day: its
//! inputs (weak concepts, due items) change as the learner studies, so
//! rebuilding later in the day could pick different items.
//!
//! [`streak`] counts current and longest streaks; the travel rule is written
//! out in the `streak` module and on [`streak`] itself.

mod challenge;
mod streak;

pub use challenge::{
    build_challenge, Candidate, Challenge, ChallengeItem, ChallengeKind, ChallengePool,
    EXERCISE_ITEMS, QUIZ_ITEMS, SCENARIO_ITEMS,
};
pub use streak::{streak, Completion, Streak};
