//! Streaks of learning days with a completed challenge, robust to travel,
//! daylight-saving changes and a clock set back.
//!
//! The rule:
//! - A completion belongs to the learning day on which it was made, in the
//!   zone where it was made (`Completion::learning_day`, computed by the
//!   caller with the scheduler's day rule).
//! - Completions are read in the order they were recorded. One whose learning
//!   day is not after the last counted one adds nothing: flying west back
//!   into a date already done, or a clock set back, can never count a day
//!   twice.
//! - A counted completion extends the run when its learning day is the day
//!   after the previous one, or two days after it while, seen from the
//!   previous completion's zone, it is still only the next day. Flying east
//!   can skip a local date; this second case keeps such a streak alive
//!   without letting a learner who stays put skip a day.
//! - The current streak is the run ending at the last counted completion,
//!   provided today's learning day (in the current zone) is within reach of
//!   it by the same rule; a clock behind the last completion keeps it alive.
//!
//! A learning day runs from `day_start_hour` local time to the same hour the
//! next calendar day, by the wall clock, so a DST night makes it 23 or 25
//! hours long without skipping or repeating a day.

use chrono::{DateTime, Days, NaiveDate, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// One completed daily challenge.
#[derive(Debug, Clone, PartialEq)]
pub struct Completion {
    pub completed_at: DateTime<Utc>,
    /// The zone the learner was in when completing.
    pub zone: Tz,
    /// The learning day of `completed_at` in `zone`.
    pub learning_day: NaiveDate,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Streak {
    pub current: u32,
    pub longest: u32,
}

/// Current and longest streak by the rule in the module documentation.
/// `completions` must be in the order they were recorded; `zone` is where the
/// learner is `now`. Hours past 23 count as 23.
pub fn streak(
    completions: &[Completion],
    now: DateTime<Utc>,
    zone: Tz,
    day_start_hour: u32,
) -> Streak {
    let day_start_hour = day_start_hour.min(23);
    let mut last: Option<&Completion> = None;
    let mut run = 0u32;
    let mut longest = 0u32;
    for completion in completions {
        run = match last {
            Some(prev) if completion.learning_day <= prev.learning_day => continue,
            Some(prev)
                if reaches(
                    prev,
                    completion.learning_day,
                    completion.completed_at,
                    day_start_hour,
                ) =>
            {
                run.saturating_add(1)
            }
            _ => 1,
        };
        last = Some(completion);
        longest = longest.max(run);
    }
    let today = local_learning_day(now, zone, day_start_hour);
    let current = match last {
        Some(prev) if today <= prev.learning_day || reaches(prev, today, now, day_start_hour) => {
            run
        }
        _ => 0,
    };
    Streak { current, longest }
}

/// Whether `day`, reached at instant `at`, continues a streak whose last
/// counted completion is `prev`. `day` is after `prev.learning_day`.
fn reaches(prev: &Completion, day: NaiveDate, at: DateTime<Utc>, day_start_hour: u32) -> bool {
    let Some(next) = prev.learning_day.checked_add_days(Days::new(1)) else {
        return false;
    };
    let skipped_by_travel = next.checked_add_days(Days::new(1)) == Some(day)
        && local_learning_day(at, prev.zone, day_start_hour) <= next;
    day == next || skipped_by_travel
}

/// The learning day of an instant in a zone: the local wall-clock date, with
/// hours before `day_start_hour` belonging to the previous day.
fn local_learning_day(at: DateTime<Utc>, zone: Tz, day_start_hour: u32) -> NaiveDate {
    // Offset arithmetic by hand: chrono's `naive_local` panics at the ends of its range.
    let utc = at.naive_utc();
    let offset = zone.offset_from_utc_datetime(&utc).fix().local_minus_utc();
    let shift = i64::from(offset) - i64::from(day_start_hour) * 3600;
    utc.checked_add_signed(TimeDelta::seconds(shift))
        .unwrap_or(utc)
        .date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::America::Los_Angeles;
    use chrono_tz::Asia::Tokyo;
    use chrono_tz::Europe::Berlin;

    const DAY_START: u32 = 4;

    /// A completion at a local wall-clock time; its learning day is derived
    /// the way the caller will derive it.
    fn done(zone: Tz, y: i32, m: u32, d: u32, h: u32, min: u32) -> Completion {
        let completed_at = local(zone, y, m, d, h, min);
        Completion {
            completed_at,
            zone,
            learning_day: local_learning_day(completed_at, zone, DAY_START),
        }
    }

    /// The instant of a local time; the earlier one when the time is ambiguous.
    fn local(zone: Tz, y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        zone.with_ymd_and_hms(y, m, d, h, min, 0)
            .earliest()
            .expect("test times exist")
            .with_timezone(&Utc)
    }

    fn at(completions: &[Completion], now: DateTime<Utc>, zone: Tz) -> Streak {
        streak(completions, now, zone, DAY_START)
    }

    fn s(current: u32, longest: u32) -> Streak {
        Streak { current, longest }
    }

    #[test]
    fn consecutive_days_count_and_a_missed_day_breaks() {
        let z = Berlin;
        let mut c = vec![done(z, 2026, 5, 1, 19, 0), done(z, 2026, 5, 2, 8, 0)];
        assert_eq!(at(&c, local(z, 2026, 5, 2, 20, 0), z), s(2, 2));
        assert_eq!(
            at(&c, local(z, 2026, 5, 3, 23, 0), z),
            s(2, 2),
            "yesterday done: alive"
        );
        assert_eq!(
            at(&c, local(z, 2026, 5, 4, 9, 0), z),
            s(0, 2),
            "a whole day missed"
        );
        c.push(done(z, 2026, 5, 4, 9, 0));
        assert_eq!(at(&c, local(z, 2026, 5, 4, 10, 0), z), s(1, 2));
        assert_eq!(at(&[], local(z, 2026, 5, 4, 10, 0), z), s(0, 0));
    }

    #[test]
    fn completing_just_before_the_day_start_counts_for_the_previous_day() {
        let z = Berlin;
        let c = [done(z, 2026, 5, 1, 19, 0), done(z, 2026, 5, 3, 3, 30)];
        assert_eq!(
            c[1].learning_day,
            NaiveDate::from_ymd_opt(2026, 5, 2).expect("valid")
        );
        assert_eq!(at(&c, local(z, 2026, 5, 3, 3, 45), z), s(2, 2));
    }

    #[test]
    fn eastward_flight_skipping_a_date_keeps_the_streak_and_westward_return_adds_nothing() {
        // Evening in Los Angeles on 10 June.
        let mut c = vec![done(Los_Angeles, 2026, 6, 10, 20, 0)];
        assert_eq!(
            at(&c, local(Los_Angeles, 2026, 6, 10, 21, 0), Los_Angeles),
            s(1, 1)
        );

        // Land in Tokyo on the morning of 12 June: 11 June never happened locally.
        let landed = local(Tokyo, 2026, 6, 12, 7, 0);
        assert_eq!(
            at(&c, landed, Tokyo),
            s(1, 1),
            "not yet done today, still alive"
        );
        c.push(done(Tokyo, 2026, 6, 12, 9, 0));
        assert_eq!(at(&c, local(Tokyo, 2026, 6, 12, 10, 0), Tokyo), s(2, 2));

        // Back in Los Angeles, still 12 June there: nothing more to gain today.
        c.push(done(Los_Angeles, 2026, 6, 12, 18, 0));
        assert_eq!(
            at(&c, local(Los_Angeles, 2026, 6, 12, 19, 0), Los_Angeles),
            s(2, 2)
        );

        // The next Los Angeles day continues the streak.
        c.push(done(Los_Angeles, 2026, 6, 13, 18, 0));
        assert_eq!(
            at(&c, local(Los_Angeles, 2026, 6, 13, 19, 0), Los_Angeles),
            s(3, 3)
        );
    }

    #[test]
    fn staying_put_never_gets_the_travel_allowance() {
        // Just after the day start on 1 June, then just after it on 3 June:
        // under 48 hours apart, yet all of 2 June went by at home.
        let z = Los_Angeles;
        let c = [done(z, 2026, 6, 1, 4, 30), done(z, 2026, 6, 3, 4, 10)];
        assert!(c[1].completed_at - c[0].completed_at < TimeDelta::hours(48));
        assert_eq!(at(&c, local(z, 2026, 6, 3, 6, 0), z), s(1, 1));
    }

    #[test]
    fn eastward_flight_that_skips_a_full_day_at_home_breaks() {
        // Done in Los Angeles on 10 June, next done in Tokyo on 13 June: by the
        // Los Angeles clock, 11 June went by without a challenge.
        let c = [
            done(Los_Angeles, 2026, 6, 10, 20, 0),
            done(Tokyo, 2026, 6, 13, 9, 0),
        ];
        assert_eq!(at(&c, local(Tokyo, 2026, 6, 13, 10, 0), Tokyo), s(1, 1));
    }

    #[test]
    fn spring_forward_night_neither_breaks_nor_inflates() {
        // Los Angeles skips 02:00-03:00 on 8 March 2026; that learning day has 23 hours.
        let z = Los_Angeles;
        let c = [
            done(z, 2026, 3, 7, 23, 30),
            done(z, 2026, 3, 8, 3, 30), // still the learning day of 7 March
            done(z, 2026, 3, 8, 22, 0),
            done(z, 2026, 3, 9, 4, 5),
        ];
        let days: Vec<u32> = c
            .iter()
            .map(|x| chrono::Datelike::day(&x.learning_day))
            .collect();
        assert_eq!(days, [7, 7, 8, 9]);
        assert_eq!(at(&c, local(z, 2026, 3, 9, 12, 0), z), s(3, 3));
    }

    #[test]
    fn fall_back_night_counts_the_repeated_hour_once() {
        // Los Angeles repeats 01:00-02:00 on 1 November 2026.
        let z = Los_Angeles;
        let first_pass = local(z, 2026, 11, 1, 1, 30);
        let second_pass = first_pass + TimeDelta::hours(1);
        let day = |at| Completion {
            completed_at: at,
            zone: z,
            learning_day: local_learning_day(at, z, DAY_START),
        };
        let c = [
            done(z, 2026, 10, 30, 21, 0),
            day(first_pass),
            day(second_pass),
            done(z, 2026, 11, 1, 21, 0),
        ];
        let days: Vec<u32> = c
            .iter()
            .map(|x| chrono::Datelike::day(&x.learning_day))
            .collect();
        assert_eq!(days, [30, 31, 31, 1]);
        assert_eq!(at(&c, local(z, 2026, 11, 1, 22, 0), z), s(3, 3));
    }

    #[test]
    fn a_clock_set_back_a_day_neither_double_counts_nor_breaks() {
        let z = Berlin;
        let mut c = vec![done(z, 2026, 5, 1, 19, 0), done(z, 2026, 5, 2, 19, 0)];
        // On 3 May the clock is set back a day; the app thinks it is 2 May again.
        let wrong_now = local(z, 2026, 5, 2, 9, 0);
        assert_eq!(at(&c, wrong_now, z), s(2, 2));
        // A second completion recorded under the wrong clock changes nothing.
        c.push(done(z, 2026, 5, 2, 9, 30));
        assert_eq!(at(&c, wrong_now, z), s(2, 2));
        // Even a clock set back further keeps the streak alive.
        assert_eq!(at(&c, local(z, 2026, 4, 20, 9, 0), z), s(2, 2));
        // Clock fixed: 3 May continues the streak.
        c.push(done(z, 2026, 5, 3, 20, 0));
        assert_eq!(at(&c, local(z, 2026, 5, 3, 21, 0), z), s(3, 3));
    }

    #[test]
    fn longest_survives_a_later_shorter_run() {
        let z = Tokyo;
        let c: Vec<Completion> = [1, 2, 3, 4, 10, 11]
            .iter()
            .map(|&d| done(z, 2026, 7, d, 12, 0))
            .collect();
        assert_eq!(at(&c, local(z, 2026, 7, 11, 13, 0), z), s(2, 4));
    }

    #[test]
    fn extreme_inputs_do_not_panic() {
        let c = [Completion {
            completed_at: DateTime::<Utc>::MAX_UTC,
            zone: Tokyo,
            learning_day: NaiveDate::MAX,
        }];
        let r = streak(&c, DateTime::<Utc>::MIN_UTC, Tokyo, 99);
        assert_eq!(r, s(1, 1));
        let r = streak(&c, DateTime::<Utc>::MAX_UTC, Berlin, 0);
        assert_eq!(r.longest, 1);
    }

    mod properties {
        use super::*;
        use chrono_tz::Australia::Sydney;
        use proptest::prelude::*;

        const ZONES: [Tz; 4] = [Los_Angeles, Tokyo, Berlin, Sydney];

        /// Completions at increasing instants, each in one of a few zones.
        fn history() -> impl Strategy<Value = Vec<Completion>> {
            prop::collection::vec((1i64..40 * 3600, 0usize..ZONES.len()), 0..40).prop_map(|steps| {
                let mut t = local(Berlin, 2026, 3, 1, 12, 0);
                steps
                    .into_iter()
                    .map(|(gap_seconds, zone)| {
                        t += TimeDelta::seconds(gap_seconds);
                        let zone = ZONES[zone];
                        Completion {
                            completed_at: t,
                            zone,
                            learning_day: local_learning_day(t, zone, DAY_START),
                        }
                    })
                    .collect()
            })
        }

        proptest! {
            #[test]
            fn a_streak_never_outgrows_the_days_completed(c in history()) {
                let now = c.last().map_or(local(Berlin, 2026, 3, 1, 12, 0), |x| x.completed_at);
                let r = at(&c, now, Berlin);
                let days: std::collections::HashSet<NaiveDate> =
                    c.iter().map(|x| x.learning_day).collect();
                prop_assert!(r.current <= r.longest);
                prop_assert!(r.longest as usize <= days.len());
            }

            #[test]
            fn repeating_a_completion_changes_nothing(c in history(), minutes in 0i64..30) {
                let Some(last) = c.last().cloned() else { return Ok(()) };
                let now = last.completed_at + TimeDelta::hours(1);
                let mut repeated = c.clone();
                repeated.push(Completion {
                    completed_at: last.completed_at + TimeDelta::minutes(minutes),
                    ..last
                });
                prop_assert_eq!(at(&repeated, now, Berlin), at(&c, now, Berlin));
            }
        }
    }
}
