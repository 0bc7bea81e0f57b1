//! Plain records that cross the storage boundary.

use chrono::{DateTime, NaiveDate, Utc};

use crate::content::Tier;
use crate::scheduler::{CardState, Rating};

/// When and where (zone, offset, learning day) something happened. Kept with
/// every event so later zone changes never rewrite history.
#[derive(Debug, Clone, PartialEq)]
pub struct Stamp {
    pub at: DateTime<Utc>,
    pub zone: String,
    pub utc_offset_s: i32,
    pub learning_day: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Quiz,
    Scenario,
    Exercise,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Quiz => "quiz",
            ItemKind::Scenario => "scenario",
            ItemKind::Exercise => "exercise",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<Self> {
        match text {
            "quiz" => Some(ItemKind::Quiz),
            "scenario" => Some(ItemKind::Scenario),
            "exercise" => Some(ItemKind::Exercise),
            _ => None,
        }
    }
}

/// One scheduled review: the state before and after, as the scheduler computed it.
#[derive(Debug, Clone)]
pub struct ReviewRecord<'a> {
    pub item_id: &'a str,
    pub module_id: &'a str,
    pub kind: ItemKind,
    pub stamp: &'a Stamp,
    pub rating: Rating,
    pub duration_ms: u32,
    pub before: &'a CardState,
    pub elapsed_days: f64,
    pub after: &'a CardState,
}

/// What the learner answered, stored beside the review.
#[derive(Debug, Clone)]
pub enum Attempt<'a> {
    Choice {
        choice: u32,
        correct: bool,
    },
    Text {
        text: &'a str,
        tier: Tier,
        score: u8,
        analysis_json: &'a str,
    },
}

/// What storing one answer did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordedAnswer {
    pub review_id: i64,
    /// This answer completed its learning day's challenge.
    pub challenge_completed: bool,
}

/// Enough to take one answer back: the review it produced and the item's
/// state before it (`None` when the answer was the first meeting).
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerUndo {
    pub review_id: i64,
    pub item_id: String,
    pub kind: ItemKind,
    pub before: Option<CardState>,
}

/// A due item as the queue sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredItem {
    pub item_id: String,
    pub module_id: String,
    pub kind: ItemKind,
    pub state: CardState,
}

/// One day's challenge as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredChallenge {
    pub learning_day: NaiveDate,
    pub items: Vec<StoredChallengeItem>,
    pub completed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StoredChallengeItem {
    pub item_id: String,
    pub module_id: String,
    pub kind: ItemKind,
    pub done: bool,
}

/// One item of a challenge being stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewChallengeItem {
    pub item_id: String,
    pub module_id: String,
    pub kind: ItemKind,
}

/// What the learner has done in one module, for the catalog and statistics.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ModuleTotals {
    pub module_id: String,
    /// Items met at least once and still in the module.
    pub items_started: u32,
    /// Items whose memory stability has reached `mature_days`.
    pub items_mature: u32,
    pub reviews: u64,
    pub time_studied_ms: u64,
}

/// What matching the stored items against a module's current content changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleSync {
    pub module_id: String,
    /// The version the items were matched against before, if any.
    pub previous_version: Option<String>,
    pub content_version: String,
    /// Items the module no longer has: kept with their history, out of queues.
    pub retired: u32,
    /// Retired items the module has again.
    pub restored: u32,
    /// Open entries of today's challenge dropped because their item retired.
    pub challenge_items_dropped: u32,
}

/// A completed challenge, for streaks.
#[derive(Debug, Clone, PartialEq)]
pub struct ChallengeCompletion {
    pub learning_day: NaiveDate,
    pub completed_at: DateTime<Utc>,
    pub zone: String,
    pub utc_offset_s: i32,
}

/// One row of the review log, for optimization and statistics.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewLogRow {
    pub item_id: String,
    pub reviewed_at: DateTime<Utc>,
    pub learning_day: NaiveDate,
    pub rating: Rating,
    pub duration_ms: u32,
}

/// A stored exercise attempt with its analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseAttemptRow {
    pub item_id: String,
    pub answered_at: DateTime<Utc>,
    pub learning_day: NaiveDate,
    pub text: String,
    pub tier: String,
    pub score: u8,
}

/// One recorded choice answer.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceAttemptRow {
    pub item_id: String,
    pub kind: ItemKind,
    pub learning_day: NaiveDate,
    pub correct: bool,
    pub duration_ms: u32,
}

/// A signed purchase as stored; entitlement is always re-derived from it.
#[derive(Debug, Clone, PartialEq)]
pub struct PurchaseRow {
    pub purchase_token: String,
    pub product_id: String,
    pub original_json: String,
    pub signature: String,
    pub acknowledged: bool,
    pub revoked: bool,
}

/// A refit of the learner's FSRS parameters, kept or not.
#[derive(Debug, Clone, PartialEq)]
pub struct OptimizerRun {
    pub ran_at: DateTime<Utc>,
    pub reviews_used: u32,
    pub log_loss_before: f64,
    pub log_loss_after: f64,
    pub accepted: bool,
    pub params: Vec<f32>,
}
