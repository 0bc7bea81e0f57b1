//! Id lookups over a module: progress, the scheduler and the unlock gate hold
//! item ids, and these turn an id back into the item it names.

use super::model::*;

/// A learner-facing item that can be practised and scheduled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ItemRef<'a> {
    Quiz(&'a QuizQuestion),
    Scenario(&'a PracticeScenario),
    Exercise(&'a Exercise),
    OpenPractice(&'a OpenPractice),
}

impl<'a> ItemRef<'a> {
    pub fn id(&self) -> &'a str {
        match self {
            ItemRef::Quiz(q) => &q.id,
            ItemRef::Scenario(s) => &s.id,
            ItemRef::Exercise(e) => &e.id,
            ItemRef::OpenPractice(o) => &o.id,
        }
    }

    /// Whether the item is usable before the one-time unlock.
    pub fn is_free(&self) -> bool {
        match self {
            ItemRef::Quiz(q) => q.free,
            ItemRef::Scenario(s) => s.free,
            ItemRef::Exercise(e) => e.free,
            ItemRef::OpenPractice(o) => o.free,
        }
    }

    /// The concept tags the item practises; the open practice covers none
    /// explicitly because it is assessed as a whole answer.
    pub fn concepts(&self) -> &'a [String] {
        match self {
            ItemRef::Quiz(q) => &q.concepts,
            ItemRef::Scenario(s) => &s.concepts,
            ItemRef::Exercise(e) => &e.concepts,
            ItemRef::OpenPractice(_) => &[],
        }
    }
}

impl Module {
    pub fn quiz_question(&self, id: &str) -> Option<&QuizQuestion> {
        self.quiz.iter().find(|q| q.id == id)
    }

    pub fn practice_scenario(&self, id: &str) -> Option<&PracticeScenario> {
        self.practice_scenarios.iter().find(|s| s.id == id)
    }

    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// Any practisable item by id; ids are unique across a validated pack.
    pub fn item(&self, id: &str) -> Option<ItemRef<'_>> {
        self.quiz_question(id)
            .map(ItemRef::Quiz)
            .or_else(|| self.practice_scenario(id).map(ItemRef::Scenario))
            .or_else(|| self.exercise(id).map(ItemRef::Exercise))
            .or_else(|| (self.open_practice.id == id).then_some(ItemRef::OpenPractice(&self.open_practice)))
    }
}
