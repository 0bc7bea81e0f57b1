use std::path::Path;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::*;
use crate::scheduler::{CardState, MemoryState, Phase, Rating};

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, hour, 0, 0).unwrap()
}

fn stamp(hour: u32) -> Stamp {
    Stamp {
        at: at(hour),
        zone: "Europe/Berlin".into(),
        utc_offset_s: 3600,
        learning_day: NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
    }
}

fn reviewed_state(due: DateTime<Utc>) -> CardState {
    CardState {
        phase: Phase::Review,
        memory: Some(MemoryState {
            stability: 3.5,
            difficulty: 5.0,
        }),
        due,
        last_review: Some(at(9)),
        reps: 1,
        lapses: 0,
    }
}

fn answer(storage: &mut Storage, id: &str, kind: ItemKind, stamp: &Stamp) -> bool {
    answer_in(storage, MODULE, id, kind, stamp)
}

const MODULE: &str = "failure-story";

fn answer_in(
    storage: &mut Storage,
    module_id: &str,
    id: &str,
    kind: ItemKind,
    stamp: &Stamp,
) -> bool {
    let before = CardState {
        phase: Phase::New,
        memory: None,
        due: stamp.at,
        last_review: None,
        reps: 0,
        lapses: 0,
    };
    let after = reviewed_state(at(20));
    let review = ReviewRecord {
        item_id: id,
        module_id,
        kind,
        stamp,
        rating: Rating::Good,
        duration_ms: 4000,
        before: &before,
        elapsed_days: 0.0,
        after: &after,
    };
    storage
        .record_answer(
            &review,
            &Attempt::Choice {
                choice: 1,
                correct: true,
            },
        )
        .unwrap()
        .challenge_completed
}

#[test]
fn answers_survive_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.sqlite3");
    {
        let mut storage = Storage::open(&path).unwrap();
        answer(&mut storage, "q1", ItemKind::Quiz, &stamp(9));
    }
    let storage = Storage::open(&path).unwrap();
    let item = storage.item("q1").unwrap().expect("stored item");
    assert_eq!(item.state, reviewed_state(at(20)));
    assert_eq!(storage.choice_attempts().unwrap().len(), 1);
    assert_eq!(storage.review_log().unwrap()[0].rating, Rating::Good);
    assert_eq!(storage.schema_version().unwrap(), CURRENT_VERSION);
}

#[test]
fn due_items_are_those_due_by_the_instant() {
    let mut storage = Storage::open_in_memory().unwrap();
    answer(&mut storage, "q1", ItemKind::Quiz, &stamp(9));
    assert!(storage.due_items(at(19), 10).unwrap().is_empty());
    assert_eq!(storage.due_items(at(20), 10).unwrap().len(), 1);
    assert_eq!(storage.due_items(at(21), 10).unwrap()[0].item_id, "q1");
    assert_eq!(storage.new_items_on(stamp(9).learning_day).unwrap(), 1);
}

#[test]
fn challenge_completes_with_its_last_item_only() {
    let mut storage = Storage::open_in_memory().unwrap();
    let s = stamp(8);
    let items = vec![entry("q1", ItemKind::Quiz), entry("s1", ItemKind::Scenario)];
    let stored = storage.ensure_challenge(&s, &items).unwrap();
    assert_eq!(stored.items.len(), 2);
    assert_eq!(stored.items[1].module_id, MODULE);
    // A second build of the same day keeps the first.
    let again = storage
        .ensure_challenge(&s, &[entry("q9", ItemKind::Quiz)])
        .unwrap();
    assert_eq!(again, stored);

    assert!(!answer(&mut storage, "q1", ItemKind::Quiz, &stamp(9)));
    assert!(!answer(&mut storage, "q1", ItemKind::Quiz, &stamp(10)));
    assert!(answer(&mut storage, "s1", ItemKind::Scenario, &stamp(11)));
    let done = storage.challenge(s.learning_day).unwrap().unwrap();
    assert_eq!(done.completed_at, Some(at(11)));
    let completions = storage.challenge_completions().unwrap();
    assert_eq!(completions.len(), 1);
    assert_eq!(completions[0].zone, "Europe/Berlin");
}

fn entry(id: &str, kind: ItemKind) -> NewChallengeItem {
    NewChallengeItem {
        item_id: id.to_owned(),
        module_id: MODULE.to_owned(),
        kind,
    }
}

#[test]
fn items_know_their_module() {
    let mut storage = Storage::open_in_memory().unwrap();
    answer(&mut storage, "q1", ItemKind::Quiz, &stamp(9));
    answer(&mut storage, "q2", ItemKind::Quiz, &stamp(9));
    answer_in(
        &mut storage,
        "overfitting",
        "o1",
        ItemKind::Quiz,
        &stamp(10),
    );
    assert_eq!(
        storage.started_modules().unwrap(),
        ["failure-story", "overfitting"]
    );
    let mine: Vec<String> = storage
        .module_items("overfitting")
        .unwrap()
        .into_iter()
        .map(|i| i.item_id)
        .collect();
    assert_eq!(mine, ["o1"]);
    let totals = storage.module_totals(3.0).unwrap();
    assert_eq!(totals.len(), 2);
    assert_eq!(
        (
            totals[0].items_started,
            totals[0].items_mature,
            totals[0].reviews
        ),
        (2, 2, 2)
    );
    assert_eq!(
        (totals[1].module_id.as_str(), totals[1].time_studied_ms),
        ("overfitting", 4000)
    );
    assert_eq!(
        storage.module_totals(10.0).unwrap()[0].items_mature,
        0,
        "stability 3.5 < 10"
    );
}

#[test]
fn a_content_update_retires_removed_items_and_keeps_their_history() {
    let mut storage = Storage::open_in_memory().unwrap();
    let s = stamp(8);
    let first = storage
        .sync_module(MODULE, "1.0.0", &["q1", "q2", "s1"], &s)
        .unwrap();
    assert_eq!((first.previous_version, first.retired), (None, 0));
    answer(&mut storage, "q1", ItemKind::Quiz, &stamp(9));
    answer(&mut storage, "q2", ItemKind::Quiz, &stamp(9));
    answer_in(&mut storage, "other", "x1", ItemKind::Quiz, &stamp(9));
    storage
        .ensure_challenge(
            &stamp(9),
            &[entry("q1", ItemKind::Quiz), entry("s1", ItemKind::Scenario)],
        )
        .unwrap();
    assert!(!answer(&mut storage, "q1", ItemKind::Quiz, &stamp(10)));

    // 1.1.0 drops q2 and s1: both leave, q1 and the other module's item stay.
    let update = storage
        .sync_module(MODULE, "1.1.0", &["q1", "q3"], &stamp(11))
        .unwrap();
    assert_eq!(update.previous_version.as_deref(), Some("1.0.0"));
    assert_eq!(
        (
            update.retired,
            update.restored,
            update.challenge_items_dropped
        ),
        (1, 0, 1)
    );
    assert_eq!(storage.module_versions().unwrap()[MODULE], "1.1.0");
    let due: Vec<String> = storage
        .due_items(at(23), 10)
        .unwrap()
        .into_iter()
        .map(|i| i.item_id)
        .collect();
    assert_eq!(due, ["q1", "x1"], "the retired item is never due");
    assert_eq!(
        storage
            .review_log()
            .unwrap()
            .iter()
            .filter(|r| r.item_id == "q2")
            .count(),
        1
    );
    assert!(storage.item("q2").unwrap().is_some(), "its state is kept");
    // Dropping the last open entry completed today's challenge.
    let challenge = storage.challenge(s.learning_day).unwrap().unwrap();
    assert_eq!(challenge.items.len(), 1);
    assert_eq!(challenge.completed_at, Some(at(11)));

    // A later version that brings q2 back restores it with its history.
    let back = storage
        .sync_module(MODULE, "1.2.0", &["q1", "q2"], &stamp(12))
        .unwrap();
    assert_eq!((back.retired, back.restored), (0, 1));
    assert_eq!(storage.due_items(at(23), 10).unwrap().len(), 3);
}

#[test]
fn undoing_the_completing_answer_reopens_the_challenge_and_the_item() {
    let mut storage = Storage::open_in_memory().unwrap();
    let s = stamp(8);
    storage
        .ensure_challenge(&s, &[entry("q1", ItemKind::Quiz)])
        .unwrap();
    assert!(answer(&mut storage, "q1", ItemKind::Quiz, &stamp(9)));
    let newest = storage.review_count().unwrap();
    let undo = AnswerUndo {
        review_id: newest,
        item_id: "q1".into(),
        kind: ItemKind::Quiz,
        before: None,
    };
    assert!(storage.undo_answer(&undo).unwrap());
    assert_eq!(storage.review_count().unwrap(), 0);
    assert!(storage.choice_attempts().unwrap().is_empty());
    assert_eq!(
        storage.item("q1").unwrap(),
        None,
        "a first meeting is undone"
    );
    let challenge = storage.challenge(s.learning_day).unwrap().unwrap();
    assert_eq!(challenge.completed_at, None);
    assert!(!challenge.items[0].done);
    assert!(storage.challenge_completions().unwrap().is_empty());
    // Nothing left to take back: a second undo changes nothing.
    assert!(!storage.undo_answer(&undo).unwrap());
}

#[test]
fn only_the_newest_answer_can_be_undone_and_the_item_state_comes_back() {
    let mut storage = Storage::open_in_memory().unwrap();
    answer(&mut storage, "q1", ItemKind::Quiz, &stamp(9));
    answer(&mut storage, "q2", ItemKind::Quiz, &stamp(10));
    let earlier = AnswerUndo {
        review_id: 1,
        item_id: "q1".into(),
        kind: ItemKind::Quiz,
        before: None,
    };
    assert!(!storage.undo_answer(&earlier).unwrap());
    assert_eq!(storage.review_count().unwrap(), 2);

    let before = reviewed_state(at(12));
    let undo = AnswerUndo {
        review_id: 2,
        item_id: "q2".into(),
        kind: ItemKind::Quiz,
        before: Some(before.clone()),
    };
    assert!(storage.undo_answer(&undo).unwrap());
    assert_eq!(storage.item("q2").unwrap().unwrap().state, before);
    assert_eq!(storage.answer_count("q1").unwrap(), 1);
    assert_eq!(storage.answer_count("q2").unwrap(), 0);
}

#[test]
fn purchases_keep_acknowledgement_and_revocation() {
    let mut storage = Storage::open_in_memory().unwrap();
    let row = PurchaseRow {
        purchase_token: "tok".into(),
        product_id: "p".into(),
        original_json: "{}".into(),
        signature: "sig".into(),
        acknowledged: false,
        revoked: false,
    };
    storage.store_purchase(&row, at(9)).unwrap();
    assert!(storage.acknowledge_purchase("tok").unwrap());
    assert!(!storage.acknowledge_purchase("other").unwrap());
    assert!(storage.revoke_purchase("tok", at(10)).unwrap());
    let stored = &storage.purchases().unwrap()[0];
    assert!(stored.acknowledged && stored.revoked);
    // Restoring (storing again) clears the revocation and keeps the acknowledgement.
    storage.store_purchase(&row, at(11)).unwrap();
    let stored = &storage.purchases().unwrap()[0];
    assert!(stored.acknowledged && !stored.revoked);
}

fn assert_refused_untouched(path: &Path, expect: impl Fn(&StorageError) -> bool) {
    let before = std::fs::read(path).unwrap();
    let err = Storage::open(path).err().expect("open must fail");
    assert!(expect(&err), "unexpected error {err}");
    assert_eq!(std::fs::read(path).unwrap(), before, "file was modified");
    let name = path.file_name().unwrap().to_str().unwrap();
    let siblings: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != name)
        .collect();
    assert!(siblings.is_empty(), "stray files {siblings:?}");
}

#[test]
fn a_text_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite3");
    std::fs::write(&path, "my shopping list, definitely not a database\n").unwrap();
    assert_refused_untouched(&path, |e| matches!(e, StorageError::NotADatabase { .. }));
}

#[test]
fn a_damaged_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.sqlite3");
    {
        let mut storage = Storage::open(&path).unwrap();
        answer(&mut storage, "q1", ItemKind::Quiz, &stamp(9));
        storage
            .conn
            .pragma_update(None, "journal_mode", "DELETE")
            .unwrap();
    }
    // Keep the header, scramble the schema page.
    let mut bytes = std::fs::read(&path).unwrap();
    for b in bytes.iter_mut().skip(100).take(3000) {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    assert_refused_untouched(&path, |e| {
        matches!(
            e,
            StorageError::Corrupt { .. } | StorageError::NotADatabase { .. }
        )
    });
}

#[test]
fn a_database_from_a_newer_app_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.sqlite3");
    {
        let storage = Storage::open(&path).unwrap();
        storage
            .conn
            .pragma_update(None, "user_version", CURRENT_VERSION + 1)
            .unwrap();
        storage
            .conn
            .pragma_update(None, "journal_mode", "DELETE")
            .unwrap();
    }
    assert_refused_untouched(&path, |e| matches!(e, StorageError::NewerSchema { .. }));
}

#[test]
fn a_full_disk_is_a_typed_error_and_keeps_what_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.sqlite3");
    let mut storage = Storage::open(&path).unwrap();
    answer(&mut storage, "kept", ItemKind::Quiz, &stamp(8));
    // Simulate a full device: SQLite may not grow the file past its size now.
    let pages: i64 = storage
        .conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    storage
        .conn
        .pragma_update(None, "max_page_count", pages)
        .unwrap();
    let mut failure = None;
    for n in 0..10_000 {
        let value = "x".repeat(4000);
        match storage.set_setting(&format!("filler-{n}"), &value) {
            Ok(()) => continue,
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    assert!(
        matches!(failure, Some(StorageError::DiskFull)),
        "expected DiskFull, got {failure:?}"
    );
    drop(storage);
    let reopened = Storage::open(&path).unwrap();
    assert!(reopened.item("kept").unwrap().is_some());
    assert!(reopened.integrity_problems().unwrap().is_empty());
}

#[test]
fn a_truncated_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.sqlite3");
    {
        let mut storage = Storage::open(&path).unwrap();
        for n in 0..50 {
            answer(&mut storage, &format!("q{n}"), ItemKind::Quiz, &stamp(9));
        }
        storage
            .conn
            .pragma_update(None, "journal_mode", "DELETE")
            .unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    assert_refused_untouched(&path, |e| matches!(e, StorageError::Corrupt { .. }));
}

#[test]
fn a_database_killed_during_a_checkpoint_opens_with_everything_committed() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live.sqlite3");
    let killed = dir.path().join("killed.sqlite3");
    let checkpointed = dir.path().join("checkpointed.sqlite3");
    let suffixes = ["", "-wal"];
    {
        let mut storage = Storage::open(&live).unwrap();
        storage
            .conn
            .pragma_update(None, "wal_autocheckpoint", 0)
            .unwrap();
        for n in 0..200 {
            answer(&mut storage, &format!("q{n}"), ItemKind::Quiz, &stamp(9));
        }
        // The committed pages sit in the log; copy the pair as a kill leaves it.
        for suffix in suffixes {
            let from = format!("{}{suffix}", live.display());
            std::fs::copy(&from, format!("{}{suffix}", killed.display())).unwrap();
            std::fs::copy(&from, format!("{}{suffix}", checkpointed.display())).unwrap();
        }
    }
    let page_size = {
        let storage = Storage::open(&checkpointed).unwrap();
        storage
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
        storage
            .conn
            .query_row("PRAGMA page_size", [], |r| r.get::<_, i64>(0))
            .unwrap()
    };
    // The kill came after the checkpoint wrote page 1 and before it grew the file.
    let page_size = page_size as usize;
    let first_page = &std::fs::read(&checkpointed).unwrap()[..page_size];
    let mut short = std::fs::read(&killed).unwrap();
    assert!(short.len() < std::fs::metadata(&checkpointed).unwrap().len() as usize);
    short[..page_size].copy_from_slice(first_page);
    std::fs::write(&killed, short).unwrap();

    let storage = Storage::open(&killed).expect("a half-done checkpoint is not damage");
    assert!(storage.integrity_problems().unwrap().is_empty());
    assert_eq!(storage.choice_attempts().unwrap().len(), 200);
}

/// Makes `path` immutable for the duration of a test (root ignores file
/// permissions, but not the immutable attribute). `None` where the file
/// system or the tools do not support it.
struct Immutable<'a>(&'a Path);

impl<'a> Immutable<'a> {
    fn set(path: &'a Path) -> Option<Self> {
        let ok = std::process::Command::new("chattr")
            .arg("+i")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Immutable(path))
    }
}

impl Drop for Immutable<'_> {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(self.0)
            .status();
    }
}

#[test]
fn a_read_only_database_refuses_writes_with_a_typed_error_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.sqlite3");
    {
        let mut storage = Storage::open(&path).unwrap();
        answer(&mut storage, "kept", ItemKind::Quiz, &stamp(8));
        storage
            .conn
            .pragma_update(None, "journal_mode", "DELETE")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let Some(guard) = Immutable::set(&path) else {
        eprintln!("skipped: chattr +i is not available here");
        return;
    };
    match Storage::open(&path) {
        Err(e) => assert!(
            matches!(e, StorageError::ReadOnly | StorageError::CannotOpen { .. }),
            "{e}"
        ),
        Ok(mut storage) => {
            assert!(
                storage.item("kept").unwrap().is_some(),
                "the data is readable"
            );
            let err = storage.set_setting("k", "v").unwrap_err();
            assert!(matches!(err, StorageError::ReadOnly), "{err}");
        }
    }
    drop(guard);
    assert_eq!(std::fs::read(&path).unwrap(), before, "file was modified");
}
