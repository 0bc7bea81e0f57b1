//! UniFFI face of `aiprep-core` for Kotlin.
//!
//! A thin layer on purpose: it converts core types into plain records and maps
//! core errors onto the few kinds the app can act on. Every decision about
//! learning lives in `aiprep_core::learner`, so the terminal app and the phone
//! agree. Kotlin passes the clock in (`now_ms`), as the core never reads it.

mod error;
mod optimize;
mod outline;
mod views;

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use aiprep_core::content::Pack;
use aiprep_core::learner::Learner;
use aiprep_core::storage::Interrupter;
use aiprep_core::unlock::StoreConfig;

pub use error::{CoreError, StorageProblem};
pub use optimize::{OptimizationOutcome, OptimizationTask};
pub use outline::{ItemHeader, ModuleOutline};
pub use views::*;

uniffi::setup_scaffolding!();

/// One learner's session: the progress database, the content and the zone.
///
/// Every method locks the session, so the UI thread and a worker may call
/// the same object at once; SQLite sees one caller at a time.
#[derive(uniffi::Object)]
pub struct AppCore {
    /// `None` once closed: later calls fail with `CoreError::Closed`.
    learner: Mutex<Option<Learner>>,
    /// Reaches the database without the lock, to cancel long work.
    interrupter: Interrupter,
}

/// How to open a learner when the defaults (bundled module, the app's store
/// key) do not fit: downloaded packs, previews, tests with a test-signed key.
#[derive(Debug, Clone, uniffi::Record)]
pub struct OpenOptions {
    pub db_path: String,
    /// The device's IANA zone, e.g. "Europe/Paris".
    pub zone: String,
    pub now_ms: i64,
    /// A content pack file; the bundled module when absent.
    pub pack_path: Option<String>,
    /// Base64 DER public key that verifies purchases; the built-in one when absent.
    pub store_public_key: Option<String>,
}

#[uniffi::export]
impl AppCore {
    /// Opens (creating if absent) the progress database at `db_path` with the
    /// bundled module.
    #[uniffi::constructor]
    pub fn open(db_path: String, zone: String, now_ms: i64) -> Result<Arc<Self>, CoreError> {
        Self::open_with(OpenOptions {
            db_path,
            zone,
            now_ms,
            pack_path: None,
            store_public_key: None,
        })
    }

    #[uniffi::constructor]
    pub fn open_with(options: OpenOptions) -> Result<Arc<Self>, CoreError> {
        let mut catalog = aiprep_core::content::bundled_catalog();
        let mut pack_module = None;
        if let Some(path) = &options.pack_path {
            let pack: Pack = aiprep_core::content::load_pack(Path::new(path))
                .map_err(aiprep_core::Error::from)?;
            pack_module = Some(pack.module.id.clone());
            catalog = catalog
                .with_pack(path, pack)
                .map_err(aiprep_core::Error::from)?;
        }
        let store = options
            .store_public_key
            .as_deref()
            .map(StoreConfig::with_key);
        let mut learner = Learner::open(
            Path::new(&options.db_path),
            &options.zone,
            catalog,
            store,
            views::instant(options.now_ms)?,
        )?;
        if let Some(id) = &pack_module {
            learner.select_module(id)?;
        }
        Ok(Arc::new(AppCore {
            interrupter: learner.interrupter(),
            learner: Mutex::new(Some(learner)),
        }))
    }

    /// Closes the database now rather than when Kotlin frees the object
    /// (Kotlin's own `close()` frees it). Idempotent; later calls fail with `Closed`.
    pub fn close_database(&self) {
        self.lock().take();
    }

    /// Cancels the long database call running on another thread (export,
    /// import, stats); it fails with a Storage exception (Interrupted) and
    /// changes nothing. Safe to call at any time, from any thread.
    pub fn cancel_long_work(&self) {
        self.interrupter.interrupt();
    }

    /// The learner moved: later events are stamped in this zone.
    pub fn set_zone(&self, zone: String) -> Result<(), CoreError> {
        self.with(|l| l.set_zone(&zone))
    }

    /// What the module contains, for the home and lesson screens.
    pub fn outline(&self) -> Result<ModuleOutline, CoreError> {
        self.with(|l| Ok(ModuleOutline::of(l.module())))
    }

    /// The lesson, locked items shown as locks until the unlock.
    pub fn lesson(&self) -> Result<Vec<LessonSectionView>, CoreError> {
        self.with(|l| Ok(l.lesson().into_iter().map(Into::into).collect()))
    }

    pub fn quiz_list(&self) -> Result<Vec<QuestionListItem>, CoreError> {
        self.with(|l| Ok(l.quiz_list().into_iter().map(Into::into).collect()))
    }

    pub fn question(&self, id: String) -> Result<QuestionView, CoreError> {
        self.with(|l| l.question(&id).map(Into::into))
    }

    pub fn scenario(&self, id: String) -> Result<ScenarioView, CoreError> {
        self.with(|l| l.scenario(&id).map(Into::into))
    }

    pub fn exercise(&self, id: String) -> Result<ExerciseView, CoreError> {
        self.with(|l| l.exercise(&id).map(Into::into))
    }

    /// The adaptive quiz's next question id, never one of `asked`; `None` when
    /// every accessible question has been asked.
    pub fn next_question(
        &self,
        asked: Vec<String>,
        now_ms: i64,
    ) -> Result<Option<String>, CoreError> {
        let now = views::instant(now_ms)?;
        self.with(|l| l.next_question(&asked, now))
    }

    /// The next due review (or a new item within today's allowance).
    pub fn next_review(&self, now_ms: i64) -> Result<Option<ReviewItem>, CoreError> {
        let now = views::instant(now_ms)?;
        self.with(|l| {
            Ok(l.next_review(now)?.map(|(id, kind)| ReviewItem {
                id,
                item_type: kind.into(),
            }))
        })
    }

    /// The order to show an item's options in this time
    /// (`order[shown] = option index`); it changes after every answer.
    pub fn option_order(&self, id: String) -> Result<Vec<u32>, CoreError> {
        self.with(|l| {
            Ok(l.option_order(&id)?
                .into_iter()
                .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
                .collect())
        })
    }

    /// Takes back the last answer given through this object; returns the
    /// item to ask again, or nothing when there is no answer to take back.
    pub fn undo_last_answer(&self) -> Result<Option<ReviewItem>, CoreError> {
        self.with(|l| {
            Ok(l.undo_last_answer()?.map(|(id, kind)| ReviewItem {
                id,
                item_type: kind.into(),
            }))
        })
    }

    /// Answers a quiz question or scenario with a 0-based option index.
    pub fn answer_choice(
        &self,
        id: String,
        choice: u32,
        duration_ms: u32,
        now_ms: i64,
    ) -> Result<ChoiceFeedbackView, CoreError> {
        let now = views::instant(now_ms)?;
        let choice = usize::try_from(choice).unwrap_or(usize::MAX);
        self.with(|l| Ok(l.answer_choice(&id, choice, duration_ms, now)?.into()))
    }

    /// Answers a written exercise; the feedback's spans index `text` in UTF-16.
    pub fn answer_text(
        &self,
        id: String,
        text: String,
        duration_ms: u32,
        now_ms: i64,
    ) -> Result<ExerciseFeedbackView, CoreError> {
        let now = views::instant(now_ms)?;
        self.with(|l| {
            let feedback = l.answer_text(&id, &text, duration_ms, now)?;
            Ok(ExerciseFeedbackView::of(feedback, &text))
        })
    }

    /// Today's challenge, streak and due counts (creates today's challenge).
    pub fn today(&self, now_ms: i64) -> Result<TodayView, CoreError> {
        let now = views::instant(now_ms)?;
        self.with(|l| Ok(l.today(now)?.into()))
    }

    pub fn stats(&self, now_ms: i64) -> Result<StatsView, CoreError> {
        let now = views::instant(now_ms)?;
        self.with(|l| Ok(l.stats(now)?.into()))
    }

    /// Every installed module with the learner's progress, in display order.
    pub fn modules(&self) -> Result<Vec<ModuleCardView>, CoreError> {
        self.with(|l| Ok(l.catalog()?.into_iter().map(Into::into).collect()))
    }

    /// Studies `id` from now on; progress in every module stays.
    pub fn select_module(&self, id: String) -> Result<(), CoreError> {
        self.with(|l| {
            l.select_module(&id)?;
            Ok(())
        })
    }

    pub fn entitlement(&self) -> Result<EntitlementView, CoreError> {
        self.with(|l| Ok(l.entitlement().into()))
    }

    /// Hands over a Play purchase (`originalJson` and its signature); verified
    /// offline, stored, and the entitlement re-derived.
    pub fn unlock(
        &self,
        original_json: String,
        signature: String,
        now_ms: i64,
    ) -> Result<EntitlementView, CoreError> {
        let now = views::instant(now_ms)?;
        self.with(|l| Ok(l.unlock(&original_json, &signature, now)?.into()))
    }

    /// Play confirmed the acknowledgement of this purchase.
    pub fn acknowledge_purchase(
        &self,
        token: String,
        now_ms: i64,
    ) -> Result<EntitlementView, CoreError> {
        let now = views::instant(now_ms)?;
        self.with(|l| Ok(l.acknowledge_purchase(&token, now)?.into()))
    }

    /// A successful owned-purchases query no longer lists this purchase.
    pub fn revoke_purchase(
        &self,
        token: String,
        now_ms: i64,
    ) -> Result<EntitlementView, CoreError> {
        let now = views::instant(now_ms)?;
        self.with(|l| Ok(l.revoke_purchase(&token, now)?.into()))
    }

    /// All progress as a versioned JSON document (for moving to a new phone).
    pub fn export_json(&self) -> Result<String, CoreError> {
        self.with(|l| l.export_json())
    }

    /// Validates an export completely, then merges it in one transaction.
    pub fn import_json(&self, json: String, now_ms: i64) -> Result<ImportReportView, CoreError> {
        let now = views::instant(now_ms)?;
        self.with(|l| Ok(l.import_json(&json, now)?.into()))
    }

    /// Writes a consistent copy of the database into `dir` when the newest
    /// one there is older than `every_hours`, keeping the `keep` newest.
    /// Returns the new file's path, if one was written.
    pub fn backup_if_due(
        &self,
        dir: String,
        every_hours: u32,
        keep: u32,
        now_ms: i64,
    ) -> Result<Option<String>, CoreError> {
        let now = views::instant(now_ms)?;
        let every = chrono::Duration::hours(i64::from(every_hours));
        let keep = usize::try_from(keep).unwrap_or(usize::MAX);
        self.with(|l| {
            let path = l.backup_if_due(Path::new(&dir), every, keep, now)?;
            Ok(path.map(|p| p.to_string_lossy().into_owned()))
        })
    }

    /// A refit of the scheduling parameters when enough new long-term reviews
    /// have accumulated (or always, with `force`). Taking it is quick; run it
    /// off the main thread: answering goes on meanwhile.
    pub fn optimization_task(
        &self,
        force: bool,
    ) -> Result<Option<Arc<OptimizationTask>>, CoreError> {
        self.with(|l| {
            let job = if force {
                Some(l.snapshot_for_optimization()?)
            } else {
                l.optimization_job()?
            };
            Ok(job.map(|job| Arc::new(OptimizationTask::new(job))))
        })
    }

    /// Records a finished refit; its parameters are used from now on when it
    /// was accepted.
    pub fn apply_optimization(
        &self,
        outcome: OptimizationOutcome,
        now_ms: i64,
    ) -> Result<(), CoreError> {
        let now = views::instant(now_ms)?;
        self.with(|l| l.apply_optimization(&outcome.into(), now))
    }

    pub fn stories(&self) -> Result<Vec<StorySummaryView>, CoreError> {
        self.with(|l| Ok(l.stories()?.into_iter().map(Into::into).collect()))
    }

    /// Starts a story in the workshop; returns its id.
    pub fn story_create(&self, title: String, now_ms: i64) -> Result<i64, CoreError> {
        let now = views::instant(now_ms)?;
        self.with(|l| l.story_create(&title, now))
    }

    /// Saves one STAR-T part and checks it; spans index `text` in UTF-16.
    pub fn story_set_part(
        &self,
        id: i64,
        part: StoryPart,
        text: String,
        now_ms: i64,
    ) -> Result<PartCheckView, CoreError> {
        let now = views::instant(now_ms)?;
        self.with(|l| {
            let check = l.story_set_part(id, part.into(), &text, now)?;
            Ok(PartCheckView::of(check, &text))
        })
    }

    pub fn story_draft(&self, id: i64) -> Result<StoryDraftView, CoreError> {
        self.with(|l| Ok(l.story_draft(id)?.into()))
    }

    pub fn story_save_version(&self, id: i64, now_ms: i64) -> Result<StoryVersionView, CoreError> {
        let now = views::instant(now_ms)?;
        self.with(|l| Ok(l.story_save_version(id, now)?.into()))
    }

    pub fn story_versions(&self, id: i64) -> Result<Vec<StoryVersionView>, CoreError> {
        self.with(|l| Ok(l.story_versions(id)?.into_iter().map(Into::into).collect()))
    }
}

/// Panics on purpose, so tests can prove a Rust panic reaches Kotlin as an
/// exception instead of aborting the app. Absent from shipped builds.
#[cfg(feature = "test-hooks")]
#[uniffi::export]
impl AppCore {
    pub fn debug_panic(&self) {
        let _learner = self.lock();
        panic!("debug_panic called by a test");
    }
}

impl AppCore {
    /// Runs `f` on the open learner, mapping core errors for Kotlin.
    fn with<T>(
        &self,
        f: impl FnOnce(&mut Learner) -> aiprep_core::Result<T>,
    ) -> Result<T, CoreError> {
        let mut guard = self.lock();
        let learner = guard.as_mut().ok_or(CoreError::Closed)?;
        Ok(f(learner)?)
    }

    /// A panic inside a call poisons the lock; SQLite has already rolled back
    /// the unfinished transaction by then, so the learner is still sound and
    /// the app keeps working instead of failing every later call.
    fn lock(&self) -> MutexGuard<'_, Option<Learner>> {
        self.learner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZONE: &str = "Europe/Berlin";
    const NOW_MS: i64 = 1_772_438_400_000; // 2026-03-02T08:00:00Z

    fn open_in(dir: &tempfile::TempDir) -> Result<Arc<AppCore>, CoreError> {
        let path = dir.path().join("progress.sqlite3");
        AppCore::open(path.to_string_lossy().into_owned(), ZONE.to_owned(), NOW_MS)
    }

    #[test]
    fn a_non_database_file_is_a_storage_error_and_stays_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.sqlite3");
        let bytes = b"these are notes, not a database".repeat(10);
        std::fs::write(&path, &bytes).unwrap();

        let result = open_in(&dir);

        assert!(matches!(
            result,
            Err(CoreError::Storage {
                problem: StorageProblem::NotADatabase
            })
        ));
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }

    #[test]
    fn the_catalog_lists_every_bundled_module_and_a_choice_persists() {
        let dir = tempfile::tempdir().unwrap();
        let core = open_in(&dir).unwrap();
        let modules = core.modules().unwrap();
        let ids: Vec<&str> = modules.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["failure-story", "conflict-story", "overfitting"]);
        assert_eq!(modules[2].answer_kind, "explanation");
        assert!(matches!(
            core.select_module("nope".into()),
            Err(CoreError::NotFound { .. })
        ));
        core.select_module("conflict-story".into()).unwrap();
        drop(core);
        let core = open_in(&dir).unwrap();
        assert_eq!(core.outline().unwrap().module_id, "conflict-story");
        assert!(core.modules().unwrap()[1].active);
    }

    #[test]
    fn an_unknown_zone_is_invalid_input() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.sqlite3");
        let result = AppCore::open(
            path.to_string_lossy().into_owned(),
            "Nowhere/Atlantis".to_owned(),
            NOW_MS,
        );
        assert!(matches!(result, Err(CoreError::InvalidInput { .. })));
    }

    #[test]
    fn error_messages_name_no_path() {
        let err = CoreError::from(aiprep_core::Error::from(
            aiprep_core::storage::StorageError::NotADatabase {
                path: "/home/someone/secret.sqlite3".into(),
            },
        ));
        assert!(!err.to_string().contains("someone"), "{err}");
    }

    #[test]
    fn a_closed_core_answers_closed() {
        let dir = tempfile::tempdir().unwrap();
        let core = open_in(&dir).unwrap();
        core.close_database();
        assert!(matches!(core.outline(), Err(CoreError::Closed)));
    }

    #[test]
    fn finding_spans_are_utf16_offsets_into_the_answer() {
        let dir = tempfile::tempdir().unwrap();
        let core = open_in(&dir).unwrap();
        let exercise = core
            .outline()
            .unwrap()
            .exercises
            .into_iter()
            .find(|e| e.free)
            .unwrap();
        let text = "😅 It failed because the vendor was late 🙄. I maybe should have checked, \
                    but it was not really my fault.";
        let feedback = core
            .answer_text(exercise.id, text.to_owned(), 30_000, NOW_MS)
            .unwrap();
        let units: Vec<u16> = text.encode_utf16().collect();
        let spanned: Vec<_> = feedback
            .analysis
            .findings
            .iter()
            .filter(|f| !f.whole_answer)
            .collect();
        assert!(!spanned.is_empty());
        for f in spanned {
            let slice = &units[f.span.start as usize..f.span.end as usize];
            assert_eq!(String::from_utf16(slice).unwrap(), f.text, "{}", f.kind);
        }
    }

    #[test]
    fn explanation_feedback_names_each_key_idea_with_its_utf16_span() {
        let dir = tempfile::tempdir().unwrap();
        let core = open_in(&dir).unwrap();
        core.select_module("overfitting".into()).unwrap();
        let text = "🤔 Overfitting means a model scores well on its training data and worse on \
                    validation data. It has too much capacity, so it fits noise. I would add dropout.";
        let feedback = core
            .answer_text(
                "of-ex-precise-definition".into(),
                text.to_owned(),
                30_000,
                NOW_MS,
            )
            .unwrap();
        assert!(feedback.analysis.segments.is_empty());
        let units: Vec<u16> = text.encode_utf16().collect();
        let (covered, missing): (Vec<_>, Vec<_>) =
            feedback.key_ideas.iter().partition(|i| i.covered);
        assert_eq!(covered.len(), 3, "{:#?}", feedback.key_ideas);
        assert_eq!(missing.len(), 3, "{:#?}", feedback.key_ideas);
        for idea in covered {
            let span = idea.span.unwrap();
            let slice = &units[span.start as usize..span.end as usize];
            assert_eq!(
                String::from_utf16(slice).unwrap(),
                idea.text,
                "{}",
                idea.idea
            );
        }
        assert!(feedback.key_ideas.iter().any(|i| i.text == "dropout"));
        assert!(missing
            .iter()
            .all(|i| i.span.is_none() && i.text.is_empty()));
    }

    #[test]
    fn story_feedback_has_no_key_ideas() {
        let dir = tempfile::tempdir().unwrap();
        let core = open_in(&dir).unwrap();
        let exercise = core.outline().unwrap().exercises.remove(0);
        let feedback = core
            .answer_text(
                exercise.id,
                "I owned the plan and it failed.".into(),
                9_000,
                NOW_MS,
            )
            .unwrap();
        assert!(feedback.key_ideas.is_empty());
    }

    #[test]
    fn two_threads_share_one_core() {
        let dir = tempfile::tempdir().unwrap();
        let core = open_in(&dir).unwrap();
        let free: Vec<String> = core
            .quiz_list()
            .unwrap()
            .into_iter()
            .filter(|q| !q.locked)
            .map(|q| q.id)
            .collect();
        let writer = {
            let core = Arc::clone(&core);
            let free = free.clone();
            std::thread::spawn(move || {
                for (i, id) in free.into_iter().enumerate() {
                    core.answer_choice(id, 0, 2_000, NOW_MS + i as i64 * 1_000)
                        .unwrap();
                }
            })
        };
        let reader = {
            let core = Arc::clone(&core);
            std::thread::spawn(move || {
                (0..50)
                    .map(|_| core.today(NOW_MS).unwrap().learning_day)
                    .all(|day| day == "2026-03-02")
            })
        };
        writer.join().unwrap();
        assert!(reader.join().unwrap());
        assert_eq!(
            core.stats(NOW_MS).unwrap().choice_attempts,
            free.len() as u64
        );
    }

    /// UniFFI runs every exported call through `rust_call`; a panic there must
    /// come back as the "unexpected error" status Kotlin raises as an exception,
    /// and the learner must keep working although the panic poisoned its lock.
    #[test]
    fn a_panic_inside_a_call_becomes_an_error_status_and_the_learner_survives() {
        let dir = tempfile::tempdir().unwrap();
        let core = open_in(&dir).unwrap();

        let mut status = uniffi::RustCallStatus::default();
        let panicking = Arc::clone(&core);
        uniffi::rust_call(&mut status, move || -> Result<(), uniffi::RustCallError> {
            let _learner = panicking.lock();
            panic!("simulated bug while the learner is locked");
        });

        assert!(matches!(
            status.code,
            uniffi::RustCallStatusCode::UnexpectedError
        ));
        assert!(core.learner.is_poisoned());
        assert_eq!(core.outline().unwrap().module_id, "failure-story");
    }
}
