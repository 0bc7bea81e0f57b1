//! Deterministic interval fuzz.

use crate::stable_hash::{finalize, fnv1a_bytes, unit};

/// Intervals shorter than this are never fuzzed: a day either way would be a large
/// relative change.
pub(crate) const FUZZ_MIN_INTERVAL: f32 = 2.5;

/// (from, to, share): the fuzz radius grows by `share` of the interval's part in `from..to`.
const FUZZ_BANDS: [(f32, f32, f32); 3] =
    [(2.5, 7.0, 0.15), (7.0, 20.0, 0.10), (20.0, f32::MAX, 0.05)];

/// A number in `0.0..1.0` that depends only on the item and its review count. FNV-1a
/// over the bytes, then a SplitMix64 finaliser to spread nearby inputs; std's hasher
/// is seeded per process and would make schedules irreproducible.
pub(crate) fn fuzz_factor(item_id: &str, reps: u32) -> f64 {
    let bytes = item_id.bytes().chain(reps.to_le_bytes());
    unit(finalize(fnv1a_bytes(bytes)))
}

/// The whole-day interval to schedule for an FSRS interval of `interval` days, after
/// `elapsed_days` since the previous review, capped at `maximum`.
pub(crate) fn fuzzed_interval(interval: f32, elapsed_days: u32, maximum: u32, factor: f64) -> u32 {
    let maximum = maximum.max(1);
    if !interval.is_finite() {
        return maximum;
    }
    let plain = (interval.round().max(1.0) as u32).min(maximum);
    if interval < FUZZ_MIN_INTERVAL {
        return plain;
    }
    let (low, high) = fuzz_range(interval, elapsed_days, maximum);
    let width = f64::from(high - low + 1);
    let chosen = (factor.clamp(0.0, 1.0) * width + f64::from(low)).floor() as u32;
    chosen.clamp(low, high)
}

fn fuzz_range(interval: f32, elapsed_days: u32, maximum: u32) -> (u32, u32) {
    let radius = 1.0
        + FUZZ_BANDS
            .iter()
            .map(|&(from, to, share)| share * (interval.min(to) - from).max(0.0))
            .sum::<f32>();
    let mut low = ((interval - radius).round().max(2.0) as u32).min(maximum);
    let high = ((interval + radius).round() as u32).min(maximum);
    // An item answered late should not come back sooner than it already lasted.
    if interval > elapsed_days as f32 {
        low = low.max(elapsed_days.saturating_add(1)).min(high);
    }
    (low.min(high), high)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factor_is_stable_and_in_range() {
        let a = fuzz_factor("q-star-1", 3);
        assert_eq!(a, fuzz_factor("q-star-1", 3));
        assert_ne!(a, fuzz_factor("q-star-1", 4));
        assert_ne!(a, fuzz_factor("q-star-2", 3));
        for reps in 0..1000 {
            let f = fuzz_factor("item", reps);
            assert!((0.0..1.0).contains(&f));
        }
    }

    #[test]
    fn factor_is_spread_over_the_range() {
        let mean = (0..10_000).map(|reps| fuzz_factor("x", reps)).sum::<f64>() / 10_000.0;
        assert!((mean - 0.5).abs() < 0.02, "mean {mean}");
    }

    #[test]
    fn short_intervals_are_not_fuzzed() {
        for factor in [0.0, 0.5, 0.999] {
            assert_eq!(fuzzed_interval(1.2, 0, 36_500, factor), 1);
            assert_eq!(fuzzed_interval(2.4, 0, 36_500, factor), 2);
        }
    }

    #[test]
    fn fuzz_range_matches_the_banded_radius() {
        // 10 days: radius = 1 + 0.15 * 4.5 + 0.10 * 3 = 1.975 -> 8..=12.
        assert_eq!(fuzz_range(10.0, 0, 36_500), (8, 12));
        assert_eq!(fuzzed_interval(10.0, 0, 36_500, 0.0), 8);
        assert_eq!(fuzzed_interval(10.0, 0, 36_500, 0.999), 12);
        // 100 days: radius = 1 + 0.675 + 1.3 + 0.05 * 80 = 6.975 -> 93..=107.
        assert_eq!(fuzz_range(100.0, 0, 36_500), (93, 107));
    }

    #[test]
    fn fuzz_respects_maximum_and_elapsed() {
        assert_eq!(fuzzed_interval(500.0, 0, 100, 0.999), 100);
        assert_eq!(fuzzed_interval(500.0, 0, 100, 0.0), 100);
        let (low, _) = fuzz_range(10.0, 9, 36_500);
        assert_eq!(low, 10);
        assert_eq!(fuzzed_interval(f32::INFINITY, 0, 365, 0.5), 365);
    }

    #[test]
    fn fuzzed_interval_is_monotone_in_the_interval_for_a_fixed_factor() {
        for factor in [0.0, 0.3, 0.7, 0.999] {
            let mut previous = 0;
            for tenth in 0..5000 {
                let days = fuzzed_interval(tenth as f32 / 10.0, 0, 36_500, factor);
                assert!(days >= previous, "{} days at {tenth}/10", days);
                previous = days;
            }
        }
    }
}
