//! The module as readable lesson sections, with locked items shown as locks.
//! Front ends render these blocks as they are; nothing locked leaks through.

use serde::Serialize;

use super::model::*;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LessonSection {
    /// Stable section id, used by `aiprep learn SECTION`.
    pub id: &'static str,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Heading {
        text: String,
    },
    Paragraph {
        text: String,
    },
    Bullets {
        items: Vec<String>,
    },
    /// A quoted script or answer, with a label such as "Before" or "Model answer".
    Example {
        label: String,
        text: String,
    },
    /// An item that needs the unlock: its title only.
    Locked {
        id: String,
        title: String,
    },
}

/// Section ids in reading order.
pub const SECTION_IDS: [&str; 12] = [
    "overview",
    "framework",
    "in-practice",
    "mistakes",
    "interviewer",
    "workplace",
    "exercises",
    "practice",
    "quiz",
    "takeaways",
    "faq",
    "related",
];

/// What a practice scenario asks. Prompts set the scene and leave the question
/// to the front end, which shows this, so it is asked once and the same way.
pub const SCENARIO_QUESTION: &str = "Which response would you give?";

/// Heads an exercise's checklist: what a good rewrite is checked against.
const EXERCISE_CHECKLIST_HEADING: &str = "Your answer should pass this checklist";

fn heading(text: impl Into<String>) -> Block {
    Block::Heading { text: text.into() }
}

fn paragraph(text: impl Into<String>) -> Block {
    Block::Paragraph { text: text.into() }
}

fn bullets(items: &[String]) -> Block {
    Block::Bullets {
        items: items.to_vec(),
    }
}

fn example(label: &str, text: &str) -> Block {
    Block::Example {
        label: label.to_owned(),
        text: text.to_owned(),
    }
}

fn locked(id: &str, title: &str) -> Block {
    Block::Locked {
        id: id.to_owned(),
        title: title.to_owned(),
    }
}

/// Builds every section; `unlocked` says whether the full module is owned.
pub fn lesson_sections(module: &Module, unlocked: bool) -> Vec<LessonSection> {
    let open = |free: bool| free || unlocked;
    let mut sections = Vec::with_capacity(SECTION_IDS.len());

    let mut blocks = vec![paragraph(&module.overview), heading("What you will learn")];
    blocks.push(bullets(&module.objectives));
    blocks.push(heading("Why it matters"));
    blocks.push(paragraph(&module.why_it_matters));
    blocks.push(heading("Key concepts"));
    blocks.push(bullets(
        &module
            .concepts
            .iter()
            .map(|c| format!("{}: {}", c.name, c.definition))
            .collect::<Vec<_>>(),
    ));
    sections.push(section("overview", &module.title, blocks));

    let fw = &module.framework;
    let mut blocks = vec![paragraph(&fw.intro)];
    for step in &fw.steps {
        blocks.push(heading(&step.name));
        blocks.push(paragraph(&step.purpose));
        blocks.push(paragraph(&step.guidance));
        blocks.push(example("Example", &step.example));
    }
    sections.push(section("framework", &fw.name, blocks));

    let mut blocks = Vec::new();
    for s in &module.practice_scenarios {
        if !open(s.free) {
            blocks.push(locked(&s.id, &s.title));
            continue;
        }
        blocks.push(heading(&s.title));
        blocks.push(paragraph(&s.prompt));
        blocks.push(paragraph(SCENARIO_QUESTION));
        // The lesson teaches by worked example, so each response comes with its
        // verdict and the reason; the session asks the same scenario without them.
        for (i, r) in s.responses.iter().enumerate() {
            let verdict = if i == s.best {
                "the best choice"
            } else {
                "a weaker choice"
            };
            let label = format!("Response {}, {verdict}", option_letter(i));
            blocks.push(example(&label, &r.text));
            blocks.push(paragraph(&r.annotation));
        }
    }
    sections.push(section("in-practice", "In practice", blocks));

    let mut blocks = Vec::new();
    for m in &module.mistakes {
        if !open(m.free) {
            blocks.push(locked(&m.id, &m.title));
            continue;
        }
        blocks.push(heading(&m.title));
        blocks.push(paragraph(format!("Why it happens: {}", m.why_it_happens)));
        blocks.push(paragraph(format!("Instead: {}", m.instead)));
        blocks.push(example("Before", &m.before));
        blocks.push(example("After", &m.after));
    }
    sections.push(section("mistakes", "Common mistakes", blocks));

    let iv = &module.interviewer;
    let mut blocks = vec![paragraph(&iv.intro)];
    blocks.push(bullets(
        &iv.criteria
            .iter()
            .map(|c| format!("{}: {}", c.name, c.question))
            .collect::<Vec<_>>(),
    ));
    for (i, ex) in iv.strong_examples.iter().enumerate() {
        let title = format!("Strong answer {}", i + 1);
        if !open(ex.free) {
            blocks.push(locked(&ex.id, &title));
            continue;
        }
        blocks.push(example(&title, &ex.answer));
        blocks.push(paragraph(&ex.annotation));
    }
    blocks.push(heading("Do"));
    blocks.push(bullets(&iv.dos));
    blocks.push(heading("Don't"));
    blocks.push(bullets(&iv.donts));
    sections.push(section("interviewer", "The interviewer's view", blocks));

    let mut blocks = Vec::new();
    for w in &module.workplace_scenarios {
        if !open(w.free) {
            blocks.push(locked(&w.id, &w.role));
            continue;
        }
        blocks.push(heading(&w.role));
        blocks.push(paragraph(&w.situation));
        blocks.push(example("Recommended approach", &w.approach));
    }
    sections.push(section("workplace", "At work", blocks));

    let mut blocks = Vec::new();
    for e in &module.exercises {
        if !open(e.free) {
            blocks.push(locked(&e.id, &e.title));
            continue;
        }
        blocks.push(heading(&e.title));
        blocks.push(paragraph(&e.prompt));
        if let Some(before) = &e.before {
            blocks.push(example("Rewrite this", before));
        }
        blocks.push(heading(EXERCISE_CHECKLIST_HEADING));
        blocks.push(bullets(&e.checklist));
    }
    sections.push(section("exercises", "Exercises", blocks));

    let p = &module.open_practice;
    let blocks = if open(p.free) {
        let mut blocks = vec![paragraph(&p.prompt), heading("Rubric")];
        blocks.push(bullets(
            &p.rubric
                .iter()
                .map(|r| format!("{}: {}", r.tier.as_str(), r.descriptor))
                .collect::<Vec<_>>(),
        ));
        blocks
    } else {
        vec![locked(&p.id, "Open-ended practice")]
    };
    sections.push(section("practice", "Open-ended practice", blocks));

    let free_questions = module.quiz.iter().filter(|q| q.free).count();
    let quiz_note = if unlocked {
        format!("{} questions.", module.quiz.len())
    } else {
        format!(
            "{} questions, {} of them free.",
            module.quiz.len(),
            free_questions
        )
    };
    sections.push(section("quiz", "Quiz", vec![paragraph(quiz_note)]));

    sections.push(section(
        "takeaways",
        "Key takeaways",
        vec![bullets(&module.takeaways)],
    ));

    let mut blocks = Vec::new();
    for f in &module.faq {
        blocks.push(heading(&f.question));
        blocks.push(paragraph(&f.answer));
    }
    sections.push(section("faq", "Questions people ask", blocks));

    sections.push(section(
        "related",
        "Related",
        vec![
            heading("Topics"),
            bullets(&module.related_topics),
            heading("Roles"),
            bullets(&module.related_roles),
        ],
    ));
    sections
}

fn section(id: &'static str, title: &str, blocks: Vec<Block>) -> LessonSection {
    LessonSection {
        id,
        title: title.to_owned(),
        blocks,
    }
}

/// "A", "B", ... for option lists.
pub fn option_letter(index: usize) -> char {
    (b'A' + (index % 26) as u8) as char
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::embedded_pack;

    fn section_blocks(module: &Module, unlocked: bool, id: &str) -> Vec<Block> {
        lesson_sections(module, unlocked)
            .into_iter()
            .find(|s| s.id == id)
            .expect("section exists")
            .blocks
    }

    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks
            .iter()
            .flat_map(|b| match b {
                Block::Heading { text } | Block::Paragraph { text } => vec![text.as_str()],
                Block::Example { label, text } => vec![label.as_str(), text.as_str()],
                Block::Bullets { items } => items.iter().map(String::as_str).collect(),
                Block::Locked { title, .. } => vec![title.as_str()],
            })
            .collect()
    }

    #[test]
    fn in_practice_names_the_best_response_and_says_why() {
        let m = embedded_pack().module;
        let blocks = section_blocks(&m, false, "in-practice");
        let shown = texts(&blocks);
        for s in &m.practice_scenarios {
            let locked = blocks
                .iter()
                .any(|b| matches!(b, Block::Locked { id, .. } if *id == s.id));
            assert_eq!(locked, !s.free, "{}", s.id);
            for (i, r) in s.responses.iter().enumerate() {
                assert_eq!(shown.contains(&r.annotation.as_str()), s.free, "{}", s.id);
                if s.free {
                    let label = blocks.iter().find_map(|b| match b {
                        Block::Example { label, text } if *text == r.text => Some(label),
                        _ => None,
                    });
                    let best = label.expect("response shown").ends_with("the best choice");
                    assert_eq!(best, i == s.best, "{} response {i}", s.id);
                }
            }
        }
        let asked = shown.iter().filter(|t| **t == SCENARIO_QUESTION).count();
        assert_eq!(
            asked,
            m.practice_scenarios.iter().filter(|s| s.free).count()
        );
    }

    #[test]
    fn open_exercises_carry_their_checklist() {
        let m = embedded_pack().module;
        for unlocked in [false, true] {
            let shown = texts(&section_blocks(&m, unlocked, "exercises")).join("\n");
            for e in &m.exercises {
                let open = e.free || unlocked;
                for item in &e.checklist {
                    assert_eq!(shown.contains(item.as_str()), open, "{}: {item}", e.id);
                }
            }
        }
    }
}
