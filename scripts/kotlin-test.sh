#!/usr/bin/env bash
# Runs the Kotlin tests: Maven builds the Rust library (cargo), generates the
# Kotlin bindings from it with the workspace uniffi-bindgen, and runs the JUnit
# tests through JNA against that library. Exits non-zero on any failure.
#   CARGO_TARGET_DIR  cargo's output dir (default: <repo>/target)
#   MAVEN_OFFLINE=1   run Maven offline once its dependencies are cached
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"

for tool in cargo mvn java; do
    command -v "$tool" >/dev/null || { echo "kotlin-test: '$tool' is not installed" >&2; exit 1; }
done

mvn_flags=(-q -B)
if [[ "${MAVEN_OFFLINE:-0}" == 1 ]]; then
    mvn_flags+=(-o)
fi

# -q hides Surefire's summary; print the totals so the run says what it did.
mvn "${mvn_flags[@]}" -f "$repo/android/core-kotlin/pom.xml" test
reports="$repo/android/core-kotlin/target/surefire-reports"
python3 - "$reports" <<'PY'
import sys, pathlib, xml.etree.ElementTree as ET
tests = failed = skipped = 0
for f in pathlib.Path(sys.argv[1]).glob("TEST-*.xml"):
    r = ET.parse(f).getroot()
    tests += int(r.get("tests", 0))
    failed += int(r.get("failures", 0)) + int(r.get("errors", 0))
    skipped += int(r.get("skipped", 0))
if tests == 0:
    print("kotlin-test: no test ran", file=sys.stderr)
    sys.exit(1)
print(f"kotlin: {tests - failed - skipped} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
PY
