//! quiz (in progress).
