//! Progress statistics, served as plain records for the UI to draw.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::Serialize;

use super::catalog::concept_key;
use super::Learner;
use crate::error::Result;
use crate::scheduler;

/// Days of history in the heatmap.
const HEATMAP_DAYS: u64 = 365;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Every recorded answer: quiz questions, scenarios and exercises.
    pub attempts: u64,
    pub choice_attempts: u64,
    pub correct: u64,
    pub exercise_attempts: u64,
    pub reviews: u64,
    pub time_studied_ms: u64,
    /// Share of long-term reviews recalled, against the retention the
    /// scheduler aims for.
    pub true_retention: Option<f64>,
    pub desired_retention: f64,
    pub mastery: Vec<ConceptMastery>,
    /// Accuracy per learning day, oldest first.
    pub accuracy_by_day: Vec<DayAccuracy>,
    /// Reviews per learning day over the last year (heatmap), oldest first.
    pub reviews_by_day: Vec<DayCount>,
    /// Analyzer scores of written answers, oldest first.
    pub scores: Vec<ScorePoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConceptMastery {
    /// The module the concept belongs to (concept ids repeat across modules).
    pub module: String,
    pub concept: String,
    pub name: String,
    /// Predicted chance of answering a question of average difficulty;
    /// `None` until a question on the concept was answered.
    pub mastery: Option<f64>,
    pub answered: u32,
    pub correct: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayAccuracy {
    pub day: NaiveDate,
    pub answered: u32,
    pub correct: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayCount {
    pub day: NaiveDate,
    pub reviews: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScorePoint {
    pub item_id: String,
    pub at: DateTime<Utc>,
    pub score: u8,
    pub tier: String,
}

impl Learner {
    pub fn stats(&mut self, now: DateTime<Utc>) -> Result<Stats> {
        let today = scheduler::learning_day(now, self.zone, self.config.day_start_hour);
        let model = self.ability_model()?.clone();
        let choices = self.storage.choice_attempts()?;
        let exercises = self.storage.exercise_attempts()?;
        let correct = choices.iter().filter(|a| a.correct).count() as u64;

        let mut by_day: BTreeMap<NaiveDate, (u32, u32)> = BTreeMap::new();
        let mut by_concept: BTreeMap<String, (u32, u32)> = BTreeMap::new();
        for attempt in &choices {
            let day = by_day.entry(attempt.learning_day).or_default();
            day.0 += 1;
            day.1 += u32::from(attempt.correct);
            for concept in self.item_concept_keys(&attempt.item_id) {
                let tally = by_concept.entry(concept).or_default();
                tally.0 += 1;
                tally.1 += u32::from(attempt.correct);
            }
        }
        // Concepts of the modules the learner has opened, not of every module installed.
        let started: std::collections::HashSet<String> =
            self.storage.started_modules()?.into_iter().collect();
        let mastery = self
            .catalog
            .modules()
            .filter(|m| m.id == self.active || started.contains(&m.id))
            .flat_map(|m| m.concepts.iter().map(move |c| (m, c)))
            .map(|(m, c)| {
                let key = concept_key(&m.id, &c.id);
                let (answered, correct) = by_concept.get(&key).copied().unwrap_or_default();
                ConceptMastery {
                    module: m.id.clone(),
                    concept: c.id.clone(),
                    name: c.name.clone(),
                    mastery: (answered > 0).then(|| logistic(model.concept_ability(&key))),
                    answered,
                    correct,
                }
            })
            .collect();

        let since = today
            .checked_sub_days(Days::new(HEATMAP_DAYS - 1))
            .unwrap_or(today);
        let reviews_by_day = self
            .storage
            .reviews_per_day(since)?
            .into_iter()
            .map(|(day, reviews)| DayCount { day, reviews })
            .collect();
        let (recalled, long_term) = self.storage.retention_counts()?;
        Ok(Stats {
            attempts: choices.len() as u64 + exercises.len() as u64,
            choice_attempts: choices.len() as u64,
            correct,
            exercise_attempts: exercises.len() as u64,
            reviews: self.storage.review_count()? as u64,
            time_studied_ms: self.storage.time_studied_ms()?,
            true_retention: (long_term > 0).then(|| recalled as f64 / long_term as f64),
            desired_retention: f64::from(self.config.desired_retention),
            mastery,
            accuracy_by_day: by_day
                .into_iter()
                .map(|(day, (answered, correct))| DayAccuracy {
                    day,
                    answered,
                    correct,
                })
                .collect(),
            reviews_by_day,
            scores: exercises
                .into_iter()
                .map(|e| ScorePoint {
                    item_id: e.item_id,
                    at: e.answered_at,
                    score: e.score,
                    tier: e.tier,
                })
                .collect(),
        })
    }

    /// The item's concepts under the keys the ability model uses.
    fn item_concept_keys(&self, id: &str) -> Vec<String> {
        self.catalog
            .item(id)
            .map(|(m, item)| {
                item.concepts()
                    .iter()
                    .map(|c| concept_key(&m.id, c))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Mastery shown to the learner: the chance of answering a question of
/// average difficulty (logit 0) without guessing.
pub(super) fn logistic(ability: f64) -> f64 {
    1.0 / (1.0 + (-ability).exp())
}
