//! Choosing what to ask next: the adaptive quiz, due reviews and the pool the
//! daily challenge is built from. Nothing locked is ever offered.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::catalog::concept_key;
use super::Learner;
use crate::content::{ItemRef, Module};
use crate::daily::{Candidate, ChallengePool};
use crate::error::Result;
use crate::quiz::{self, AbilityModel, AnswerEvent, QuestionInfo};
use crate::scheduler::{self, QueueEntry};
use crate::storage::ItemKind;

/// Answers replayed to rebuild the ability model: the estimates follow recent
/// performance, and a heavy learner's history must not slow the first pick.
const ABILITY_REPLAY_WINDOW: u32 = 5_000;
/// Items looked at to find the next due one; locked items (after a
/// revocation) are the only ones skipped, so a short scan finds it.
const NEXT_DUE_SCAN: u32 = 1_000;

impl Learner {
    /// Accessible items of every installed module that can be scheduled,
    /// with their kind: reviews come from every module studied.
    pub(super) fn accessible_review_items(&self) -> impl Iterator<Item = (&str, ItemKind)> + '_ {
        self.catalog
            .modules()
            .flat_map(|m| self.accessible_items_of(m))
    }

    /// Accessible items of one module that can be scheduled, with their kind.
    pub(super) fn accessible_items_of<'a>(
        &'a self,
        m: &'a Module,
    ) -> impl Iterator<Item = (&'a str, ItemKind)> + 'a {
        let quiz = m
            .quiz
            .iter()
            .filter(|q| self.is_accessible(q.free))
            .map(|q| (q.id.as_str(), ItemKind::Quiz));
        let scenarios = m
            .practice_scenarios
            .iter()
            .filter(|s| self.is_accessible(s.free))
            .map(|s| (s.id.as_str(), ItemKind::Scenario));
        let exercises = m
            .exercises
            .iter()
            .filter(|e| self.is_accessible(e.free))
            .map(|e| (e.id.as_str(), ItemKind::Exercise));
        quiz.chain(scenarios).chain(exercises)
    }

    /// The learner's ability model, rebuilt from stored answers on first use
    /// and then updated online.
    pub(super) fn ability_model(&mut self) -> Result<&AbilityModel> {
        if self.ability.is_none() {
            let infos: HashMap<String, QuestionInfo> = self.choice_infos().into_iter().collect();
            let attempts = self.storage.recent_choice_attempts(ABILITY_REPLAY_WINDOW)?;
            let events: Vec<AnswerEvent<'_>> = attempts
                .iter()
                .filter_map(|a| {
                    infos.get(&a.item_id).map(|question| AnswerEvent {
                        question,
                        correct: a.correct,
                    })
                })
                .collect();
            self.ability = Some(quiz::replay(&events));
        }
        Ok(self.ability.get_or_insert_with(AbilityModel::new))
    }

    pub(super) fn observe_quiz_answer(&mut self, id: &str, correct: bool) {
        let Some(info) = self.choice_info(id) else {
            return;
        };
        if let Some(model) = self.ability.as_mut() {
            model.update(&info, correct);
        }
    }

    fn choice_info(&self, id: &str) -> Option<QuestionInfo> {
        let (module, item) = self.catalog.item(id)?;
        let info = match item {
            ItemRef::Quiz(q) => q.into(),
            ItemRef::Scenario(s) => s.into(),
            _ => return None,
        };
        Some(keyed_by_module(module, info))
    }

    /// Every multiple-choice item of every module (locked or not: answers
    /// given before a revocation still count for ability).
    fn choice_infos(&self) -> Vec<(String, QuestionInfo)> {
        self.catalog
            .modules()
            .flat_map(|m| {
                m.quiz
                    .iter()
                    .map(QuestionInfo::from)
                    .chain(m.practice_scenarios.iter().map(QuestionInfo::from))
                    .map(move |info| keyed_by_module(m, info))
            })
            .map(|info| (info.id.clone(), info))
            .collect()
    }

    /// Due items in review order (most overdue relative to stability first),
    /// accessible ones only, capped by the daily review limit.
    pub fn due_queue(&self, now: DateTime<Utc>) -> Result<Vec<(String, ItemKind)>> {
        let accessible: HashMap<&str, ItemKind> = self.accessible_review_items().collect();
        let stored = self
            .storage
            .due_items(now, self.config.reviews_per_day.saturating_mul(4))?;
        let entries = stored
            .into_iter()
            .filter(|item| accessible.contains_key(item.item_id.as_str()))
            .map(|item| QueueEntry {
                item_id: item.item_id,
                state: item.state,
            })
            .collect();
        Ok(
            scheduler::order_due(entries, now, self.config.reviews_per_day)
                .into_iter()
                .map(|e| {
                    let kind = accessible[e.item_id.as_str()];
                    (e.item_id, kind)
                })
                .collect(),
        )
    }

    /// When the next accessible item falls due after `now` (a learning step in
    /// minutes, or a review on a later day).
    pub fn next_due_after(&self, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>> {
        let accessible: HashSet<&str> = self.accessible_review_items().map(|(id, _)| id).collect();
        Ok(self
            .storage
            .next_due_after(now, NEXT_DUE_SCAN, |id| accessible.contains(id))?)
    }

    /// The next review for the session: a due item, else a new quiz question
    /// while today's new-item allowance lasts.
    pub fn next_review(&mut self, now: DateTime<Utc>) -> Result<Option<(String, ItemKind)>> {
        if let Some(first) = self.due_queue(now)?.into_iter().next() {
            return Ok(Some(first));
        }
        let day = self.stamp(now).learning_day;
        if self.new_available(day)? == 0 {
            return Ok(None);
        }
        let seen: HashSet<String> = self.storage.seen_item_ids()?.into_iter().collect();
        Ok(self
            .next_question_excluding(&seen, now)?
            .map(|id| (id, ItemKind::Quiz)))
    }

    /// The adaptive quiz's next question, never one of `asked` this session.
    pub fn next_question(
        &mut self,
        asked: &[String],
        now: DateTime<Utc>,
    ) -> Result<Option<String>> {
        let asked: HashSet<String> = asked.iter().cloned().collect();
        self.next_question_excluding(&asked, now)
    }

    fn next_question_excluding(
        &mut self,
        excluded: &HashSet<String>,
        now: DateTime<Utc>,
    ) -> Result<Option<String>> {
        let due: Vec<String> = self
            .due_queue(now)?
            .into_iter()
            .filter(|(_, kind)| *kind == ItemKind::Quiz)
            .map(|(id, _)| id)
            .collect();
        let module = self.module();
        let candidates: Vec<QuestionInfo> = module
            .quiz
            .iter()
            .filter(|q| self.is_accessible(q.free))
            .map(|q| keyed_by_module(module, q.into()))
            .collect();
        let model = self.ability_model()?;
        Ok(quiz::choose_next(
            model,
            &candidates,
            &due,
            excluded,
            quiz::DEFAULT_TARGET,
        ))
    }

    /// What today's challenge may be built from: accessible items of the
    /// modules the learner has started and of the one being studied, with due
    /// ones and weak concepts marked.
    pub(super) fn challenge_pool(&mut self, now: DateTime<Utc>) -> Result<ChallengePool> {
        let due: HashSet<String> = self.due_queue(now)?.into_iter().map(|(id, _)| id).collect();
        let weak_concepts = self
            .ability_model()?
            .concept_abilities()
            .into_iter()
            .map(|c| c.concept)
            .collect();
        let started: HashSet<String> = self.storage.started_modules()?.into_iter().collect();
        let mut pool = ChallengePool {
            quiz: Vec::new(),
            scenarios: Vec::new(),
            exercises: Vec::new(),
            weak_concepts,
        };
        for m in self.catalog.modules() {
            if m.id != self.active && !started.contains(&m.id) {
                continue;
            }
            // When each item was last answered, so a small free set rotates.
            let practised: HashMap<String, DateTime<Utc>> = self
                .storage
                .module_items(&m.id)?
                .into_iter()
                .filter_map(|item| item.state.last_review.map(|at| (item.item_id, at)))
                .collect();
            let candidate = |id: &str, free: bool, concepts: &[String]| Candidate {
                id: id.to_owned(),
                module: m.id.clone(),
                concepts: concepts.iter().map(|c| concept_key(&m.id, c)).collect(),
                due: due.contains(id),
                last_practised: practised.get(id).copied(),
                accessible: self.is_accessible(free),
            };
            pool.quiz
                .extend(m.quiz.iter().map(|q| candidate(&q.id, q.free, &q.concepts)));
            pool.scenarios.extend(
                m.practice_scenarios
                    .iter()
                    .map(|s| candidate(&s.id, s.free, &s.concepts)),
            );
            pool.exercises.extend(
                m.exercises
                    .iter()
                    .map(|e| candidate(&e.id, e.free, &e.concepts)),
            );
        }
        Ok(pool)
    }
}

/// The ability model sees a module's concepts under module-qualified keys.
fn keyed_by_module(module: &Module, mut info: QuestionInfo) -> QuestionInfo {
    info.concepts = info
        .concepts
        .iter()
        .map(|c| concept_key(&module.id, c))
        .collect();
    info
}
