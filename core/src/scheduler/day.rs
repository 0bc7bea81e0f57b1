//! Learning days: which "day" a review belongs to, in the learner's own zone.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use super::SchedulerError;

/// The learning day `now` falls on: the local date of `now - day_start_hour` in `zone`.
pub fn learning_day(now: DateTime<Utc>, zone: Tz, day_start_hour: u32) -> NaiveDate {
    let utc = now.naive_utc();
    let offset = zone.offset_from_utc_datetime(&utc).fix();
    // Past the ends of the calendar's range fall back to the UTC date.
    let local = utc.checked_add_offset(offset).unwrap_or(utc);
    let shifted = local.checked_sub_signed(Duration::hours(i64::from(day_start_hour.min(23))));
    // Only the first hours of the calendar's range have no earlier day to belong to.
    shifted.unwrap_or(local).date()
}

/// Parses an IANA zone name such as `Europe/Berlin` or `UTC`.
pub fn parse_zone(name: &str) -> Result<Tz, SchedulerError> {
    name.trim()
        .parse::<Tz>()
        .map_err(|_| SchedulerError::UnknownZone(name.to_string()))
}

/// The zone's offset from UTC at `now`, in seconds (east positive). Storage keeps it
/// next to each review so history stays readable after the learner moves.
pub fn utc_offset_seconds(now: DateTime<Utc>, zone: Tz) -> i32 {
    zone.offset_from_utc_datetime(&now.naive_utc())
        .fix()
        .local_minus_utc()
}

/// The first instant of learning day `day` in `zone`.
///
/// When the local start time does not exist (the clocks jump over it, or a zone
/// skipped the whole date) the day begins at the first local time after the gap;
/// when it exists twice (clocks fall back) the day begins at the earlier one.
pub fn day_start_instant(day: NaiveDate, zone: Tz, day_start_hour: u32) -> DateTime<Utc> {
    let start = day
        .and_hms_opt(day_start_hour.min(23), 0, 0)
        .unwrap_or_else(|| day.and_time(chrono::NaiveTime::MIN));
    first_instant_at_or_after(start, zone)
}

/// Gaps in real zones last at most a day (Samoa skipped 2011-12-30), so stepping
/// forward in quarter hours for two days always finds a valid local time.
fn first_instant_at_or_after(local: NaiveDateTime, zone: Tz) -> DateTime<Utc> {
    const STEP_MINUTES: i64 = 15;
    const MAX_STEPS: i64 = 2 * 24 * 60 / STEP_MINUTES;
    for step in 0..=MAX_STEPS {
        let Some(candidate) = local.checked_add_signed(Duration::minutes(step * STEP_MINUTES))
        else {
            break;
        };
        if let Some(instant) = zone.from_local_datetime(&candidate).earliest() {
            return instant.with_timezone(&Utc);
        }
    }
    Utc.from_utc_datetime(&local)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("test instant")
            .with_timezone(&Utc)
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test date")
    }

    const NEW_YORK: Tz = chrono_tz::America::New_York;
    const BERLIN: Tz = chrono_tz::Europe::Berlin;

    #[test]
    fn day_rolls_over_at_the_configured_local_hour() {
        // 03:59 and 04:00 local in Berlin winter (UTC+1).
        assert_eq!(
            learning_day(utc("2024-01-10T02:59:00Z"), BERLIN, 4),
            date(2024, 1, 9)
        );
        assert_eq!(
            learning_day(utc("2024-01-10T03:00:00Z"), BERLIN, 4),
            date(2024, 1, 10)
        );
        assert_eq!(
            learning_day(utc("2024-01-10T00:30:00Z"), BERLIN, 0),
            date(2024, 1, 10)
        );
    }

    #[test]
    fn spring_forward_night_new_york() {
        // 2024-03-10: 02:00 EST jumps to 03:00 EDT. 03:59 EDT is 07:59Z, 04:00 EDT is 08:00Z.
        assert_eq!(
            learning_day(utc("2024-03-10T07:59:00Z"), NEW_YORK, 4),
            date(2024, 3, 9)
        );
        assert_eq!(
            learning_day(utc("2024-03-10T08:00:00Z"), NEW_YORK, 4),
            date(2024, 3, 10)
        );
        // The short night is still exactly one learning day: 23 hours long.
        let start = day_start_instant(date(2024, 3, 10), NEW_YORK, 4);
        let previous = day_start_instant(date(2024, 3, 9), NEW_YORK, 4);
        assert_eq!(start, utc("2024-03-10T08:00:00Z"));
        assert_eq!(start - previous, Duration::hours(23));
    }

    #[test]
    fn spring_forward_day_start_inside_the_gap_moves_after_it() {
        // With days starting at 02:00, the start time does not exist on 2024-03-31 in Berlin.
        let start = day_start_instant(date(2024, 3, 31), BERLIN, 2);
        assert_eq!(start, utc("2024-03-31T01:00:00Z")); // 03:00 CEST
        assert_eq!(learning_day(start, BERLIN, 2), date(2024, 3, 31));
        assert_eq!(
            learning_day(start - Duration::seconds(1), BERLIN, 2),
            date(2024, 3, 30)
        );
    }

    #[test]
    fn fall_back_night_berlin_and_new_york() {
        // 2024-10-27 in Berlin: 03:00 CEST falls back to 02:00 CET; the night lasts 25 hours.
        let start = day_start_instant(date(2024, 10, 27), BERLIN, 4);
        let previous = day_start_instant(date(2024, 10, 26), BERLIN, 4);
        assert_eq!(start, utc("2024-10-27T03:00:00Z"));
        assert_eq!(start - previous, Duration::hours(25));
        // Both passes through 02:30 local belong to the previous learning day.
        assert_eq!(
            learning_day(utc("2024-10-27T00:30:00Z"), BERLIN, 4),
            date(2024, 10, 26)
        );
        assert_eq!(
            learning_day(utc("2024-10-27T01:30:00Z"), BERLIN, 4),
            date(2024, 10, 26)
        );
        // New York, 2024-11-03, day starting at 01:00 which happens twice: the earlier one wins.
        let ny_start = day_start_instant(date(2024, 11, 3), NEW_YORK, 1);
        assert_eq!(ny_start, utc("2024-11-03T05:00:00Z")); // 01:00 EDT
                                                           // The repeated hour 01:00-02:00 EST maps to the same learning day again.
        assert_eq!(
            learning_day(utc("2024-11-03T06:30:00Z"), NEW_YORK, 1),
            date(2024, 11, 3)
        );
    }

    #[test]
    fn flying_los_angeles_to_tokyo_skips_a_local_date() {
        let la = chrono_tz::America::Los_Angeles;
        let tokyo = chrono_tz::Asia::Tokyo;
        // Last review in LA late on Monday 2024-06-03, 23:00 PDT (06:00Z on the 4th).
        let before = utc("2024-06-04T06:00:00Z");
        assert_eq!(learning_day(before, la, 4), date(2024, 6, 3));
        // Eleven hours of flight, then a session at 08:00 JST on Wednesday the 5th:
        // seventeen hours later, two learning days on; Tuesday the 4th never happened.
        let after = before + Duration::hours(17);
        assert_eq!(learning_day(after, tokyo, 4), date(2024, 6, 5));
        assert_eq!(utc_offset_seconds(before, la), -7 * 3600);
        assert_eq!(utc_offset_seconds(after, tokyo), 9 * 3600);
    }

    #[test]
    fn flying_tokyo_to_los_angeles_repeats_a_local_date() {
        let la = chrono_tz::America::Los_Angeles;
        let tokyo = chrono_tz::Asia::Tokyo;
        // Tokyo, Friday 2024-06-07 at 18:00 JST (09:00Z).
        let before = utc("2024-06-07T09:00:00Z");
        assert_eq!(learning_day(before, tokyo, 4), date(2024, 6, 7));
        // Ten hours later it is Friday 12:00 again in LA.
        let after = before + Duration::hours(10);
        assert_eq!(learning_day(after, la, 4), date(2024, 6, 7));
    }

    #[test]
    fn clock_set_back_by_a_day_goes_back_one_learning_day() {
        let now = utc("2024-05-05T12:00:00Z");
        let back = now - Duration::days(1);
        assert_eq!(learning_day(now, BERLIN, 4), date(2024, 5, 5));
        assert_eq!(learning_day(back, BERLIN, 4), date(2024, 5, 4));
    }

    #[test]
    fn samoa_skipped_date_still_has_a_start() {
        let apia = chrono_tz::Pacific::Apia;
        let start = day_start_instant(date(2011, 12, 30), apia, 4);
        // The date does not exist locally; the day begins when the next one does.
        assert!(learning_day(start, apia, 4) >= date(2011, 12, 30));
    }

    #[test]
    fn zone_names_parse_or_fail_with_a_typed_error() {
        assert_eq!(parse_zone("Europe/Berlin"), Ok(BERLIN));
        assert_eq!(parse_zone(" UTC "), Ok(chrono_tz::UTC));
        assert_eq!(
            parse_zone("Mars/Olympus"),
            Err(SchedulerError::UnknownZone("Mars/Olympus".into()))
        );
    }
}
