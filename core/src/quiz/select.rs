//! Choosing the next question of a session.

use std::collections::{HashMap, HashSet};

use super::{AbilityModel, QuestionInfo};

/// Success rate the quiz aims for when the caller has no preference: hard
/// enough to teach, easy enough to keep going.
pub const DEFAULT_TARGET: f64 = 0.775;
/// Each question already asked on a concept this session counts as this much
/// extra ability, so the weakest concept leads and the others still get a turn.
const COVERAGE_PENALTY: f64 = 0.75;
/// A due review predicted this close to the target is taken on any pick.
const DUE_NEAR_TARGET: f64 = 0.1;

/// The id of the next question to ask, or `None` when every candidate has
/// been asked this session.
///
/// Rules, in order:
/// 1. never a question in `asked_this_session`;
/// 2. a due review (one of `due` among the candidates) on every other pick
///    (the first, third, ...), or whenever one is predicted within 0.1 of the
///    target; among due ones, the closest to the target;
/// 3. otherwise the weakest concept first, where each question already asked
///    on a concept this session makes it look 0.75 logit stronger;
/// 4. within that concept, the question whose predicted success is closest to
///    `target` (a non-finite target means [`DEFAULT_TARGET`]).
///
/// Ties go to the smaller id, so the choice is fully deterministic.
pub fn choose_next(
    model: &AbilityModel,
    candidates: &[QuestionInfo],
    due: &[String],
    asked_this_session: &HashSet<String>,
    target: f64,
) -> Option<String> {
    let target = if target.is_finite() {
        target.clamp(0.0, 1.0)
    } else {
        DEFAULT_TARGET
    };
    let open: Vec<&QuestionInfo> = candidates
        .iter()
        .filter(|q| !asked_this_session.contains(&q.id))
        .collect();

    let due: HashSet<&str> = due.iter().map(String::as_str).collect();
    let open_due: Vec<&QuestionInfo> = open
        .iter()
        .copied()
        .filter(|q| due.contains(q.id.as_str()))
        .collect();
    if let Some((question, distance)) = closest_to_target(model, &open_due, target) {
        let due_turn = asked_this_session.len() % 2 == 0;
        if due_turn || distance <= DUE_NEAR_TARGET {
            return Some(question.id.clone());
        }
    }

    let coverage = session_coverage(candidates, asked_this_session);
    let focus: Vec<&QuestionInfo> = match weakest_concept(model, &open, &coverage) {
        Some(concept) => open
            .iter()
            .copied()
            .filter(|q| q.concepts.iter().any(|c| c == concept))
            .collect(),
        None => open,
    };
    closest_to_target(model, &focus, target).map(|(q, _)| q.id.clone())
}

fn closest_to_target<'q>(
    model: &AbilityModel,
    questions: &[&'q QuestionInfo],
    target: f64,
) -> Option<(&'q QuestionInfo, f64)> {
    questions
        .iter()
        .map(|q| (*q, (model.predict(q) - target).abs()))
        .min_by(|(a, da), (b, db)| da.total_cmp(db).then_with(|| a.id.cmp(&b.id)))
}

/// How many questions asked this session touched each concept.
fn session_coverage<'q>(
    candidates: &'q [QuestionInfo],
    asked: &HashSet<String>,
) -> HashMap<&'q str, u32> {
    let mut coverage = HashMap::new();
    for q in candidates.iter().filter(|q| asked.contains(&q.id)) {
        for c in &q.concepts {
            *coverage.entry(c.as_str()).or_insert(0) += 1;
        }
    }
    coverage
}

/// The concept, among those the open questions touch, with the lowest
/// ability after the session-coverage penalty.
fn weakest_concept<'q>(
    model: &AbilityModel,
    open: &[&'q QuestionInfo],
    coverage: &HashMap<&str, u32>,
) -> Option<&'q str> {
    let score = |concept: &str| {
        let asked = coverage.get(concept).copied().unwrap_or(0);
        model.concept_ability(concept) + COVERAGE_PENALTY * f64::from(asked)
    };
    open.iter()
        .flat_map(|q| q.concepts.iter().map(String::as_str))
        .min_by(|a, b| score(a).total_cmp(&score(b)).then_with(|| a.cmp(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: &str, concept: &str, difficulty: f64) -> QuestionInfo {
        QuestionInfo {
            id: id.to_owned(),
            concepts: vec![concept.to_owned()],
            difficulty,
            options: 4,
        }
    }

    fn asked(ids: &[&str]) -> HashSet<String> {
        ids.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn picks_the_question_closest_to_the_target() {
        let model = AbilityModel::new();
        // At ability 0 with four options, P = 0.775 needs difficulty ≈ -0.85.
        let bank = [
            question("easy", "a", -3.0),
            question("right", "a", -0.8),
            question("hard", "a", 2.0),
        ];
        let next = choose_next(&model, &bank, &[], &asked(&[]), 0.775);
        assert_eq!(next.as_deref(), Some("right"));
    }

    #[test]
    fn never_repeats_and_ends_when_exhausted() {
        let model = AbilityModel::new();
        let bank = [question("a1", "a", 0.0), question("a2", "a", 0.1)];
        let mut seen = asked(&[]);
        while let Some(id) = choose_next(&model, &bank, &[], &seen, DEFAULT_TARGET) {
            assert!(seen.insert(id), "repeated a question");
        }
        assert_eq!(seen.len(), 2);
    }

    #[test]
    fn weakest_concept_comes_first_then_others_get_a_turn() {
        let mut model = AbilityModel::new();
        for i in 0..8 {
            model.update(&question(&format!("w{i}"), "weak", 0.0), false);
            model.update(&question(&format!("s{i}"), "strong", 0.0), true);
        }
        let mut bank: Vec<QuestionInfo> = (1..=6)
            .map(|i| question(&format!("weak-q{i}"), "weak", 0.0))
            .collect();
        bank.push(question("strong-q", "strong", 0.0));
        let mut session = asked(&[]);
        let mut order = Vec::new();
        while let Some(id) = choose_next(&model, &bank, &[], &session, DEFAULT_TARGET) {
            session.insert(id.clone());
            order.push(id);
        }
        assert!(order[0].starts_with("weak"), "{order:?}");
        let strong_at = order.iter().position(|id| id == "strong-q");
        assert!(strong_at.is_some_and(|i| i < 5), "{order:?}");
    }

    #[test]
    fn due_reviews_come_every_other_pick() {
        let model = AbilityModel::new();
        let bank = [
            question("fit", "a", -0.85),
            question("due-far", "a", 3.0),
            question("due-far2", "a", 3.5),
        ];
        let due = vec!["due-far".to_owned(), "due-far2".to_owned()];
        let first = choose_next(&model, &bank, &due, &asked(&["x", "y"]), DEFAULT_TARGET);
        assert_eq!(first.as_deref(), Some("due-far"));
        let second = choose_next(&model, &bank, &due, &asked(&["x"]), DEFAULT_TARGET);
        assert_eq!(second.as_deref(), Some("fit"));
    }

    #[test]
    fn a_due_review_near_the_target_is_taken_on_any_pick() {
        let model = AbilityModel::new();
        let bank = [question("fit", "a", -0.85), question("due-near", "a", -0.6)];
        let due = vec!["due-near".to_owned()];
        let next = choose_next(&model, &bank, &due, &asked(&["x"]), DEFAULT_TARGET);
        assert_eq!(next.as_deref(), Some("due-near"));
    }

    #[test]
    fn due_ids_outside_the_candidates_are_ignored() {
        let model = AbilityModel::new();
        let bank = [question("only", "a", 0.0)];
        let due = vec!["missing".to_owned()];
        let next = choose_next(&model, &bank, &due, &asked(&[]), f64::NAN);
        assert_eq!(next.as_deref(), Some("only"));
        assert_eq!(choose_next(&model, &[], &due, &asked(&[]), 0.8), None);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn bank() -> impl Strategy<Value = Vec<QuestionInfo>> {
            prop::collection::vec((0usize..5, -4.0f64..4.0, 0usize..6), 0..30).prop_map(|qs| {
                qs.into_iter()
                    .enumerate()
                    .map(|(i, (concept, difficulty, options))| QuestionInfo {
                        id: format!("q{i}"),
                        concepts: vec![format!("c{concept}")],
                        difficulty,
                        options,
                    })
                    .collect()
            })
        }

        proptest! {
            #[test]
            fn picks_an_open_candidate_whenever_one_exists(
                bank in bank(),
                asked_mask in prop::collection::vec(any::<bool>(), 30),
                due_mask in prop::collection::vec(any::<bool>(), 30),
                target in 0.0f64..1.0,
            ) {
                let asked: HashSet<String> = bank
                    .iter()
                    .zip(&asked_mask)
                    .filter(|(_, a)| **a)
                    .map(|(q, _)| q.id.clone())
                    .collect();
                let due: Vec<String> = bank
                    .iter()
                    .zip(&due_mask)
                    .filter(|(_, d)| **d)
                    .map(|(q, _)| q.id.clone())
                    .collect();
                let next = choose_next(&AbilityModel::new(), &bank, &due, &asked, target);
                let open = bank.iter().any(|q| !asked.contains(&q.id));
                prop_assert_eq!(next.is_some(), open);
                if let Some(id) = next {
                    prop_assert!(!asked.contains(&id));
                    prop_assert!(bank.iter().any(|q| q.id == id));
                }
            }
        }
    }
}
