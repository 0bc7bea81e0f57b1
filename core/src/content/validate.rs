//! Pack validation: every error names the file, the item id and the field.
//!
//! Serde already rejects unknown fields and wrong types; this pass checks what
//! the type system cannot: empty text, duplicate ids, dangling concept tags,
//! out-of-range indices, the fixed shapes of the framework and rubric, and
//! quiz options whose length gives the answer away.

use std::collections::HashSet;

use super::model::*;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}: {item}: {field}: {message}")]
pub struct ContentError {
    pub file: String,
    /// The offending item's id, or the section name when it has no id.
    pub item: String,
    pub field: String,
    pub message: String,
}

impl ContentError {
    pub(crate) fn new(file: &str, item: &str, field: &str, message: impl Into<String>) -> Self {
        ContentError {
            file: file.to_owned(),
            item: item.to_owned(),
            field: field.to_owned(),
            message: message.into(),
        }
    }

    pub(crate) fn syntax(file: &str, err: &toml::de::Error) -> Self {
        ContentError::new(file, "-", "-", err.message().to_owned())
    }

    pub(crate) fn io(file: &str, err: &std::io::Error) -> Self {
        ContentError::new(file, "-", "-", err.to_string())
    }
}

/// Difficulty is a logit; beyond this range the adaptive quiz treats items as
/// always or never answered, so such a value is an authoring slip.
const DIFFICULTY_LIMIT: f64 = 4.0;
const MIN_OPTIONS: usize = 2;
const MAX_OPTIONS: usize = 6;
const MIN_RESPONSES: usize = 2;

/// A quiz that can be passed by picking the longest option measures nothing,
/// so option length is held to these limits (lengths in characters).
///
/// Per question, the correct option may be at most this many times the mean
/// length of the other options: one full sentence among short fragments is
/// the cue test-takers learn to spot.
const MAX_CORRECT_LENGTH_RATIO: f64 = 1.5;
/// The ratio is ignored while the correct option exceeds that mean by no more
/// than this: short labels ("Hedging", "Emotional language") differ by a word
/// or two without hinting at anything.
const LENGTH_GAP_SLACK_CHARS: f64 = 10.0;
/// Per pack, the correct option may be the longest (or the shortest) in at
/// most this share of questions. Without a cue the expected share is about a
/// quarter with four options; above this, always picking the longest (or the
/// shortest) option pays off.
const MAX_EXTREME_LENGTH_SHARE: f64 = 0.4;
/// Below this many questions a share is noise (4 of 9 is 44%); the per-question
/// rule still applies.
const MIN_QUESTIONS_FOR_SHARE: usize = 10;
/// Fewer ideas than this cannot tell a partial explanation from a full one.
const MIN_KEY_IDEAS: usize = 3;

/// Section names used as the item of errors about items without an id.
const MODULE: &str = "module";
const FRAMEWORK: &str = "framework";
const INTERVIEWER: &str = "interviewer";
const QUIZ: &str = "quiz";

/// A problem found before it is tied to a file; `validate` adds the file name.
struct Issue {
    item: String,
    field: String,
    message: String,
}

fn issue(item: &str, field: impl Into<String>, message: impl Into<String>) -> Issue {
    Issue {
        item: item.to_owned(),
        field: field.into(),
        message: message.into(),
    }
}

type Checked = Result<(), Issue>;

pub(crate) fn validate(file: &str, pack: &Pack) -> Result<(), ContentError> {
    let into_error = |i: Issue| ContentError::new(file, &i.item, &i.field, i.message);
    check_format_version(pack).map_err(into_error)?;
    let module = &pack.module;
    let checks: [fn(&Module) -> Checked; 11] = [
        check_required_texts,
        check_unique_ids,
        check_concept_refs,
        check_framework,
        check_scenarios,
        check_quiz,
        check_quiz_length_cues,
        check_exercises,
        check_rubric,
        check_difficulties,
        check_analysis_shares,
    ];
    checks
        .iter()
        .try_for_each(|check| check(module))
        .map_err(into_error)
}

fn check_format_version(pack: &Pack) -> Checked {
    if pack.format_version == FORMAT_VERSION {
        return Ok(());
    }
    Err(issue(
        "-",
        "format_version",
        format!(
            "this app reads format {FORMAT_VERSION}, the pack is {}",
            pack.format_version
        ),
    ))
}

/// One piece of authored text with the item and field it belongs to.
struct Text<'a> {
    item: &'a str,
    field: String,
    value: &'a str,
}

fn text<'a>(item: &'a str, field: impl Into<String>, value: &'a str) -> Text<'a> {
    Text {
        item,
        field: field.into(),
        value,
    }
}

/// `name[i]` for each entry of a list of strings.
fn indexed<'a>(item: &'a str, name: &str, values: &'a [String]) -> Vec<Text<'a>> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| text(item, format!("{name}[{i}]"), v))
        .collect()
}

/// Every string in the pack that a learner reads, so none can be left blank.
fn required_texts(m: &Module) -> Vec<Text<'_>> {
    let mut t = vec![
        text(MODULE, "id", &m.id),
        text(MODULE, "title", &m.title),
        text(MODULE, "content_version", &m.content_version),
        text(MODULE, "summary", &m.summary),
        text(MODULE, "overview", &m.overview),
        text(MODULE, "why_it_matters", &m.why_it_matters),
        text(FRAMEWORK, "name", &m.framework.name),
        text(FRAMEWORK, "intro", &m.framework.intro),
        text(INTERVIEWER, "intro", &m.interviewer.intro),
    ];
    t.extend(indexed(MODULE, "objectives", &m.objectives));
    t.extend(indexed(MODULE, "takeaways", &m.takeaways));
    t.extend(indexed(MODULE, "related_topics", &m.related_topics));
    t.extend(indexed(MODULE, "related_roles", &m.related_roles));
    t.extend(indexed(MODULE, "related_modules", &m.related_modules));
    t.extend(indexed(INTERVIEWER, "dos", &m.interviewer.dos));
    t.extend(indexed(INTERVIEWER, "donts", &m.interviewer.donts));
    for c in &m.concepts {
        t.extend([
            text(&c.id, "name", &c.name),
            text(&c.id, "definition", &c.definition),
        ]);
    }
    for s in &m.framework.steps {
        let part = s.part.as_str();
        t.extend([
            text(part, "name", &s.name),
            text(part, "purpose", &s.purpose),
            text(part, "guidance", &s.guidance),
            text(part, "example", &s.example),
        ]);
    }
    for s in &m.practice_scenarios {
        t.extend([
            text(&s.id, "title", &s.title),
            text(&s.id, "prompt", &s.prompt),
        ]);
        for (i, r) in s.responses.iter().enumerate() {
            t.push(text(&s.id, format!("responses[{i}].text"), &r.text));
            t.push(text(
                &s.id,
                format!("responses[{i}].annotation"),
                &r.annotation,
            ));
        }
    }
    for x in &m.mistakes {
        t.extend([
            text(&x.id, "title", &x.title),
            text(&x.id, "why_it_happens", &x.why_it_happens),
            text(&x.id, "instead", &x.instead),
            text(&x.id, "before", &x.before),
            text(&x.id, "after", &x.after),
        ]);
    }
    for c in &m.interviewer.criteria {
        t.extend([
            text(&c.id, "name", &c.name),
            text(&c.id, "question", &c.question),
        ]);
    }
    for e in &m.interviewer.strong_examples {
        t.extend([
            text(&e.id, "answer", &e.answer),
            text(&e.id, "annotation", &e.annotation),
        ]);
    }
    for w in &m.workplace_scenarios {
        t.extend([
            text(&w.id, "role", &w.role),
            text(&w.id, "situation", &w.situation),
            text(&w.id, "approach", &w.approach),
        ]);
    }
    for e in &m.exercises {
        t.extend([
            text(&e.id, "title", &e.title),
            text(&e.id, "prompt", &e.prompt),
            text(&e.id, "model_answer", &e.model_answer),
        ]);
        t.extend(e.before.as_deref().map(|b| text(&e.id, "before", b)));
        t.extend(indexed(&e.id, "checklist", &e.checklist));
    }
    let op = &m.open_practice;
    t.extend([
        text(&op.id, "prompt", &op.prompt),
        text(&op.id, "model_answer", &op.model_answer),
    ]);
    for r in &op.rubric {
        t.push(text(
            &op.id,
            format!("rubric.{}", r.tier.as_str()),
            &r.descriptor,
        ));
    }
    for q in &m.quiz {
        t.extend([
            text(&q.id, "question", &q.question),
            text(&q.id, "explanation", &q.explanation),
        ]);
        t.extend(indexed(&q.id, "options", &q.options));
    }
    for f in &m.faq {
        t.extend([
            text(&f.id, "question", &f.question),
            text(&f.id, "answer", &f.answer),
        ]);
    }
    t
}

fn check_required_texts(m: &Module) -> Checked {
    match required_texts(m)
        .into_iter()
        .find(|t| t.value.trim().is_empty())
    {
        Some(t) => Err(issue(t.item, t.field, "must not be empty")),
        None => Ok(()),
    }
}

/// Every id in the pack; progress is stored by id, so they share one namespace.
fn all_ids(m: &Module) -> Vec<&str> {
    let mut ids = vec![m.id.as_str(), m.open_practice.id.as_str()];
    ids.extend(m.concepts.iter().map(|c| c.id.as_str()));
    ids.extend(m.practice_scenarios.iter().map(|s| s.id.as_str()));
    ids.extend(m.mistakes.iter().map(|x| x.id.as_str()));
    ids.extend(m.interviewer.criteria.iter().map(|c| c.id.as_str()));
    ids.extend(m.interviewer.strong_examples.iter().map(|e| e.id.as_str()));
    ids.extend(m.workplace_scenarios.iter().map(|w| w.id.as_str()));
    ids.extend(m.exercises.iter().map(|e| e.id.as_str()));
    ids.extend(m.quiz.iter().map(|q| q.id.as_str()));
    ids.extend(m.faq.iter().map(|f| f.id.as_str()));
    ids
}

fn check_unique_ids(m: &Module) -> Checked {
    let mut seen = HashSet::new();
    match all_ids(m).into_iter().find(|id| !seen.insert(*id)) {
        Some(id) => Err(issue(id, "id", "is used by more than one item")),
        None => Ok(()),
    }
}

/// Each item that carries concept tags, with those tags.
fn concept_refs(m: &Module) -> Vec<(&str, &[String])> {
    let mut refs: Vec<(&str, &[String])> = Vec::new();
    refs.extend(
        m.practice_scenarios
            .iter()
            .map(|s| (s.id.as_str(), s.concepts.as_slice())),
    );
    refs.extend(
        m.workplace_scenarios
            .iter()
            .map(|w| (w.id.as_str(), w.concepts.as_slice())),
    );
    refs.extend(
        m.exercises
            .iter()
            .map(|e| (e.id.as_str(), e.concepts.as_slice())),
    );
    refs.extend(
        m.quiz
            .iter()
            .map(|q| (q.id.as_str(), q.concepts.as_slice())),
    );
    refs
}

fn check_concept_refs(m: &Module) -> Checked {
    let defined: HashSet<&str> = m.concepts.iter().map(|c| c.id.as_str()).collect();
    for (item, tags) in concept_refs(m) {
        if let Some(tag) = tags.iter().find(|t| !defined.contains(t.as_str())) {
            return Err(issue(item, "concepts", format!("unknown concept {tag:?}")));
        }
    }
    Ok(())
}

/// Checks that `present` holds each of `all` exactly once.
fn check_exactly_once<T: Copy + PartialEq>(
    item: &str,
    field: &str,
    all: &[T],
    present: &[T],
    name: impl Fn(T) -> &'static str,
) -> Checked {
    for &wanted in all {
        let count = present.iter().filter(|&&p| p == wanted).count();
        if count != 1 {
            let message = format!(
                "needs {:?} exactly once, found it {count} times",
                name(wanted)
            );
            return Err(issue(item, field, message));
        }
    }
    Ok(())
}

fn check_framework(m: &Module) -> Checked {
    let f = &m.framework;
    let parts: Vec<StarPart> = f.steps.iter().map(|s| s.part).collect();
    check_exactly_once(FRAMEWORK, "steps", &StarPart::ALL, &parts, StarPart::as_str)?;
    // NaN fails both comparisons, so it is rejected too.
    if !(f.takeaway_share > 0.0 && f.takeaway_share < 1.0) {
        return Err(issue(
            FRAMEWORK,
            "takeaway_share",
            format!("must lie strictly between 0 and 1, is {}", f.takeaway_share),
        ));
    }
    Ok(())
}

fn check_rubric(m: &Module) -> Checked {
    let op = &m.open_practice;
    let tiers: Vec<Tier> = op.rubric.iter().map(|r| r.tier).collect();
    check_exactly_once(&op.id, "rubric", &Tier::ALL, &tiers, Tier::as_str)
}

/// Checks that `index` points into a list of `len` entries.
fn check_index(item: &str, field: &str, index: usize, len: usize) -> Checked {
    if index < len {
        return Ok(());
    }
    Err(issue(
        item,
        field,
        format!("is {index}, but there are only {len} choices"),
    ))
}

fn check_scenarios(m: &Module) -> Checked {
    for s in &m.practice_scenarios {
        if s.responses.len() < MIN_RESPONSES {
            let message = format!("needs at least {MIN_RESPONSES}, has {}", s.responses.len());
            return Err(issue(&s.id, "responses", message));
        }
        check_index(&s.id, "best", s.best, s.responses.len())?;
    }
    Ok(())
}

fn check_quiz(m: &Module) -> Checked {
    for q in &m.quiz {
        let n = q.options.len();
        if !(MIN_OPTIONS..=MAX_OPTIONS).contains(&n) {
            let message = format!("needs {MIN_OPTIONS} to {MAX_OPTIONS} options, has {n}");
            return Err(issue(&q.id, "options", message));
        }
        let mut seen = HashSet::new();
        if let Some(dup) = q
            .options
            .iter()
            .find(|o| !seen.insert(o.trim().to_lowercase()))
        {
            return Err(issue(&q.id, "options", format!("{dup:?} appears twice")));
        }
        check_index(&q.id, "answer", q.answer, n)?;
    }
    Ok(())
}

/// Where a question's correct option stands by length among its options.
struct LengthStanding {
    correct: usize,
    others_mean: f64,
    /// At least as long as every other option (a tie still narrows the guess).
    longest: bool,
    /// At most as long as every other option.
    shortest: bool,
}

fn length_standing(q: &QuizQuestion) -> LengthStanding {
    let len = |o: &String| o.trim().chars().count();
    let correct = len(&q.options[q.answer]);
    let others: Vec<usize> = q
        .options
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != q.answer)
        .map(|(_, o)| len(o))
        .collect();
    LengthStanding {
        correct,
        others_mean: others.iter().sum::<usize>() as f64 / others.len() as f64,
        longest: others.iter().all(|&o| correct >= o),
        shortest: others.iter().all(|&o| correct <= o),
    }
}

/// Runs after `check_quiz`, so every question has 2+ options and a valid answer.
fn check_quiz_length_cues(m: &Module) -> Checked {
    let standings: Vec<LengthStanding> = m.quiz.iter().map(length_standing).collect();
    for (q, s) in m.quiz.iter().zip(&standings) {
        let gap = s.correct as f64 - s.others_mean;
        if s.correct as f64 > MAX_CORRECT_LENGTH_RATIO * s.others_mean
            && gap > LENGTH_GAP_SLACK_CHARS
        {
            let message = format!(
                "the correct option has {} characters, more than {MAX_CORRECT_LENGTH_RATIO}× the \
                 {:.0} of the others on average; give the others the same detail or shorten it",
                s.correct, s.others_mean
            );
            return Err(issue(&q.id, "options", message));
        }
    }
    let total = m.quiz.len();
    if total < MIN_QUESTIONS_FOR_SHARE {
        return Ok(());
    }
    let extremes = [
        ("longest", standings.iter().filter(|s| s.longest).count()),
        ("shortest", standings.iter().filter(|s| s.shortest).count()),
    ];
    for (which, count) in extremes {
        if count as f64 > MAX_EXTREME_LENGTH_SHARE * total as f64 {
            let message = format!(
                "the correct option is the {which} in {count} of {total} questions; at most {:.0}% \
                 may be, or always picking the {which} option passes the quiz",
                MAX_EXTREME_LENGTH_SHARE * 100.0
            );
            return Err(issue(QUIZ, "answer", message));
        }
    }
    Ok(())
}

/// `[module.analysis]` shares are fractions of the answer; the suggested one
/// also divides the takeaway points, so it must be above zero.
fn check_analysis_shares(m: &Module) -> Checked {
    let a = &m.analysis;
    let shares = [
        ("short_takeaway_share", a.short_takeaway_share, 0.0),
        ("strong_takeaway_share", a.strong_takeaway_share, 0.0),
        ("exemplary_takeaway_share", a.exemplary_takeaway_share, 0.0),
        (
            "suggested_takeaway_share",
            a.suggested_takeaway_share,
            f64::MIN_POSITIVE,
        ),
    ];
    match shares
        .iter()
        .find(|(_, share, min)| !(*min..=1.0).contains(share))
    {
        Some((field, share, _)) => Err(issue(
            "module.analysis",
            *field,
            format!(
                "{share} is not a share of the answer (0 to 1{})",
                if *field == "suggested_takeaway_share" {
                    ", above 0"
                } else {
                    ""
                }
            ),
        )),
        None => Ok(()),
    }
}

fn check_exercises(m: &Module) -> Checked {
    if let Some(e) = m.exercises.iter().find(|e| e.checklist.is_empty()) {
        return Err(issue(&e.id, "checklist", "needs at least one item"));
    }
    let written = m
        .exercises
        .iter()
        .map(|e| (e.id.as_str(), &e.key_ideas))
        .chain(std::iter::once((
            m.open_practice.id.as_str(),
            &m.open_practice.key_ideas,
        )));
    for (id, ideas) in written {
        check_key_ideas(m.answer_kind, id, ideas)?;
    }
    Ok(())
}

/// Explanations are graded on their key ideas, so each written item of an
/// explanation module needs enough of them; a story module's answers are
/// read as stories, where key ideas would silently do nothing.
fn check_key_ideas(kind: AnswerKind, id: &str, ideas: &[KeyIdea]) -> Checked {
    match kind {
        AnswerKind::Story if !ideas.is_empty() => {
            return Err(issue(
                id,
                "key_ideas",
                "only explanation modules (answer_kind = \"explanation\") use key ideas",
            ))
        }
        AnswerKind::Explanation if ideas.len() < MIN_KEY_IDEAS => {
            return Err(issue(
                id,
                "key_ideas",
                format!(
                    "an explanation exercise needs at least {MIN_KEY_IDEAS} key ideas, has {}",
                    ideas.len()
                ),
            ))
        }
        _ => {}
    }
    for (at, idea) in ideas.iter().enumerate() {
        let field = format!("key_ideas[{at}]");
        if idea.idea.trim().is_empty() || idea.any.is_empty() {
            return Err(issue(
                id,
                field,
                "needs an `idea` label and at least one pattern in `any`",
            ));
        }
        if let Some(problem) = idea
            .any
            .iter()
            .find_map(|p| crate::analyzer::pattern_error(p))
        {
            return Err(issue(id, format!("{field}.any"), problem));
        }
    }
    Ok(())
}

fn check_difficulties(m: &Module) -> Checked {
    let scenarios = m
        .practice_scenarios
        .iter()
        .map(|s| (s.id.as_str(), s.difficulty));
    let questions = m.quiz.iter().map(|q| (q.id.as_str(), q.difficulty));
    for (item, d) in scenarios.chain(questions) {
        if !(d.is_finite() && d.abs() <= DIFFICULTY_LIMIT) {
            let message = format!("must be a finite logit within ±{DIFFICULTY_LIMIT}, is {d}");
            return Err(issue(item, "difficulty", message));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::embedded_pack;

    const FILE: &str = "test-pack.toml";

    /// A mutation of the valid embedded pack and the (item, field) it must be
    /// reported under. Mutations return the expected item id because most ids
    /// come from the pack itself.
    type Case = (&'static str, fn(&mut Module) -> String, &'static str);

    fn error_after(mutate: fn(&mut Module) -> String) -> (String, ContentError) {
        let mut pack = embedded_pack();
        let item = mutate(&mut pack.module);
        let err = validate(FILE, &pack).expect_err("the mutation must be rejected");
        (item, err)
    }

    fn first_quiz(m: &mut Module) -> &mut QuizQuestion {
        &mut m.quiz[0]
    }

    fn first_scenario(m: &mut Module) -> &mut PracticeScenario {
        &mut m.practice_scenarios[0]
    }

    /// How a rewritten question's correct option compares in length.
    #[derive(Clone, Copy)]
    enum Cue {
        Longest,
        Shortest,
        /// Longer than one wrong option and shorter than another.
        Neither,
    }

    /// Replaces the options of the first `count` questions so that the correct
    /// one is `cue` by length, each within the per-question ratio.
    fn give_length_cue(m: &mut Module, count: usize, cue: Cue) {
        for q in m.quiz.iter_mut().take(count) {
            let answer = q.answer;
            let mut wrong = 0;
            for (i, o) in q.options.iter_mut().enumerate() {
                *o = if i == answer {
                    match cue {
                        Cue::Longest => "the right option, a bit longer".into(),
                        Cue::Shortest => "right option".into(),
                        Cue::Neither => "a middle-length right option".into(),
                    }
                } else {
                    wrong += 1;
                    match (cue, wrong) {
                        (Cue::Neither, 1) => "short wrong".into(),
                        (Cue::Neither, _) => format!("a considerably longer wrong option {wrong}"),
                        _ => format!("wrong option number {wrong}"),
                    }
                };
            }
        }
    }

    fn quiz_with_cues(longest: usize, shortest: usize) -> Pack {
        let mut pack = embedded_pack();
        let m = &mut pack.module;
        let total = m.quiz.len();
        give_length_cue(m, total, Cue::Neither);
        give_length_cue(m, longest + shortest, Cue::Shortest);
        give_length_cue(m, longest, Cue::Longest);
        pack
    }

    const CASES: &[Case] = &[
        (
            "blank module title",
            |m| {
                m.title = "  \n".into();
                MODULE.into()
            },
            "title",
        ),
        (
            "blank quiz question",
            |m| {
                first_quiz(m).question = String::new();
                m.quiz[0].id.clone()
            },
            "question",
        ),
        (
            "blank explanation",
            |m| {
                first_quiz(m).explanation = " ".into();
                m.quiz[0].id.clone()
            },
            "explanation",
        ),
        (
            "blank option",
            |m| {
                first_quiz(m).options[1] = String::new();
                m.quiz[0].id.clone()
            },
            "options[1]",
        ),
        (
            "blank framework step example",
            |m| {
                m.framework.steps[2].example = String::new();
                m.framework.steps[2].part.as_str().into()
            },
            "example",
        ),
        (
            "blank exercise before text",
            |m| {
                m.exercises[0].before = Some(String::new());
                m.exercises[0].id.clone()
            },
            "before",
        ),
        (
            "duplicate quiz id",
            |m| {
                m.quiz[1].id = m.quiz[0].id.clone();
                m.quiz[0].id.clone()
            },
            "id",
        ),
        (
            "id shared across sections",
            |m| {
                m.faq[0].id = m.exercises[0].id.clone();
                m.exercises[0].id.clone()
            },
            "id",
        ),
        (
            "unknown concept on a quiz question",
            |m| {
                first_quiz(m).concepts.push("no-such-concept".into());
                m.quiz[0].id.clone()
            },
            "concepts",
        ),
        (
            "unknown concept on an exercise",
            |m| {
                m.exercises[1].concepts = vec!["typo-concept".into()];
                m.exercises[1].id.clone()
            },
            "concepts",
        ),
        (
            "quiz answer out of range",
            |m| {
                let q = first_quiz(m);
                q.answer = q.options.len();
                q.id.clone()
            },
            "answer",
        ),
        (
            "too few options",
            |m| {
                let q = first_quiz(m);
                q.options.truncate(1);
                q.answer = 0;
                q.id.clone()
            },
            "options",
        ),
        (
            "too many options",
            |m| {
                let q = first_quiz(m);
                q.options = (0..7).map(|i| format!("option {i}")).collect();
                q.id.clone()
            },
            "options",
        ),
        (
            "duplicate options differing only in case and spaces",
            |m| {
                let q = first_quiz(m);
                q.options[1] = format!(" {} ", q.options[0].to_uppercase());
                q.id.clone()
            },
            "options",
        ),
        (
            "quiz difficulty not finite",
            |m| {
                first_quiz(m).difficulty = f64::NAN;
                m.quiz[0].id.clone()
            },
            "difficulty",
        ),
        (
            "quiz difficulty out of range",
            |m| {
                first_quiz(m).difficulty = -4.5;
                m.quiz[0].id.clone()
            },
            "difficulty",
        ),
        (
            "scenario difficulty infinite",
            |m| {
                first_scenario(m).difficulty = f64::INFINITY;
                m.practice_scenarios[0].id.clone()
            },
            "difficulty",
        ),
        (
            "scenario best out of range",
            |m| {
                let s = first_scenario(m);
                s.best = s.responses.len();
                s.id.clone()
            },
            "best",
        ),
        (
            "scenario with one response",
            |m| {
                let s = first_scenario(m);
                s.responses.truncate(1);
                s.best = 0;
                s.id.clone()
            },
            "responses",
        ),
        (
            "framework step missing",
            |m| {
                m.framework.steps.retain(|s| s.part != StarPart::Takeaway);
                FRAMEWORK.into()
            },
            "steps",
        ),
        (
            "framework step twice",
            |m| {
                let extra = m.framework.steps[0].clone();
                m.framework.steps.push(extra);
                FRAMEWORK.into()
            },
            "steps",
        ),
        (
            "takeaway share of zero",
            |m| {
                m.framework.takeaway_share = 0.0;
                FRAMEWORK.into()
            },
            "takeaway_share",
        ),
        (
            "takeaway share of one",
            |m| {
                m.framework.takeaway_share = 1.0;
                FRAMEWORK.into()
            },
            "takeaway_share",
        ),
        (
            "takeaway share NaN",
            |m| {
                m.framework.takeaway_share = f64::NAN;
                FRAMEWORK.into()
            },
            "takeaway_share",
        ),
        (
            "rubric tier missing",
            |m| {
                m.open_practice.rubric.retain(|r| r.tier != Tier::Strong);
                m.open_practice.id.clone()
            },
            "rubric",
        ),
        (
            "rubric tier twice",
            |m| {
                m.open_practice.rubric[0].tier = Tier::Exemplary;
                m.open_practice.id.clone()
            },
            "rubric",
        ),
        (
            "correct option far longer than the others",
            |m| {
                let q = first_quiz(m);
                q.options[q.answer] =
                    "the one option spelled out as a full sentence, with every detail".into();
                q.id.clone()
            },
            "options",
        ),
        (
            "correct option the longest in every question",
            |m| {
                give_length_cue(m, m.quiz.len(), Cue::Longest);
                QUIZ.into()
            },
            "answer",
        ),
        (
            "correct option the shortest in every question",
            |m| {
                give_length_cue(m, m.quiz.len(), Cue::Shortest);
                QUIZ.into()
            },
            "answer",
        ),
        (
            "exercise without checklist",
            |m| {
                m.exercises[2].checklist.clear();
                m.exercises[2].id.clone()
            },
            "checklist",
        ),
    ];

    #[test]
    fn each_rule_names_file_item_and_field() {
        for (name, mutate, field) in CASES {
            let (item, err) = error_after(*mutate);
            assert_eq!(err.file, FILE, "{name}");
            assert_eq!(err.item, item, "{name}: {err}");
            assert_eq!(err.field, *field, "{name}: {err}");
            assert!(!err.message.is_empty(), "{name}");
        }
    }

    #[test]
    fn wrong_format_version_is_rejected_first() {
        let mut pack = embedded_pack();
        pack.format_version = FORMAT_VERSION + 1;
        pack.module.title.clear();
        let err = validate(FILE, &pack).expect_err("future formats are refused");
        assert_eq!(
            (err.item.as_str(), err.field.as_str()),
            ("-", "format_version")
        );
    }

    #[test]
    fn error_message_carries_all_locations() {
        let (item, err) = error_after(CASES[1].1);
        let shown = err.to_string();
        for part in [FILE, item.as_str(), "question"] {
            assert!(shown.contains(part), "{shown:?} lacks {part:?}");
        }
    }

    #[test]
    fn length_share_limit_sits_at_forty_percent() {
        let total = embedded_pack().module.quiz.len();
        let allowed = (MAX_EXTREME_LENGTH_SHARE * total as f64).floor() as usize;
        assert_eq!(validate(FILE, &quiz_with_cues(allowed, allowed)), Ok(()));
        for (longest, shortest) in [(allowed + 1, 0), (0, allowed + 1)] {
            let err = validate(FILE, &quiz_with_cues(longest, shortest))
                .expect_err("one question over the share is refused");
            assert_eq!((err.item.as_str(), err.field.as_str()), (QUIZ, "answer"));
        }
    }

    #[test]
    fn small_quizzes_are_judged_per_question_only() {
        let mut pack = quiz_with_cues(MIN_QUESTIONS_FOR_SHARE - 1, 0);
        pack.module.quiz.truncate(MIN_QUESTIONS_FOR_SHARE - 1);
        assert_eq!(validate(FILE, &pack), Ok(()));
    }

    #[test]
    fn short_labels_may_differ_by_a_word() {
        let mut pack = embedded_pack();
        let id = pack.module.quiz[0].id.clone();
        let set_options = |pack: &mut Pack, correct: &str| {
            let q = &mut pack.module.quiz[0];
            q.options = vec!["Goal".into(), "Team".into(), correct.into()];
            q.answer = 2;
        };
        // 8 characters against a mean of 4: twice as long, but only 4 more.
        set_options(&mut pack, "Takeaway");
        assert_eq!(validate(FILE, &pack), Ok(()));
        set_options(&mut pack, "The takeaway and the change");
        let err = validate(FILE, &pack).expect_err("a sentence among single words");
        assert_eq!(
            (err.item.as_str(), err.field.as_str()),
            (id.as_str(), "options")
        );
    }

    #[test]
    fn valid_pack_passes() {
        assert_eq!(validate(FILE, &embedded_pack()), Ok(()));
    }
}
