//! The home view: today's challenge, the streak and what is due.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::Learner;
use crate::daily::{self, ChallengeKind, Completion, Streak};
use crate::error::Result;
use crate::storage::{ItemKind, NewChallengeItem, StoredChallenge};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TodayPlan {
    pub learning_day: NaiveDate,
    pub streak: u32,
    pub longest_streak: u32,
    pub challenge: ChallengeView,
    pub due_reviews: u32,
    pub new_available: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChallengeView {
    pub completed: bool,
    pub items: Vec<ChallengeItemView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChallengeItemView {
    pub id: String,
    pub module: String,
    pub kind: ItemKind,
    pub done: bool,
}

impl Learner {
    /// Today's plan; builds and stores today's challenge on first call of the
    /// learning day, so reopening shows the same one.
    pub fn today(&mut self, now: DateTime<Utc>) -> Result<TodayPlan> {
        let stamp = self.stamp(now);
        let challenge = match self.storage.challenge(stamp.learning_day)? {
            Some(stored) => stored,
            None => {
                let items = self.build_challenge_items(stamp.learning_day, now)?;
                self.storage.ensure_challenge(&stamp, &items)?
            }
        };
        let Streak { current, longest } = self.streak(now)?;
        // Only what the learner may review today: accessible and within the cap.
        let due_reviews = self.due_queue(now)?.len() as u32;
        let new_available = self.new_available(stamp.learning_day)?;
        Ok(TodayPlan {
            learning_day: stamp.learning_day,
            streak: current,
            longest_streak: longest,
            challenge: challenge_view(challenge),
            due_reviews,
            new_available,
        })
    }

    pub fn streak(&self, now: DateTime<Utc>) -> Result<Streak> {
        let completions: Vec<Completion> = self
            .storage
            .challenge_completions()?
            .into_iter()
            .map(|c| Completion {
                completed_at: c.completed_at,
                // Zones were valid when stored; a name this build no longer
                // knows still has its learning day, which is what counts.
                zone: c.zone.parse().unwrap_or(chrono_tz::UTC),
                learning_day: c.learning_day,
            })
            .collect();
        Ok(daily::streak(
            &completions,
            now,
            self.zone,
            self.config.day_start_hour,
        ))
    }

    /// New items the learner may still start today: the daily limit less what
    /// was started, capped by the accessible items never seen.
    pub(super) fn new_available(&self, day: NaiveDate) -> Result<u32> {
        let started_today = self.storage.new_items_on(day)?;
        let allowance = self.config.new_per_day.saturating_sub(started_today);
        let seen: std::collections::HashSet<String> =
            self.storage.seen_item_ids()?.into_iter().collect();
        let unseen = self
            .accessible_review_items()
            .filter(|(id, _)| !seen.contains(*id))
            .count() as u32;
        Ok(allowance.min(unseen))
    }

    fn build_challenge_items(
        &mut self,
        day: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Vec<NewChallengeItem>> {
        let pool = self.challenge_pool(now)?;
        let challenge = daily::build_challenge(day, self.seed, &pool);
        Ok(challenge
            .items
            .into_iter()
            .map(|item| {
                let kind = match item.kind {
                    ChallengeKind::Quiz => ItemKind::Quiz,
                    ChallengeKind::Scenario => ItemKind::Scenario,
                    ChallengeKind::Exercise => ItemKind::Exercise,
                };
                NewChallengeItem {
                    item_id: item.id,
                    module_id: item.module,
                    kind,
                }
            })
            .collect())
    }
}

fn challenge_view(stored: StoredChallenge) -> ChallengeView {
    ChallengeView {
        completed: stored.completed_at.is_some(),
        items: stored
            .items
            .into_iter()
            .map(|i| ChallengeItemView {
                id: i.item_id,
                module: i.module_id,
                kind: i.kind,
                done: i.done,
            })
            .collect(),
    }
}
