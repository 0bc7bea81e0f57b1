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
        for (i, r) in s.responses.iter().enumerate() {
            blocks.push(example(&format!("Response {}", option_letter(i)), &r.text));
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
