#!/usr/bin/env bash
# The apply figures of issue 8 on their own, in about a minute: N (default 1,000) migrations of the shared workload
# (bench/workload/generate.sh) applied by psql in one transaction (the floor), by dbmate when bench/run.sh has
# installed it, and by `ci-migrate stage-apply` (whole process; peak RSS), each on a fresh database of a throwaway
# PostgreSQL 15 with server defaults, in interleaved rounds; then the no-op run (N applied, nothing pending).
#
# Usage: bench/apply/run.sh [N] [rounds]      (defaults 1000 and 3)
#   PUBLISH=aot         time the Native AOT build the container image ships (build/publish-aot.sh)
#   PUBLISH=composite   time a self-contained, composite ReadyToRun build (framework and tool compiled together)
#   (default)           the framework-dependent ReadyToRun build the .NET tool ships
#   CI_MIGRATE=path     time that executable instead of publishing
# Targets (issue 8): apply <= 1.03 x the floor and <= dbmate; no-op < 0.12 s; peak RSS < 80 MiB.
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$(cd "$bench/.." && pwd)"
source "$bench/lib/measure.sh"
source "$bench/lib/pg.sh"
source "$bench/lib/workload.sh"
source "$bench/lib/tools.sh"
n="${1:-1000}"; rounds="${2:-3}"
work="$(mktemp -d /tmp/ci-migrate-bench-apply-XXXXXX)"
chmod 755 "$work"  # the server runs as postgres and must reach its data folder
cleanup() { pg_stop; rm -rf "$work"; }
trap cleanup EXIT

tool="$(tools_ci_migrate_build "$root/bench/out/builds")"
dbmate="$root/bench/out/tools/dbmate/node_modules/.bin/dbmate"

pg_start "$work/pg"
pg_template bench_template "$root/src/CiMigrate.Adapters/Shadow/SupabaseBaseline.sql" bench >/dev/null 2>&1
workload_apply "$work" "$n" "$(pg_url postgres)"

cd "$work/repo"  # ci-migrate reads ci-migrate.json from here
declare -A walls cpus rss
row() {  # row KEY DB CMD...: one timed run on a fresh database
  local key="$1" db="$2"; shift 2
  pg_fresh "$db" bench_template >/dev/null
  measure "$work/$key.log" "$@" || { echo "$key failed:"; tail -n 5 "$work/$key.log"; exit 1; }
  walls[$key]+="$MEASURED_US "; cpus[$key]+="$MEASURED_CPU_MS "; rss[$key]+="$MEASURED_KIB "
}
for ((round = 0; round <= rounds; round++)); do  # round 0 is the warm-up
  [[ $round == 0 ]] && suffix=warm || suffix=""
  row "psql$suffix" "psql$round" "$PG_BIN/psql" -X -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -d "psql$round" -1 -f "$work/all.sql"
  [[ -x "$dbmate" ]] && row "dbmate$suffix" "dbmate$round" "$dbmate" --url "$(pg_url "dbmate$round")?sslmode=disable" \
    --migrations-dir "$work/dbmate" --migrations-table public.schema_migrations --no-dump-schema migrate
  row "ci-migrate$suffix" "tool$round" "$tool" stage-apply --database-url "$(pg_url "tool$round")"
done
applied=$(pg_psql -d "tool$rounds" -tAc "SELECT count(*) FROM ci_migrate.applied_migrations")
[[ "$applied" == "$n" ]] || { echo "ci-migrate applied $applied of $n"; exit 1; }
for ((i = 0; i <= 10; i++)); do
  measure "$work/noop.log" "$tool" stage-apply --database-url "$(pg_url "tool$rounds")"
  [[ $i -gt 0 ]] && { walls[noop]+="$MEASURED_US "; cpus[noop]+="$MEASURED_CPU_MS "; rss[noop]+="$MEASURED_KIB "; }
done

med() { tr ' ' '\n' <<<"$1" | grep . | median; }
floor=$(med "${walls[psql]}")
echo "apply $n migrations ($tool, $(head -c 60 <<<"$("$tool" --version)")), median of $rounds after a warm-up; no-op median of 10"
echo "| run | median wall (s) | x floor | CPU (s) | peak RSS (MiB) |"
echo "| --- | ---: | ---: | ---: | ---: |"
for key in psql dbmate ci-migrate noop; do
  [[ -n "${walls[$key]:-}" ]] || continue
  wall=$(med "${walls[$key]}")
  ratio=$([[ $key == noop ]] && echo "" || awk -v a="$wall" -v b="$floor" 'BEGIN { printf "%.2f", a / b }')
  echo "| $key | $(us_to_s "$wall") | $ratio | $(awk -v c="$(med "${cpus[$key]}")" 'BEGIN { printf "%.2f", c / 1000 }') | $(kib_to_mib "$(tr ' ' '\n' <<<"${rss[$key]}" | grep . | maximum)") |"
done
