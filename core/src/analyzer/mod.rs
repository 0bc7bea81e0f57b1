//! analyzer (in progress).
