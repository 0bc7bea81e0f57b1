#!/usr/bin/env bash
# The graphical app on a laptop: the shared Compose screens (android/ui) in a
# desktop window, on the same progress file as the terminal app
# (~/.local/share/aiprep/progress.sqlite3; AIPREP_DB=PATH picks another).
# Maven builds the Rust library and the Kotlin bindings first, as the tests do.
#   MAVEN_OFFLINE=1   run Maven offline once its dependencies are cached
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"

for tool in cargo mvn java; do
    command -v "$tool" >/dev/null || { echo "desktop: '$tool' is not installed" >&2; exit 1; }
done

mvn_flags=(-q -B -Dstyle.color=never)
if [[ "${MAVEN_OFFLINE:-0}" == 1 ]]; then
    mvn_flags+=(-o)
fi

# install puts core-kotlin where the ui module's own exec run resolves it.
mvn "${mvn_flags[@]}" -f "$repo/android/pom.xml" -DskipTests install
exec mvn "${mvn_flags[@]}" -f "$repo/android/ui/pom.xml" exec:java
