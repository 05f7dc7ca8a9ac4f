#!/usr/bin/env bash
# Lint findings over the real corpus, two ways a new user runs lint: on a migrations folder with nothing configured
# (`ci-migrate lint db/migrations` in a repository without supabase/: the schema is what the files set, if anything)
# and as run.sh does it (an app with schema public in ci-migrate.json). Prints per folder and in total: errors, warnings, and the rules.
#   CI_MIGRATE=<tool> bash bench/real/lint-counts.sh $(bash bench/real/fetch.sh)
set -uo pipefail
(( $# > 0 )) || { echo "usage: CI_MIGRATE=<tool> bench/real/lint-counts.sh <migrations folder>..." >&2; exit 2; }
tool="$(realpath "${CI_MIGRATE:?set CI_MIGRATE to the ci-migrate binary}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

n=0
for folder in "$@"; do
  n=$((n + 1))
  name="$(basename "$(realpath "$folder")")"
  [[ "$name" == migrations ]] && name="$(basename "$(dirname "$(dirname "$(realpath "$folder")")")")"
  for mode in zero-config schema-public; do
    repo="$work/$n-$mode"
    if [[ $mode == schema-public ]]; then
      mkdir -p "$repo/supabase"
      cp -r "$folder" "$repo/supabase/migrations"
      printf '{ "apps": { "app": { "schema": "public" } } }\n' > "$repo/ci-migrate.json"
      (cd "$repo" && "$tool" lint --format json >"$work/out.json" 2>/dev/null)
    else
      mkdir -p "$repo/db"
      cp -r "$folder" "$repo/db/migrations"
      (cd "$repo" && "$tool" lint --format json db/migrations >"$work/out.json" 2>/dev/null)
    fi
    python3 - "$work/out.json" "$name" "$mode" >>"$work/rows" <<'PY'
import json, sys, collections
try:
    findings = json.load(open(sys.argv[1])).get("findings", [])
except Exception:
    findings = None
if findings is None:
    print(f"{sys.argv[3]}\t{sys.argv[2]}\t-1\t-1\t(no JSON report)")
else:
    sev = collections.Counter(f.get("severity", "?") for f in findings)
    rules = collections.Counter(f.get("rule", "?") for f in findings)
    print(f"{sys.argv[3]}\t{sys.argv[2]}\t{sev.get('error', 0)}\t{sev.get('warning', 0)}\t" + ", ".join(f"{r} {c}" for r, c in rules.most_common()))
PY
  done
done

python3 - "$work/rows" <<'PY'
import sys, collections
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
for mode in ("zero-config", "schema-public"):
    print(f"## {mode}")
    errors = warnings = 0
    rules = collections.Counter()
    for m, name, e, w, detail in rows:
        if m != mode:
            continue
        print(f"{name}: {e} errors, {w} warnings{': ' + detail if detail else ''}")
        errors += max(int(e), 0); warnings += max(int(w), 0)
        for part in filter(None, detail.split(", ")):
            if part.startswith("("):
                continue
            rule, count = part.rsplit(" ", 1)
            rules[rule] += int(count)
    print(f"total {mode}: {errors} errors, {warnings} warnings")
    print("by rule: " + ", ".join(f"{r} {c}" for r, c in rules.most_common()))
PY
