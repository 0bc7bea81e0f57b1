//! Ordering today's due items and the daily allowances.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};

use super::{CardState, Phase, SchedulerConfig};

/// One schedulable item with its stored state.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueEntry {
    pub item_id: String,
    pub state: CardState,
}

/// The items to answer now, in order:
/// 1. learning and relearning items whose step is due, earliest due first (never
///    capped: a lapse must be relearned the same day);
/// 2. due long-term reviews, most overdue relative to stability first, at most
///    `review_limit` of them (pass [`review_allowance`]).
///
/// New items and items not yet due are left out; new items are introduced
/// separately, up to [`new_allowance`]. Ties keep a stable order by item id so the
/// queue is reproducible. O(n log n).
pub fn order_due(
    entries: Vec<QueueEntry>,
    now: DateTime<Utc>,
    review_limit: u32,
) -> Vec<QueueEntry> {
    let mut learning = Vec::new();
    let mut reviews = Vec::new();
    for entry in entries {
        if entry.state.due > now {
            continue;
        }
        match entry.state.phase {
            Phase::New => {}
            Phase::Learning | Phase::Relearning => learning.push(entry),
            Phase::Review => reviews.push((overdue_ratio(&entry.state, now), entry)),
        }
    }
    learning.sort_unstable_by(|a, b| {
        a.state
            .due
            .cmp(&b.state.due)
            .then_with(|| a.item_id.cmp(&b.item_id))
    });
    let keep = usize::try_from(review_limit)
        .unwrap_or(usize::MAX)
        .min(reviews.len());
    let by_urgency = |a: &(f64, QueueEntry), b: &(f64, QueueEntry)| -> Ordering {
        b.0.total_cmp(&a.0)
            .then_with(|| a.1.item_id.cmp(&b.1.item_id))
    };
    // Only the kept reviews need a full sort; selecting them first keeps a large
    // backlog with a small daily cap cheap.
    if keep > 0 && keep < reviews.len() {
        reviews.select_nth_unstable_by(keep - 1, by_urgency);
    }
    reviews.truncate(keep);
    reviews.sort_unstable_by(by_urgency);
    learning.extend(reviews.into_iter().map(|(_, entry)| entry));
    learning
}

/// Days since the last review divided by stability: the larger, the lower the
/// predicted recall, for any decay. Items without a memory state come first.
fn overdue_ratio(state: &CardState, now: DateTime<Utc>) -> f64 {
    let (Some(memory), Some(last)) = (state.memory, state.last_review) else {
        return f64::INFINITY;
    };
    let elapsed_days = ((now - last).num_seconds() as f64 / 86_400.0).max(0.0);
    elapsed_days / f64::from(memory.stability).max(1e-3)
}

/// How many new items may still be introduced today.
pub fn new_allowance(config: &SchedulerConfig, new_introduced_today: u32) -> u32 {
    config.new_per_day.saturating_sub(new_introduced_today)
}

/// How many long-term reviews may still be answered today.
pub fn review_allowance(config: &SchedulerConfig, reviews_done_today: u32) -> u32 {
    config.reviews_per_day.saturating_sub(reviews_done_today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheduler::MemoryState;
    use chrono::Duration;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2025-03-01T10:00:00Z")
            .expect("instant")
            .with_timezone(&Utc)
    }

    fn entry(
        id: &str,
        phase: Phase,
        stability: f32,
        days_since: i64,
        due_in_minutes: i64,
    ) -> QueueEntry {
        let now = now();
        QueueEntry {
            item_id: id.to_string(),
            state: CardState {
                phase,
                memory: Some(MemoryState {
                    stability,
                    difficulty: 5.0,
                }),
                due: now + Duration::minutes(due_in_minutes),
                last_review: Some(now - Duration::days(days_since)),
                reps: 3,
                lapses: 0,
            },
        }
    }

    fn ids(entries: &[QueueEntry]) -> Vec<&str> {
        entries.iter().map(|e| e.item_id.as_str()).collect()
    }

    #[test]
    fn learning_first_then_most_overdue_reviews() {
        let entries = vec![
            entry("review-slightly-late", Phase::Review, 10.0, 11, -60),
            entry("review-very-late", Phase::Review, 2.0, 8, -600),
            entry("relearn", Phase::Relearning, 0.5, 0, -2),
            entry("learn-early", Phase::Learning, 0.3, 0, -20),
            entry("not-due", Phase::Review, 50.0, 3, 600),
            entry("learn-later", Phase::Learning, 0.3, 0, 5),
            QueueEntry {
                item_id: "new".into(),
                state: CardState::new_item(now() - Duration::days(1)),
            },
        ];
        let queue = order_due(entries, now(), 10);
        assert_eq!(
            ids(&queue),
            [
                "learn-early",
                "relearn",
                "review-very-late",
                "review-slightly-late"
            ]
        );
    }

    #[test]
    fn review_limit_caps_reviews_but_not_learning() {
        let mut entries: Vec<QueueEntry> = (0..50)
            .map(|i| entry(&format!("r{i:02}"), Phase::Review, 1.0 + i as f32, 30, -1))
            .collect();
        entries.push(entry("learn", Phase::Learning, 0.3, 0, -1));
        let queue = order_due(entries, now(), 3);
        assert_eq!(ids(&queue), ["learn", "r00", "r01", "r02"]);
        assert!(order_due(vec![entry("x", Phase::Review, 1.0, 5, -1)], now(), 0).is_empty());
    }

    #[test]
    fn allowances_never_go_negative() {
        let config = SchedulerConfig::default();
        assert_eq!(new_allowance(&config, 0), 20);
        assert_eq!(new_allowance(&config, 25), 0);
        assert_eq!(review_allowance(&config, 150), 50);
        assert_eq!(review_allowance(&config, 500), 0);
    }

    #[test]
    fn ten_thousand_items_order_quickly() {
        let entries: Vec<QueueEntry> = (0..10_000)
            .map(|i| {
                let phase = if i % 10 == 0 {
                    Phase::Learning
                } else {
                    Phase::Review
                };
                entry(
                    &format!("item-{i}"),
                    phase,
                    1.0 + (i % 97) as f32,
                    i % 40,
                    -(i % 300),
                )
            })
            .collect();
        let started = std::time::Instant::now();
        let queue = order_due(entries, now(), 200);
        let spent = started.elapsed();
        eprintln!("order_due on 10,000 entries: {spent:?}");
        assert_eq!(queue.len(), 1_000 + 200);
        // Generous for unoptimised test builds on a shared machine.
        assert!(spent < std::time::Duration::from_millis(500), "{spent:?}");
        let ratios: Vec<f64> = queue[1_000..]
            .iter()
            .map(|e| overdue_ratio(&e.state, now()))
            .collect();
        assert!(ratios.windows(2).all(|w| w[0] >= w[1]));
    }
}
