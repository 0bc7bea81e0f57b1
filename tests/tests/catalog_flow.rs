//! A learner who studies two of the bundled modules, on a real SQLite file:
//! the catalog, today's challenge across modules, stats per module, the one
//! unlock covering all of them, and a content update.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, TimeZone, Utc};

use aiprep_core::content::{bundled_catalog, bundled_packs, Catalog};
use aiprep_core::learner::Learner;
use aiprep_core::storage::ItemKind;
use aiprep_core::unlock::StoreConfig;

const ZONE: &str = "America/Chicago";

fn morning(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, day, 14, 0, 0).unwrap()
}

fn testdata(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/src/unlock/testdata")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn open(path: &Path, catalog: Catalog, now: DateTime<Utc>) -> Learner {
    let store = StoreConfig::with_key(testdata("test_only_public_key.b64").trim());
    Learner::open(path, ZONE, catalog, Some(store), now).unwrap()
}

/// Answers every item of today's challenge (choices with their first
/// option, exercises with their model answer); returns the modules they
/// came from.
fn answer_challenge_of_today(learner: &mut Learner, now: DateTime<Utc>) -> Vec<String> {
    let plan = learner.today(now).unwrap();
    let mut modules = Vec::new();
    for item in plan.challenge.items {
        if item.kind == ItemKind::Exercise {
            let answer = learner.exercise(&item.id).unwrap().model_answer.clone();
            learner.answer_text(&item.id, &answer, 90_000, now).unwrap();
        } else {
            learner.answer_choice(&item.id, 0, 8_000, now).unwrap();
        }
        modules.push(item.module);
    }
    modules
}

#[test]
fn a_learner_studies_two_modules_and_the_catalog_challenge_and_stats_follow() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("progress.sqlite3");
    let mut learner = open(&db, bundled_catalog(), morning(1));

    let cards = learner.catalog().unwrap();
    let ids: Vec<&str> = cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["failure-story", "conflict-story", "overfitting"]);
    assert!(cards[0].active && !cards[1].active);
    assert!(cards
        .iter()
        .all(|c| c.items_started == 0 && c.mastery.is_none()));
    assert!(cards.iter().all(|c| c.locked_items > 0 && c.free_items > 0));
    assert_eq!(
        cards[1]
            .related
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>(),
        ["failure-story", "overfitting"]
    );

    // Day 1: only the studied module is in the challenge.
    let first_day = answer_challenge_of_today(&mut learner, morning(1));
    assert!(!first_day.is_empty());
    assert!(
        first_day.iter().all(|m| m == "failure-story"),
        "{first_day:?}"
    );

    // Day 2: the learner switches to the overfitting module; the challenge
    // draws from both started modules.
    learner.select_module("overfitting").unwrap();
    assert_eq!(learner.module().id, "overfitting");
    assert!(learner.quiz_list().iter().all(|q| q.id.starts_with("of-")));
    let plan = learner.today(morning(2)).unwrap();
    let mix: HashSet<&str> = plan
        .challenge
        .items
        .iter()
        .map(|i| i.module.as_str())
        .collect();
    assert_eq!(
        mix,
        HashSet::from(["failure-story", "overfitting"]),
        "{:?}",
        plan.challenge
    );
    answer_challenge_of_today(&mut learner, morning(2));
    drop(learner);

    // Reopened: the choice of module and the progress of both stay.
    let mut learner = open(&db, bundled_catalog(), morning(3));
    assert_eq!(learner.module().id, "overfitting");
    let cards = learner.catalog().unwrap();
    let card = |id: &str| cards.iter().find(|c| c.id == id).unwrap().clone();
    assert!(card("overfitting").active);
    assert!(card("failure-story").items_started > 0 && card("failure-story").mastery.is_some());
    assert!(
        card("overfitting").items_started > 0 && card("overfitting").reviews > 0,
        "{cards:#?}"
    );
    assert_eq!(card("conflict-story").items_started, 0);

    // Stats list the concepts of the two started modules, not the third.
    let stats = learner.stats(morning(3)).unwrap();
    let modules: HashSet<&str> = stats.mastery.iter().map(|c| c.module.as_str()).collect();
    assert_eq!(modules, HashSet::from(["failure-story", "overfitting"]));
    let answered: u32 = stats.mastery.iter().map(|c| c.answered).sum();
    assert!(answered > 0);

    // One purchase unlocks every module.
    let signature = testdata("purchase.sig.b64");
    learner
        .unlock(&testdata("purchase.json"), signature.trim(), morning(3))
        .unwrap();
    let cards = learner.catalog().unwrap();
    assert!(cards.iter().all(|c| c.locked_items == 0), "{cards:#?}");
    let locked_conflict_item = bundled_packs()
        .into_iter()
        .find(|(_, p)| p.module.id == "conflict-story")
        .and_then(|(_, p)| p.module.quiz.into_iter().find(|q| !q.free))
        .unwrap();
    assert!(learner.question(&locked_conflict_item.id).is_ok());

    // An unknown module is a clear error and changes nothing.
    assert!(learner.select_module("no-such-module").is_err());
    assert_eq!(learner.module().id, "overfitting");
}

#[test]
fn a_content_update_retires_removed_items_and_keeps_their_history() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("progress.sqlite3");
    let mut learner = open(&db, bundled_catalog(), morning(1));
    let answered = answer_challenge_of_today(&mut learner, morning(1));
    assert!(!answered.is_empty());
    let before = learner.stats(morning(1)).unwrap();
    let plan = learner.today(morning(1)).unwrap();
    let removed = plan
        .challenge
        .items
        .iter()
        .find(|i| i.kind == ItemKind::Quiz)
        .unwrap()
        .id
        .clone();
    drop(learner);

    // Version 1.1 of the first module drops one answered question.
    let (_, mut newer) = bundled_packs().into_iter().next().unwrap();
    newer.module.content_version = "9.9.0".into();
    newer.module.quiz.retain(|q| q.id != removed);
    let catalog = bundled_catalog().with_pack("newer.toml", newer).unwrap();
    let mut learner = open(&db, catalog, morning(1) + Duration::hours(1));
    assert!(
        learner.question(&removed).is_err(),
        "a removed item is gone"
    );
    let after = learner.stats(morning(1) + Duration::hours(1)).unwrap();
    assert_eq!(after.reviews, before.reviews, "its reviews are kept");
    assert_eq!(after.attempts, before.attempts);
    let due: Vec<String> = learner
        .due_queue(morning(20))
        .unwrap()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert!(!due.contains(&removed), "a retired item is never due");
    let card = learner.catalog().unwrap().remove(0);
    assert_eq!(card.content_version, "9.9.0");
}
