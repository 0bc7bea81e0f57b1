//! End-to-end tests of the `aiprep` binary on a real SQLite file, through its
//! scripted interface.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const NOW: &str = "2026-03-10T09:00:00Z";

fn aiprep(db: &Path, args: &[&str]) -> Output {
    aiprep_with_input(db, args, "")
}

fn aiprep_with_input(db: &Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aiprep"))
        .arg("--db")
        .arg(db)
        .args(["--tz", "Europe/Berlin"])
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("AIPREP_PUBLIC_KEY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run aiprep");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn json(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "aiprep failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

fn free_question(db: &Path) -> (String, Value) {
    let list = json(&aiprep(db, &["quiz", "--list", "--json"]));
    let questions = list["questions"].as_array().unwrap().clone();
    let free = questions
        .iter()
        .find(|q| q["locked"] == false)
        .expect("a free question")
        .clone();
    (free["id"].as_str().unwrap().to_owned(), free)
}

#[test]
fn an_answer_in_one_process_is_counted_in_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let (id, _) = free_question(&db);
    let answered = json(&aiprep(&db, &["--now", NOW, "answer", &id, "0", "--json"]));
    assert_eq!(answered["saved"], true);
    assert!(answered["correct"].is_boolean());
    let stats = json(&aiprep(&db, &["--now", NOW, "stats", "--json"]));
    assert_eq!(stats["attempts"], 1);
}

#[test]
fn locked_questions_are_refused_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let list = json(&aiprep(&db, &["quiz", "--list", "--json"]));
    let locked = list["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["locked"] == true)
        .expect("a locked question")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let out = aiprep(&db, &["answer", &locked, "0", "--json"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("unlock"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_choices_and_unknown_ids_fail_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let (id, _) = free_question(&db);
    for args in [
        vec!["answer", id.as_str(), "99", "--json"],
        vec!["answer", "no-such-item", "0", "--json"],
        vec!["--now", "yesterday", "answer", id.as_str(), "0"],
        vec!["--tz", "Mars/Olympus", "answer", id.as_str(), "0"],
    ] {
        let out = aiprep(&db, &args);
        assert!(!out.status.success(), "{args:?} should fail");
        assert_eq!(String::from_utf8(out.stderr).unwrap().lines().count(), 1);
    }
    let stats = json(&aiprep(&db, &["stats", "--json"]));
    assert_eq!(stats["attempts"], 0);
}

#[test]
fn today_plan_is_stable_within_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let first = json(&aiprep(&db, &["--now", NOW, "today", "--json"]));
    assert_eq!(first["learning_day"], "2026-03-10");
    assert_eq!(first["streak"], 0);
    let items = first["challenge"]["items"].as_array().unwrap();
    assert!(!items.is_empty());
    for item in items {
        assert!(["quiz", "scenario", "exercise"].contains(&item["kind"].as_str().unwrap()));
        assert_eq!(item["done"], false);
    }
    let later = json(&aiprep(
        &db,
        &["--now", "2026-03-10T20:00:00Z", "today", "--json"],
    ));
    assert_eq!(first["challenge"], later["challenge"]);
}

#[test]
fn interactive_quiz_from_a_pipe_records_answers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let out = aiprep_with_input(&db, &["--now", NOW, "quiz", "--count", "3"], "a\nb\nc\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Session saved"), "{stdout}");
    assert!(stdout.contains("3 answered"), "{stdout}");
    let stats = json(&aiprep(&db, &["stats", "--json"]));
    assert_eq!(stats["attempts"], 3);
}

#[test]
fn content_stats_meet_the_module_minimums() {
    let dir = tempfile::tempdir().unwrap();
    let stats = json(&aiprep(
        &dir.path().join("p.sqlite3"),
        &["content", "stats", "--json"],
    ));
    let modules = stats["modules"].as_array().unwrap();
    let ids: Vec<&str> = modules.iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["failure-story", "conflict-story", "overfitting"]);
    for module in modules {
        assert!(module["quiz_items"].as_u64().unwrap() >= 40, "{module}");
        for kind in ["vocabulary", "scenario", "error_detection", "judgment"] {
            assert!(
                module["quiz_types"][kind].as_u64().unwrap() >= 10,
                "{kind}: {module}"
            );
        }
        assert!(module["exercises"].as_u64().unwrap() >= 5);
        assert!(module["scenarios"].as_u64().unwrap() >= 3);
        assert!(module["workplace_scenarios"].as_u64().unwrap() >= 3);
        assert!(module["mistakes"].as_u64().unwrap() >= 6);
        assert!(module["strong_examples"].as_u64().unwrap() >= 2);
        assert!(module["faq"].as_u64().unwrap() >= 10);
        assert_eq!(module["rubric_tiers"], 4);
    }
    assert_eq!(modules[2]["answer_kind"], "explanation");
}

#[test]
fn content_check_validates_a_pack_with_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let good =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/content/overfitting.toml");
    let text = String::from_utf8(aiprep(&db, &["content", "check", good.to_str().unwrap()]).stdout)
        .unwrap();
    assert!(text.contains("is a valid pack"), "{text}");

    // The same pack with one quiz answer out of range, under a new module id
    // so it does not replace the bundled one.
    let source = std::fs::read_to_string(&good).unwrap();
    let broken = source
        .replacen("id = \"overfitting\"", "id = \"overfitting-draft\"", 1)
        .replacen("\nanswer = 1\n", "\nanswer = 9\n", 1);
    let file = dir.path().join("draft.toml");
    std::fs::write(&file, broken).unwrap();
    let out = aiprep(&db, &["content", "check", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("draft.toml") && err.contains("answer"),
        "{err}"
    );
    assert!(err.contains("of-q-"), "names the item: {err}");
}

#[test]
fn a_non_database_file_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    std::fs::write(&db, b"not a database at all, but precious").unwrap();
    let out = aiprep(&db, &["stats", "--json"]);
    assert!(!out.status.success());
    assert_eq!(
        std::fs::read(&db).unwrap(),
        b"not a database at all, but precious"
    );
}

fn testdata(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/src/unlock/testdata")
        .join(name)
}

#[test]
fn a_signed_purchase_unlocks_and_stays_verified() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let key = std::fs::read_to_string(testdata("test_only_public_key.b64")).unwrap();
    let signature = std::fs::read_to_string(testdata("purchase.sig.b64")).unwrap();
    let purchase = testdata("purchase.json");
    let purchase = purchase.to_str().unwrap();

    let forged = aiprep(
        &db,
        &[
            "--public-key",
            key.trim(),
            "unlock",
            "--purchase",
            purchase,
            "--signature",
            "AAAA",
        ],
    );
    assert!(!forged.status.success());
    let status = json(&aiprep(
        &db,
        &["--public-key", key.trim(), "status", "--json"],
    ));
    assert_eq!(status["unlocked"], false);

    let unlocked = json(&aiprep(
        &db,
        &[
            "--public-key",
            key.trim(),
            "unlock",
            "--purchase",
            purchase,
            "--signature",
            signature.trim(),
        ],
    ));
    assert_eq!(unlocked["unlocked"], true);
    let status = json(&aiprep(
        &db,
        &["--public-key", key.trim(), "status", "--json"],
    ));
    assert_eq!(status["unlocked"], true);
    let list = json(&aiprep(
        &db,
        &["--public-key", key.trim(), "quiz", "--list", "--json"],
    ));
    assert!(list["questions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|q| q["locked"] == false));
    // Verification needs the key: without it nothing is unlocked.
    let status = json(&aiprep(&db, &["status", "--json"]));
    assert_eq!(status["unlocked"], false);
}

#[test]
fn analyze_jsonl_keeps_ids_and_reports_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let input = "{\"id\": \"a\", \"text\": \"I decided to skip the load test and the launch failed for 2 hours.\"}\n{\"id\": 7, \"text\": \"It was not my fault, the vendor ruined everything.\"}\n";
    let out = aiprep_with_input(&db, &["analyze", "--jsonl"], input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], 7);
    for line in &lines {
        for field in [
            "tier",
            "score",
            "word_count",
            "speaking_seconds",
            "takeaway_share",
            "segments",
            "findings",
        ] {
            assert!(line.get(field).is_some(), "missing {field}");
        }
    }
    let kinds: Vec<&str> = lines[1]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"blame_shifting"), "{kinds:?}");
    assert_eq!(lines[1]["tier"], "weak");
}

/// The shared review log, when this checkout sits beside it (never required).
fn shared_revlog() -> Option<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|a| a.join("shared/data"))
        .find(|d| d.is_dir())?;
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "csv"))
}

#[test]
fn fsrs_evaluate_and_optimize_a_review_log() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.sqlite3");
    let (csv, expect_real) = match shared_revlog() {
        Some(path) => (path, true),
        None => {
            // Two cards over a few weeks, enough to score reviews.
            let mut text = String::from("card_id,review_rating,review_time,review_duration\n");
            for card in 0..40 {
                for (day, rating) in [(1, 3), (3, 3), (8, 1), (9, 3), (20, 3), (45, 4)] {
                    let rating = if (card + day) % 7 == 0 { 1 } else { rating };
                    text.push_str(&format!(
                        "{card},{rating},2024-0{}-{:02}T10:00:00.000Z,5000\n",
                        1 + day / 28,
                        1 + day % 28
                    ));
                }
            }
            let path = dir.path().join("revlog.csv");
            std::fs::write(&path, text).unwrap();
            (path, false)
        }
    };
    let csv = csv.to_str().unwrap();
    let evaluated = json(&aiprep(
        &db,
        &["fsrs", "evaluate", "--revlog", csv, "--json"],
    ));
    let log_loss = evaluated["log_loss"].as_f64().unwrap();
    assert!(evaluated["items"].as_u64().unwrap() > 0);
    assert!(evaluated["rmse_bins"].as_f64().unwrap() >= 0.0);
    if expect_real {
        assert_eq!(evaluated["items"], 6276);
        assert!((log_loss - 0.4649).abs() < 0.001, "{log_loss}");
        let rmse = evaluated["rmse_bins"].as_f64().unwrap();
        assert!((rmse - 0.0744).abs() < 0.002, "{rmse}");
        let optimized = json(&aiprep(
            &db,
            &["fsrs", "optimize", "--revlog", csv, "--json"],
        ));
        assert_eq!(optimized["params"].as_array().unwrap().len(), 21);
        assert!(optimized["log_loss_after"].as_f64().unwrap() < log_loss);
        // The fitted parameters evaluate to what optimize reported.
        let params: Vec<String> = optimized["params"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.to_string())
            .collect();
        let again = json(&aiprep(
            &db,
            &[
                "fsrs",
                "evaluate",
                "--revlog",
                csv,
                "--params",
                &params.join(","),
                "--json",
            ],
        ));
        let after = optimized["log_loss_after"].as_f64().unwrap();
        assert!((again["log_loss"].as_f64().unwrap() - after).abs() < 1e-4);
    }
    let bad = aiprep(
        &db,
        &[
            "fsrs", "evaluate", "--revlog", csv, "--params", "1,2,x", "--json",
        ],
    );
    assert!(!bad.status.success());
}

#[test]
fn modules_lists_the_catalog_and_module_switches_what_is_studied() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let cards = json(&aiprep(&db, &["--now", NOW, "modules", "--json"]));
    let ids: Vec<&str> = cards
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["failure-story", "conflict-story", "overfitting"]);
    assert_eq!(cards[0]["active"], true);

    let list = json(&aiprep(
        &db,
        &[
            "--now",
            NOW,
            "--module",
            "overfitting",
            "quiz",
            "--list",
            "--json",
        ],
    ));
    let questions = list["questions"].as_array().unwrap();
    assert!(questions
        .iter()
        .all(|q| q["id"].as_str().unwrap().starts_with("of-")));
    // The choice is remembered without the flag.
    let cards = json(&aiprep(&db, &["--now", NOW, "modules", "--json"]));
    assert_eq!(cards[2]["active"], true);
    let text = aiprep(&db, &["--now", NOW, "modules"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("▶ Explaining Overfitting"), "{text}");

    let unknown = aiprep(&db, &["--now", NOW, "--module", "nope", "modules"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("nope"));
}
