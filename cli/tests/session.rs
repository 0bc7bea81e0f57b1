//! The terminal session as a learner meets it, driven through the real
//! binary on a real SQLite file: written answers, shuffled options, undo,
//! local times, width, human output, argument errors and file safety.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const NOW: &str = "2026-03-10T09:00:00Z";

fn run(db: &Path, args: &[&str], input: &[u8], envs: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_aiprep"));
    command
        .arg("--db")
        .arg(db)
        .args(["--tz", "Europe/Berlin", "--now", NOW])
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("AIPREP_PUBLIC_KEY")
        .env_remove("COLUMNS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in envs {
        command.env(k, v);
    }
    let mut child = command.spawn().expect("run aiprep");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn aiprep(db: &Path, args: &[&str]) -> Output {
    run(db, args, b"", &[])
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "aiprep failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_str(&stdout(out)).expect("JSON output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Session input that answers today's challenge: `A` for every choice and
/// `written` for the exercise, then stops.
fn challenge_input(db: &Path, written: &str) -> String {
    let plan = json(&aiprep(db, &["today", "--json"]));
    let mut input = String::new();
    for item in plan["challenge"]["items"].as_array().unwrap() {
        if item["kind"] == "exercise" {
            input.push_str(written);
        } else {
            input.push_str("a\n");
        }
    }
    input.push_str("q\n");
    input
}

fn export(db: &Path, dir: &Path) -> String {
    let file = dir.join("export.json");
    stdout(&aiprep(db, &["export", file.to_str().unwrap(), "--force"]));
    std::fs::read_to_string(file).unwrap()
}

#[test]
fn a_pasted_multi_paragraph_answer_is_graded_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let answer = "\nI owned the launch plan and chose to skip the load test.\n\n\
                  The site was down for 3 hours for about 2,000 customers.\n\n\
                  Since then every launch has a load test gate in the checklist.\n.\n";
    let input = challenge_input(&db, answer);
    let out = stdout(&run(&db, &[], input.as_bytes(), &[]));
    assert!(out.contains("End it with a line holding only `.`"), "{out}");
    assert!(
        out.contains("Today's challenge is complete! Streak: 1 day"),
        "{out}"
    );
    let stats = json(&aiprep(&db, &["stats", "--json"]));
    assert_eq!(stats["exercise_attempts"], 1);
    assert_eq!(
        stats["attempts"], 5,
        "no paragraph leaked into another prompt"
    );
    let exported = export(&db, dir.path());
    assert!(exported.contains("skip the load test"));
    assert!(exported.contains("load test gate in the checklist"));
}

#[test]
fn a_too_long_answer_is_refused_and_kept_and_the_session_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let long = format!("{}\n.\n", "I decided to ship it. ".repeat(1_200));
    let written = format!("{long}I owned the decision and added a review step.\n.\n");
    let input = challenge_input(&db, &written);
    let out = stdout(&run(&db, &[], input.as_bytes(), &[]));
    assert!(out.contains("answers are limited to 20000"), "{out}");
    let drafts: Vec<_> = std::fs::read_dir(format!("{}.drafts", db.display()))
        .unwrap()
        .collect();
    assert_eq!(drafts.len(), 1);
    let kept = std::fs::read_to_string(drafts[0].as_ref().unwrap().path()).unwrap();
    assert!(kept.len() > 20_000 && kept.starts_with("I decided to ship it."));
    let stats = json(&aiprep(&db, &["stats", "--json"]));
    assert_eq!(
        stats["exercise_attempts"], 1,
        "the shortened answer was saved"
    );
}

#[test]
fn options_are_reshuffled_per_presentation_and_letters_follow_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let list = json(&aiprep(&db, &["quiz", "--list", "--json"]));
    let id = list["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["locked"] == false)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Letter A picks whatever is shown first; over several presentations that
    // is not always the same option.
    let chosen: std::collections::HashSet<u64> = (0..8)
        .map(|_| {
            json(&aiprep(&db, &["answer", &id, "A", "--json"]))["chosen"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert!(chosen.len() > 1, "option A was always option {chosen:?}");
    // A number is the option's index in the pack, as the scripted interface says.
    assert_eq!(
        json(&aiprep(&db, &["answer", &id, "2", "--json"]))["chosen"],
        2
    );
}

#[test]
fn undo_takes_the_last_answer_back_in_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let out = stdout(&run(&db, &["quiz", "--count", "2"], b"a\nu\nb\nc\n", &[]));
    assert!(out.contains("taken back"), "{out}");
    assert!(out.contains("2 answered"), "{out}");
    let stats = json(&aiprep(&db, &["stats", "--json"]));
    assert_eq!(stats["attempts"], 2, "the undone answer is gone");
}

#[test]
fn times_are_local_and_say_when_the_item_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let out = stdout(&run(&db, &["quiz", "--count", "1"], b"a\n", &[]));
    // 09:00 UTC is 10:00 in Berlin; a first answer comes back in minutes.
    assert!(out.contains("comes back in"), "{out}");
    assert!(out.contains("(10:"), "local clock time expected: {out}");
    assert!(!out.contains("UTC"), "{out}");
    assert!(out.contains("next review: in"), "{out}");
    assert!(!out.contains("tomorrow"), "{out}");
}

#[test]
fn text_wraps_to_the_terminal_width_without_colour_in_pipes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    for columns in [60usize, 80, 120] {
        let out = run(&db, &["learn"], b"", &[("COLUMNS", &columns.to_string())]);
        let text = stdout(&out);
        let limit = columns.min(100);
        for line in text.lines() {
            let width = line.chars().count();
            // A single word longer than the line may stand alone.
            assert!(
                width <= limit || !line.trim().contains(' '),
                "{width} > {limit}: {line:?}"
            );
        }
        assert!(!text.contains('\u{1b}'), "colour codes in a pipe");
    }
}

#[test]
fn argument_errors_name_the_argument_and_suggest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let missing = aiprep(&db, &["answer"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("<ID>"), "{}", stderr(&missing));
    let typo = aiprep(&db, &["stroy"]);
    assert!(stderr(&typo).contains("story"), "{}", stderr(&typo));
    let bare = aiprep(&db, &["story"]);
    let help = stderr(&bare) + &String::from_utf8_lossy(&bare.stdout);
    assert!(help.contains("new") && help.contains("write"), "{help}");
}

#[test]
fn reports_are_readable_without_json_and_use_titles() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    for args in [&["status"][..], &["content", "stats"], &["quiz", "--list"]] {
        let text = stdout(&aiprep(&db, args));
        assert!(
            !text.trim_start().starts_with('{'),
            "{args:?} printed JSON: {text}"
        );
        assert!(
            !text.contains("error_detection") && !text.contains("q-"),
            "{text}"
        );
    }
    let listing = stdout(&aiprep(&db, &["quiz", "--list"]));
    assert!(listing.contains("Spot the error"), "{listing}");
    let file = dir.path().join("export.json");
    stdout(&aiprep(&db, &["export", file.to_str().unwrap()]));
    let imported = stdout(&aiprep(&db, &["import", file.to_str().unwrap()]));
    assert!(
        imported.contains("Nothing already here was duplicated"),
        "{imported}"
    );
}

#[test]
fn export_and_restore_never_replace_silently() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    stdout(&run(&db, &["quiz", "--count", "1"], b"a\n", &[]));
    let file = dir.path().join("mine.json");
    std::fs::write(&file, "precious").unwrap();
    let refused = aiprep(&db, &["export", file.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("--force"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "precious");

    // The session made a backup; the healthy database is not rolled back
    // without a yes.
    let before = std::fs::read(&db).unwrap();
    let restore = aiprep(&db, &["restore"]);
    assert!(!restore.status.success());
    assert!(stderr(&restore).contains("--yes"), "{}", stderr(&restore));
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let done = stdout(&aiprep(&db, &["restore", "--yes"]));
    assert!(
        done.contains("replaced-") && !done.contains("bad"),
        "{done}"
    );
}

#[test]
fn a_damaged_database_names_the_way_out_and_utf16_gets_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    std::fs::write(&db, b"not a database at all").unwrap();
    let out = aiprep(&db, &["stats"]);
    assert!(stderr(&out).contains("aiprep restore"), "{}", stderr(&out));

    let text = dir.path().join("answer.txt");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("I owned it.".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(&text, utf16).unwrap();
    let out = aiprep(
        &dir.path().join("q.sqlite3"),
        &["analyze", text.to_str().unwrap()],
    );
    assert!(stderr(&out).contains("UTF-16"), "{}", stderr(&out));
}

#[test]
fn unlock_without_a_purchase_says_how_to_buy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let text = stdout(&aiprep(&db, &["unlock"]));
    assert!(
        text.contains("Google Play") && text.contains("--public-key"),
        "{text}"
    );
    assert!(
        !text.contains("AIPREP_PLAY_PUBLIC_KEY"),
        "no build hints: {text}"
    );
}
