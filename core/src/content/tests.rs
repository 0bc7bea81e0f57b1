//! Tests of the embedded pack: it parses, validates and meets the minimums the
//! app's screens and the adaptive quiz are designed around.

use super::*;
use std::collections::HashSet;

fn module() -> Module {
    embedded_pack().module
}

#[test]
fn embedded_pack_parses_and_validates() {
    let pack = parse_pack(EMBEDDED_FAILURE_STORY_NAME, EMBEDDED_FAILURE_STORY);
    assert!(pack.is_ok(), "{:?}", pack.err());
    let m = module();
    assert_eq!(m.id, "failure-story");
    assert_eq!(m.content_version, "1.0.1");
    assert_eq!(m.framework.name, "STAR-T");
    assert_eq!(m.framework.takeaway_share, 0.5);
}

#[test]
fn lesson_sections_meet_minimums() {
    let m = module();
    let counts = [
        ("objectives", m.objectives.len(), 5),
        ("concepts", m.concepts.len(), 8),
        ("practice_scenarios", m.practice_scenarios.len(), 3),
        ("mistakes", m.mistakes.len(), 6),
        ("strong_examples", m.interviewer.strong_examples.len(), 2),
        ("dos", m.interviewer.dos.len(), 5),
        ("donts", m.interviewer.donts.len(), 5),
        ("workplace_scenarios", m.workplace_scenarios.len(), 3),
        ("exercises", m.exercises.len(), 5),
        ("quiz", m.quiz.len(), 48),
        ("takeaways", m.takeaways.len(), 6),
        ("faq", m.faq.len(), 10),
        ("related_topics", m.related_topics.len(), 1),
        ("related_roles", m.related_roles.len(), 1),
    ];
    for (section, count, min) in counts {
        assert!(count >= min, "{section}: {count} < {min}");
    }
    assert!(m.practice_scenarios.iter().all(|s| s.responses.len() >= 3));
    assert!(m.exercises.iter().all(|e| e.checklist.len() >= 3));
}

#[test]
fn interviewer_names_the_four_criteria() {
    let names: Vec<String> = module()
        .interviewer
        .criteria
        .iter()
        .map(|c| c.name.to_lowercase())
        .collect();
    assert_eq!(
        names,
        [
            "accountability",
            "self-awareness",
            "systems thinking",
            "resilience"
        ]
    );
}

#[test]
fn quiz_covers_every_type_with_a_spread_of_difficulty() {
    let m = module();
    for kind in QuestionType::ALL {
        let of_kind: Vec<&QuizQuestion> = m.quiz.iter().filter(|q| q.kind == kind).collect();
        assert!(of_kind.len() >= 12, "{}: {}", kind.as_str(), of_kind.len());
        assert!(
            of_kind.iter().any(|q| q.free),
            "{} has no free question",
            kind.as_str()
        );
        let easy = of_kind.iter().filter(|q| q.difficulty <= -1.0).count();
        let hard = of_kind.iter().filter(|q| q.difficulty >= 1.0).count();
        assert!(
            easy >= 2 && hard >= 2,
            "{}: easy {easy}, hard {hard}",
            kind.as_str()
        );
    }
    for q in &m.quiz {
        assert!((3..=4).contains(&q.options.len()), "{}", q.id);
        assert!((-2.5..=2.5).contains(&q.difficulty), "{}", q.id);
        assert!(!q.concepts.is_empty(), "{}", q.id);
    }
}

#[test]
fn quiz_answers_are_not_all_in_one_position() {
    let m = module();
    for position in 0..4 {
        let count = m.quiz.iter().filter(|q| q.answer == position).count();
        // With 48+ questions, each slot should hold roughly a quarter.
        assert!(count >= m.quiz.len() / 6, "position {position}: {count}");
    }
}

/// Quiz questions the daily challenge asks per day (with one scenario and one
/// exercise); the free part should last several days of challenges.
const CHALLENGE_QUESTIONS_PER_DAY: usize = 3;

#[test]
fn free_preview_is_a_fair_taste_and_most_stays_locked() {
    let m = module();
    let free_quiz: Vec<&QuizQuestion> = m.quiz.iter().filter(|q| q.free).collect();
    assert!(
        free_quiz.len() >= 6 * CHALLENGE_QUESTIONS_PER_DAY,
        "free quiz questions: {}",
        free_quiz.len()
    );
    assert!(
        free_quiz.len() * 2 < m.quiz.len(),
        "most questions stay locked"
    );
    for kind in QuestionType::ALL {
        let of_kind = free_quiz.iter().filter(|q| q.kind == kind).count();
        assert!(of_kind >= 4, "{}: {of_kind} free", kind.as_str());
    }
    // The adaptive quiz needs easy and hard items before the unlock too.
    assert!(free_quiz.iter().any(|q| q.difficulty <= -1.0));
    assert!(free_quiz.iter().any(|q| q.difficulty >= 1.0));

    /// How many items of a kind are free, and how many there are.
    fn split<T>(items: &[T], free: impl Fn(&T) -> bool) -> (usize, usize) {
        (items.iter().filter(|i| free(i)).count(), items.len())
    }
    let kinds = [
        (
            "practice scenario",
            split(&m.practice_scenarios, |s| s.free),
            2,
        ),
        ("exercise", split(&m.exercises, |e| e.free), 2),
        ("mistake", split(&m.mistakes, |x| x.free), 2),
        (
            "strong example",
            split(&m.interviewer.strong_examples, |e| e.free),
            1,
        ),
        (
            "workplace scenario",
            split(&m.workplace_scenarios, |w| w.free),
            1,
        ),
    ];
    for (kind, (free, total), min) in kinds {
        assert!(free >= min, "free {kind}s: {free} < {min}");
        assert!(free < total, "every {kind} is free");
    }
    assert!(
        m.open_practice.free,
        "the open practice is the only one of its kind"
    );
}

#[test]
fn scenario_prompts_leave_the_question_to_the_app() {
    // Front ends ask `SCENARIO_QUESTION` after the prompt; a prompt that asks
    // too would put the question on screen twice.
    for s in &module().practice_scenarios {
        assert!(!s.prompt.trim_end().ends_with('?'), "{}", s.id);
    }
}

#[test]
fn explanations_name_options_by_content_not_position() {
    // Front ends may shuffle options, so "the second option" can point anywhere.
    let ordinals = ["first", "second", "third", "fourth", "last"];
    let nouns = ["option", "sentence", "split", "answer", "reply", "choice"];
    for q in &module().quiz {
        let words: Vec<String> = q
            .explanation
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let positional = words
            .windows(2)
            .any(|w| ordinals.contains(&w[0].as_str()) && nouns.contains(&w[1].as_str()));
        assert!(!positional, "{} refers to an option by position", q.id);
    }
}

#[test]
fn framework_examples_follow_star_t_order() {
    let parts: Vec<StarPart> = module().framework.steps.iter().map(|s| s.part).collect();
    assert_eq!(parts, StarPart::ALL);
}

#[test]
fn every_defined_concept_is_practiced() {
    let m = module();
    let used: HashSet<&str> = m
        .quiz
        .iter()
        .flat_map(|q| &q.concepts)
        .chain(m.exercises.iter().flat_map(|e| &e.concepts))
        .chain(m.practice_scenarios.iter().flat_map(|s| &s.concepts))
        .map(String::as_str)
        .collect();
    for c in &m.concepts {
        assert!(
            used.contains(c.id.as_str()),
            "concept {} is never practiced",
            c.id
        );
    }
}

/// Phrases the answer analyzer penalizes; a model answer must never contain them.
const WEAK_PHRASES: &[&str] = &[
    "maybe",
    "probably",
    "i think",
    "sort of",
    "kind of",
    "i guess",
    "disaster",
    "nightmare",
    "terrible",
    "sorry",
    "apologi",
    "fault",
    "shameful",
];

fn contains_weak_phrase(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    WEAK_PHRASES.iter().copied().find(|p| lower.contains(p))
}

#[test]
fn model_answers_are_strong() {
    let m = module();
    let answers = m
        .exercises
        .iter()
        .map(|e| (e.id.as_str(), e.model_answer.as_str()))
        .chain(
            m.interviewer
                .strong_examples
                .iter()
                .map(|e| (e.id.as_str(), e.answer.as_str())),
        )
        .chain([(
            m.open_practice.id.as_str(),
            m.open_practice.model_answer.as_str(),
        )]);
    for (id, answer) in answers {
        assert_eq!(contains_weak_phrase(answer), None, "{id}");
        assert!(
            answer.chars().any(|c| c.is_ascii_digit()),
            "{id} has no metric"
        );
        assert!(answer.contains("I "), "{id} has no first-person statement");
    }
}

#[test]
fn most_exercises_have_a_weak_before_text() {
    let m = module();
    let befores: Vec<&str> = m
        .exercises
        .iter()
        .filter_map(|e| e.before.as_deref())
        .collect();
    assert!(befores.len() * 2 > m.exercises.len());
    let weak_or_vague = |b: &&str| contains_weak_phrase(b).is_some() || b.contains("learned a lot");
    let careful = |b: &&str| b.to_lowercase().contains("careful");
    assert!(befores
        .iter()
        .all(|b| weak_or_vague(b) || careful(b) || b.contains("perfectionist")));
}

#[test]
fn syntax_error_names_the_file() {
    let err = parse_pack("broken.toml", "format_version = 1\n[module\n").expect_err("invalid TOML");
    assert_eq!(err.file, "broken.toml");
    assert!(err.to_string().starts_with("broken.toml: "));
}

#[test]
fn unknown_field_is_a_syntax_error() {
    let text = EMBEDDED_FAILURE_STORY.replacen("[module]\n", "[module]\nauthor = \"x\"\n", 1);
    let err = parse_pack("extra.toml", &text).expect_err("unknown fields are rejected");
    assert!(err.message.contains("author"), "{}", err.message);
}

#[test]
fn analysis_shares_must_be_fractions_and_the_suggested_one_above_zero() {
    for (table, field) in [
        ("suggested_takeaway_share = 0.0", "suggested_takeaway_share"),
        ("short_takeaway_share = 1.5", "short_takeaway_share"),
    ] {
        let text = EMBEDDED_FAILURE_STORY.replacen(
            "[module]\n",
            "[module.analysis]\nPLACEHOLDER\n\n[module]\n",
            1,
        );
        let text = text.replacen("PLACEHOLDER", table, 1);
        let err = parse_pack("shares.toml", &text).expect_err(table);
        assert_eq!(err.field, field, "{err}");
    }
}

#[test]
fn load_pack_reads_a_file_and_names_it_in_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("copy.toml");
    std::fs::write(&path, EMBEDDED_FAILURE_STORY).expect("write pack");
    assert_eq!(
        load_pack(&path).map(|p| p.module.id),
        Ok("failure-story".to_owned())
    );

    let missing = dir.path().join("missing.toml");
    let err = load_pack(&missing).expect_err("no such file");
    assert_eq!(err.file, missing.display().to_string());
}

/// Every bundled module agrees with the reader its answers get: model answers
/// come out strong or exemplary, the "before" texts learners rewrite do not.
#[test]
fn every_bundled_module_agrees_with_its_reader() {
    use crate::analyzer::review_answer;
    let mut wrong = Vec::new();
    for (_, pack) in bundled_packs() {
        let m = &pack.module;
        let exercises = m.exercises.iter().map(|e| {
            (
                e.id.as_str(),
                e.key_ideas.as_slice(),
                e.model_answer.as_str(),
                e.before.as_deref(),
            )
        });
        let open = std::iter::once((
            m.open_practice.id.as_str(),
            m.open_practice.key_ideas.as_slice(),
            m.open_practice.model_answer.as_str(),
            None,
        ));
        for (id, ideas, model, before) in exercises.chain(open) {
            let read = |text| {
                review_answer(m.answer_kind, &m.analysis, ideas, text)
                    .unwrap()
                    .analysis
                    .tier
            };
            let tier = read(model);
            if !matches!(tier, Tier::Strong | Tier::Exemplary) {
                wrong.push(format!("{}/{id} model answer is {}", m.id, tier.as_str()));
            }
            if let Some(before) = before {
                let tier = read(before);
                if matches!(tier, Tier::Strong | Tier::Exemplary) {
                    wrong.push(format!("{}/{id} before text is {}", m.id, tier.as_str()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
