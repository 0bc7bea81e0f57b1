//! Whole-learner flows on real SQLite files: what a learner does over days,
//! closing and reopening the app in between.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, TimeZone, Utc};

use aiprep_core::content::embedded_pack;
use aiprep_core::learner::Learner;
use aiprep_core::storage::ItemKind;
use aiprep_core::unlock::StoreConfig;
use aiprep_core::Error;

const ZONE: &str = "Europe/Berlin";

fn morning(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, 8, 0, 0).unwrap()
}

fn testdata(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/src/unlock/testdata")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn store() -> StoreConfig {
    StoreConfig::with_key(testdata("test_only_public_key.b64").trim())
}

fn open(path: &Path, now: DateTime<Utc>) -> Learner {
    Learner::open(path, ZONE, embedded_pack(), Some(store()), now).unwrap()
}

/// A strong written answer in the learner's own words.
const STRONG_ANSWER: &str = "Last spring I led the billing cut-over for 40,000 customers. \
I was responsible for finishing it inside a two-week window. I decided to skip the final \
rehearsal to save a day, and that was my call. The cut-over failed and 1,200 invoices went \
out twice, which took us 3 days to refund. I owned the recovery and wrote to every customer \
myself. The lesson I took is that a rehearsal is part of the work, not a buffer. I added a \
mandatory rehearsal gate to our release checklist and an automated invoice-count check that \
blocks the switch when totals differ by more than 0.5%. Since then we have run 6 cut-overs \
with zero duplicate invoices.";

/// Answers every open challenge item (choices with option 0).
fn complete_challenge(learner: &mut Learner, now: DateTime<Utc>) {
    let plan = learner.today(now).unwrap();
    let mut streak_on_completion = None;
    for (i, item) in plan.challenge.items.iter().filter(|i| !i.done).enumerate() {
        let at = now + Duration::minutes(i as i64 + 1);
        let streak = match item.kind {
            ItemKind::Exercise => {
                learner
                    .answer_text(&item.id, STRONG_ANSWER, 60_000, at)
                    .unwrap()
                    .streak
            }
            _ => {
                learner
                    .answer_choice(&item.id, 0, 10_000, at)
                    .unwrap()
                    .streak
            }
        };
        assert!(
            streak.is_none() || streak_on_completion.is_none(),
            "one completion"
        );
        streak_on_completion = streak_on_completion.or(streak);
    }
    let streak_now = learner.streak(now + Duration::hours(1)).unwrap().current;
    assert!(streak_now >= 1);
    assert_eq!(
        streak_on_completion,
        Some(streak_now),
        "the completing answer reports the streak"
    );
    assert!(
        learner
            .today(now + Duration::hours(1))
            .unwrap()
            .challenge
            .completed
    );
}

#[test]
fn progress_survives_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("progress.sqlite3");
    let exercise_id = {
        let mut learner = open(&db, morning(2));
        let question = learner
            .quiz_list()
            .into_iter()
            .find(|q| !q.locked)
            .unwrap()
            .id;
        learner
            .answer_choice(&question, 1, 12_000, morning(2))
            .unwrap();
        let exercise = learner
            .module()
            .exercises
            .iter()
            .find(|e| e.free)
            .unwrap()
            .id
            .clone();
        let feedback = learner
            .answer_text(&exercise, STRONG_ANSWER, 90_000, morning(2))
            .unwrap();
        assert!(feedback.saved);
        exercise
    };
    let mut learner = open(&db, morning(3));
    let stats = learner.stats(morning(3)).unwrap();
    assert_eq!(stats.attempts, 2);
    assert_eq!(stats.scores.len(), 1);
    assert_eq!(stats.scores[0].item_id, exercise_id);
    assert_eq!(stats.reviews, 2);
}

#[test]
fn locked_items_open_after_a_verified_purchase_and_stay_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("progress.sqlite3");
    let locked = {
        let mut learner = open(&db, morning(2));
        let locked = learner
            .quiz_list()
            .into_iter()
            .find(|q| q.locked)
            .unwrap()
            .id;
        assert!(matches!(
            learner.answer_choice(&locked, 0, 5_000, morning(2)),
            Err(Error::Locked { .. })
        ));
        assert!(matches!(
            learner.question(&locked),
            Err(Error::Locked { .. })
        ));
        // A purchase signed by someone else is refused and unlocks nothing.
        let forged = learner.unlock(&testdata("purchase.json"), "AAAA", morning(2));
        assert!(forged.is_err());
        assert!(!learner.entitlement().unlocked);

        let signature = testdata("purchase.sig.b64");
        let entitlement = learner
            .unlock(&testdata("purchase.json"), signature.trim(), morning(2))
            .unwrap();
        assert!(entitlement.unlocked);
        locked
    };
    let mut learner = open(&db, morning(3));
    assert!(learner.entitlement().unlocked, "re-derived at start");
    assert!(learner.quiz_list().iter().all(|q| !q.locked));
    learner
        .answer_choice(&locked, 0, 5_000, morning(3))
        .unwrap();
}

#[test]
fn nothing_locked_is_offered_before_the_unlock() {
    let mut learner = Learner::open_in_memory(ZONE, embedded_pack(), None, morning(2)).unwrap();
    for day in 2..12 {
        let plan = learner.today(morning(day)).unwrap();
        for item in &plan.challenge.items {
            let free = learner.module().item(&item.id).unwrap().is_free();
            assert!(free, "challenge offered locked {}", item.id);
        }
        let mut asked = Vec::new();
        while let Some(id) = learner.next_question(&asked, morning(day)).unwrap() {
            assert!(learner.question(&id).is_ok(), "quiz offered locked {id}");
            asked.push(id);
        }
    }
}

#[test]
fn daily_challenges_build_a_streak() {
    let mut learner = Learner::open_in_memory(ZONE, embedded_pack(), None, morning(2)).unwrap();
    for (day, expected) in [(2, 1), (3, 2), (4, 3)] {
        complete_challenge(&mut learner, morning(day));
        assert_eq!(
            learner
                .today(morning(day) + Duration::hours(2))
                .unwrap()
                .streak,
            expected
        );
    }
    // A skipped day breaks it.
    let plan = learner.today(morning(6)).unwrap();
    assert_eq!(plan.streak, 0);
    assert_eq!(plan.longest_streak, 3);
}

#[test]
fn export_and_import_round_trip_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let mut source = open(&dir.path().join("old-phone.sqlite3"), morning(2));
    complete_challenge(&mut source, morning(2));
    let story = source
        .story_create("The billing cut-over", morning(2))
        .unwrap();
    source
        .story_set_part(
            story,
            aiprep_core::content::StarPart::Action,
            "I skipped the rehearsal.",
            morning(2),
        )
        .unwrap();
    source.story_save_version(story, morning(2)).unwrap();
    let exported = source.export_json().unwrap();

    let mut target = open(&dir.path().join("new-phone.sqlite3"), morning(3));
    let first = target.import_json(&exported, morning(3)).unwrap();
    assert!(first.reviews > 0);
    let again = target.import_json(&exported, morning(3)).unwrap();
    assert_eq!(
        again.reviews + again.quiz_attempts + again.exercise_attempts + again.stories,
        0
    );
    assert_eq!(target.export_json().unwrap(), exported, "exact round trip");
}

#[test]
fn bad_imports_are_refused_whole() {
    let mut learner = Learner::open_in_memory(ZONE, embedded_pack(), None, morning(2)).unwrap();
    complete_challenge(&mut learner, morning(2));
    let good = learner.export_json().unwrap();
    let mut fresh = Learner::open_in_memory(ZONE, embedded_pack(), None, morning(2)).unwrap();
    for bad in [
        "not json".to_owned(),
        "{}".to_owned(),
        good.replace("\"rating\": 3", "\"rating\": 9"),
        good.replace("\"version\": 2", "\"version\": 99"),
        good.replacen(
            "\"learning_day\": \"2026-03-02\"",
            "\"learning_day\": \"yesterday\"",
            1,
        ),
    ] {
        assert!(
            matches!(fresh.import_json(&bad, morning(2)), Err(Error::Import(_))),
            "{bad:.60}"
        );
    }
    assert_eq!(
        fresh.stats(morning(2)).unwrap().attempts,
        0,
        "nothing half-imported"
    );
}

#[test]
fn backups_roll_and_restore_over_a_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("progress.sqlite3");
    let backups = dir.path().join("backups");
    {
        let mut learner = open(&db, morning(2));
        complete_challenge(&mut learner, morning(2));
        for day in 2..10 {
            learner
                .backup_if_due(&backups, Duration::hours(24), 3, morning(day))
                .unwrap();
        }
        assert!(learner
            .backup_if_due(
                &backups,
                Duration::hours(24),
                3,
                morning(9) + Duration::hours(1)
            )
            .unwrap()
            .is_none());
    }
    let kept = aiprep_core::storage::list_backups(&backups).unwrap();
    assert_eq!(kept.len(), 3);
    std::fs::write(&db, b"scrambled by a bad sector").unwrap();
    assert!(Learner::open(&db, ZONE, embedded_pack(), None, morning(10)).is_err());
    let aside = aiprep_core::storage::restore_backup(&kept[2].1, &db, morning(10))
        .unwrap()
        .expect("the bad file is kept");
    assert_eq!(std::fs::read(aside).unwrap(), b"scrambled by a bad sector");
    let mut learner = open(&db, morning(10));
    assert!(learner.stats(morning(10)).unwrap().attempts > 0);
}

#[test]
fn parameters_are_refit_after_enough_long_term_reviews_off_the_main_thread() {
    use std::sync::atomic::AtomicBool;
    let now = morning(20);
    let mut learner = Learner::open_in_memory(ZONE, embedded_pack(), None, now).unwrap();
    assert!(learner.optimization_job().unwrap().is_none());
    learner.simulate(60, 4_000, now).unwrap();
    assert!(learner.reviews_since_optimization().unwrap() >= 200);
    let job = learner.optimization_job().unwrap().expect("a refit is due");

    // A cancelled run gives up and changes nothing.
    let cancelled = AtomicBool::new(true);
    assert!(job.run(&cancelled).is_err());

    // The fit owns its data: it runs on another thread while answers go on.
    let worker = std::thread::spawn(move || job.run(&AtomicBool::new(false)));
    let free = learner
        .quiz_list()
        .into_iter()
        .find(|q| !q.locked)
        .unwrap()
        .id;
    learner.answer_choice(&free, 0, 8_000, now).unwrap();
    let outcome = worker.join().unwrap().unwrap();
    learner.apply_optimization(&outcome, now).unwrap();

    let runs = learner.optimizer_runs().unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].accepted, outcome.accepted);
    assert!(runs[0].log_loss_before.is_finite() && runs[0].log_loss_after.is_finite());
    if outcome.accepted {
        assert!(outcome.log_loss_after < outcome.log_loss_before);
        assert_eq!(learner.scheduler_config().params, outcome.params);
    }
    assert!(
        learner.optimization_job().unwrap().is_none(),
        "the count restarts"
    );
}

#[test]
fn travel_neither_breaks_nor_inflates_the_streak() {
    let at = |text: &str| {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    };
    let mut learner = Learner::open_in_memory(
        "America/Los_Angeles",
        embedded_pack(),
        None,
        at("2026-03-10T10:00:00-07:00"),
    )
    .unwrap();
    // Evening in Los Angeles.
    complete_challenge(&mut learner, at("2026-03-10T19:00:00-07:00"));
    assert_eq!(
        learner
            .today(at("2026-03-10T21:00:00-07:00"))
            .unwrap()
            .streak,
        1
    );
    // The next morning in Tokyo: 11 March never happened there.
    learner.set_zone("Asia/Tokyo").unwrap();
    complete_challenge(&mut learner, at("2026-03-12T09:00:00+09:00"));
    assert_eq!(
        learner
            .today(at("2026-03-12T11:00:00+09:00"))
            .unwrap()
            .streak,
        2
    );
    // Back in Los Angeles on the same local date: already done, nothing added.
    learner.set_zone("America/Los_Angeles").unwrap();
    let back = learner.today(at("2026-03-12T10:00:00-07:00")).unwrap();
    assert!(back.challenge.completed);
    assert_eq!(back.streak, 2);
    // The next Los Angeles day continues it.
    complete_challenge(&mut learner, at("2026-03-13T09:00:00-07:00"));
    assert_eq!(
        learner
            .today(at("2026-03-13T12:00:00-07:00"))
            .unwrap()
            .streak,
        3
    );
    // History keeps where each day was completed.
    let stats = learner.stats(at("2026-03-13T12:00:00-07:00")).unwrap();
    assert!(stats.attempts >= 15);
}

#[test]
fn a_revoked_purchase_locks_again_and_unschedules_locked_items() {
    let mut learner =
        Learner::open_in_memory(ZONE, embedded_pack(), Some(store()), morning(2)).unwrap();
    let signature = testdata("purchase.sig.b64");
    let token = learner
        .unlock(&testdata("purchase.json"), signature.trim(), morning(2))
        .unwrap()
        .purchase_token
        .clone()
        .unwrap();
    let locked_id = learner
        .module()
        .quiz
        .iter()
        .find(|q| !q.free)
        .unwrap()
        .clone();
    let wrong = (locked_id.answer + 1) % locked_id.options.len();
    learner
        .answer_choice(&locked_id.id, wrong, 5_000, morning(2))
        .unwrap();
    let later = morning(2) + Duration::hours(2);
    assert!(learner
        .due_queue(later)
        .unwrap()
        .iter()
        .any(|(id, _)| *id == locked_id.id));

    learner.revoke_purchase(&token, later).unwrap();
    assert!(!learner.entitlement().unlocked);
    assert!(learner
        .due_queue(later)
        .unwrap()
        .iter()
        .all(|(id, _)| *id != locked_id.id));
    assert!(matches!(
        learner.question(&locked_id.id),
        Err(Error::Locked { .. })
    ));
    // Restoring (the store delivers the purchase again) unlocks once more.
    learner
        .unlock(&testdata("purchase.json"), signature.trim(), later)
        .unwrap();
    assert!(learner
        .due_queue(later)
        .unwrap()
        .iter()
        .any(|(id, _)| *id == locked_id.id));
}

#[test]
fn a_long_export_can_be_cancelled_from_another_thread() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let now = morning(20);
    let mut learner = Learner::open_in_memory(ZONE, embedded_pack(), None, now).unwrap();
    learner.simulate(40, 8_000, now).unwrap();
    let interrupter = learner.interrupter();
    let done = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&done);
    // Keep cancelling until the export returns: an interrupt with nothing
    // running is a no-op, so one of these lands while the export runs.
    let canceller = std::thread::spawn(move || {
        while !flag.load(Ordering::SeqCst) {
            interrupter.interrupt();
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
    });
    let result = learner.export_json();
    done.store(true, Ordering::SeqCst);
    canceller.join().unwrap();
    assert!(
        matches!(
            result,
            Err(Error::Storage(
                aiprep_core::storage::StorageError::Interrupted
            ))
        ),
        "{:?}",
        result.map(|json| json.len())
    );
    // Nothing is left broken: the next export runs to the end.
    let json = learner.export_json().unwrap();
    assert!(json.contains("\"reviews\""));
}
