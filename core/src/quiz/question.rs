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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{QuestionType, ScenarioResponse};

    #[test]
    fn quiz_questions_and_scenarios_convert() {
        let quiz = QuizQuestion {
            id: "q-own".into(),
            kind: QuestionType::Judgment,
            free: true,
            question: "Which answer owns the mistake?".into(),
            options: vec!["a".into(), "b".into(), "c".into()],
            answer: 1,
            explanation: "b names what the speaker did.".into(),
            difficulty: 0.4,
            concepts: vec!["ownership".into()],
        };
        let info = QuestionInfo::from(&quiz);
        assert_eq!(
            (info.id.as_str(), info.options, info.difficulty),
            ("q-own", 3, 0.4)
        );
        assert_eq!(info.concepts, ["ownership"]);

        let response = |text: &str| ScenarioResponse {
            text: text.into(),
            annotation: String::new(),
        };
        let scenario = PracticeScenario {
            id: "s-deadline".into(),
            title: "Missed deadline".into(),
            prompt: "Your launch slipped a week.".into(),
            free: false,
            concepts: vec!["stakes".into(), "takeaway".into()],
            best: 0,
            difficulty: -1.2,
            responses: vec![response("x"), response("y")],
        };
        let info = QuestionInfo::from(&scenario);
        assert_eq!((info.options, info.difficulty), (2, -1.2));
        assert_eq!(info.concepts, ["stakes", "takeaway"]);
    }
}
