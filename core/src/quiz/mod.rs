//! Adaptive quiz: learner ability and question difficulty on one logit scale.
//!
//! The response model is Rasch with a guessing floor,
//! `P(correct) = g + (1 − g)·σ(ability − difficulty)` with `g = 1/options`
//! ([`p_correct`]). [`AbilityModel`] keeps the learner's overall ability, a
//! per-concept offset from it and a per-question difficulty (seeded from the
//! pack), and refines them online after every answer. [`choose_next`] picks the
//! next question: due reviews mixed in, weak concepts first, and otherwise the
//! question whose predicted success is closest to the target rate.
//!
//! Everything here is pure and deterministic; the caller stores the model
//! (it is `serde`-serializable) or rebuilds it with [`replay`].

mod model;
mod question;
mod select;
mod shuffle;

#[cfg(test)]
mod simulation_tests;

pub use model::{p_correct, replay, AbilityModel, AnswerEvent, ConceptAbility, Estimate};
pub use question::QuestionInfo;
pub use select::{choose_next, DEFAULT_TARGET};
pub use shuffle::{option_order, shown_position};
