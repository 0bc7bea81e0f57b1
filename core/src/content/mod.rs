//! Learning content: the pack format, its parser and validator, and the
//! module compiled into the binary as the embedded default.

mod catalog;
mod lesson;
mod lookup;
mod model;
mod validate;

pub use catalog::Catalog;
pub use lesson::{
    lesson_sections, option_letter, Block, LessonSection, SCENARIO_QUESTION, SECTION_IDS,
};
pub use lookup::{ItemIndex, ItemRef};
pub use model::*;
pub use validate::ContentError;

use std::path::Path;

/// The first module, compiled in so the app works with no files around it.
const EMBEDDED_FAILURE_STORY: &str = include_str!("../../content/failure-story.toml");
const EMBEDDED_FAILURE_STORY_NAME: &str = "failure-story.toml";

/// Every bundled module as (file name, TOML), in catalog order.
const BUNDLED: &[(&str, &str)] = &[
    (EMBEDDED_FAILURE_STORY_NAME, EMBEDDED_FAILURE_STORY),
    (
        "conflict-story.toml",
        include_str!("../../content/conflict-story.toml"),
    ),
    (
        "overfitting.toml",
        include_str!("../../content/overfitting.toml"),
    ),
];

/// Parses and validates a pack from TOML text; `source` names it in errors.
pub fn parse_pack(source: &str, text: &str) -> Result<Pack, ContentError> {
    let pack: Pack = toml::from_str(text).map_err(|e| ContentError::syntax(source, &e))?;
    validate::validate(source, &pack)?;
    Ok(pack)
}

/// Reads, parses and validates a pack file.
pub fn load_pack(path: &Path) -> Result<Pack, ContentError> {
    let source = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ContentError::io(&source, &e))?;
    parse_pack(&source, &text)
}

/// The bundled "Tell me about a time you failed" module.
pub fn embedded_pack() -> Pack {
    parse_pack(EMBEDDED_FAILURE_STORY_NAME, EMBEDDED_FAILURE_STORY)
        .expect("the embedded pack is validated by the test suite")
}

/// Every bundled pack as (file name, pack), in catalog order.
pub fn bundled_packs() -> Vec<(&'static str, Pack)> {
    BUNDLED
        .iter()
        .map(|(name, text)| {
            let pack =
                parse_pack(name, text).expect("bundled packs are validated by the test suite");
            (*name, pack)
        })
        .collect()
}

/// The bundled modules as one catalog.
pub fn bundled_catalog() -> Catalog {
    try_bundled_catalog().expect("the bundled catalog is checked by the test suite")
}

fn try_bundled_catalog() -> Result<Catalog, ContentError> {
    let mut packs = bundled_packs().into_iter();
    let (_, first) = packs.next().expect("at least one module is bundled");
    packs.try_fold(Catalog::from(first), |catalog, (name, pack)| {
        catalog.with_pack(name, pack)
    })
}

#[cfg(test)]
mod tests;
