//! The content-pack data model: what a learning module contains, as authored
//! in TOML (see `docs/CONTENT_FORMAT.md`). Every learner-facing item carries a
//! stable string id so progress survives content updates.

use serde::{Deserialize, Serialize};

use crate::analyzer::Profile;

/// The pack format this build reads. Bumped only on incompatible changes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub format_version: u32,
    pub module: Module,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Module {
    pub id: String,
    pub title: String,
    /// Semantic version of the text; progress is keyed by item id, not by this.
    pub content_version: String,
    pub summary: String,
    pub overview: String,
    pub objectives: Vec<String>,
    pub why_it_matters: String,
    pub concepts: Vec<Concept>,
    pub framework: Framework,
    pub practice_scenarios: Vec<PracticeScenario>,
    pub mistakes: Vec<Mistake>,
    pub interviewer: InterviewerPerspective,
    pub workplace_scenarios: Vec<WorkplaceScenario>,
    pub exercises: Vec<Exercise>,
    pub open_practice: OpenPractice,
    pub quiz: Vec<QuizQuestion>,
    pub takeaways: Vec<String>,
    pub faq: Vec<Faq>,
    pub related_topics: Vec<String>,
    pub related_roles: Vec<String>,
    /// Ids of other modules worth taking next; the catalog lists those installed.
    #[serde(default)]
    pub related_modules: Vec<String>,
    /// What the written answers of this module are, which decides how they
    /// are analyzed.
    #[serde(default)]
    pub answer_kind: AnswerKind,
    /// How a story module's answers are weighed (the takeaway share its
    /// question expects, findings it does not ask for); the failure-story
    /// defaults when absent.
    #[serde(default)]
    pub analysis: Profile,
}

/// How a module's written answers are read: a behavioural story is held to
/// the STAR-T structure and wording rules; a technical explanation is checked
/// for the exercise's key ideas and for clarity, never for a story's shape.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    #[default]
    Story,
    Explanation,
}

impl AnswerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerKind::Story => "story",
            AnswerKind::Explanation => "explanation",
        }
    }
}

/// A concept tag: quiz questions, scenarios and exercises point at these ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    pub id: String,
    pub name: String,
    pub definition: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    pub name: String,
    pub intro: String,
    /// Share of the answer that belongs to the takeaway (the module teaches 0.5).
    pub takeaway_share: f64,
    pub steps: Vec<FrameworkStep>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StarPart {
    Situation,
    Task,
    Action,
    Result,
    Takeaway,
}

impl StarPart {
    pub const ALL: [StarPart; 5] = [
        StarPart::Situation,
        StarPart::Task,
        StarPart::Action,
        StarPart::Result,
        StarPart::Takeaway,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StarPart::Situation => "situation",
            StarPart::Task => "task",
            StarPart::Action => "action",
            StarPart::Result => "result",
            StarPart::Takeaway => "takeaway",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkStep {
    pub part: StarPart,
    pub name: String,
    pub purpose: String,
    pub guidance: String,
    pub example: String,
}

/// An "in practice" scenario: pick the response you would have given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeScenario {
    pub id: String,
    pub title: String,
    pub prompt: String,
    #[serde(default)]
    pub free: bool,
    pub concepts: Vec<String>,
    /// Index into `responses` of the best response.
    pub best: usize,
    /// Difficulty on the quiz logit scale (about -3 easy .. +3 hard).
    pub difficulty: f64,
    pub responses: Vec<ScenarioResponse>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioResponse {
    pub text: String,
    pub annotation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mistake {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub free: bool,
    pub why_it_happens: String,
    pub instead: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterviewerPerspective {
    pub intro: String,
    pub criteria: Vec<Criterion>,
    pub strong_examples: Vec<StrongExample>,
    pub dos: Vec<String>,
    pub donts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub name: String,
    pub question: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrongExample {
    pub id: String,
    #[serde(default)]
    pub free: bool,
    pub answer: String,
    pub annotation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkplaceScenario {
    pub id: String,
    #[serde(default)]
    pub free: bool,
    pub role: String,
    pub situation: String,
    pub approach: String,
    pub concepts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub free: bool,
    pub prompt: String,
    /// The weak answer the learner is asked to rewrite, when the exercise has one.
    #[serde(default)]
    pub before: Option<String>,
    pub model_answer: String,
    pub checklist: Vec<String>,
    pub concepts: Vec<String>,
    /// What an explanation must cover, each checked in the learner's words;
    /// required in explanation modules, absent in story modules.
    #[serde(default)]
    pub key_ideas: Vec<KeyIdea>,
}

/// One idea a technical explanation must contain, recognized by any of its
/// phrasings (see `docs/CONTENT_FORMAT.md` for the pattern syntax).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyIdea {
    /// A short label shown to the learner, e.g. "Names early stopping".
    pub idea: String,
    /// Phrasings that show the idea; the idea is covered when one matches.
    pub any: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Weak,
    Developing,
    Strong,
    Exemplary,
}

impl Tier {
    pub const ALL: [Tier; 4] = [Tier::Weak, Tier::Developing, Tier::Strong, Tier::Exemplary];

    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Weak => "weak",
            Tier::Developing => "developing",
            Tier::Strong => "strong",
            Tier::Exemplary => "exemplary",
        }
    }

    /// The scores an answer of this tier may have, so score and tier agree.
    pub fn score_band(self) -> (u8, u8) {
        match self {
            Tier::Weak => (0, 39),
            Tier::Developing => (40, 64),
            Tier::Strong => (65, 84),
            Tier::Exemplary => (85, 100),
        }
    }
}

/// The open-ended practice scenario, self-assessed against a four-tier rubric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenPractice {
    pub id: String,
    #[serde(default)]
    pub free: bool,
    pub prompt: String,
    pub model_answer: String,
    pub rubric: Vec<RubricTier>,
    /// As for exercises: what an explanation must cover.
    #[serde(default)]
    pub key_ideas: Vec<KeyIdea>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricTier {
    pub tier: Tier,
    pub descriptor: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionType {
    Vocabulary,
    Scenario,
    ErrorDetection,
    Judgment,
}

impl QuestionType {
    pub const ALL: [QuestionType; 4] = [
        QuestionType::Vocabulary,
        QuestionType::Scenario,
        QuestionType::ErrorDetection,
        QuestionType::Judgment,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuestionType::Vocabulary => "vocabulary",
            QuestionType::Scenario => "scenario",
            QuestionType::ErrorDetection => "error_detection",
            QuestionType::Judgment => "judgment",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizQuestion {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: QuestionType,
    #[serde(default)]
    pub free: bool,
    pub question: String,
    pub options: Vec<String>,
    /// 0-based index into `options`.
    pub answer: usize,
    pub explanation: String,
    /// Difficulty on the quiz logit scale (about -3 easy .. +3 hard).
    pub difficulty: f64,
    pub concepts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    pub id: String,
    pub question: String,
    pub answer: String,
}
