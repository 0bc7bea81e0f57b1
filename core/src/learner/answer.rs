//! Answering: grade, schedule the next review and store it all at once.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{not_found, Learner};
use crate::analyzer::{self, Analysis, IdeaCheck, WrittenReview};
use crate::content::ItemRef;
use crate::error::{Error, Result};
use crate::scheduler::{self, CardState, Rating};
use crate::storage::{AnswerUndo, Attempt, ItemKind, ReviewRecord};

/// How many recent correct answers define the learner's typical time.
const TYPICAL_TIME_WINDOW: usize = 20;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChoiceFeedback {
    pub correct: bool,
    pub saved: bool,
    pub chosen: usize,
    pub correct_choice: usize,
    /// For a quiz question, its explanation; for a scenario, the annotation
    /// of the chosen response.
    pub explanation: String,
    /// For a scenario answered wrongly, the annotation of the best response.
    pub best_annotation: Option<String>,
    pub rating: Rating,
    pub next_due: DateTime<Utc>,
    pub challenge_completed: bool,
    /// The streak counting today, when this answer completed the challenge.
    pub streak: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExerciseFeedback {
    pub saved: bool,
    pub analysis: Analysis,
    /// For an explanation module, which key ideas the answer covers; empty
    /// for a story, whose structure is in `analysis`.
    pub key_ideas: Vec<IdeaCheck>,
    pub rating: Rating,
    pub next_due: DateTime<Utc>,
    pub model_answer: String,
    pub checklist: Vec<String>,
    pub challenge_completed: bool,
    /// The streak counting today, when this answer completed the challenge.
    pub streak: Option<u32>,
}

impl Learner {
    /// Records an answer to a quiz question or scenario (`choice` is 0-based).
    pub fn answer_choice(
        &mut self,
        id: &str,
        choice: usize,
        duration_ms: u32,
        now: DateTime<Utc>,
    ) -> Result<ChoiceFeedback> {
        let item = self.accessible_item(id)?;
        let (kind, options, correct_choice) = match item {
            ItemRef::Quiz(q) => (ItemKind::Quiz, q.options.len(), q.answer),
            ItemRef::Scenario(s) => (ItemKind::Scenario, s.responses.len(), s.best),
            ItemRef::Exercise(_) | ItemRef::OpenPractice(_) => {
                return Err(Error::InvalidInput(format!(
                    "{id} is a written exercise: answer it with text"
                )))
            }
        };
        if choice >= options {
            return Err(Error::InvalidInput(format!(
                "choice {choice} is out of range: {id} has options 0 to {}",
                options - 1
            )));
        }
        let (explanation, best_annotation) = match item {
            ItemRef::Quiz(q) => (q.explanation.clone(), None),
            ItemRef::Scenario(s) => (
                s.responses[choice].annotation.clone(),
                (choice != s.best).then(|| s.responses[s.best].annotation.clone()),
            ),
            _ => unreachable!("written items returned above"),
        };
        let correct = choice == correct_choice;
        let stored = self.stored_state(id)?;
        let typical = self.typical_duration(id)?;
        let mature = stored.as_ref().is_some_and(CardState::is_mature);
        let rating = scheduler::grade_choice(correct, duration_ms, typical, mature);
        let attempt = Attempt::Choice {
            choice: choice as u32,
            correct,
        };
        let (next_due, challenge_completed, streak) =
            self.record(id, kind, stored, rating, duration_ms, &attempt, now)?;
        self.observe_quiz_answer(id, correct);
        Ok(ChoiceFeedback {
            correct,
            saved: true,
            chosen: choice,
            correct_choice,
            explanation,
            best_annotation,
            rating,
            next_due,
            challenge_completed,
            streak,
        })
    }

    /// Records a written answer to an exercise or the open practice, analyzed
    /// on the device; its tier sets the review rating.
    pub fn answer_text(
        &mut self,
        id: &str,
        text: &str,
        duration_ms: u32,
        now: DateTime<Utc>,
    ) -> Result<ExerciseFeedback> {
        let (model_answer, checklist, ideas) = match self.accessible_item(id)? {
            ItemRef::Exercise(e) => (
                e.model_answer.clone(),
                e.checklist.clone(),
                e.key_ideas.as_slice(),
            ),
            ItemRef::OpenPractice(p) => (
                p.model_answer.clone(),
                p.rubric.iter().map(|r| r.descriptor.clone()).collect(),
                p.key_ideas.as_slice(),
            ),
            ItemRef::Quiz(_) | ItemRef::Scenario(_) => {
                return Err(Error::InvalidInput(format!(
                    "{id} is a multiple-choice item: answer it with an option number"
                )))
            }
        };
        let (module, _) = self.catalog.item(id).ok_or_else(|| not_found("item", id))?;
        let WrittenReview { analysis, ideas } =
            analyzer::review_answer(module.answer_kind, &module.analysis, ideas, text)?;
        let analysis_json = serde_json::to_string(&analysis)
            .map_err(|e| Error::InvalidInput(format!("analysis: {e}")))?;
        let rating = scheduler::grade_tier(analysis.tier);
        let stored = self.stored_state(id)?;
        let attempt = Attempt::Text {
            text,
            tier: analysis.tier,
            score: analysis.score,
            analysis_json: &analysis_json,
        };
        let (next_due, challenge_completed, streak) = self.record(
            id,
            ItemKind::Exercise,
            stored,
            rating,
            duration_ms,
            &attempt,
            now,
        )?;
        Ok(ExerciseFeedback {
            saved: true,
            analysis,
            key_ideas: ideas,
            rating,
            next_due,
            model_answer,
            checklist,
            challenge_completed,
            streak,
        })
    }

    /// The item's learning state, or `None` if the learner never met it.
    fn stored_state(&self, id: &str) -> Result<Option<CardState>> {
        Ok(self.storage.item(id)?.map(|item| item.state))
    }

    /// The learner's median time for correct answers to items of the same
    /// kind (quiz questions of the same type, or scenarios).
    fn typical_duration(&self, id: &str) -> Result<Option<u32>> {
        let peer_group = |item: Option<ItemRef<'_>>| match item {
            Some(ItemRef::Quiz(q)) => Some(Some(q.kind)),
            Some(ItemRef::Scenario(_)) => Some(None),
            _ => None,
        };
        let group = peer_group(self.item(id)).ok_or_else(|| not_found("quiz question", id))?;
        let is_peer = |other: &str| peer_group(self.item(other)) == Some(group);
        Ok(self
            .storage
            .typical_duration_ms(is_peer, TYPICAL_TIME_WINDOW)?)
    }

    #[allow(clippy::too_many_arguments)]
    fn record(
        &mut self,
        id: &str,
        kind: ItemKind,
        stored: Option<CardState>,
        rating: Rating,
        duration_ms: u32,
        attempt: &Attempt<'_>,
        now: DateTime<Utc>,
    ) -> Result<(DateTime<Utc>, bool, Option<u32>)> {
        let module_id = self
            .catalog
            .item(id)
            .map(|(module, _)| module.id.clone())
            .ok_or_else(|| not_found("item", id))?;
        let before = stored.clone().unwrap_or_else(|| CardState::new_item(now));
        let outcome = self.scheduler.review(id, &before, rating, now)?;
        let stamp = self.stamp(now);
        let review = ReviewRecord {
            item_id: id,
            module_id: &module_id,
            kind,
            stamp: &stamp,
            rating,
            duration_ms,
            before: &before,
            elapsed_days: outcome.elapsed_days,
            after: &outcome.state,
        };
        let recorded = self.storage.record_answer(&review, attempt)?;
        self.undo = Some(AnswerUndo {
            review_id: recorded.review_id,
            item_id: id.to_owned(),
            kind,
            before: stored,
        });
        let streak = match recorded.challenge_completed {
            true => Some(self.streak(now)?.current),
            false => None,
        };
        Ok((outcome.state.due, recorded.challenge_completed, streak))
    }

    /// Takes back the last answer given through this learner, if nothing was
    /// answered since: the item is due again as before and today's challenge
    /// counts it open. Returns the item to ask again.
    pub fn undo_last_answer(&mut self) -> Result<Option<(String, ItemKind)>> {
        let Some(undo) = self.undo.take() else {
            return Ok(None);
        };
        if !self.storage.undo_answer(&undo)? {
            return Ok(None);
        }
        // The online ability estimate included the answer: rebuild it.
        self.ability = None;
        Ok(Some((undo.item_id, undo.kind)))
    }

    /// The order to show a quiz question's or scenario's options in this
    /// time: `order[shown] = option index`. It changes after every answer.
    pub fn option_order(&self, id: &str) -> Result<Vec<usize>> {
        let options = match self.accessible_item(id)? {
            ItemRef::Quiz(q) => q.options.len(),
            ItemRef::Scenario(s) => s.responses.len(),
            ItemRef::Exercise(_) | ItemRef::OpenPractice(_) => {
                return Err(Error::InvalidInput(format!(
                    "{id} is a written exercise: it has no options"
                )))
            }
        };
        let attempt = self.storage.answer_count(id)?;
        Ok(crate::quiz::option_order(self.seed, id, attempt, options))
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::content::{bundled_packs, Exercise, Tier};

    fn learner_on(module_id: &str) -> Learner {
        let (_, pack) = bundled_packs()
            .into_iter()
            .find(|(_, p)| p.module.id == module_id)
            .expect("bundled module");
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 12, 0, 0).unwrap();
        Learner::open_in_memory("America/New_York", pack, None, now).unwrap()
    }

    fn first_free_exercise(learner: &Learner) -> Exercise {
        let exercises = &learner.module().exercises;
        exercises.iter().find(|e| e.free).unwrap().clone()
    }

    #[test]
    fn an_explanation_is_graded_on_its_key_ideas_not_as_a_story() {
        let mut learner = learner_on("overfitting");
        let exercise = first_free_exercise(&learner);
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 12, 5, 0).unwrap();
        let good = learner
            .answer_text(&exercise.id, &exercise.model_answer, 60_000, now)
            .unwrap();
        assert_eq!(good.key_ideas.len(), exercise.key_ideas.len());
        assert!(
            good.key_ideas.iter().all(|i| i.covered),
            "{:#?}",
            good.key_ideas
        );
        assert_eq!(good.analysis.tier, Tier::Exemplary);
        assert!(good.analysis.missing_parts.is_empty());
        let story_kinds = [
            analyzer::FindingKind::MissingTakeaway,
            analyzer::FindingKind::MissingPart,
            analyzer::FindingKind::Ownership,
        ];
        let slogan = learner
            .answer_text(
                &exercise.id,
                exercise.before.as_deref().unwrap(),
                20_000,
                now,
            )
            .unwrap();
        assert_eq!(slogan.analysis.tier, Tier::Weak);
        assert!(slogan
            .analysis
            .findings
            .iter()
            .all(|f| !story_kinds.contains(&f.kind)));
    }

    #[test]
    fn a_story_module_uses_its_own_analysis_profile() {
        let mut learner = learner_on("conflict-story");
        assert_eq!(learner.module().analysis.strong_takeaway_share, 0.15);
        let exercise = first_free_exercise(&learner);
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 12, 5, 0).unwrap();
        let feedback = learner
            .answer_text(&exercise.id, &exercise.model_answer, 60_000, now)
            .unwrap();
        assert!(feedback.key_ideas.is_empty());
        assert!(matches!(
            feedback.analysis.tier,
            Tier::Strong | Tier::Exemplary
        ));
        assert!(!feedback.analysis.segments.is_empty());
    }
}
