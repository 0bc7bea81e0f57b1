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
    assert_eq!(m.content_version, "1.0.0");
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

#[test]
fn free_tier_has_one_of_each_kind() {
    let m = module();
    let free_quiz = m.quiz.iter().filter(|q| q.free).count();
    assert!(
        (10..=14).contains(&free_quiz),
        "free quiz questions: {free_quiz}"
    );
    // The adaptive quiz needs easy and hard items before the unlock too.
    let free_difficulties = || m.quiz.iter().filter(|q| q.free).map(|q| q.difficulty);
    assert!(free_difficulties().any(|d| d <= -1.0));
    assert!(free_difficulties().any(|d| d >= 1.0));
    let exactly_one = [
        (
            "practice scenario",
            m.practice_scenarios.iter().filter(|s| s.free).count(),
        ),
        ("exercise", m.exercises.iter().filter(|e| e.free).count()),
        (
            "strong example",
            m.interviewer
                .strong_examples
                .iter()
                .filter(|e| e.free)
                .count(),
        ),
        (
            "workplace scenario",
            m.workplace_scenarios.iter().filter(|w| w.free).count(),
        ),
    ];
    for (kind, count) in exactly_one {
        assert_eq!(count, 1, "free {kind}s");
    }
    assert_eq!(m.mistakes.iter().filter(|x| x.free).count(), 2);
}

#[test]
fn framework_examples_follow_star_t_order() {
    let parts: Vec<StarPart> = module().framework.steps.iter().map(|s| s.part).collect();
    assert_eq!(parts, StarPart::ALL);
}

#[test]
fn every_defined_concept_is_practised() {
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
            "concept {} is never practised",
            c.id
        );
    }
}

/// Phrases the answer analyzer penalises; a model answer must never contain them.
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
