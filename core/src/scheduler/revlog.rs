//! Evaluating and optimizing FSRS on an exported review log (CSV).
//!
//! Format: a header naming the columns `card_id`, `review_rating` (1..=4),
//! `review_time` (RFC 3339 / ISO 8601 with an offset) and `review_duration`
//! (milliseconds), in any order, then one review per line.
//!
//! Conventions, matching Anki's Evaluate/Optimize: learning days roll over at
//! 4:00 UTC, and a review is scored when it falls on a later learning day than
//! the previous review of the same card. Scored reviews are weighted as the `fsrs`
//! crate does, by position, with the reviews passed card by card (cards in order of
//! their first review, each card's reviews in time order). With these conventions
//! the default parameters score the shared sample log at log loss 0.4649 and
//! RMSE(bins) 0.0744; passed in time order instead they would score 0.4535 / 0.0766.

use std::sync::atomic::AtomicBool;

use chrono::{DateTime, Utc};

use super::day::learning_day;
use super::optimize::{evaluate_items, fit_parameters, training_items, StoredReview, TrainingItem};
use super::{Rating, SchedulerError};

/// Review logs without zone information roll over at this hour, UTC.
pub const REVLOG_DAY_START_HOUR: u32 = 4;

const COLUMNS: [&str; 4] = ["card_id", "review_rating", "review_time", "review_duration"];

#[derive(Debug, Clone, PartialEq)]
pub struct RevlogEntry {
    pub card_id: String,
    pub rating: Rating,
    pub reviewed_at: DateTime<Utc>,
    pub duration_ms: u32,
}

/// How well a parameter set predicts a review log.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evaluation {
    /// Number of scored reviews.
    pub items: usize,
    pub log_loss: f64,
    pub rmse_bins: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Optimization {
    pub params: Vec<f32>,
    pub items: usize,
    /// Scores of the default parameters.
    pub log_loss_before: f64,
    pub rmse_bins_before: f64,
    /// Scores of the fitted parameters on the same reviews.
    pub log_loss_after: f64,
    pub rmse_bins_after: f64,
}

/// Parses the CSV text; a malformed line yields [`SchedulerError::BadRevlogLine`]
/// with its 1-based line number. Blank lines are ignored.
pub fn parse_csv(text: &str) -> Result<Vec<RevlogEntry>, SchedulerError> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty());
    let Some((header_index, header)) = lines.next() else {
        return Err(bad_line(1, "empty file: expected a header line"));
    };
    let positions =
        column_positions(header).map_err(|reason| bad_line(header_index + 1, &reason))?;
    lines
        .map(|(index, line)| {
            parse_line(line, &positions).map_err(|reason| bad_line(index + 1, &reason))
        })
        .collect()
}

/// Scores `params` on the log.
pub fn evaluate(entries: &[RevlogEntry], params: &[f32]) -> Result<Evaluation, SchedulerError> {
    let items = scored_items(entries);
    let refs: Vec<&TrainingItem> = items.iter().collect();
    let metrics = evaluate_items(params, &refs)?;
    Ok(Evaluation {
        items: refs.len(),
        log_loss: metrics.log_loss,
        rmse_bins: metrics.rmse_bins,
    })
}

/// Fits parameters to the whole log and scores defaults and fit on it. Blocking;
/// setting `cancel` aborts with [`SchedulerError::Cancelled`].
pub fn optimize(
    entries: &[RevlogEntry],
    cancel: &AtomicBool,
) -> Result<Optimization, SchedulerError> {
    let items = scored_items(entries);
    let refs: Vec<&TrainingItem> = items.iter().collect();
    let before = evaluate_items(&fsrs::DEFAULT_PARAMETERS, &refs)?;
    // Fitting weighs later items more; in time order that favours recent behaviour.
    let mut chronological = refs.clone();
    chronological.sort_by_key(|item| (item.reviewed_at, item.card));
    let params = fit_parameters(&chronological, cancel)?;
    let after = evaluate_items(&params, &refs)?;
    Ok(Optimization {
        params,
        items: refs.len(),
        log_loss_before: before.log_loss,
        rmse_bins_before: before.rmse_bins,
        log_loss_after: after.log_loss,
        rmse_bins_after: after.rmse_bins,
    })
}

/// The log as FSRS training items, under the revlog day convention, card by card.
pub fn scored_items(entries: &[RevlogEntry]) -> Vec<TrainingItem> {
    let stored: Vec<StoredReview> = entries
        .iter()
        .map(|entry| StoredReview {
            item_id: entry.card_id.clone(),
            reviewed_at: entry.reviewed_at,
            learning_day: learning_day(entry.reviewed_at, chrono_tz::UTC, REVLOG_DAY_START_HOUR),
            rating: entry.rating,
        })
        .collect();
    let mut items = training_items(&stored);
    items.sort_by_key(|item| (item.card, item.item.reviews.len()));
    items
}

fn bad_line(line: usize, reason: &str) -> SchedulerError {
    SchedulerError::BadRevlogLine {
        line,
        reason: reason.to_string(),
    }
}

fn column_positions(header: &str) -> Result<[usize; 4], String> {
    let names: Vec<String> = split_fields(header)
        .map(|name| name.to_ascii_lowercase())
        .collect();
    let mut positions = [0; 4];
    for (slot, wanted) in positions.iter_mut().zip(COLUMNS) {
        *slot = names
            .iter()
            .position(|name| name == wanted)
            .ok_or_else(|| format!("header lacks the {wanted} column"))?;
    }
    Ok(positions)
}

fn parse_line(line: &str, positions: &[usize; 4]) -> Result<RevlogEntry, String> {
    let fields: Vec<&str> = split_fields(line).collect();
    let field = |index: usize| -> Result<&str, String> {
        fields
            .get(positions[index])
            .copied()
            .ok_or_else(|| format!("missing the {} field", COLUMNS[index]))
    };
    let card_id = field(0)?;
    if card_id.is_empty() {
        return Err("empty card_id".into());
    }
    let rating = field(1)?
        .parse::<u32>()
        .ok()
        .and_then(Rating::from_u32)
        .ok_or_else(|| {
            format!(
                "review_rating {:?} is not 1, 2, 3 or 4",
                fields.get(positions[1])
            )
        })?;
    let time_text = field(2)?;
    let reviewed_at = DateTime::parse_from_rfc3339(time_text)
        .map_err(|error| format!("review_time {time_text:?} is not an ISO 8601 instant: {error}"))?
        .with_timezone(&Utc);
    let duration_text = field(3)?;
    let duration_ms = duration_text.parse::<u32>().map_err(|_| {
        format!("review_duration {duration_text:?} is not a whole number of milliseconds")
    })?;
    Ok(RevlogEntry {
        card_id: card_id.to_string(),
        rating,
        reviewed_at,
        duration_ms,
    })
}

fn split_fields(line: &str) -> impl Iterator<Item = &str> {
    line.split(',').map(|field| field.trim().trim_matches('"'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::sync::atomic::Ordering;

    const SAMPLE: &str = "card_id,review_rating,review_time,review_duration
7,3,2024-05-01T10:00:00+00:00,4000
7,3,2024-05-01T10:05:00+00:00,3000
8,1,2024-05-01T11:00:00Z,9000
7,3,2024-05-03T03:59:00+00:00,2500
8,3,2024-05-02T09:00:00+02:00,5000
7,1,2024-05-09T12:00:00.250000+00:00,7000
";

    fn shared_revlog() -> Option<String> {
        // `shared/` sits beside the repository (or beside the worktrees' parent).
        let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let dir = manifest
            .ancestors()
            .skip(2)
            .map(|dir| dir.join("shared/data"))
            .find(|dir| dir.is_dir())?;
        let path = std::fs::read_dir(&dir)
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("review_logs_") && n.ends_with(".csv"))
            })?;
        std::fs::read_to_string(path).ok()
    }

    #[test]
    fn parses_the_sample_and_scores_later_day_reviews() {
        let entries = parse_csv(SAMPLE).expect("sample parses");
        assert_eq!(entries.len(), 6);
        assert_eq!(entries[2].rating, Rating::Again);
        assert_eq!(
            entries[4].reviewed_at.to_rfc3339(),
            "2024-05-02T07:00:00+00:00"
        );
        let items = scored_items(&entries);
        // Card 7: 05-01, 05-01 (same day), 05-03 03:59 UTC = learning day 05-02, 05-09.
        // Card 8: 05-01, 05-02 07:00 UTC.
        let deltas: Vec<Vec<u32>> = items
            .iter()
            .map(|t| t.item.reviews.iter().map(|r| r.delta_t).collect())
            .collect();
        assert_eq!(deltas, vec![vec![0, 0, 1], vec![0, 0, 1, 7], vec![0, 1]]);
        let evaluation = evaluate(&entries, &fsrs::DEFAULT_PARAMETERS).expect("evaluate");
        assert_eq!(evaluation.items, 3);
        assert!(evaluation.log_loss.is_finite() && evaluation.log_loss > 0.0);
    }

    #[test]
    fn bad_lines_are_named() {
        let cases = [
            ("", 1),
            ("card_id,review_rating,review_time\n1,3,2024-05-01T10:00:00Z", 1),
            ("card_id,review_rating,review_time,review_duration\n1,3,2024-05-01T10:00:00Z,10\n1,5,2024-05-02T10:00:00Z,10", 3),
            ("card_id,review_rating,review_time,review_duration\n\n1,3,yesterday,10", 3),
            ("card_id,review_rating,review_time,review_duration\n1,3,2024-05-01T10:00:00Z,-4", 2),
            ("card_id,review_rating,review_time,review_duration\n1,3", 2),
            ("card_id,review_rating,review_time,review_duration\n,3,2024-05-01T10:00:00Z,1", 2),
        ];
        for (text, line) in cases {
            match parse_csv(text) {
                Err(SchedulerError::BadRevlogLine { line: got, .. }) => {
                    assert_eq!(got, line, "{text:?}")
                }
                other => panic!("{text:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn columns_may_come_in_any_order() {
        let text =
            "review_time,review_duration,card_id,review_rating\n2024-05-01T10:00:00Z,10,x,4\n";
        let entries = parse_csv(text).expect("parses");
        assert_eq!(entries[0].card_id, "x");
        assert_eq!(entries[0].rating, Rating::Easy);
    }

    #[test]
    fn evaluation_needs_scored_reviews() {
        let entries = parse_csv(
            "card_id,review_rating,review_time,review_duration\n1,3,2024-05-01T10:00:00Z,10\n",
        )
        .expect("parses");
        assert!(matches!(
            evaluate(&entries, &[]),
            Err(SchedulerError::NotEnoughData(_))
        ));
    }

    #[test]
    fn real_log_matches_the_reference_figures() {
        let Some(text) = shared_revlog() else {
            eprintln!("note: ../../shared/data has no review log; skipping the real-data check");
            return;
        };
        let entries = parse_csv(&text).expect("real log parses");
        let evaluation = evaluate(&entries, &fsrs::DEFAULT_PARAMETERS).expect("evaluate");
        assert_eq!(evaluation.items, 6_276);
        assert!(
            (evaluation.log_loss - 0.4649).abs() <= 0.001,
            "{evaluation:?}"
        );
        assert!(
            (evaluation.rmse_bins - 0.0744).abs() <= 0.002,
            "{evaluation:?}"
        );

        let cancel = AtomicBool::new(false);
        let started = std::time::Instant::now();
        let optimization = optimize(&entries, &cancel).expect("optimize");
        eprintln!("optimize took {:?}: {optimization:?}", started.elapsed());
        assert!(optimization.log_loss_after < optimization.log_loss_before);
        assert!(optimization.log_loss_after < 0.46, "{optimization:?}");
    }

    #[test]
    fn auto_optimize_on_the_real_log_reports_a_held_out_comparison() {
        let Some(text) = shared_revlog() else {
            eprintln!(
                "note: ../../shared/data has no review log; skipping the auto-optimize check"
            );
            return;
        };
        let entries = parse_csv(&text).expect("real log parses");
        let items = scored_items(&entries);
        let cancel = AtomicBool::new(false);
        let started = std::time::Instant::now();
        let outcome = crate::scheduler::auto_optimize(&fsrs::DEFAULT_PARAMETERS, &items, &cancel)
            .expect("auto-optimize");
        eprintln!("auto-optimize took {:?}: {outcome:?}", started.elapsed());
        assert_eq!(outcome.evaluated_reviews, 1_256);
        assert_eq!(
            outcome.accepted,
            outcome.log_loss_after < outcome.log_loss_before
        );
    }

    #[test]
    fn optimizing_the_real_log_can_be_cancelled_midway() {
        let Some(text) = shared_revlog() else {
            eprintln!("note: ../../shared/data has no review log; skipping the cancellation check");
            return;
        };
        let entries = parse_csv(&text).expect("real log parses");
        let cancel = AtomicBool::new(false);
        let result = std::thread::scope(|scope| {
            scope.spawn(|| {
                std::thread::sleep(std::time::Duration::from_millis(5));
                cancel.store(true, Ordering::Relaxed);
            });
            optimize(&entries, &cancel)
        });
        assert_eq!(result.map(|o| o.params), Err(SchedulerError::Cancelled));
    }
}
