//! The review step: our phases and steps around the `fsrs` crate's memory model.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use fsrs::FSRS;

use super::day::{day_start_instant, learning_day};
use super::fuzz::{fuzz_factor, fuzzed_interval};
use super::{CardState, MemoryState, Phase, Rating, SchedulerConfig, SchedulerError};

/// Same-day steps, in minutes (see the table in the module doc).
const AGAIN_STEP_MINUTES: i64 = 1;
const HARD_STEP_MINUTES: i64 = 6;
const GOOD_STEP_MINUTES: i64 = 10;
const LAPSE_STEP_MINUTES: i64 = 10;

const SECONDS_PER_DAY: f64 = 86_400.0;

/// The `fsrs` crate clips the decay parameter to this range before using it.
const DECAY_RANGE: (f32, f32) = (0.1, 0.8);

/// What one answer did to an item.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewOutcome {
    pub state: CardState,
    /// Real time since the previous review, in days (0 for a first answer; never negative).
    pub elapsed_days: f64,
    /// The scheduled interval in days: whole days for long-term intervals (the item is
    /// due at the start of that learning day), a fraction of a day for same-day steps.
    pub interval_days: f64,
}

/// FSRS with the learner's settings, plus the zone that defines their learning days.
#[derive(Debug, Clone)]
pub struct Scheduler {
    config: SchedulerConfig,
    fsrs: FSRS,
    zone: Tz,
}

impl Scheduler {
    /// A scheduler whose learning days follow UTC; see [`Scheduler::in_zone`].
    pub fn new(config: SchedulerConfig) -> Result<Self, SchedulerError> {
        config.validate()?;
        let fsrs = FSRS::new(&config.params).map_err(|_| SchedulerError::InvalidParameters)?;
        Ok(Scheduler {
            config,
            fsrs,
            zone: chrono_tz::UTC,
        })
    }

    /// The same scheduler counting learning days in `zone` (the device's zone now).
    pub fn in_zone(mut self, zone: Tz) -> Self {
        self.zone = zone;
        self
    }

    pub fn config(&self) -> &SchedulerConfig {
        &self.config
    }

    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// Applies `rating` to `state` answered at `now`.
    pub fn review(
        &self,
        item_id: &str,
        state: &CardState,
        rating: Rating,
        now: DateTime<Utc>,
    ) -> Result<ReviewOutcome, SchedulerError> {
        let Plan {
            elapsed_days,
            elapsed_learning_days,
            next,
        } = self.plan(state, now)?;
        let memory = pick(&next, rating).memory;
        let (phase, wait) = match (state.phase, rating) {
            (Phase::Review, Rating::Again) => {
                (Phase::Relearning, Wait::Minutes(LAPSE_STEP_MINUTES))
            }
            (Phase::Review, _)
            | (_, Rating::Easy)
            | (Phase::Learning | Phase::Relearning, Rating::Good) => {
                let days =
                    self.long_term_days(item_id, state, &next, elapsed_learning_days, rating);
                (Phase::Review, Wait::Days(days))
            }
            (Phase::New, Rating::Good) => (Phase::Learning, Wait::Minutes(GOOD_STEP_MINUTES)),
            (phase, Rating::Hard) => (learning_phase(phase), Wait::Minutes(HARD_STEP_MINUTES)),
            (phase, Rating::Again) => (learning_phase(phase), Wait::Minutes(AGAIN_STEP_MINUTES)),
        };
        let (due, interval_days) = match wait {
            Wait::Minutes(minutes) => (
                now.checked_add_signed(Duration::minutes(minutes))
                    .unwrap_or(now),
                minutes as f64 / 1440.0,
            ),
            Wait::Days(days) => (self.due_after_days(now, days), f64::from(days)),
        };
        let due = due.max(now);
        let lapsed = state.phase == Phase::Review && rating == Rating::Again;
        let new_state = CardState {
            phase,
            memory: Some(MemoryState {
                stability: memory.stability,
                difficulty: memory.difficulty,
            }),
            due,
            last_review: Some(now),
            reps: state.reps.saturating_add(1),
            lapses: state.lapses.saturating_add(u32::from(lapsed)),
        };
        Ok(ReviewOutcome {
            state: new_state,
            elapsed_days,
            interval_days,
        })
    }

    /// Predicted probability of recall at `now` (1.0 for an item never answered).
    pub fn retrievability(&self, state: &CardState, now: DateTime<Utc>) -> f32 {
        match (state.memory, state.last_review) {
            (Some(memory), Some(last)) => {
                let days = elapsed_real_days(last, now) as f32;
                let decay = self
                    .config
                    .params
                    .get(20)
                    .copied()
                    .unwrap_or(fsrs::FSRS6_DEFAULT_DECAY)
                    .clamp(DECAY_RANGE.0, DECAY_RANGE.1);
                fsrs::current_retrievability(to_fsrs(memory), days, decay)
            }
            _ => 1.0,
        }
    }

    fn plan(&self, state: &CardState, now: DateTime<Utc>) -> Result<Plan, SchedulerError> {
        let (elapsed_days, elapsed_learning_days) = match state.last_review {
            Some(last) => (
                elapsed_real_days(last, now),
                self.elapsed_learning_days(last, now),
            ),
            None => (0.0, 0),
        };
        let memory = state
            .memory
            .filter(|_| state.phase != Phase::New)
            .map(to_fsrs);
        let next =
            self.fsrs
                .next_states(memory, self.config.desired_retention, elapsed_learning_days)?;
        Ok(Plan {
            elapsed_days,
            elapsed_learning_days,
            next,
        })
    }

    fn elapsed_learning_days(&self, last: DateTime<Utc>, now: DateTime<Utc>) -> u32 {
        let hour = self.config.day_start_hour;
        let days =
            (learning_day(now, self.zone, hour) - learning_day(last, self.zone, hour)).num_days();
        u32::try_from(days.max(0)).unwrap_or(u32::MAX)
    }

    /// Whole-day interval for a long-term answer, fuzzed and ordered so that a better
    /// rating never yields a shorter interval than a worse one.
    fn long_term_days(
        &self,
        item_id: &str,
        state: &CardState,
        next: &fsrs::NextStates,
        elapsed_learning_days: u32,
        rating: Rating,
    ) -> u32 {
        let factor = fuzz_factor(item_id, state.reps);
        let maximum = self.config.maximum_interval_days;
        let days = |r: Rating| {
            fuzzed_interval(
                pick(next, r).interval,
                elapsed_learning_days,
                maximum,
                factor,
            )
        };
        let hard = days(Rating::Hard);
        let good = days(Rating::Good).max(hard);
        let easy = days(Rating::Easy).max(good);
        match rating {
            Rating::Again | Rating::Hard => hard,
            Rating::Good => good,
            Rating::Easy => easy,
        }
    }

    fn due_after_days(&self, now: DateTime<Utc>, days: u32) -> DateTime<Utc> {
        let hour = self.config.day_start_hour;
        let today = learning_day(now, self.zone, hour);
        let target = today
            .checked_add_days(chrono::Days::new(u64::from(days)))
            .unwrap_or(chrono::NaiveDate::MAX);
        day_start_instant(target, self.zone, hour)
    }
}

enum Wait {
    Minutes(i64),
    Days(u32),
}

struct Plan {
    elapsed_days: f64,
    elapsed_learning_days: u32,
    next: fsrs::NextStates,
}

fn pick(next: &fsrs::NextStates, rating: Rating) -> &fsrs::ItemState {
    match rating {
        Rating::Again => &next.again,
        Rating::Hard => &next.hard,
        Rating::Good => &next.good,
        Rating::Easy => &next.easy,
    }
}

fn learning_phase(phase: Phase) -> Phase {
    match phase {
        Phase::New | Phase::Learning => Phase::Learning,
        Phase::Review | Phase::Relearning => Phase::Relearning,
    }
}

fn elapsed_real_days(last: DateTime<Utc>, now: DateTime<Utc>) -> f64 {
    ((now - last).num_milliseconds() as f64 / 1000.0 / SECONDS_PER_DAY).max(0.0)
}

fn to_fsrs(memory: MemoryState) -> fsrs::MemoryState {
    fsrs::MemoryState {
        stability: memory.stability,
        difficulty: memory.difficulty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("test instant")
            .with_timezone(&Utc)
    }

    fn scheduler() -> Scheduler {
        Scheduler::new(SchedulerConfig::default()).expect("default config")
    }

    fn relative_eq(actual: f32, expected: f32) -> bool {
        ((actual - expected) / expected).abs() < 1e-3
    }

    #[test]
    fn published_fsrs6_vector_through_our_wrapper() {
        let s = scheduler();
        let start = utc("2024-01-01T12:00:00Z");
        let mut state = CardState::new_item(start);
        let mut now = start;
        let ratings = [
            Rating::Again,
            Rating::Good,
            Rating::Good,
            Rating::Good,
            Rating::Good,
            Rating::Good,
        ];
        let gaps = [0, 0, 1, 3, 8, 21];
        for (rating, gap) in ratings.into_iter().zip(gaps) {
            now += if gap == 0 {
                Duration::minutes(10)
            } else {
                Duration::days(gap)
            };
            state = s
                .review("vector", &state, rating, now)
                .expect("review")
                .state;
        }
        let memory = state.memory.expect("memory after reviews");
        assert!(
            relative_eq(memory.stability, 53.62691),
            "stability {}",
            memory.stability
        );
        assert!(
            relative_eq(memory.difficulty, 6.3574867),
            "difficulty {}",
            memory.difficulty
        );
    }

    #[test]
    fn new_item_follows_the_learning_steps() {
        let s = scheduler();
        let now = utc("2024-01-01T12:00:00Z");
        let new = CardState::new_item(now);
        let again = s.review("a", &new, Rating::Again, now).expect("again");
        assert_eq!(again.state.phase, Phase::Learning);
        assert_eq!(again.state.due, now + Duration::minutes(1));
        let hard = s.review("a", &new, Rating::Hard, now).expect("hard");
        assert_eq!(hard.state.due, now + Duration::minutes(6));
        let good = s.review("a", &new, Rating::Good, now).expect("good");
        assert_eq!(
            (good.state.phase, good.state.due),
            (Phase::Learning, now + Duration::minutes(10))
        );
        let easy = s.review("a", &new, Rating::Easy, now).expect("easy");
        assert_eq!(easy.state.phase, Phase::Review);
        assert!(easy.interval_days >= 1.0 && easy.interval_days.fract() == 0.0);
        assert!(easy.state.due > now);
        // Good on the learning step graduates.
        let later = now + Duration::minutes(10);
        let graduated = s
            .review("a", &good.state, Rating::Good, later)
            .expect("graduate");
        assert_eq!(graduated.state.phase, Phase::Review);
        assert_eq!(graduated.state.reps, 2);
        assert_eq!(graduated.state.due, utc("2024-01-03T04:00:00Z"));
    }

    #[test]
    fn lapse_goes_to_same_day_relearning_and_counts() {
        let s = scheduler();
        let now = utc("2024-01-01T12:00:00Z");
        let learned = s
            .review("b", &CardState::new_item(now), Rating::Easy, now)
            .expect("easy");
        let later = learned.state.due + Duration::hours(3);
        let lapse = s
            .review("b", &learned.state, Rating::Again, later)
            .expect("lapse");
        assert_eq!(lapse.state.phase, Phase::Relearning);
        assert_eq!(lapse.state.lapses, 1);
        assert_eq!(lapse.state.due, later + Duration::minutes(10));
        let before = learned.state.memory.expect("memory").stability;
        let after = lapse.state.memory.expect("memory").stability;
        assert!(after < before);
        let relearned = s
            .review(
                "b",
                &lapse.state,
                Rating::Good,
                later + Duration::minutes(10),
            )
            .expect("relearned");
        assert_eq!(relearned.state.phase, Phase::Review);
        assert_eq!(relearned.state.lapses, 1);
    }

    #[test]
    fn due_is_at_the_start_of_the_learning_day_in_the_learners_zone() {
        let berlin = chrono_tz::Europe::Berlin;
        let s = scheduler().in_zone(berlin);
        // 22:00 local (21:00Z) on Jan 1.
        let now = utc("2024-01-01T21:00:00Z");
        let learning = s
            .review("c", &CardState::new_item(now), Rating::Good, now)
            .expect("good");
        let out = s
            .review(
                "c",
                &learning.state,
                Rating::Good,
                now + Duration::minutes(10),
            )
            .expect("graduate");
        // Two days for Good on default parameters: due at 04:00 Berlin on Jan 3 (03:00Z).
        assert_eq!(out.state.due, utc("2024-01-03T03:00:00Z"));
    }

    #[test]
    fn due_day_start_follows_dst_in_new_york() {
        let s = scheduler().in_zone(chrono_tz::America::New_York);
        // Saturday 2024-03-09, 20:00 EST (01:00Z on the 10th); clocks spring forward overnight.
        let now = utc("2024-03-10T01:00:00Z");
        let learning = s
            .review("dst", &CardState::new_item(now), Rating::Good, now)
            .expect("good");
        let out = s
            .review(
                "dst",
                &learning.state,
                Rating::Good,
                now + Duration::minutes(10),
            )
            .expect("graduate");
        assert_eq!(out.interval_days, 2.0);
        // Monday 04:00 EDT is 08:00Z, not 09:00Z as it would have been in winter.
        assert_eq!(out.state.due, utc("2024-03-11T08:00:00Z"));
    }

    #[test]
    fn a_flight_east_counts_learning_days_in_the_new_zone() {
        let config = SchedulerConfig::default();
        let la = Scheduler::new(config.clone())
            .expect("config")
            .in_zone(chrono_tz::America::Los_Angeles);
        let tokyo = Scheduler::new(config)
            .expect("config")
            .in_zone(chrono_tz::Asia::Tokyo);
        // Learned in LA on Monday evening, answered again on landing in Tokyo.
        let evening = utc("2024-06-04T03:00:00Z");
        let learned = la
            .review("trip", &CardState::new_item(evening), Rating::Easy, evening)
            .expect("easy");
        let landed = utc("2024-06-04T23:00:00Z");
        let out = tokyo
            .review("trip", &learned.state, Rating::Good, landed)
            .expect("good");
        assert!((out.elapsed_days - 20.0 / 24.0).abs() < 1e-9);
        assert!(out.state.due > landed);
        assert_eq!(out.state.phase, Phase::Review);
    }

    #[test]
    fn long_intervals_respect_the_maximum() {
        let config = SchedulerConfig {
            maximum_interval_days: 30,
            ..Default::default()
        };
        let s = Scheduler::new(config).expect("config");
        let mut now = utc("2024-01-01T12:00:00Z");
        let mut state = CardState::new_item(now);
        for _ in 0..8 {
            state = s
                .review("d", &state, Rating::Easy, now)
                .expect("easy")
                .state;
            now = state.due + Duration::hours(1);
        }
        let out = s.review("d", &state, Rating::Easy, now).expect("easy");
        assert!(out.interval_days <= 30.0 + 1e-9, "{}", out.interval_days);
    }

    #[test]
    fn clock_set_back_never_schedules_in_the_past() {
        let s = scheduler();
        let now = utc("2024-01-10T12:00:00Z");
        let learned = s
            .review("e", &CardState::new_item(now), Rating::Easy, now)
            .expect("easy");
        let earlier = now - Duration::days(1);
        let out = s
            .review("e", &learned.state, Rating::Good, earlier)
            .expect("good");
        assert_eq!(out.elapsed_days, 0.0);
        assert!(out.state.due > earlier);
    }

    #[test]
    fn reviews_are_reproducible() {
        let s = scheduler();
        let now = utc("2024-01-01T12:00:00Z");
        let state = s
            .review("f", &CardState::new_item(now), Rating::Easy, now)
            .expect("easy")
            .state;
        let at = state.due + Duration::days(3);
        let first = s.review("f", &state, Rating::Good, at).expect("good");
        let second = s.review("f", &state, Rating::Good, at).expect("good");
        assert_eq!(first, second);
    }

    #[test]
    fn retrievability_falls_with_time() {
        let s = scheduler();
        let now = utc("2024-01-01T12:00:00Z");
        let state = s
            .review("g", &CardState::new_item(now), Rating::Good, now)
            .expect("good")
            .state;
        assert!(
            s.retrievability(&state, now + Duration::days(1))
                > s.retrievability(&state, now + Duration::days(5))
        );
        assert_eq!(s.retrievability(&CardState::new_item(now), now), 1.0);
    }

    #[test]
    fn extreme_instants_and_corrupt_states_do_not_panic() {
        let s = scheduler().in_zone(chrono_tz::Pacific::Kiritimati);
        let corrupt = [
            MemoryState {
                stability: f32::NAN,
                difficulty: 5.0,
            },
            MemoryState {
                stability: 0.0,
                difficulty: 5.0,
            },
            MemoryState {
                stability: -3.0,
                difficulty: 50.0,
            },
            MemoryState {
                stability: f32::INFINITY,
                difficulty: -1.0,
            },
            MemoryState {
                stability: 1e30,
                difficulty: 10.0,
            },
        ];
        let instants = [
            DateTime::<Utc>::MAX_UTC,
            DateTime::<Utc>::MIN_UTC,
            utc("2024-06-01T12:00:00Z"),
        ];
        for now in instants {
            for phase in [
                Phase::New,
                Phase::Learning,
                Phase::Review,
                Phase::Relearning,
            ] {
                for memory in corrupt.iter().copied().map(Some).chain([None]) {
                    let state = CardState {
                        phase,
                        memory,
                        due: now,
                        last_review: Some(now),
                        reps: u32::MAX,
                        lapses: u32::MAX,
                    };
                    for rating in Rating::ALL {
                        if let Ok(out) = s.review("edge", &state, rating, now) {
                            assert!(out.state.due >= now);
                        }
                    }
                    let _ = s.retrievability(&state, now);
                }
            }
        }
    }

    fn phase_strategy() -> impl Strategy<Value = Phase> {
        prop_oneof![
            Just(Phase::New),
            Just(Phase::Learning),
            Just(Phase::Review),
            Just(Phase::Relearning)
        ]
    }

    prop_compose! {
        fn card_strategy()(
            phase in phase_strategy(),
            stability in 0.01f32..3000.0,
            difficulty in 1.0f32..10.0,
            since_last_minutes in -2_000i64..400_000,
            reps in 0u32..50,
            lapses in 0u32..10,
        ) -> (CardState, DateTime<Utc>) {
            let now = utc("2025-06-01T09:30:00Z");
            let last = now - Duration::minutes(since_last_minutes);
            let state = if phase == Phase::New {
                CardState::new_item(last)
            } else {
                CardState {
                    phase,
                    memory: Some(MemoryState { stability, difficulty }),
                    due: last,
                    last_review: Some(last),
                    reps,
                    lapses,
                }
            };
            (state, now)
        }
    }

    proptest! {
        #[test]
        fn a_better_rating_never_gives_a_shorter_interval(
            (state, now) in card_strategy(),
            zone_index in 0usize..4,
            item in "[a-z0-9-]{1,12}",
        ) {
            let zones = [chrono_tz::UTC, chrono_tz::Europe::Berlin, chrono_tz::America::New_York, chrono_tz::Asia::Tokyo];
            let s = scheduler().in_zone(zones[zone_index]);
            let intervals: Vec<f64> = Rating::ALL
                .iter()
                .map(|&r| s.review(&item, &state, r, now).map(|o| o.interval_days))
                .collect::<Result<_, _>>()
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            for pair in intervals.windows(2) {
                prop_assert!(pair[0] <= pair[1], "{:?}", intervals);
            }
        }

        #[test]
        fn next_due_is_never_in_the_past((state, now) in card_strategy(), rating_index in 0usize..4) {
            let s = scheduler().in_zone(chrono_tz::America::Los_Angeles);
            let out = s.review("p", &state, Rating::ALL[rating_index], now)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(out.state.due >= now);
            prop_assert!(out.elapsed_days >= 0.0);
            prop_assert!(out.interval_days >= 0.0);
        }
    }
}
