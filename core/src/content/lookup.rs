//! Id lookups over a module: progress, the scheduler and the unlock gate hold
//! item ids, and these turn an id back into the item it names.

use super::model::*;

/// A learner-facing item that can be practiced and scheduled.
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

    /// The concept tags the item practices; the open practice covers none
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
    /// The ids of every practisable item: what progress is stored under.
    pub fn item_ids(&self) -> impl Iterator<Item = &str> + '_ {
        let quiz = self.quiz.iter().map(|q| q.id.as_str());
        let scenarios = self.practice_scenarios.iter().map(|s| s.id.as_str());
        let exercises = self.exercises.iter().map(|e| e.id.as_str());
        quiz.chain(scenarios)
            .chain(exercises)
            .chain(std::iter::once(self.open_practice.id.as_str()))
    }

    pub fn quiz_question(&self, id: &str) -> Option<&QuizQuestion> {
        self.quiz.iter().find(|q| q.id == id)
    }

    pub fn practice_scenario(&self, id: &str) -> Option<&PracticeScenario> {
        self.practice_scenarios.iter().find(|s| s.id == id)
    }

    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// Any item that can be practiced, by id; ids are unique across a validated pack.
    pub fn item(&self, id: &str) -> Option<ItemRef<'_>> {
        self.quiz_question(id)
            .map(ItemRef::Quiz)
            .or_else(|| self.practice_scenario(id).map(ItemRef::Scenario))
            .or_else(|| self.exercise(id).map(ItemRef::Exercise))
            .or_else(|| {
                (self.open_practice.id == id).then_some(ItemRef::OpenPractice(&self.open_practice))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::embedded_pack;

    #[test]
    fn typed_lookups_find_items_by_id() {
        let m = embedded_pack().module;
        let q = &m.quiz[3];
        assert_eq!(m.quiz_question(&q.id), Some(q));
        let s = &m.practice_scenarios[1];
        assert_eq!(m.practice_scenario(&s.id), Some(s));
        let e = &m.exercises[2];
        assert_eq!(m.exercise(&e.id), Some(e));
        assert_eq!(
            m.quiz_question(&s.id),
            None,
            "lookups stay within their kind"
        );
        assert_eq!(m.exercise("no-such-id"), None);
    }

    #[test]
    fn item_resolves_every_kind_that_is_practiced() {
        let m = embedded_pack().module;
        let expected = [
            ItemRef::Quiz(&m.quiz[0]),
            ItemRef::Scenario(&m.practice_scenarios[0]),
            ItemRef::Exercise(&m.exercises[0]),
            ItemRef::OpenPractice(&m.open_practice),
        ];
        for want in expected {
            assert_eq!(m.item(want.id()), Some(want));
        }
        assert_eq!(m.item(&m.faq[0].id), None, "faq entries are not practiced");
        assert_eq!(m.item(""), None);
    }

    #[test]
    fn item_ref_reports_free_flag_and_concepts() {
        let m = embedded_pack().module;
        let free_q = m.quiz.iter().find(|q| q.free).expect("a free question");
        let locked_q = m.quiz.iter().find(|q| !q.free).expect("a locked question");
        assert!(ItemRef::Quiz(free_q).is_free());
        assert!(!ItemRef::Quiz(locked_q).is_free());
        assert_eq!(ItemRef::Quiz(free_q).concepts(), free_q.concepts.as_slice());
        let ex = &m.exercises[1];
        assert_eq!(
            m.item(&ex.id).map(|i| i.concepts()),
            Some(ex.concepts.as_slice())
        );
        assert_eq!(
            ItemRef::OpenPractice(&m.open_practice).concepts(),
            &[] as &[String]
        );
        assert_eq!(
            ItemRef::OpenPractice(&m.open_practice).is_free(),
            m.open_practice.free
        );
    }
}

/// Where an id lives in a module, for constant-time lookups on large packs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Quiz(usize),
    Scenario(usize),
    Exercise(usize),
    OpenPractice,
}

/// An id → item index over one module, built once; the module must not change
/// while the index is used with it.
#[derive(Debug, Clone, Default)]
pub struct ItemIndex {
    slots: std::collections::HashMap<String, Slot>,
}

impl ItemIndex {
    pub fn new(module: &Module) -> Self {
        let quiz = module
            .quiz
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), Slot::Quiz(i)));
        let scenarios = module
            .practice_scenarios
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), Slot::Scenario(i)));
        let exercises = module
            .exercises
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), Slot::Exercise(i)));
        let practice = std::iter::once((module.open_practice.id.clone(), Slot::OpenPractice));
        ItemIndex {
            slots: quiz
                .chain(scenarios)
                .chain(exercises)
                .chain(practice)
                .collect(),
        }
    }

    pub fn get<'a>(&self, module: &'a Module, id: &str) -> Option<ItemRef<'a>> {
        Some(match *self.slots.get(id)? {
            Slot::Quiz(i) => ItemRef::Quiz(module.quiz.get(i)?),
            Slot::Scenario(i) => ItemRef::Scenario(module.practice_scenarios.get(i)?),
            Slot::Exercise(i) => ItemRef::Exercise(module.exercises.get(i)?),
            Slot::OpenPractice => ItemRef::OpenPractice(&module.open_practice),
        })
    }
}

#[cfg(test)]
mod index_tests {
    use super::*;
    use crate::content::embedded_pack;

    #[test]
    fn the_index_finds_exactly_what_the_linear_lookup_finds() {
        let module = embedded_pack().module;
        let index = ItemIndex::new(&module);
        let ids = module
            .quiz
            .iter()
            .map(|q| q.id.as_str())
            .chain(module.practice_scenarios.iter().map(|s| s.id.as_str()))
            .chain(module.exercises.iter().map(|e| e.id.as_str()))
            .chain([module.open_practice.id.as_str(), "no-such-id"]);
        for id in ids {
            assert_eq!(index.get(&module, id), module.item(id), "{id}");
        }
    }
}
