//! Turning an answer into an FSRS rating.
//!
//! Choice questions and scenarios (`grade_choice`):
//! - wrong: Again;
//! - right, taking more than [`HARD_SLOWER_THAN`] (1.5x) the learner's typical time for
//!   that question type: Hard, because recall needed effort;
//! - right, taking less than [`EASY_FASTER_THAN`] (0.6x) the typical time, on a mature
//!   item (stability of at least [`MATURE_STABILITY_DAYS`]): Easy;
//! - any other right answer: Good.
//!
//! Without a typical time (too few answers of that type yet) a right answer is Good:
//! speed means nothing until there is a baseline. Easy is kept for mature items because
//! a quick answer on a young item is as likely short-term memory as durable knowledge.
//!
//! Exercises (`grade_tier`): the analyzer's or the learner's rubric tier maps one to
//! one onto the four ratings.

use super::Rating;
use crate::content::Tier;

/// A right answer slower than this multiple of the typical time is rated Hard.
pub const HARD_SLOWER_THAN: f64 = 1.5;
/// A right answer faster than this multiple of the typical time may be rated Easy.
pub const EASY_FASTER_THAN: f64 = 0.6;
/// Stability (days) from which an item counts as mature.
pub const MATURE_STABILITY_DAYS: f32 = 21.0;

pub fn grade_choice(
    correct: bool,
    duration_ms: u32,
    typical_ms: Option<u32>,
    mature: bool,
) -> Rating {
    if !correct {
        return Rating::Again;
    }
    let Some(typical) = typical_ms.filter(|&ms| ms > 0) else {
        return Rating::Good;
    };
    let ratio = f64::from(duration_ms) / f64::from(typical);
    if ratio > HARD_SLOWER_THAN {
        Rating::Hard
    } else if mature && ratio < EASY_FASTER_THAN {
        Rating::Easy
    } else {
        Rating::Good
    }
}

pub fn grade_tier(tier: Tier) -> Rating {
    match tier {
        Tier::Weak => Rating::Again,
        Tier::Developing => Rating::Hard,
        Tier::Strong => Rating::Good,
        Tier::Exemplary => Rating::Easy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_is_again_whatever_the_speed() {
        for mature in [false, true] {
            assert_eq!(
                grade_choice(false, 100, Some(10_000), mature),
                Rating::Again
            );
            assert_eq!(
                grade_choice(false, 60_000, Some(10_000), mature),
                Rating::Again
            );
            assert_eq!(grade_choice(false, 5_000, None, mature), Rating::Again);
        }
    }

    #[test]
    fn right_answers_depend_on_speed_against_the_typical_time() {
        let typical = Some(10_000);
        assert_eq!(grade_choice(true, 10_000, typical, false), Rating::Good);
        assert_eq!(grade_choice(true, 15_000, typical, false), Rating::Good);
        assert_eq!(grade_choice(true, 15_001, typical, false), Rating::Hard);
        assert_eq!(grade_choice(true, 15_001, typical, true), Rating::Hard);
        assert_eq!(grade_choice(true, 5_999, typical, true), Rating::Easy);
        assert_eq!(grade_choice(true, 6_000, typical, true), Rating::Good);
    }

    #[test]
    fn fast_answers_on_young_items_stay_good() {
        assert_eq!(grade_choice(true, 1_000, Some(10_000), false), Rating::Good);
    }

    #[test]
    fn without_a_baseline_a_right_answer_is_good() {
        assert_eq!(grade_choice(true, 90_000, None, true), Rating::Good);
        assert_eq!(grade_choice(true, 10, Some(0), true), Rating::Good);
    }

    #[test]
    fn tiers_map_in_order() {
        let ratings: Vec<Rating> = Tier::ALL.into_iter().map(grade_tier).collect();
        assert_eq!(ratings, Rating::ALL.to_vec());
    }
}
