#!/usr/bin/env bash
# Runs the Kotlin tests: Maven builds the Rust library (cargo), generates the
# Kotlin bindings from it with the workspace uniffi-bindgen, and runs the JUnit
# tests through JNA against that library. Exits non-zero on any failure.
#   CARGO_TARGET_DIR  cargo's output dir (default: <repo>/target)
#   MAVEN_OFFLINE=1   run Maven offline once its dependencies are cached
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"

for tool in cargo mvn java awk; do
    command -v "$tool" >/dev/null || { echo "kotlin-test: '$tool' is not installed" >&2; exit 1; }
done

mvn_flags=(-q -B -Dstyle.color=never)
if [[ "${MAVEN_OFFLINE:-0}" == 1 ]]; then
    mvn_flags+=(-o)
fi

# -q hides Surefire's summary; print the totals so the run says what it did.
# Stale reports from an earlier run must not count.
# The reactor (android/pom.xml) builds core-kotlin, then the Compose ui module,
# whose tests render every screen to android/ui/target/screenshots.
reports=("$repo/android/core-kotlin/target/surefire-reports" "$repo/android/ui/target/surefire-reports")
rm -rf "${reports[@]}"
# Maven writes colour resets even in batch mode; strip them so the summary
# below stands alone on its line.
mvn "${mvn_flags[@]}" -f "$repo/android/pom.xml" test 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g'
awk '
    /<testsuite / {
        for (i = 1; i <= NF; i++) {
            if (split($i, kv, "=") == 2) {
                gsub(/[^0-9]/, "", kv[2])
                if (kv[1] == "tests") tests += kv[2]
                if (kv[1] == "failures" || kv[1] == "errors") failed += kv[2]
                if (kv[1] == "skipped") skipped += kv[2]
            }
        }
    }
    END {
        if (tests == 0) { print "kotlin-test: no test ran" > "/dev/stderr"; exit 1 }
        printf "kotlin: %d passed, %d failed, %d skipped\n", tests - failed - skipped, failed, skipped
        exit (failed > 0 ? 1 : 0)
    }
' "${reports[0]}"/TEST-*.xml "${reports[1]}"/TEST-*.xml
