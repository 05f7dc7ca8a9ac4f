#!/usr/bin/env bash
# Chaos run of issue 14: RUNS times, `ci-migrate stage-apply` of 30 migrations is killed (SIGKILL) at a random
# moment, then run again to the end; after each pair the database must hold every migration exactly once, no index
# that is invalid while the migration that builds it is recorded as applied, and no advisory lock left behind.
#
# The workload (30 files, schema chaos): every file appends its version to chaos.applications (no unique key: a
# migration applied twice shows as two rows) and creates a table filled with 40,000 rows; every fifth file is a
# `-- ci-migrate:no-transaction` file that builds a UNIQUE index CONCURRENTLY on an earlier, filled table (guarded
# by DROP INDEX CONCURRENTLY IF EXISTS, as lint asks), so kills land inside concurrent index builds too.
#
# Usage: bench/chaos.sh [RUNS]          (default 50)
#   CI_MIGRATE=path / PUBLISH=aot|composite   which build to run (bench/lib/tools.sh); default the .NET tool build
# Prints one line per run and, last:
#   chaos: N runs, every migration exactly once: yes/no, invalid indexes recorded as applied: K, stale locks: L
# Exits 1 unless all three are clean.
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench/.." && pwd)"
source "$bench/lib/pg.sh"
source "$bench/lib/tools.sh"
runs="${1:-50}"
migrations=30
work="$(mktemp -d /tmp/ci-migrate-chaos-XXXXXX)"
chmod 755 "$work"
cleanup() { pg_stop; rm -rf "$work"; }
trap cleanup EXIT

tool="$(tools_ci_migrate_build "$root/bench/out/builds")"
pg_start "$work/pg"
pg_template chaos_template "$root/src/CiMigrate.Adapters/Shadow/SupabaseBaseline.sql" chaos >/dev/null 2>&1

dir="$work/repo/supabase/migrations"
mkdir -p "$dir"
for ((i = 1; i <= migrations; i++)); do
  printf -v version '20250101%06d' "$i"
  if ((i % 5 == 0)); then
    table="filled_$((i - 1))"
    cat >"$dir/${version}_index_$table.sql" <<SQL
-- ci-migrate:no-transaction
SET search_path TO chaos;
DROP INDEX CONCURRENTLY IF EXISTS ${table}_code_key;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${table}_code_key ON $table (code);
SQL
  else
    cat >"$dir/${version}_filled_$i.sql" <<SQL
SET search_path TO chaos;
CREATE TABLE IF NOT EXISTS applications (version text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());
INSERT INTO applications (version) VALUES ('$version');
CREATE TABLE IF NOT EXISTS filled_$i (id bigint PRIMARY KEY, code text NOT NULL, note text);
INSERT INTO filled_$i (id, code, note) SELECT g, 'c' || g, repeat('x', 40) FROM generate_series(1, 40000) g
ON CONFLICT (id) DO NOTHING;
SQL
  fi
done
transactional=$(ls "$dir" | grep -vc _index_)

cat >"$work/repo/ci-migrate.json" <<JSON
{ "apps": { "chaos": { "schema": "chaos", "migrations": "supabase/migrations" } },
  "lint": { "rules": { "require-lock-timeout": "off", "new-table-grants": "off", "new-table-rls": "off" } } }
JSON
cd "$work/repo"

apply() {  # apply DB: one stage-apply, its output in $work/apply.log
  "$tool" stage-apply --app chaos --skip-lint --database-url "$(pg_url "$1")" >"$work/apply.log" 2>&1
}
query() { pg_psql -d "$1" -tAc "$2"; }

# How long a whole apply takes here, so that the kill moments spread over all of it.
pg_fresh chaos_probe chaos_template >/dev/null
start=$EPOCHREALTIME
apply chaos_probe || { echo "the workload does not apply:"; cat "$work/apply.log"; exit 1; }
full_ms=$(( (${EPOCHREALTIME/./} - ${start/./}) / 1000 ))
pg_drop chaos_probe >/dev/null

twice=0; invalid_recorded=0; stale_locks=0; missing=0
for ((run = 1; run <= runs; run++)); do
  db="chaos_$run"
  pg_fresh "$db" chaos_template >/dev/null
  delay_ms=$(( RANDOM % (full_ms + 1) ))
  "$tool" stage-apply --app chaos --skip-lint --database-url "$(pg_url "$db")" >"$work/killed.log" 2>&1 &
  victim=$!
  sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"  # the chaos itself: a random moment
  kill -KILL "$victim" 2>/dev/null || true
  wait "$victim" 2>/dev/null || true
  killed_at=$(query "$db" "SELECT count(*) FROM ci_migrate.applied_migrations WHERE app = 'chaos'" 2>/dev/null || echo 0)

  rerun=ok
  if ! apply "$db"; then
    # A refused re-run (an invalid index left by the kill) must name the fix; the operator runs it, then again.
    rerun="refused: $(grep -m1 -iE 'invalid|error' "$work/apply.log" | cut -c1-90)"
    fix=$(grep -oE 'DROP INDEX CONCURRENTLY IF EXISTS [a-z_."]+' "$work/apply.log" | head -n 1 || true)
    [[ -n "$fix" ]] && pg_psql -d "$db" -c "$fix" >/dev/null
    apply "$db" || { echo "run $run: the re-run fails: $(tail -n 3 "$work/apply.log")"; missing=$((missing + 1)); }
  fi

  recorded=$(query "$db" "SELECT count(*) FROM ci_migrate.applied_migrations WHERE app = 'chaos'")
  doubles=$(query "$db" "SELECT count(*) FROM (SELECT version FROM chaos.applications GROUP BY version HAVING count(*) > 1) d")
  rows=$(query "$db" "SELECT count(DISTINCT version) FROM chaos.applications")
  invalid=$(query "$db" "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'chaos' AND NOT i.indisvalid")
  locks=$(query "$db" "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")
  [[ "$recorded" == "$migrations" && "$rows" == "$transactional" ]] || missing=$((missing + 1))
  twice=$((twice + doubles))
  ((invalid > 0)) && invalid_recorded=$((invalid_recorded + invalid))
  stale_locks=$((stale_locks + locks))
  printf 'run %2d: killed after %4d ms with %2s recorded; re-run %s; recorded %s/%s, applied twice %s, invalid %s, locks %s\n' \
    "$run" "$delay_ms" "$killed_at" "$rerun" "$recorded" "$migrations" "$doubles" "$invalid" "$locks"
  pg_drop "$db" >/dev/null
done

once=yes
((twice == 0 && missing == 0)) || once=no
echo "chaos: $runs runs, every migration exactly once: $once, invalid indexes recorded as applied: $invalid_recorded, stale locks: $stale_locks"
[[ $once == yes && $invalid_recorded == 0 && $stale_locks == 0 ]]
