//! daily (in progress).
