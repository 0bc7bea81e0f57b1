//! The module outline record: what the home screen and lesson list show.

use aiprep_core::content::Pack;

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ModuleOutline {
    pub module_id: String,
    pub title: String,
    pub summary: String,
    pub content_version: String,
    /// Names of the framework steps, in teaching order.
    pub framework_steps: Vec<String>,
    /// Names of the key concepts the module teaches.
    pub concepts: Vec<String>,
    pub quiz_question_count: u32,
    pub exercise_count: u32,
    pub scenario_count: u32,
}

impl ModuleOutline {
    pub(crate) fn of(pack: &Pack) -> Self {
        let module = &pack.module;
        ModuleOutline {
            module_id: module.id.clone(),
            title: module.title.clone(),
            summary: module.summary.clone(),
            content_version: module.content_version.clone(),
            framework_steps: module
                .framework
                .steps
                .iter()
                .map(|s| s.name.clone())
                .collect(),
            concepts: module.concepts.iter().map(|c| c.name.clone()).collect(),
            quiz_question_count: count(module.quiz.len()),
            exercise_count: count(module.exercises.len()),
            scenario_count: count(module.practice_scenarios.len()),
        }
    }
}

/// Content counts are small; saturate rather than wrap if a pack is absurd.
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
