//! UniFFI bindings (in progress).
uniffi::setup_scaffolding!();
