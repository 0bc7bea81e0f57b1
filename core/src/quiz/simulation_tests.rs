//! Simulated learners prove that the quiz adapts: each answer is drawn from
//! the response model at the learner's true ability and the question's true
//! difficulty, and we check what the quiz served and what it learned.

use std::collections::{HashMap, HashSet};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::{choose_next, p_correct, AbilityModel, QuestionInfo, DEFAULT_TARGET};

const CONCEPTS: [&str; 4] = ["ownership", "takeaway", "specifics", "stakes"];
const BANK_SIZE: usize = 200;
const OPTIONS: usize = 4;

struct Bank {
    questions: Vec<QuestionInfo>,
    true_difficulty: Vec<f64>,
    index: HashMap<String, usize>,
}

/// A bank whose pack difficulties are the truth plus Gaussian noise of `pack_noise` sd.
fn bank(seed: u64, pack_noise: f64) -> Bank {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut questions = Vec::with_capacity(BANK_SIZE);
    let mut true_difficulty = Vec::with_capacity(BANK_SIZE);
    for i in 0..BANK_SIZE {
        let truth = rng.gen_range(-3.0..3.0);
        questions.push(QuestionInfo {
            id: format!("q{i:03}"),
            concepts: vec![CONCEPTS[i % CONCEPTS.len()].to_owned()],
            difficulty: truth + pack_noise * gaussian(&mut rng),
            options: OPTIONS,
        });
        true_difficulty.push(truth);
    }
    let index = questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.clone(), i))
        .collect();
    Bank {
        questions,
        true_difficulty,
        index,
    }
}

/// Box–Muller: rand 0.8 alone has no normal distribution.
fn gaussian(rng: &mut StdRng) -> f64 {
    let u1: f64 = rng.gen_range(f64::EPSILON..1.0);
    let u2: f64 = rng.gen();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// A learner's true ability on each concept.
fn true_ability(concept_abilities: &[f64; 4], question: &QuestionInfo) -> f64 {
    let i = CONCEPTS
        .iter()
        .position(|c| question.concepts.first().is_some_and(|q| q == c))
        .unwrap_or(0);
    concept_abilities[i]
}

/// Runs one session of `answers` questions; returns the indices served.
fn session(
    model: &mut AbilityModel,
    bank: &Bank,
    learner: &[f64; 4],
    answers: usize,
    rng: &mut StdRng,
) -> Vec<usize> {
    let mut asked = HashSet::new();
    let mut served = Vec::with_capacity(answers);
    for _ in 0..answers {
        let Some(id) = choose_next(model, &bank.questions, &[], &asked, DEFAULT_TARGET) else {
            break;
        };
        assert!(asked.insert(id.clone()), "{id} repeated within a session");
        let i = bank.index[&id];
        let question = &bank.questions[i];
        let p = p_correct(
            true_ability(learner, question),
            bank.true_difficulty[i],
            OPTIONS,
        );
        model.update(question, rng.gen::<f64>() < p);
        served.push(i);
    }
    served
}

fn mean(xs: impl IntoIterator<Item = f64>) -> f64 {
    let (sum, n) = xs.into_iter().fold((0.0, 0), |(s, n), x| (s + x, n + 1));
    sum / f64::from(n)
}

fn correlation(xs: &[f64], ys: &[f64]) -> f64 {
    let (mx, my) = (mean(xs.iter().copied()), mean(ys.iter().copied()));
    let cov: f64 = xs.iter().zip(ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let vx: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
    let vy: f64 = ys.iter().map(|y| (y - my).powi(2)).sum();
    cov / (vx * vy).sqrt()
}

const SEEDS: u64 = 20;
const SESSION: usize = 60;

/// What one simulated learner experienced, averaged over seeds.
struct Outcome {
    /// Mean true difficulty of all questions served.
    served: f64,
    /// Mean true difficulty of the last 20 questions served.
    late_served: f64,
    /// Mean |estimate − truth| of the overall ability after the session.
    error: f64,
    /// Mean signed error of the overall ability.
    bias: f64,
    /// Mean |estimate − truth| over the four concept abilities.
    concept_error: f64,
}

fn learner_outcome(ability: f64) -> Outcome {
    let learner = [ability; 4];
    let (mut served, mut late, mut bias, mut concept_error) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for seed in 0..SEEDS {
        let bank = bank(seed, 0.5);
        let mut model = AbilityModel::new();
        let mut rng = StdRng::seed_from_u64(1000 + seed);
        let picks = session(&mut model, &bank, &learner, SESSION, &mut rng);
        assert_eq!(picks.len(), SESSION);
        let difficulty = |picks: &[usize]| mean(picks.iter().map(|&i| bank.true_difficulty[i]));
        served.push(difficulty(&picks));
        late.push(difficulty(&picks[SESSION - 20..]));
        bias.push(model.overall_ability() - ability);
        concept_error.push(mean(
            CONCEPTS
                .iter()
                .map(|c| (model.concept_ability(c) - ability).abs()),
        ));
    }
    Outcome {
        served: mean(served),
        late_served: mean(late),
        error: mean(bias.iter().map(|b| b.abs())),
        bias: mean(bias),
        concept_error: mean(concept_error),
    }
}

/// The difficulty at which a learner of `ability` succeeds at the target rate.
fn ideal_difficulty(ability: f64) -> f64 {
    let guess = 1.0 / OPTIONS as f64;
    let above_guessing = (DEFAULT_TARGET - guess) / (1.0 - guess);
    ability - (above_guessing / (1.0 - above_guessing)).ln()
}

#[test]
fn strong_learners_get_harder_questions_and_estimates_converge() {
    for (name, ability) in [("strong", 1.5), ("weak", -1.5)] {
        let o = learner_outcome(ability);
        let ideal = ideal_difficulty(ability);
        println!(
            "{name} ({ability:+}): served difficulty {:.2} overall, {:.2} in the last 20 \
             (ideal {ideal:.2}); after {SESSION} answers |ability error| {:.2} (bias {:+.2}), \
             concepts {:.2}",
            o.served, o.late_served, o.error, o.bias, o.concept_error
        );
        assert!(o.error < 0.6 && o.concept_error < 0.6);
        assert!((o.late_served - ideal).abs() < 0.6);
    }
    let (strong, weak) = (learner_outcome(1.5), learner_outcome(-1.5));
    assert!(
        strong.served - weak.served > 1.5,
        "strong {}, weak {}",
        strong.served,
        weak.served
    );
    assert!(strong.late_served - weak.late_served > 2.0);
}

#[test]
fn weak_concepts_are_found_and_practised_most() {
    let learner = [-1.0, 0.0, 1.0, 2.0];
    let bank = bank(3, 0.5);
    let mut model = AbilityModel::new();
    let mut rng = StdRng::seed_from_u64(3);
    let mut per_concept = [0usize; 4];
    for _ in 0..4 {
        for i in session(&mut model, &bank, &learner, 30, &mut rng) {
            per_concept[i % CONCEPTS.len()] += 1;
        }
    }
    let estimates: Vec<f64> = CONCEPTS.iter().map(|c| model.concept_ability(c)).collect();
    println!(
        "concept estimates {estimates:.2?} for truth {learner:?}; questions served {per_concept:?}"
    );
    assert!(correlation(&estimates, &learner) > 0.9);
    assert!(per_concept[0] > per_concept[3]);
}

#[test]
fn difficulty_estimates_move_towards_the_truth() {
    let bank = bank(11, 1.0);
    let mut model = AbilityModel::new();
    let mut rng = StdRng::seed_from_u64(11);
    let mut answers = vec![0u32; BANK_SIZE];
    for _ in 0..40 {
        for i in session(&mut model, &bank, &[0.0; 4], 20, &mut rng) {
            answers[i] += 1;
        }
    }
    let practised: Vec<usize> = (0..BANK_SIZE).filter(|&i| answers[i] >= 3).collect();
    let truth: Vec<f64> = practised.iter().map(|&i| bank.true_difficulty[i]).collect();
    let seeded: Vec<f64> = practised
        .iter()
        .map(|&i| bank.questions[i].difficulty)
        .collect();
    let learned: Vec<f64> = practised
        .iter()
        .map(|&i| model.difficulty(&bank.questions[i]))
        .collect();
    let rmse = |xs: &[f64]| mean(xs.iter().zip(&truth).map(|(x, t)| (x - t).powi(2))).sqrt();
    let (seeded_rmse, learned_rmse) = (rmse(&seeded), rmse(&learned));
    let (seeded_r, learned_r) = (correlation(&seeded, &truth), correlation(&learned, &truth));
    println!(
        "{} questions answered >= 3 times: difficulty rmse {seeded_rmse:.2} -> {learned_rmse:.2}, \
         correlation {seeded_r:.2} -> {learned_r:.2}",
        practised.len()
    );
    assert!(practised.len() >= 30);
    assert!(learned_rmse < seeded_rmse * 0.85);
    assert!(learned_r > seeded_r);
}
