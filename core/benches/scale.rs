//! Scale benchmarks on a heavy learner: 10,000 items and 1,000,000 reviews,
//! filled through the real write path (`Learner::simulate`). Targets (issues
//! 3 and 5): today's queue ≤ 10 ms, the home view ≤ 20 ms, recording one
//! answer ≤ 0.5 ms median. The database is built once and reused from
//! `target/bench-data/` (delete it to rebuild).

use std::path::PathBuf;
use std::time::Instant;

use chrono::{DateTime, Duration, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};

use aiprep_core::content::{embedded_pack, Pack, QuizQuestion};
use aiprep_core::learner::Learner;

const ITEMS: u32 = 10_000;
const REVIEWS: u64 = 1_000_000;
const ZONE: &str = "America/New_York";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 14, 0, 0).unwrap()
}

/// The bundled module plus one quiz question per simulated item, so every
/// simulated item is real content the queue must consider.
fn scale_pack() -> Pack {
    let mut pack = embedded_pack();
    let template = pack.module.quiz[0].clone();
    pack.module.quiz.extend((0..ITEMS).map(|i| QuizQuestion {
        id: format!("sim-{i:06}"),
        free: true,
        ..template.clone()
    }));
    pack
}

/// Right about half the time, like a learner at the edge of their ability.
fn choice(tick: i64) -> usize {
    (tick % 2) as usize
}

fn database() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("scale-{ITEMS}-{REVIEWS}.sqlite3"));
    if !path.exists() {
        let building = path.with_extension("building");
        let _ = std::fs::remove_file(&building);
        let started = Instant::now();
        let mut learner = Learner::open(&building, ZONE, scale_pack(), None, now()).unwrap();
        learner.simulate(ITEMS, REVIEWS, now()).unwrap();
        drop(learner);
        std::fs::rename(&building, &path).unwrap();
        eprintln!("built {} in {:.1?}", path.display(), started.elapsed());
    }
    let size = std::fs::metadata(&path).unwrap().len();
    eprintln!("database size: {:.1} MB", size as f64 / 1e6);
    path
}

fn scale(c: &mut Criterion) {
    let path = database();
    let mut learner = Learner::open(&path, ZONE, scale_pack(), None, now()).unwrap();
    let mut group = c.benchmark_group("heavy learner (10k items, 1M reviews)");
    group.bench_function("today's queue", |b| {
        b.iter(|| learner.due_queue(now()).unwrap())
    });
    group.bench_function("home view (today)", |b| {
        b.iter(|| learner.today(now()).unwrap())
    });
    let mut tick = 0i64;
    // Criterion reports means; the target is on the median of single answers,
    // which WAL checkpoints (every ~100 answers) do not move.
    let mut single: Vec<std::time::Duration> = (0..500)
        .map(|_| {
            tick += 1;
            let id = format!("sim-{:06}", tick % i64::from(ITEMS));
            let started = Instant::now();
            learner
                .answer_choice(&id, choice(tick), 9_000, now() + Duration::seconds(tick))
                .unwrap();
            started.elapsed()
        })
        .collect();
    single.sort();
    eprintln!(
        "record one answer, 500 single answers: median {:.1?}, p90 {:.1?}",
        single[250], single[450]
    );
    group.bench_function("record one answer", |b| {
        b.iter(|| {
            tick += 1;
            let id = format!("sim-{:06}", tick % i64::from(ITEMS));
            learner
                .answer_choice(&id, choice(tick), 9_000, now() + Duration::seconds(tick))
                .unwrap()
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = scale
}
criterion_main!(benches);
