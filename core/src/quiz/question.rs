use serde::{Deserialize, Serialize};

use crate::content::{PracticeScenario, QuizQuestion};

/// What the adaptive quiz needs to know about one answerable item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionInfo {
    pub id: String,
    pub concepts: Vec<String>,
    /// The pack's difficulty estimate (logit); the model refines it with answers.
    pub difficulty: f64,
    /// Number of choices; sets the guessing floor `1/options`.
    pub options: usize,
}

impl From<&QuizQuestion> for QuestionInfo {
    fn from(q: &QuizQuestion) -> Self {
        QuestionInfo {
            id: q.id.clone(),
            concepts: q.concepts.clone(),
            difficulty: q.difficulty,
            options: q.options.len(),
        }
    }
}

/// A practice scenario is a choice among its responses, so each response
/// counts as an option.
impl From<&PracticeScenario> for QuestionInfo {
    fn from(s: &PracticeScenario) -> Self {
        QuestionInfo {
            id: s.id.clone(),
            concepts: s.concepts.clone(),
            difficulty: s.difficulty,
            options: s.responses.len(),
        }
    }
}
