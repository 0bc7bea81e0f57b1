#!/usr/bin/env bash
# Every test of the project: formatting, lints, Rust tests (unit, integration,
# property), then the Kotlin tests on the JVM against the freshly built library.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --workspace --locked
echo "== Kotlin tests (JVM, through JNA against the host-built library)"
scripts/kotlin-test.sh
