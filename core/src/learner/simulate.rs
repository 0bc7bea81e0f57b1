//! A synthetic learner, for scale tests and benchmarks: `items` items with
//! `reviews` reviews in total, spread over the two years before `now`, each
//! scheduled by the real scheduler and stored through the real write path.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::Learner;
use crate::error::Result;
use crate::scheduler::{CardState, Rating};
use crate::stable_hash::SplitMix;
use crate::storage::{Attempt, ItemKind, ReviewRecord, Stamp};

/// Reviews written per transaction: large enough to be fast, small enough to
/// keep memory flat.
const BATCH: usize = 20_000;
const HISTORY_DAYS: i64 = 730;
/// Synthetic items belong to no installed module, so content updates never touch them.
const SIMULATED_MODULE: &str = "simulated";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimulationReport {
    pub items: u32,
    pub reviews: u64,
    pub database_reviews: i64,
}

/// One generated review, held until its batch is written.
struct SimulatedReview {
    item_id: String,
    before: CardState,
    rating: Rating,
    after: CardState,
    elapsed_days: f64,
    stamp: Stamp,
}

/// Mostly recalled, sometimes forgotten, like a steady learner.
fn simulated_rating(rng: &mut SplitMix) -> Rating {
    match rng.next_unit() {
        u if u < 0.10 => Rating::Again,
        u if u < 0.15 => Rating::Hard,
        u if u < 0.95 => Rating::Good,
        _ => Rating::Easy,
    }
}

impl Learner {
    pub fn simulate(
        &mut self,
        items: u32,
        reviews: u64,
        now: DateTime<Utc>,
    ) -> Result<SimulationReport> {
        if items == 0 {
            return Err(crate::Error::InvalidInput(
                "--items must be at least 1".into(),
            ));
        }
        let mut rng = SplitMix::new(0x5EED ^ u64::from(items) ^ reviews);
        let start = now - Duration::days(HISTORY_DAYS);
        let per_item = reviews / u64::from(items);
        let extra = reviews % u64::from(items);
        let mut pending: Vec<SimulatedReview> = Vec::with_capacity(BATCH);
        for item in 0..items {
            let id = format!("sim-{item:06}");
            let count = per_item + u64::from(u64::from(item) < extra);
            let mut state = CardState::new_item(start);
            // Reviews at ordered random instants across the history window.
            let mut offsets: Vec<i64> = (0..count)
                .map(|_| (rng.next_unit() * (HISTORY_DAYS * 86_400) as f64) as i64)
                .collect();
            offsets.sort_unstable();
            for offset in offsets {
                let at = start + Duration::seconds(offset);
                let rating = simulated_rating(&mut rng);
                let outcome = self.scheduler.review(&id, &state, rating, at)?;
                let stamp = self.stamp(at);
                pending.push(SimulatedReview {
                    item_id: id.clone(),
                    before: state,
                    rating,
                    after: outcome.state.clone(),
                    elapsed_days: outcome.elapsed_days,
                    stamp,
                });
                state = outcome.state;
                if pending.len() == BATCH {
                    self.flush_simulated(&mut pending)?;
                }
            }
        }
        self.flush_simulated(&mut pending)?;
        Ok(SimulationReport {
            items,
            reviews,
            database_reviews: self.storage.review_count()?,
        })
    }

    fn flush_simulated(&mut self, pending: &mut Vec<SimulatedReview>) -> Result<()> {
        let answers: Vec<_> = pending
            .iter()
            .map(|r| {
                (
                    ReviewRecord {
                        item_id: &r.item_id,
                        module_id: SIMULATED_MODULE,
                        kind: ItemKind::Quiz,
                        stamp: &r.stamp,
                        rating: r.rating,
                        duration_ms: 8_000,
                        before: &r.before,
                        elapsed_days: r.elapsed_days,
                        after: &r.after,
                    },
                    Attempt::Choice {
                        choice: 0,
                        correct: r.rating != Rating::Again,
                    },
                )
            })
            .collect();
        self.storage.record_answers(&answers)?;
        pending.clear();
        Ok(())
    }
}
