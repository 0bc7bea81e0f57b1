//! The module outline record: what the home screen and lesson list show.

use aiprep_core::content::Module;

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
    /// The "in practice" scenarios, for the scenario list.
    pub scenarios: Vec<ItemHeader>,
    /// The written exercises, for the exercise list.
    pub exercises: Vec<ItemHeader>,
}

/// An item as listed: `free` items open without the unlock.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ItemHeader {
    pub id: String,
    pub title: String,
    pub free: bool,
}

impl ModuleOutline {
    pub(crate) fn of(module: &Module) -> Self {
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
            scenarios: module
                .practice_scenarios
                .iter()
                .map(|s| ItemHeader {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    free: s.free,
                })
                .collect(),
            exercises: module
                .exercises
                .iter()
                .map(|e| ItemHeader {
                    id: e.id.clone(),
                    title: e.title.clone(),
                    free: e.free,
                })
                .collect(),
        }
    }
}

/// Content counts are small; saturate rather than wrap if a pack is absurd.
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
