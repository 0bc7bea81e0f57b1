//! unlock (in progress).
