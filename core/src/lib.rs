//! Domain core of the offline interview-prep app.
//!
//! Each module is one capability with one public face. Pure logic (`content`,
//! `scheduler`, `analyzer`, `quiz`, `daily`, `unlock`) never touches SQLite;
//! `storage` owns every SQL statement; `learner` composes them into the API the
//! front ends (terminal app, UniFFI bindings) call. Time is always passed in.

pub mod analyzer;
pub mod content;
pub mod daily;
pub mod error;
pub mod learner;
pub mod quiz;
pub mod scheduler;
mod stable_hash;
pub mod storage;
pub mod unlock;

pub use error::{Error, Result};
