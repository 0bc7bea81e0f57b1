//! Fitting FSRS parameters to a learner's own history, cancellably.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use fsrs::{CombinedProgressState, ComputeParametersInput, FSRSItem, FSRSReview, FSRS};

use super::{Rating, SchedulerError};

/// Refit after this many new long-term reviews (reviews on a later learning day than
/// the item's previous review). About two weeks of daily practice for a typical
/// learner: enough new evidence to move the fit, rare enough to cost nothing.
pub const AUTO_OPTIMIZE_EVERY: u32 = 200;

/// Fewer scored reviews than this are not worth fitting: the fitted parameters would
/// mostly echo the defaults.
pub const MIN_SCORED_REVIEWS: usize = AUTO_OPTIMIZE_EVERY as usize;

/// Share of the most recent scored reviews held out to judge a refit.
const HOLDOUT_SHARE: f64 = 0.2;

/// How often the cancellation watcher looks at the caller's flag.
const CANCEL_POLL: Duration = Duration::from_millis(10);

/// One row of the stored review log.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredReview {
    pub item_id: String,
    pub reviewed_at: DateTime<Utc>,
    /// The learning day recorded when the review happened (in the zone of that moment).
    pub learning_day: NaiveDate,
    pub rating: Rating,
}

/// A scored review together with the item's history before it, ready for FSRS.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingItem {
    /// Stable per-item number within one conversion (FSRS groups prefixes by it).
    pub card: i64,
    pub reviewed_at: DateTime<Utc>,
    pub item: FSRSItem,
}

/// Outcome of one automatic refit; the caller records it whether accepted or not.
#[derive(Debug, Clone, PartialEq)]
pub struct AutoOptimizeOutcome {
    pub accepted: bool,
    /// The parameters to use from now on: the fitted ones when accepted, else `current`.
    pub params: Vec<f32>,
    /// Log loss of the current parameters on the held-out recent reviews.
    pub log_loss_before: f64,
    /// Log loss of the fitted parameters on the same reviews.
    pub log_loss_after: f64,
    /// How many held-out reviews the comparison used.
    pub evaluated_reviews: usize,
}

/// Converts a review log into FSRS training items: one per review that falls on a
/// later learning day than the previous review of the same item, carrying the item's
/// whole history up to it. Same-day reviews stay in the history (with 0 days elapsed)
/// but are not scored. The result is ordered by review time.
pub fn training_items(reviews: &[StoredReview]) -> Vec<TrainingItem> {
    let mut order: Vec<usize> = (0..reviews.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&reviews[a], &reviews[b]);
        a.reviewed_at
            .cmp(&b.reviewed_at)
            .then(a.item_id.cmp(&b.item_id))
    });
    let mut cards: HashMap<&str, usize> = HashMap::new();
    let mut histories: Vec<(Vec<FSRSReview>, NaiveDate)> = Vec::new();
    let mut items = Vec::new();
    for review in order.into_iter().map(|index| &reviews[index]) {
        let card = *cards.entry(review.item_id.as_str()).or_insert_with(|| {
            histories.push((Vec::new(), review.learning_day));
            histories.len() - 1
        });
        let (history, last_day) = &mut histories[card];
        let delta_t = if history.is_empty() {
            0
        } else {
            day_gap(*last_day, review.learning_day)
        };
        history.push(FSRSReview {
            rating: review.rating.as_u32(),
            delta_t,
        });
        *last_day = review.learning_day;
        if delta_t > 0 {
            items.push(TrainingItem {
                card: i64::try_from(card).unwrap_or(i64::MAX),
                reviewed_at: review.reviewed_at,
                item: FSRSItem {
                    reviews: history.clone(),
                },
            });
        }
    }
    items
}

/// Learning days between two reviews; a day recorded earlier than the previous one
/// (clock set back, flight west) counts as the same day.
fn day_gap(previous: NaiveDate, current: NaiveDate) -> u32 {
    u32::try_from((current - previous).num_days().max(0)).unwrap_or(u32::MAX)
}

/// Refits parameters on the learner's history minus its most recent fifth, and keeps
/// them only if they predict that recent fifth better than `current` does. Both
/// parameter sets are scored on the held-out reviews in time order, so the newest
/// reviews weigh most (see `evaluate_items`).
///
/// Pure and blocking: run it on a worker thread. Setting `cancel` makes it return
/// [`SchedulerError::Cancelled`] within a few milliseconds of the current batch.
pub fn auto_optimize(
    current: &[f32],
    history: &[TrainingItem],
    cancel: &AtomicBool,
) -> Result<AutoOptimizeOutcome, SchedulerError> {
    if history.len() < MIN_SCORED_REVIEWS {
        return Err(SchedulerError::NotEnoughData(format!(
            "{} scored reviews, {MIN_SCORED_REVIEWS} needed",
            history.len()
        )));
    }
    FSRS::new(current).map_err(|_| SchedulerError::InvalidParameters)?;
    let mut sorted: Vec<&TrainingItem> = history.iter().collect();
    sorted.sort_by(|a, b| a.reviewed_at.cmp(&b.reviewed_at).then(a.card.cmp(&b.card)));
    let holdout = ((sorted.len() as f64 * HOLDOUT_SHARE).ceil() as usize).max(1);
    let (train, test) = sorted.split_at(sorted.len() - holdout);
    let fitted = fit_parameters(train, cancel)?;
    let before = evaluate_items(current, test)?;
    let after = evaluate_items(&fitted, test)?;
    let accepted = after.log_loss < before.log_loss;
    Ok(AutoOptimizeOutcome {
        accepted,
        params: if accepted { fitted } else { current.to_vec() },
        log_loss_before: before.log_loss,
        log_loss_after: after.log_loss,
        evaluated_reviews: test.len(),
    })
}

/// Log loss and RMSE over calibration bins, as the `fsrs` crate scores a model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Metrics {
    pub log_loss: f64,
    pub rmse_bins: f64,
}

/// Scores `params` on `items` with the `fsrs` crate's evaluation: log loss, and RMSE
/// between mean predicted and actual recall in bins of (elapsed days, review count,
/// lapse count). The crate weights items by their position in `items`, from 0.25 for
/// the first to 1.0 for the last, so the caller's order matters.
pub(crate) fn evaluate_items(
    params: &[f32],
    items: &[&TrainingItem],
) -> Result<Metrics, SchedulerError> {
    if items.is_empty() {
        return Err(SchedulerError::NotEnoughData("no scored reviews".into()));
    }
    let model = FSRS::new(params).map_err(|_| SchedulerError::InvalidParameters)?;
    let fsrs_items = items.iter().map(|t| t.item.clone()).collect();
    let cards = items.iter().map(|t| t.card).collect();
    let evaluation = model.evaluate_with_card_ids(fsrs_items, cards, |_| true)?;
    Ok(Metrics {
        log_loss: f64::from(evaluation.log_loss),
        rmse_bins: f64::from(evaluation.rmse_bins),
    })
}

/// Runs the `fsrs` crate's optimizer, translating `cancel` into its abort flag.
pub(crate) fn fit_parameters(
    items: &[&TrainingItem],
    cancel: &AtomicBool,
) -> Result<Vec<f32>, SchedulerError> {
    if cancel.load(Ordering::Relaxed) {
        return Err(SchedulerError::Cancelled);
    }
    let progress = CombinedProgressState::new_shared();
    let input = ComputeParametersInput {
        train_set: items.iter().map(|t| t.item.clone()).collect(),
        card_ids: Some(items.iter().map(|t| t.card).collect()),
        progress: Some(Arc::clone(&progress)),
        enable_short_term: true,
        num_relearning_steps: None,
        training_config: None,
    };
    let finished = AtomicBool::new(false);
    let result = std::thread::scope(|scope| {
        let watcher = std::thread::Builder::new()
            .name("fsrs-cancel-watch".into())
            .spawn_scoped(scope, || watch_cancel(cancel, &finished, &progress))
            .map_err(|error| {
                SchedulerError::Fsrs(format!("cannot start cancel watcher: {error}"))
            })?;
        let fitted = fsrs::compute_parameters(input);
        finished.store(true, Ordering::Relaxed);
        // The watcher only polls two flags; a panic there cannot happen, and if it
        // did the fit result is still valid.
        let _ = watcher.join();
        fitted.map_err(SchedulerError::from)
    })?;
    if cancel.load(Ordering::Relaxed) {
        return Err(SchedulerError::Cancelled);
    }
    if result.len() != 21 || result.iter().any(|p| !p.is_finite()) {
        return Err(SchedulerError::InvalidParameters);
    }
    Ok(result)
}

fn watch_cancel(
    cancel: &AtomicBool,
    finished: &AtomicBool,
    progress: &Mutex<CombinedProgressState>,
) {
    while !finished.load(Ordering::Relaxed) {
        if cancel.load(Ordering::Relaxed) {
            if let Ok(mut state) = progress.lock() {
                state.want_abort = true;
            }
            return;
        }
        std::thread::sleep(CANCEL_POLL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn review(item: &str, at: &str, day: (i32, u32, u32), rating: Rating) -> StoredReview {
        StoredReview {
            item_id: item.into(),
            reviewed_at: DateTime::parse_from_rfc3339(at)
                .expect("instant")
                .with_timezone(&Utc),
            learning_day: NaiveDate::from_ymd_opt(day.0, day.1, day.2).expect("date"),
            rating,
        }
    }

    #[test]
    fn converts_a_log_into_scored_prefixes() {
        let log = vec![
            review("b", "2024-01-01T10:00:00Z", (2024, 1, 1), Rating::Good),
            review("a", "2024-01-01T09:00:00Z", (2024, 1, 1), Rating::Again),
            review("a", "2024-01-01T09:10:00Z", (2024, 1, 1), Rating::Good),
            review("a", "2024-01-03T09:00:00Z", (2024, 1, 3), Rating::Good),
            review("b", "2024-01-02T10:00:00Z", (2024, 1, 2), Rating::Hard),
            // Recorded on an earlier learning day than the review before it.
            review("b", "2024-01-02T11:00:00Z", (2024, 1, 1), Rating::Good),
        ];
        let items = training_items(&log);
        assert_eq!(items.len(), 2);
        let b = &items[0];
        assert_eq!(
            b.item.reviews,
            vec![
                FSRSReview {
                    rating: 3,
                    delta_t: 0
                },
                FSRSReview {
                    rating: 2,
                    delta_t: 1
                }
            ]
        );
        let a = &items[1];
        assert_eq!(
            a.item.reviews,
            vec![
                FSRSReview {
                    rating: 1,
                    delta_t: 0
                },
                FSRSReview {
                    rating: 3,
                    delta_t: 0
                },
                FSRSReview {
                    rating: 3,
                    delta_t: 2
                },
            ]
        );
        assert_ne!(a.card, b.card);
    }

    /// A learner whose memory decays faster than the defaults assume.
    fn synthetic_history(cards: usize) -> Vec<TrainingItem> {
        let start = DateTime::parse_from_rfc3339("2024-01-01T08:00:00Z")
            .expect("t")
            .with_timezone(&Utc);
        let mut log = Vec::new();
        for card in 0..cards {
            let mut day = 0i64;
            let mut gap = 1i64;
            for step in 0..8 {
                // Deterministic pseudo-recall: forgotten when the gap is long for this card.
                let hash = super::super::fuzz::fuzz_factor(&format!("c{card}"), step);
                let forgot = step > 0 && hash < (gap as f64 / 40.0).min(0.8);
                let rating = if step == 0 || forgot {
                    Rating::Again
                } else {
                    Rating::Good
                };
                let at = start + Duration::days(day + card as i64 % 30);
                log.push(StoredReview {
                    item_id: format!("c{card}"),
                    reviewed_at: at,
                    learning_day: at.date_naive(),
                    rating,
                });
                gap = if forgot { 1 } else { gap * 2 };
                day += gap;
            }
        }
        training_items(&log)
    }

    #[test]
    fn auto_optimize_needs_enough_history() {
        let history = synthetic_history(10);
        let cancel = AtomicBool::new(false);
        let result = auto_optimize(&fsrs::DEFAULT_PARAMETERS, &history, &cancel);
        assert!(matches!(result, Err(SchedulerError::NotEnoughData(_))));
    }

    #[test]
    fn auto_optimize_judges_on_held_out_recent_reviews() {
        let history = synthetic_history(200);
        let cancel = AtomicBool::new(false);
        let outcome = auto_optimize(&fsrs::DEFAULT_PARAMETERS, &history, &cancel).expect("fit");
        assert_eq!(
            outcome.evaluated_reviews,
            (history.len() as f64 * 0.2).ceil() as usize
        );
        assert_eq!(
            outcome.accepted,
            outcome.log_loss_after < outcome.log_loss_before
        );
        if outcome.accepted {
            assert_ne!(outcome.params, fsrs::DEFAULT_PARAMETERS.to_vec());
        } else {
            assert_eq!(outcome.params, fsrs::DEFAULT_PARAMETERS.to_vec());
        }
    }

    #[test]
    fn auto_optimize_rejects_bad_current_parameters() {
        let history = synthetic_history(200);
        let cancel = AtomicBool::new(false);
        let result = auto_optimize(&[f32::NAN; 21], &history, &cancel);
        assert_eq!(result, Err(SchedulerError::InvalidParameters));
    }

    #[test]
    fn a_raised_cancel_flag_stops_the_fit() {
        let history = synthetic_history(200);
        let cancel = AtomicBool::new(true);
        let result = auto_optimize(&fsrs::DEFAULT_PARAMETERS, &history, &cancel);
        assert_eq!(result, Err(SchedulerError::Cancelled));
    }
}
