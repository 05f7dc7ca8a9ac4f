#!/usr/bin/env bash
# The real-corpus check: runs lint, inspect and diff on each migrations folder given, as a new user would (an app
# with schema public, the throwaway shadow), and prints per folder whether diff planned it, with the first reason
# when not, then "real folders planned: N/M".
#   bash bench/real/run.sh $(bash bench/real/fetch.sh)
# The tool: $CI_MIGRATE if set (e.g. src/CiMigrate/bin/Release/net10.0/ci-migrate), else the .NET tool's publish
# (PUBLISH=aot for the container image's build), see bench/lib/tools.sh.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../lib/tools.sh"
(( $# > 0 )) || { echo "usage: bench/real/run.sh <migrations folder>..." >&2; exit 2; }

tool="$(tools_ci_migrate_build "$TOOLS_DIR/real")" || exit 1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The first line that says what stopped the run: an error line, else the first line of output.
first_reason() {
  { grep -m1 -A1 -E '^(error|Error|Unhandled)' "$1" || grep -m1 -v -E '^\s*$' "$1"; } |
    awk 'NR == 1 { line = $0; if (line !~ /:$/) { print line; exit } next } { sub(/^ +/, ""); print line " " $0; exit }' | cut -c1-240
}

planned=0 total=0
for folder in "$@"; do
  total=$((total + 1))
  # folders/<name> or corpus/<name>/... from fetch.sh; otherwise the folder holding supabase/.
  if [[ "$folder" == */bench/real/folders/* ]]; then name="${folder#*/bench/real/folders/}"; name="${name%%/*}"
  elif [[ "$folder" == */corpus/* ]]; then name="${folder#*/corpus/}"; name="${name%%/*}"
  else name="$(basename "$(dirname "$(dirname "$(realpath "$folder")")")")"; fi
  repo="$work/$total-$name"
  mkdir -p "$repo/supabase"
  cp -r "$folder" "$repo/supabase/migrations"
  printf '{ "apps": { "%s": { "schema": "public" } } }\n' "$name" > "$repo/ci-migrate.json"
  files=$(find "$repo/supabase/migrations" -maxdepth 1 -type f | wc -l)

  (cd "$repo" && "$tool" lint >"$work/lint.out" 2>"$work/lint.err"); lint=$?
  (cd "$repo" && "$tool" inspect --format json supabase/migrations/*.sql >"$work/inspect.out" 2>"$work/inspect.err"); inspect=$?
  (cd "$repo" && "$tool" diff --format json >"$work/diff.out" 2>"$work/diff.err"); diff=$?

  # diff writes a plan even when the replay stops (a fails-on-shadow hazard at the failing statement, exit 3);
  # planned means a plan with no such hazard.
  failure="$(python3 "$here/replay_failure.py" "$work/diff.out" 2>/dev/null)"
  if grep -q '"pending"' "$work/diff.out" 2>/dev/null && [[ -z "$failure" ]]; then
    planned=$((planned + 1))
    notes=$(grep -o 'Stand-ins replaced [^"]* on the shadow' "$work/diff.out" | head -n1)
    echo "$name ($files files): planned, lint exit $lint, inspect exit $inspect, diff exit $diff${notes:+; $notes}"
  else
    echo "$name ($files files): NOT planned (lint exit $lint, inspect exit $inspect, diff exit $diff): ${failure:-$(first_reason "$work/diff.err")}"
  fi
done
echo "real folders planned: $planned/$total"
