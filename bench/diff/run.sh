#!/usr/bin/env bash
# diff on its own: 203 migrations of the shared workload (bench/workload/generate.sh), the first 200 applied to a
# target by ci-migrate itself (so the target has a real ledger), then `ci-migrate diff --format markdown` against it:
# the 3 pending replayed on the throwaway shadow. Prints the wall time, process and cluster start included (issue 5's
# target: under 5 s), then the cluster's own start (bench/cluster.sh).
#
# Usage: bench/diff/run.sh [runs]        (default 3)
#   PUBLISH=aot | composite, or CI_MIGRATE=path: which build (bench/lib/tools.sh); default the .NET tool's ReadyToRun
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$(cd "$bench/.." && pwd)"
source "$bench/lib/measure.sh"
source "$bench/lib/pg.sh"
source "$bench/lib/tools.sh"
source "$bench/lib/workload.sh"
runs="${1:-3}"
work="$(mktemp -d /tmp/ci-migrate-bench-diff-XXXXXX)"
chmod 755 "$work"  # the server runs as postgres and must reach its data folder
cleanup() { pg_stop; rm -rf "$work"; }
trap cleanup EXIT

tool="$(tools_ci_migrate_build "$root/bench/out/builds")"
pg_start "$work/pg"
pg_template target "$root/src/CiMigrate.Adapters/Shadow/SupabaseBaseline.sql" bench >/dev/null 2>&1

workload_partly_applied "$work" 203 200
for dir in repo applied; do
  printf '{ "apps": { "bench": { "schema": "bench", "migrations": "supabase/migrations" } } }\n' >"$work/$dir/ci-migrate.json"
done
(cd "$work/applied" && "$tool" stage-apply --database-url "$(pg_url target)" >"$work/apply.log" 2>&1) \
  || { tail -n 20 "$work/apply.log"; exit 1; }

cd "$work/repo"
echo "diff: 200 applied + 3 pending, against a target with its ledger ($tool); wall time, process and cluster start included"
walls=()
for ((run = 1; run <= runs; run++)); do
  measure "$work/diff.log" "$tool" diff --database-url "$(pg_url target)" --format markdown --out "$work/plan.md" \
    || { tail -n 20 "$work/diff.log"; exit 1; }
  walls+=("$MEASURED_US")
  printf '  run %d: %s s, peak RSS %s MiB\n' "$run" "$(us_to_s "$MEASURED_US")" "$(kib_to_mib "$MEASURED_KIB")"
done
echo "diff wall median: $(us_to_s "$(printf '%s\n' "${walls[@]}" | median)") s (target < 5 s)"
grep -m1 -E '^(✅|⚠️|❌)' "$work/plan.md" | sed 's/^/plan verdict: /' || true

echo
echo "throwaway cluster start on its own:"
bash "$bench/cluster.sh" 3 1 | grep -E 'initdb|server start|Supabase template|StartAsync total'
