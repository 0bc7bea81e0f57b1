//! The learner's API: one object that composes content, storage, scheduling,
//! quizzes, the daily challenge, the analyzer and the unlock. Front ends
//! (terminal, UniFFI) call only this; every call that depends on time takes
//! `now`, and the zone is the learner's, set from outside.

mod answer;
mod catalog;
mod optimize;
mod session;
mod simulate;
mod stats;
mod story;
mod today;
mod transfer;

pub use answer::{ChoiceFeedback, ExerciseFeedback};
pub use catalog::{ModuleCard, RelatedModule};
pub use optimize::OptimizationJob;
pub use simulate::SimulationReport;
pub use stats::{ConceptMastery, DayAccuracy, DayCount, ScorePoint, Stats};
pub use story::{DraftPart, PartCheck, StoryDraft, StorySummary, StoryVersion};
pub use today::{ChallengeItemView, ChallengeView, TodayPlan};

use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::content::{
    lesson_sections, Catalog, Exercise, ItemRef, LessonSection, Module, PracticeScenario,
    QuestionType, QuizQuestion,
};
use crate::error::{Error, Result};
use crate::quiz::AbilityModel;
use crate::scheduler::{self, Scheduler, SchedulerConfig};
use crate::storage::{Stamp, Storage};
use crate::unlock::{self, Entitlement, StoreConfig, StoredPurchase};

const SCHEDULER_CONFIG_KEY: &str = "scheduler_config";
const LEARNER_SEED_KEY: &str = "learner_seed";
const ACTIVE_MODULE_KEY: &str = "active_module";

/// A quiz question as listed, without its content.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct QuestionSummary {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: QuestionType,
    pub locked: bool,
}

pub struct Learner {
    storage: Storage,
    /// Every installed module; items of any of them can be answered.
    catalog: Catalog,
    /// Id of the module being studied: the lesson, the quiz and new items
    /// come from it. Always a module of `catalog`.
    active: String,
    zone: Tz,
    scheduler: Scheduler,
    config: SchedulerConfig,
    store: Option<StoreConfig>,
    entitlement: Entitlement,
    seed: u64,
    /// Built from stored answers on first use, then updated online.
    ability: Option<AbilityModel>,
    /// The last answer given through this object, which `undo_last_answer`
    /// may take back.
    undo: Option<crate::storage::AnswerUndo>,
}

impl Learner {
    /// Opens the learner's database at `path` with the learner's IANA zone,
    /// over the installed modules (a catalog, or one pack). `store` is the
    /// app's purchase-verification configuration (the built-in one when
    /// `None`). Stored items are matched against each module's content
    /// version: items a module no longer has are retired, history kept.
    pub fn open(
        path: &Path,
        zone: &str,
        modules: impl Into<Catalog>,
        store: Option<StoreConfig>,
        now: DateTime<Utc>,
    ) -> Result<Self> {
        Self::with_storage(Storage::open(path)?, zone, modules.into(), store, now)
    }

    /// A learner whose progress lives only in memory (previews and tests).
    pub fn open_in_memory(
        zone: &str,
        modules: impl Into<Catalog>,
        store: Option<StoreConfig>,
        now: DateTime<Utc>,
    ) -> Result<Self> {
        Self::with_storage(Storage::open_in_memory()?, zone, modules.into(), store, now)
    }

    fn with_storage(
        mut storage: Storage,
        zone: &str,
        catalog: Catalog,
        store: Option<StoreConfig>,
        now: DateTime<Utc>,
    ) -> Result<Self> {
        let zone = parse_zone(zone)?;
        let config = stored_config(&storage)?;
        let scheduler = Scheduler::new(config.clone())?.in_zone(zone);
        let seed = match storage.setting(LEARNER_SEED_KEY)? {
            Some(text) => text.parse().unwrap_or_default(),
            None => {
                // Any stable per-learner number will do: it only varies the challenge.
                let seed = now.timestamp_nanos_opt().unwrap_or_default() as u64;
                storage.set_setting(LEARNER_SEED_KEY, &seed.to_string())?;
                seed
            }
        };
        let store = store.or_else(StoreConfig::app_default);
        let active = storage
            .setting(ACTIVE_MODULE_KEY)?
            .filter(|id| catalog.module(id).is_some())
            .unwrap_or_else(|| catalog.first().id.clone());
        let mut learner = Learner {
            storage,
            catalog,
            active,
            zone,
            scheduler,
            config,
            store,
            entitlement: Entitlement::default(),
            seed,
            ability: None,
            undo: None,
        };
        learner.refresh_entitlement(now)?;
        learner.sync_content(now)?;
        Ok(learner)
    }

    /// The learner moved: later events are stamped in this zone. History keeps
    /// the zone each event happened in.
    pub fn set_zone(&mut self, zone: &str) -> Result<()> {
        let zone = parse_zone(zone)?;
        self.scheduler = Scheduler::new(self.config.clone())?.in_zone(zone);
        self.zone = zone;
        Ok(())
    }

    /// The module being studied.
    pub fn module(&self) -> &Module {
        self.catalog
            .module(&self.active)
            .unwrap_or_else(|| self.catalog.first())
    }

    pub fn scheduler_config(&self) -> &SchedulerConfig {
        &self.config
    }

    /// Changes the scheduling settings after validating them.
    pub fn set_scheduler_config(&mut self, config: SchedulerConfig) -> Result<()> {
        let scheduler = Scheduler::new(config.clone())?.in_zone(self.zone);
        let json = serde_json::to_string(&config)
            .map_err(|e| Error::InvalidInput(format!("scheduler settings: {e}")))?;
        self.storage.set_setting(SCHEDULER_CONFIG_KEY, &json)?;
        self.scheduler = scheduler;
        self.config = config;
        Ok(())
    }

    /// The lesson, with locked items shown as locks until the unlock.
    pub fn lesson(&self) -> Vec<LessonSection> {
        lesson_sections(self.module(), self.entitlement.unlocked)
    }

    /// The studied module's quiz questions.
    pub fn quiz_list(&self) -> Vec<QuestionSummary> {
        self.module()
            .quiz
            .iter()
            .map(|q| QuestionSummary {
                id: q.id.clone(),
                kind: q.kind,
                locked: !self.is_accessible(q.free),
            })
            .collect()
    }

    pub fn question(&self, id: &str) -> Result<&QuizQuestion> {
        match self.accessible_item(id)? {
            ItemRef::Quiz(q) => Ok(q),
            _ => Err(not_found("quiz question", id)),
        }
    }

    pub fn scenario(&self, id: &str) -> Result<&PracticeScenario> {
        match self.accessible_item(id)? {
            ItemRef::Scenario(s) => Ok(s),
            _ => Err(not_found("scenario", id)),
        }
    }

    pub fn exercise(&self, id: &str) -> Result<&Exercise> {
        match self.accessible_item(id)? {
            ItemRef::Exercise(e) => Ok(e),
            _ => Err(not_found("exercise", id)),
        }
    }

    /// Looks an item up, refusing locked ones with `Error::Locked`.
    fn accessible_item(&self, id: &str) -> Result<ItemRef<'_>> {
        let item = self.item(id).ok_or_else(|| not_found("item", id))?;
        if !self.is_accessible(item.is_free()) {
            return Err(Error::Locked { id: id.to_owned() });
        }
        Ok(item)
    }

    /// Any practisable item of an installed module by id, locked or not.
    fn item(&self, id: &str) -> Option<ItemRef<'_>> {
        self.catalog.item(id).map(|(_, item)| item)
    }

    fn is_accessible(&self, free: bool) -> bool {
        unlock::is_accessible(free, &self.entitlement)
    }

    /// How many answers the learner has given in all.
    pub fn answer_count(&self) -> Result<u64> {
        Ok(self.storage.review_count()?.max(0) as u64)
    }

    pub fn entitlement(&self) -> &Entitlement {
        &self.entitlement
    }

    /// Verifies a store purchase offline and, if valid, stores it and unlocks.
    pub fn unlock(
        &mut self,
        original_json: &str,
        signature_b64: &str,
        now: DateTime<Utc>,
    ) -> Result<&Entitlement> {
        let store = self
            .store
            .as_ref()
            .ok_or(unlock::UnlockError::NoKeyConfigured)?;
        let purchase = unlock::verify_purchase(store, original_json, signature_b64)?;
        self.storage.store_purchase(
            &crate::storage::PurchaseRow {
                purchase_token: purchase.purchase_token,
                product_id: purchase.product_id,
                original_json: original_json.to_owned(),
                signature: signature_b64.to_owned(),
                acknowledged: purchase.acknowledged,
                revoked: false,
            },
            now,
        )?;
        self.refresh_entitlement(now)?;
        Ok(&self.entitlement)
    }

    /// The shell confirmed the store acknowledged this purchase.
    pub fn acknowledge_purchase(
        &mut self,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<&Entitlement> {
        if !self.storage.acknowledge_purchase(token)? {
            return Err(not_found("purchase", token));
        }
        self.refresh_entitlement(now)?;
        Ok(&self.entitlement)
    }

    /// A successful store query no longer lists the product: revoke. The shell
    /// never calls this after a failed query.
    pub fn revoke_purchase(&mut self, token: &str, now: DateTime<Utc>) -> Result<&Entitlement> {
        if !self.storage.revoke_purchase(token, now)? {
            return Err(not_found("purchase", token));
        }
        self.refresh_entitlement(now)?;
        Ok(&self.entitlement)
    }

    /// Reloads what imported settings may have changed.
    fn reload_settings(&mut self) -> Result<()> {
        let config = stored_config(&self.storage)?;
        self.scheduler = Scheduler::new(config.clone())?.in_zone(self.zone);
        self.config = config;
        if let Some(seed) = self.storage.setting(LEARNER_SEED_KEY)? {
            self.seed = seed.parse().unwrap_or(self.seed);
        }
        self.ability = None;
        Ok(())
    }

    /// Re-derives the entitlement from the stored signed purchases, so an
    /// edited database row unlocks nothing.
    fn refresh_entitlement(&mut self, now: DateTime<Utc>) -> Result<()> {
        let stored: Vec<StoredPurchase> = self
            .storage
            .purchases()?
            .into_iter()
            .map(|row| StoredPurchase {
                original_json: row.original_json,
                signature_b64: row.signature,
                acknowledged: row.acknowledged,
                revoked: row.revoked,
            })
            .collect();
        self.entitlement = match &self.store {
            Some(store) => unlock::derive_entitlement(store, &stored, now.timestamp_millis()),
            None => Entitlement::default(),
        };
        Ok(())
    }

    /// Stamps an event with the learner's current zone and learning day.
    fn stamp(&self, now: DateTime<Utc>) -> Stamp {
        Stamp {
            at: now,
            zone: self.zone.name().to_owned(),
            utc_offset_s: scheduler::utc_offset_seconds(now, self.zone),
            learning_day: scheduler::learning_day(now, self.zone, self.config.day_start_hour),
        }
    }
}

fn stored_config(storage: &Storage) -> Result<SchedulerConfig> {
    Ok(match storage.setting(SCHEDULER_CONFIG_KEY)? {
        Some(json) => serde_json::from_str(&json)
            .map_err(|e| Error::InvalidInput(format!("stored scheduler settings: {e}")))?,
        None => SchedulerConfig::default(),
    })
}

fn parse_zone(name: &str) -> Result<Tz> {
    scheduler::parse_zone(name).map_err(Error::from)
}

fn not_found(kind: &'static str, id: &str) -> Error {
    Error::NotFound {
        kind,
        id: id.to_owned(),
    }
}
