//! The installed modules as the learner sees them: what each holds, how far
//! the learner got, which one is being studied; and keeping stored progress
//! in step with the modules' content versions.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::stats::logistic;
use super::{not_found, Learner, ACTIVE_MODULE_KEY};
use crate::content::{AnswerKind, Module};
use crate::error::Result;
use crate::quiz::ConceptAbility;
use crate::scheduler::MATURE_STABILITY_DAYS;
use crate::storage::ModuleTotals;

/// One module in the catalog.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModuleCard {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub content_version: String,
    pub answer_kind: AnswerKind,
    /// The module being studied.
    pub active: bool,
    /// Practisable items: quiz questions, scenarios, exercises, open practice.
    pub items: u32,
    /// Items usable before the unlock.
    pub free_items: u32,
    /// Items the learner cannot open yet (zero once unlocked).
    pub locked_items: u32,
    /// Items met at least once.
    pub items_started: u32,
    /// Items whose memory has reached the mature stability.
    pub items_mature: u32,
    /// `items_started / items`.
    pub progress: f64,
    /// Mean predicted success over the module's concepts answered so far;
    /// `None` until one was.
    pub mastery: Option<f64>,
    pub reviews: u64,
    pub time_studied_ms: u64,
    /// Modules this one recommends next, those installed only.
    pub related: Vec<RelatedModule>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelatedModule {
    pub id: String,
    pub title: String,
}

impl Learner {
    /// Every installed module in display order, with the learner's progress.
    pub fn catalog(&mut self) -> Result<Vec<ModuleCard>> {
        let mut totals: HashMap<String, ModuleTotals> = self
            .storage
            .module_totals(f64::from(MATURE_STABILITY_DAYS))?
            .into_iter()
            .map(|t| (t.module_id.clone(), t))
            .collect();
        let abilities = self.ability_model()?.concept_abilities();
        Ok(self
            .catalog
            .modules()
            .map(|m| {
                let totals = totals.remove(&m.id).unwrap_or_else(|| ModuleTotals {
                    module_id: m.id.clone(),
                    ..ModuleTotals::default()
                });
                self.card(m, totals, mean_mastery(&abilities, &m.id))
            })
            .collect())
    }

    fn card(&self, m: &Module, totals: ModuleTotals, mastery: Option<f64>) -> ModuleCard {
        let free: Vec<bool> = m
            .item_ids()
            .filter_map(|id| self.item(id).map(|item| item.is_free()))
            .collect();
        let items = free.len() as u32;
        let free_items = free.iter().filter(|f| **f).count() as u32;
        let locked_items = free.iter().filter(|f| !self.is_accessible(**f)).count() as u32;
        ModuleCard {
            id: m.id.clone(),
            title: m.title.clone(),
            summary: m.summary.clone(),
            content_version: m.content_version.clone(),
            answer_kind: m.answer_kind,
            active: m.id == self.active,
            items,
            free_items,
            locked_items,
            items_started: totals.items_started,
            items_mature: totals.items_mature,
            progress: match items {
                0 => 0.0,
                n => f64::from(totals.items_started.min(n)) / f64::from(n),
            },
            mastery,
            reviews: totals.reviews,
            time_studied_ms: totals.time_studied_ms,
            related: m
                .related_modules
                .iter()
                .filter_map(|id| self.catalog.module(id))
                .map(|r| RelatedModule {
                    id: r.id.clone(),
                    title: r.title.clone(),
                })
                .collect(),
        }
    }

    /// Studies `id` from now on: the lesson, the quiz and new items come from
    /// it. Progress in every module stays, and due reviews of all of them
    /// keep coming.
    pub fn select_module(&mut self, id: &str) -> Result<&Module> {
        if self.catalog.module(id).is_none() {
            return Err(not_found("module", id));
        }
        self.storage.set_setting(ACTIVE_MODULE_KEY, id)?;
        self.active = id.to_owned();
        Ok(self.module())
    }

    /// Matches stored items against the content version of every installed
    /// module whose version changed since the last match (or never matched).
    pub(super) fn sync_content(&mut self, now: DateTime<Utc>) -> Result<()> {
        let matched = self.storage.module_versions()?;
        let stamp = self.stamp(now);
        let stale: Vec<(String, String, Vec<String>)> = self
            .catalog
            .modules()
            .filter(|m| matched.get(&m.id) != Some(&m.content_version))
            .map(|m| {
                let ids = m.item_ids().map(str::to_owned).collect();
                (m.id.clone(), m.content_version.clone(), ids)
            })
            .collect();
        for (module, version, ids) in stale {
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            self.storage.sync_module(&module, &version, &ids, &stamp)?;
        }
        Ok(())
    }
}

/// Mean predicted success over the concepts of `module` answered so far.
fn mean_mastery(abilities: &[ConceptAbility], module: &str) -> Option<f64> {
    let prefix = concept_key(module, "");
    let of_module: Vec<f64> = abilities
        .iter()
        .filter(|c| c.concept.starts_with(&prefix))
        .map(|c| logistic(c.ability))
        .collect();
    (!of_module.is_empty()).then(|| of_module.iter().sum::<f64>() / of_module.len() as f64)
}

/// Concept ids repeat across modules, so the ability model keys each
/// concept by its module too.
pub(super) fn concept_key(module: &str, concept: &str) -> String {
    format!("{module}/{concept}")
}
