//! Building the day's challenge from a pool of candidates.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::stable_hash::{fnv1a, mix};

/// Quiz questions in a day's challenge.
pub const QUIZ_ITEMS: usize = 3;
/// Practice scenarios in a day's challenge.
pub const SCENARIO_ITEMS: usize = 1;
/// Short written exercises in a day's challenge.
pub const EXERCISE_ITEMS: usize = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChallengeKind {
    Quiz,
    Scenario,
    Exercise,
}

impl ChallengeKind {
    /// The name used in the CLI's JSON and in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            ChallengeKind::Quiz => "quiz",
            ChallengeKind::Scenario => "scenario",
            ChallengeKind::Exercise => "exercise",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChallengeItem {
    pub id: String,
    pub module: String,
    pub kind: ChallengeKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Challenge {
    pub learning_day: NaiveDate,
    /// Quiz questions first, then the scenario, then the exercise.
    pub items: Vec<ChallengeItem>,
}

/// One item the challenge may pick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: String,
    /// The module the item belongs to; a challenge mixes the modules offered.
    pub module: String,
    pub concepts: Vec<String>,
    /// Due for review today (from the scheduler).
    pub due: bool,
    /// When the learner last answered it; `None` if never.
    pub last_practised: Option<DateTime<Utc>>,
    /// False for content behind the unlock; such items are never picked.
    pub accessible: bool,
}

/// Everything the challenge may be built from.
///
/// The caller should leave locked items out; any that slip in with
/// `accessible: false` are skipped anyway.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChallengePool {
    pub quiz: Vec<Candidate>,
    pub scenarios: Vec<Candidate>,
    pub exercises: Vec<Candidate>,
    /// Concepts weakest first (e.g. from `AbilityModel::concept_abilities`).
    /// Concepts not listed are treated as no priority.
    pub weak_concepts: Vec<String>,
}

/// The challenge for `learning_day`: up to [`QUIZ_ITEMS`] quiz questions,
/// [`SCENARIO_ITEMS`] scenario and [`EXERCISE_ITEMS`] exercise, fewer when
/// the pool runs short.
///
/// Within each kind, items are ranked by: due before not due; then coming
/// from the module with the fewest picks so far in the whole challenge (so
/// every started module takes part); then, among items not due, never
/// practised before practised, and practised longest ago first (so a small
/// free set rotates instead of repeating yesterday's item); then bringing a
/// concept not yet covered by this kind's earlier picks; then touching the
/// weakest such concept (so three quiz questions spread over the three
/// weakest concepts); then a stable hash of `(learner_seed, learning_day,
/// id)`, which varies the choice from day to day and learner to learner while
/// reopening the same day gives the same challenge. An id is never picked
/// twice.
pub fn build_challenge(
    learning_day: NaiveDate,
    learner_seed: u64,
    pool: &ChallengePool,
) -> Challenge {
    let salt = day_salt(learner_seed, learning_day);
    let weak_rank = concept_ranks(&pool.weak_concepts);
    let mut chosen = HashSet::new();
    let mut per_module: HashMap<&str, usize> = HashMap::new();
    let mut items = Vec::new();
    for (candidates, count, kind) in [
        (&pool.quiz, QUIZ_ITEMS, ChallengeKind::Quiz),
        (&pool.scenarios, SCENARIO_ITEMS, ChallengeKind::Scenario),
        (&pool.exercises, EXERCISE_ITEMS, ChallengeKind::Exercise),
    ] {
        let mut picks = Picks {
            chosen: &mut chosen,
            per_module: &mut per_module,
        };
        for picked in picks.pick(candidates, count, &weak_rank, salt) {
            items.push(ChallengeItem {
                id: picked.id.clone(),
                module: picked.module.clone(),
                kind,
            });
        }
    }
    Challenge {
        learning_day,
        items,
    }
}

fn day_salt(learner_seed: u64, day: NaiveDate) -> u64 {
    // Reinterpreting the bits keeps every date, even before year 1, distinct.
    let day_number = i64::from(day.num_days_from_ce()) as u64;
    mix(learner_seed ^ mix(day_number))
}

fn concept_ranks(weak_concepts: &[String]) -> HashMap<&str, usize> {
    let mut ranks = HashMap::new();
    for (rank, concept) in weak_concepts.iter().enumerate() {
        ranks.entry(concept.as_str()).or_insert(rank);
    }
    ranks
}

/// What the challenge holds so far, across kinds.
struct Picks<'a, 'p> {
    chosen: &'a mut HashSet<&'p str>,
    per_module: &'a mut HashMap<&'p str, usize>,
}

impl<'p> Picks<'_, 'p> {
    fn pick(
        &mut self,
        candidates: &'p [Candidate],
        count: usize,
        weak_rank: &HashMap<&str, usize>,
        salt: u64,
    ) -> Vec<&'p Candidate> {
        let mut covered: HashSet<&str> = HashSet::new();
        let mut picked = Vec::with_capacity(count);
        while picked.len() < count {
            let best = candidates
                .iter()
                .filter(|c| c.accessible && !self.chosen.contains(c.id.as_str()))
                .min_by_key(|c| {
                    (
                        !c.due,
                        self.per_module.get(c.module.as_str()).copied().unwrap_or(0),
                        // Due items are all overdue alike; freshness ranks the rest.
                        if c.due { None } else { c.last_practised },
                        c.concepts.iter().all(|k| covered.contains(k.as_str())),
                        weakness(c, weak_rank, &covered),
                        mix(salt ^ fnv1a(&c.id)),
                        c.id.as_str(),
                    )
                });
            let Some(best) = best else { break };
            self.chosen.insert(best.id.as_str());
            *self.per_module.entry(best.module.as_str()).or_default() += 1;
            covered.extend(best.concepts.iter().map(String::as_str));
            picked.push(best);
        }
        picked
    }
}

/// Rank of the weakest concept the candidate would newly cover (lower is weaker).
fn weakness(
    candidate: &Candidate,
    weak_rank: &HashMap<&str, usize>,
    covered: &HashSet<&str>,
) -> usize {
    candidate
        .concepts
        .iter()
        .filter(|c| !covered.contains(c.as_str()))
        .filter_map(|c| weak_rank.get(c.as_str()).copied())
        .min()
        .unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: &str, concept: &str) -> Candidate {
        Candidate {
            id: id.to_owned(),
            module: "m".to_owned(),
            concepts: vec![concept.to_owned()],
            due: false,
            last_practised: None,
            accessible: true,
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1)
            .and_then(|start| start.checked_add_days(chrono::Days::new(u64::from(d))))
            .expect("test dates are valid")
    }

    fn pool() -> ChallengePool {
        let concepts = ["ownership", "takeaway", "specifics", "stakes"];
        let make = |prefix: &str, n: usize| {
            (0..n)
                .map(|i| candidate(&format!("{prefix}{i}"), concepts[i % concepts.len()]))
                .collect::<Vec<_>>()
        };
        ChallengePool {
            quiz: make("q", 40),
            scenarios: make("s", 8),
            exercises: make("e", 8),
            weak_concepts: Vec::new(),
        }
    }

    fn ids(challenge: &Challenge) -> Vec<&str> {
        challenge.items.iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn has_the_documented_shape() {
        let c = build_challenge(day(0), 42, &pool());
        let kinds: Vec<ChallengeKind> = c.items.iter().map(|i| i.kind).collect();
        use ChallengeKind::*;
        assert_eq!(kinds, [Quiz, Quiz, Quiz, Scenario, Exercise]);
        assert_eq!(c.learning_day, day(0));
    }

    #[test]
    fn reopening_the_same_day_gives_the_same_challenge() {
        let p = pool();
        assert_eq!(
            build_challenge(day(3), 7, &p),
            build_challenge(day(3), 7, &p)
        );
        // Pinned so a change to the hash or ranking is noticed, not shipped silently.
        assert_eq!(
            ids(&build_challenge(day(3), 7, &p)),
            ["q21", "q22", "q15", "s6", "e5"]
        );
    }

    #[test]
    fn varies_across_days_and_learners() {
        let p = pool();
        let days: HashSet<Vec<String>> = (0..30)
            .map(|d| {
                build_challenge(day(d), 7, &p)
                    .items
                    .into_iter()
                    .map(|i| i.id)
                    .collect()
            })
            .collect();
        assert!(
            days.len() >= 25,
            "only {} distinct challenges in 30 days",
            days.len()
        );
        assert_ne!(
            build_challenge(day(0), 1, &p),
            build_challenge(day(0), 2, &p)
        );
    }

    #[test]
    fn locked_items_are_never_picked() {
        let mut p = pool();
        for (i, c) in p
            .quiz
            .iter_mut()
            .chain(p.scenarios.iter_mut())
            .chain(p.exercises.iter_mut())
            .enumerate()
        {
            c.accessible = i % 3 == 0;
            c.due = i % 2 == 0;
        }
        p.weak_concepts = vec!["stakes".into(), "ownership".into()];
        let accessible: HashSet<&str> = p
            .quiz
            .iter()
            .chain(&p.scenarios)
            .chain(&p.exercises)
            .filter(|c| c.accessible)
            .map(|c| c.id.as_str())
            .collect();
        for seed in 0..20 {
            for d in 0..60 {
                let c = build_challenge(day(d), seed, &p);
                assert_eq!(c.items.len(), 5);
                for id in ids(&c) {
                    assert!(accessible.contains(id), "locked {id} picked");
                }
            }
        }
    }

    #[test]
    fn due_items_come_first() {
        let mut p = pool();
        p.quiz[17].due = true;
        p.exercises[5].due = true;
        for d in 0..20 {
            let c = build_challenge(day(d), 9, &p);
            assert_eq!(c.items[0].id, "q17");
            assert_eq!(c.items[4].id, "e5");
        }
    }

    #[test]
    fn quiz_questions_spread_over_the_weakest_concepts() {
        let mut p = pool();
        p.weak_concepts = ["stakes", "specifics", "takeaway", "ownership"]
            .map(String::from)
            .to_vec();
        let concept_of = |id: &str| {
            p.quiz
                .iter()
                .chain(&p.scenarios)
                .find(|c| c.id == id)
                .map(|c| c.concepts[0].clone())
        };
        for d in 0..20 {
            let c = build_challenge(day(d), 5, &p);
            let quiz: Vec<Option<String>> =
                c.items[..3].iter().map(|i| concept_of(&i.id)).collect();
            let expected = ["stakes", "specifics", "takeaway"].map(|s| Some(s.to_owned()));
            assert_eq!(quiz, expected);
            assert_eq!(concept_of(&c.items[3].id).as_deref(), Some("stakes"));
        }
    }

    fn at_day(d: u32) -> DateTime<Utc> {
        day(d).and_hms_opt(9, 0, 0).expect("valid time").and_utc()
    }

    #[test]
    fn a_small_free_set_rotates_instead_of_repeating() {
        // Two exercises and two scenarios; each day the learner does the
        // challenge, so what was picked was practised that day.
        let mut p = pool();
        p.scenarios.truncate(2);
        p.exercises.truncate(2);
        let mut seen = Vec::new();
        for d in 0..6 {
            let c = build_challenge(day(d), 11, &p);
            let exercise = c
                .items
                .iter()
                .find(|i| i.kind == ChallengeKind::Exercise)
                .unwrap();
            let scenario = c
                .items
                .iter()
                .find(|i| i.kind == ChallengeKind::Scenario)
                .unwrap();
            seen.push((scenario.id.clone(), exercise.id.clone()));
            for item in &c.items {
                for cand in p
                    .quiz
                    .iter_mut()
                    .chain(&mut p.scenarios)
                    .chain(&mut p.exercises)
                {
                    if cand.id == item.id {
                        cand.last_practised = Some(at_day(d));
                    }
                }
            }
        }
        for pair in seen.windows(2) {
            assert_ne!(
                pair[0].0, pair[1].0,
                "scenario repeated on consecutive days: {seen:?}"
            );
            assert_ne!(
                pair[0].1, pair[1].1,
                "exercise repeated on consecutive days: {seen:?}"
            );
        }
    }

    #[test]
    fn practised_items_wait_for_those_never_practised_unless_due() {
        let mut p = pool();
        for c in p.exercises.iter_mut().skip(1) {
            c.last_practised = Some(at_day(0));
        }
        let c = build_challenge(day(1), 3, &p);
        assert_eq!(c.items[4].id, "e0", "the only exercise never practised");
        p.exercises[6].due = true;
        let c = build_challenge(day(1), 3, &p);
        assert_eq!(c.items[4].id, "e6", "a due item still comes first");
    }

    #[test]
    fn every_offered_module_takes_part() {
        let mut p = pool();
        for c in p
            .quiz
            .iter_mut()
            .chain(&mut p.scenarios)
            .chain(&mut p.exercises)
        {
            if c.id.ends_with(['1', '3', '5', '7', '9']) {
                c.module = "other".into();
            }
        }
        for d in 0..30 {
            let c = build_challenge(day(d), 4, &p);
            let in_other = c.items.iter().filter(|i| i.module == "other").count();
            assert!(
                (2..=3).contains(&in_other),
                "day {d}: {in_other} of 5 from one module"
            );
            let quiz_modules: HashSet<&str> =
                c.items[..3].iter().map(|i| i.module.as_str()).collect();
            assert_eq!(quiz_modules.len(), 2, "day {d}");
        }
    }

    #[test]
    fn short_or_duplicated_pools_give_fewer_distinct_items() {
        let p = ChallengePool {
            quiz: vec![candidate("q1", "a"), candidate("q1", "a")],
            scenarios: Vec::new(),
            exercises: vec![candidate("q1", "a"), candidate("e1", "a")],
            weak_concepts: vec!["a".into(), "a".into()],
        };
        let c = build_challenge(day(0), 0, &p);
        assert_eq!(ids(&c), ["q1", "e1"]);
        assert!(build_challenge(day(0), 0, &ChallengePool::default())
            .items
            .is_empty());
    }
}
