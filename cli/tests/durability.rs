//! Crash safety: run real quiz sessions, kill them with SIGKILL at random
//! moments, and prove that every answer reported as saved is in the
//! database and that the file passes SQLite's integrity check.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use aiprep_core::storage::Storage;

const KILLS: u32 = 50;

/// A small deterministic generator, so a failing run can be repeated.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

#[test]
fn killed_sessions_keep_every_reported_answer() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("progress.sqlite3");
    let mut rng = Lcg(2026);
    let mut reported_total = 0u32;
    for _ in 0..KILLS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_aiprep"))
            .arg("--db")
            .arg(&db)
            .args(["--tz", "UTC", "quiz", "--count", "12"])
            .env("NO_COLOR", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        // "Rated ... comes back ..." is printed only after its transaction committed.
        let reported = Arc::new(AtomicU32::new(0));
        let counter = Arc::clone(&reported);
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if line.starts_with("Rated ") {
                    counter.fetch_add(1, Ordering::SeqCst);
                }
            }
        });
        let _ = stdin.write_all("a\nb\nc\na\nb\nc\na\nb\nc\na\nb\nc\n".as_bytes());
        std::thread::sleep(Duration::from_millis(rng.below(250)));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        reader.join().unwrap();
        reported_total += reported.load(Ordering::SeqCst);
    }

    let storage = Storage::open_read_only(&db).expect("sound database after kills");
    assert!(storage.integrity_problems().unwrap().is_empty());
    let saved = storage.choice_attempts().unwrap().len() as u32;
    assert!(
        saved >= reported_total,
        "{reported_total} answers were reported saved but only {saved} are stored"
    );
    // At most one answer per killed process can be committed but not yet printed.
    assert!(
        saved <= reported_total + KILLS,
        "{saved} > {reported_total} + {KILLS}"
    );
    assert!(reported_total > 0, "no session got far enough to answer");
    // Review log, attempts and item states were written together.
    assert_eq!(storage.review_log().unwrap().len() as u32, saved);
}
