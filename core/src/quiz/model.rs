//! The learner model and its online update.
//!
//! The update is Elo with a decaying step, done the Glicko/Kalman way: every
//! estimate carries a variance that is its step size, and each answer shrinks
//! that variance by the information the answer carried. Early answers move the
//! estimates a lot, later ones less, and a floor keeps the model following a
//! learner who improves. Ability for a question is the learner's overall
//! ability plus the mean offset of the question's concepts, so a concept seen
//! for the first time starts at the learner's overall level, not at zero.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::QuestionInfo;

/// Estimates are kept inside this band; beyond it the model has nothing more
/// to say, and pathological histories must not run away to infinity.
const LOGIT_LIMIT: f64 = 8.0;
/// A new learner's overall ability is a priori within about ±3 logits.
const OVERALL_PRIOR_VARIANCE: f64 = 1.5 * 1.5;
/// A concept starts close to the learner's overall level.
const CONCEPT_PRIOR_VARIANCE: f64 = 0.7 * 0.7;
/// How far we trust the author's difficulty estimate in the pack.
const DIFFICULTY_PRIOR_VARIANCE: f64 = 0.5;
/// Step-size floors: learners improve, so ability must stay movable.
const ABILITY_MIN_VARIANCE: f64 = 0.06;
const DIFFICULTY_MIN_VARIANCE: f64 = 0.04;
/// Below this `p·(1 − p)` an answer carries no usable information.
const MIN_BERNOULLI_VARIANCE: f64 = 1e-9;

/// `P(correct) = g + (1 − g)·σ(ability − difficulty)`, `g = 1/options`.
///
/// Fewer than two options leave nothing to guess among, so no floor applies.
pub fn p_correct(ability: f64, difficulty: f64, options: usize) -> f64 {
    let guess = guess_rate(options);
    guess + (1.0 - guess) * sigmoid(ability - difficulty)
}

fn guess_rate(options: usize) -> f64 {
    if options >= 2 {
        1.0 / options as f64
    } else {
        0.0
    }
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Author-supplied numbers may be NaN or absurd; the model only sees sane ones.
fn sane_logit(x: f64) -> f64 {
    if x.is_finite() {
        x.clamp(-LOGIT_LIMIT, LOGIT_LIMIT)
    } else {
        0.0
    }
}

/// One estimated quantity on the logit scale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    pub value: f64,
    /// Uncertainty in logit²; it is also the step size of the next update.
    pub variance: f64,
    /// Answers that informed this estimate.
    pub answers: u32,
}

impl Estimate {
    fn prior(value: f64, variance: f64) -> Self {
        Estimate {
            value: sane_logit(value),
            variance,
            answers: 0,
        }
    }

    /// Applies one Kalman step. `weight` is how much this quantity enters the
    /// predicted logit (+1 ability, −1 difficulty, 1/k for one of k concepts).
    fn absorb(&mut self, step: &Step, weight: f64, min_variance: f64) {
        let gain = self.variance * weight / step.denominator;
        self.value = sane_logit(self.value + gain * step.score);
        let shrink = (self.variance * weight).powi(2) * step.information / step.denominator;
        self.variance = (self.variance - shrink).max(min_variance);
        self.answers = self.answers.saturating_add(1);
    }
}

/// The shared part of one answer's update.
struct Step {
    /// Gradient of the log-likelihood with respect to the predicted logit.
    score: f64,
    /// Fisher information of the answer about the logit.
    information: f64,
    /// `1 + information · variance(predicted logit)`.
    denominator: f64,
}

/// A concept's current ability, for stats and for picking weak concepts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConceptAbility {
    pub concept: String,
    pub ability: f64,
    pub answers: u32,
}

/// One recorded answer, for [`replay`].
#[derive(Debug, Clone, Copy)]
pub struct AnswerEvent<'a> {
    pub question: &'a QuestionInfo,
    pub correct: bool,
}

/// Per-learner ability (overall and per concept) and per-question difficulty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AbilityModel {
    overall: Estimate,
    /// Offset of each concept from the overall ability.
    concept_offsets: BTreeMap<String, Estimate>,
    /// Only questions that have been answered; others use the pack's value.
    questions: BTreeMap<String, Estimate>,
}

impl Default for AbilityModel {
    fn default() -> Self {
        AbilityModel {
            overall: Estimate::prior(0.0, OVERALL_PRIOR_VARIANCE),
            concept_offsets: BTreeMap::new(),
            questions: BTreeMap::new(),
        }
    }
}

/// Rebuilds the model from answers in the order they were given.
pub fn replay(answers: &[AnswerEvent<'_>]) -> AbilityModel {
    let mut model = AbilityModel::new();
    for answer in answers {
        model.update(answer.question, answer.correct);
    }
    model
}

impl AbilityModel {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn overall_ability(&self) -> f64 {
        self.overall.value
    }

    /// Ability on one concept; an unseen concept sits at the overall level.
    pub fn concept_ability(&self, concept: &str) -> f64 {
        self.overall.value + self.concept_offset(concept).value
    }

    /// Every concept answered so far, weakest first (ties by name).
    pub fn concept_abilities(&self) -> Vec<ConceptAbility> {
        let mut all: Vec<ConceptAbility> = self
            .concept_offsets
            .iter()
            .map(|(concept, offset)| ConceptAbility {
                concept: concept.clone(),
                ability: self.overall.value + offset.value,
                answers: offset.answers,
            })
            .collect();
        all.sort_by(|a, b| {
            a.ability
                .total_cmp(&b.ability)
                .then_with(|| a.concept.cmp(&b.concept))
        });
        all
    }

    /// The learner's ability on a question: overall plus the mean concept offset.
    pub fn ability_for(&self, concepts: &[String]) -> f64 {
        let concepts = distinct(concepts);
        if concepts.is_empty() {
            return self.overall.value;
        }
        let offsets: f64 = concepts.iter().map(|c| self.concept_offset(c).value).sum();
        self.overall.value + offsets / concepts.len() as f64
    }

    /// The current difficulty estimate: learned if answered, else the pack's.
    pub fn difficulty(&self, question: &QuestionInfo) -> f64 {
        self.question_estimate(question).value
    }

    /// Predicted probability that the learner answers `question` correctly.
    pub fn predict(&self, question: &QuestionInfo) -> f64 {
        p_correct(
            self.ability_for(&question.concepts),
            self.difficulty(question),
            question.options,
        )
    }

    /// Folds one answer into the overall ability, each concept of the
    /// question and the question's difficulty.
    pub fn update(&mut self, question: &QuestionInfo, correct: bool) {
        let concepts = distinct(&question.concepts);
        let mut offsets: Vec<Estimate> = concepts.iter().map(|c| self.concept_offset(c)).collect();
        let mut difficulty = self.question_estimate(question);

        let concept_weight = if concepts.is_empty() {
            0.0
        } else {
            1.0 / concepts.len() as f64
        };
        let ability =
            self.overall.value + offsets.iter().map(|o| o.value).sum::<f64>() * concept_weight;
        let logit_variance = self.overall.variance
            + offsets
                .iter()
                .map(|o| o.variance * concept_weight * concept_weight)
                .sum::<f64>()
            + difficulty.variance;
        let Some(step) = answer_step(
            ability - difficulty.value,
            question.options,
            correct,
            logit_variance,
        ) else {
            return;
        };

        self.overall.absorb(&step, 1.0, ABILITY_MIN_VARIANCE);
        for (concept, offset) in concepts.into_iter().zip(offsets.iter_mut()) {
            offset.absorb(&step, concept_weight, ABILITY_MIN_VARIANCE);
            self.concept_offsets.insert(concept.to_owned(), *offset);
        }
        difficulty.absorb(&step, -1.0, DIFFICULTY_MIN_VARIANCE);
        self.questions.insert(question.id.clone(), difficulty);
    }

    fn concept_offset(&self, concept: &str) -> Estimate {
        self.concept_offsets
            .get(concept)
            .copied()
            .unwrap_or(Estimate::prior(0.0, CONCEPT_PRIOR_VARIANCE))
    }

    fn question_estimate(&self, question: &QuestionInfo) -> Estimate {
        self.questions
            .get(&question.id)
            .copied()
            .unwrap_or(Estimate::prior(
                question.difficulty,
                DIFFICULTY_PRIOR_VARIANCE,
            ))
    }
}

/// Score and information of one answer at the predicted logit; `None` when the
/// outcome was certain in advance and so teaches nothing.
fn answer_step(logit: f64, options: usize, correct: bool, logit_variance: f64) -> Option<Step> {
    let guess = guess_rate(options);
    let s = sigmoid(logit);
    let p = guess + (1.0 - guess) * s;
    let bernoulli = p * (1.0 - p);
    if bernoulli.is_nan() || bernoulli <= MIN_BERNOULLI_VARIANCE {
        return None;
    }
    let slope = (1.0 - guess) * s * (1.0 - s);
    let observed = if correct { 1.0 } else { 0.0 };
    let information = slope * slope / bernoulli;
    Some(Step {
        score: (observed - p) * slope / bernoulli,
        information,
        denominator: 1.0 + information * logit_variance,
    })
}

/// A question listing a concept twice must not count it twice.
fn distinct(concepts: &[String]) -> Vec<&str> {
    let mut seen: Vec<&str> = Vec::with_capacity(concepts.len());
    for c in concepts {
        if !seen.contains(&c.as_str()) {
            seen.push(c);
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: &str, concepts: &[&str], difficulty: f64) -> QuestionInfo {
        QuestionInfo {
            id: id.to_owned(),
            concepts: concepts.iter().map(|c| (*c).to_owned()).collect(),
            difficulty,
            options: 4,
        }
    }

    #[test]
    fn p_correct_has_the_guessing_floor_and_midpoint() {
        assert!((p_correct(0.0, 0.0, 4) - 0.625).abs() < 1e-12);
        assert!((p_correct(-40.0, 0.0, 4) - 0.25).abs() < 1e-9);
        assert!((p_correct(40.0, 0.0, 2) - 1.0).abs() < 1e-9);
        assert!((p_correct(0.0, 0.0, 1) - 0.5).abs() < 1e-12);
        assert!((p_correct(0.0, 0.0, 0) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn a_correct_answer_raises_ability_and_lowers_difficulty() {
        let q = question("q1", &["ownership"], 0.5);
        let mut model = AbilityModel::new();
        model.update(&q, true);
        assert!(model.concept_ability("ownership") > 0.0);
        assert!(model.overall_ability() > 0.0);
        assert!(model.difficulty(&q) < 0.5);

        let mut model = AbilityModel::new();
        model.update(&q, false);
        assert!(model.concept_ability("ownership") < 0.0);
        assert!(model.difficulty(&q) > 0.5);
    }

    #[test]
    fn steps_shrink_as_answers_accumulate() {
        let first = model_step_after(0);
        let later = model_step_after(30);
        assert!(later < first / 3.0, "first {first}, later {later}");
    }

    /// Size of the ability move caused by one correct answer after `n` mixed answers.
    fn model_step_after(n: usize) -> f64 {
        let mut model = AbilityModel::new();
        for i in 0..n {
            let q = question(&format!("warm{i}"), &["c"], 0.0);
            model.update(&q, i % 2 == 0);
        }
        let before = model.overall_ability();
        model.update(&question("probe", &["c"], 0.0), true);
        model.overall_ability() - before
    }

    #[test]
    fn unseen_concepts_start_at_the_overall_level() {
        let mut model = AbilityModel::new();
        for i in 0..20 {
            model.update(&question(&format!("q{i}"), &["a"], 0.0), true);
        }
        assert!(model.overall_ability() > 1.0);
        assert_eq!(model.concept_ability("never-seen"), model.overall_ability());
    }

    #[test]
    fn concepts_are_listed_weakest_first() {
        let mut model = AbilityModel::new();
        for i in 0..6 {
            model.update(&question(&format!("a{i}"), &["strong"], 0.0), true);
            model.update(&question(&format!("b{i}"), &["weak"], 0.0), false);
        }
        let names: Vec<String> = model
            .concept_abilities()
            .into_iter()
            .map(|c| c.concept)
            .collect();
        assert_eq!(names, ["weak", "strong"]);
    }

    #[test]
    fn degenerate_input_never_yields_nan() {
        let mut model = AbilityModel::new();
        let bad = [
            question("nan", &["c", "c"], f64::NAN),
            question("inf", &[], f64::INFINITY),
            QuestionInfo {
                options: 1,
                ..question("one", &["c"], 0.0)
            },
            QuestionInfo {
                options: 0,
                ..question("zero", &["c"], -1e300)
            },
        ];
        for _ in 0..500 {
            for q in &bad {
                model.update(q, true);
            }
        }
        for q in &bad {
            assert!(model.predict(q).is_finite());
            assert!(model.difficulty(q).abs() <= LOGIT_LIMIT);
        }
        assert!(model.overall_ability().abs() <= LOGIT_LIMIT);
    }

    #[test]
    fn replay_equals_online_updates_and_survives_json() {
        let qs = [
            question("q1", &["a"], -1.0),
            question("q2", &["a", "b"], 1.0),
        ];
        let events: Vec<AnswerEvent> = [(0, true), (1, false), (1, true), (0, true)]
            .iter()
            .map(|&(i, correct)| AnswerEvent {
                question: &qs[i],
                correct,
            })
            .collect();
        let mut online = AbilityModel::new();
        for e in &events {
            online.update(e.question, e.correct);
        }
        assert_eq!(replay(&events), online);

        // JSON may round the last bit of a float, so compare what the model predicts.
        let json = serde_json::to_string(&online).expect("model serializes");
        let back: AbilityModel = serde_json::from_str(&json).expect("model deserializes");
        for q in &qs {
            assert!((back.predict(q) - online.predict(q)).abs() < 1e-12);
        }
        assert_eq!(back.concept_abilities().len(), 2);
    }
}
