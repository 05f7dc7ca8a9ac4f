#!/usr/bin/env bash
# copy-schema's rate between two servers against the runbook's way, on the same data: N rows (default 1,000,000) of a
# two-table schema (a foreign key, identity keys) on server A, copied to a fresh database on server B by
#   - ci-migrate copy-schema --data   (whole process: structure from the catalog, binary COPY ... FREEZE, the indexes and keys
#                                      built after the rows, per-table proof with the source's half beside the load), and
#   - pg_dump --data-only | psql -1   (the runbook's export/import; the structure restored beforehand, untimed).
# Two throwaway PostgreSQL 15 clusters with server defaults on this machine, interleaved rounds, medians.
# MB = the source tables' heap size (pg_table_size), the same bytes for both tools.
#
# Usage: bench/copy/run.sh [N] [rounds]      (defaults 1000000 and 3)
#   PUBLISH=aot | composite, CI_MIGRATE=path   which build of ci-migrate to time (see bench/lib/tools.sh)
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$(cd "$bench/.." && pwd)"
source "$bench/lib/measure.sh"
source "$bench/lib/pg.sh"
source "$bench/lib/tools.sh"
n="${1:-1000000}"; rounds="${2:-3}"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
work="$(mktemp -d /tmp/ci-migrate-bench-copy-XXXXXX)"
chmod 755 "$work"

# pg.sh keeps one server in its variables: start A, keep its, start B; stop both on exit.
stop_both() { PG_DATA="${A_DATA:-}"; pg_stop; PG_DATA="${B_DATA:-}"; pg_stop; rm -rf "$work"; }
trap stop_both EXIT
tool="$(tools_ci_migrate_build "$root/bench/out/builds")"
pg_start "$work/a"; A_DATA=$PG_DATA; A_PORT=$PG_PORT
pg_start "$work/b"; B_DATA=$PG_DATA; B_PORT=$PG_PORT
on_a() { PG_PORT=$A_PORT pg_psql "$@"; }
on_b() { PG_PORT=$B_PORT pg_psql "$@"; }

on_a -d postgres -c "CREATE DATABASE src" >/dev/null
on_a -d src -f "$root/src/CiMigrate.Adapters/Shadow/SupabaseBaseline.sql" >/dev/null 2>&1
on_b -d postgres -c "CREATE DATABASE target_template" >/dev/null
on_b -d target_template -f "$root/src/CiMigrate.Adapters/Shadow/SupabaseBaseline.sql" >/dev/null 2>&1
on_a -d src >/dev/null <<SQL
CREATE SCHEMA bench;
CREATE TABLE bench.categories (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
CREATE TABLE bench.entries (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category_id int NOT NULL REFERENCES bench.categories (id), amount numeric(12, 2) NOT NULL, note text,
    created_at timestamptz NOT NULL DEFAULT now());
INSERT INTO bench.categories (name) SELECT 'category ' || g FROM generate_series(1, 100) g;
INSERT INTO bench.entries (category_id, amount, note, created_at)
    SELECT 1 + g % 100, (g % 100000) / 100.0, 'entry number ' || g, '2025-01-01'::timestamptz + g * interval '1 minute'
    FROM generate_series(1, $n) g;
VACUUM ANALYZE bench.entries;
SQL
bytes=$(on_a -d src -tAc "SELECT sum(pg_table_size(c.oid)) FROM pg_class c WHERE c.relnamespace = 'bench'::regnamespace AND c.relkind = 'r'")
rows=$((n + 100))

mkdir -p "$work/repo/supabase/migrations"
cat >"$work/repo/ci-migrate.json" <<JSON
{ "apps": { "bench": { "schema": "bench", "migrations": "supabase/migrations" } },
  "environments": { "sandbox": { "databaseUrl": "postgres://postgres@127.0.0.1:$A_PORT/src", "notifyPostgrest": false },
                    "production": { "databaseUrlEnv": "TARGET_URL", "notifyPostgrest": false } } }
JSON
cd "$work/repo"

declare -A walls cpus
for ((round = 0; round <= rounds; round++)); do  # round 0 is the warm-up
  on_b -d postgres -c "CREATE DATABASE tool$round TEMPLATE target_template" >/dev/null
  measure "$work/tool.log" env TARGET_URL="postgres://postgres@127.0.0.1:$B_PORT/tool$round" \
    "$tool" copy-schema --from sandbox --to production --app bench --data \
    || { echo "copy-schema failed:"; tail -n 5 "$work/tool.log"; exit 1; }
  [[ $round -gt 0 ]] && { walls[tool]+="$MEASURED_US "; cpus[tool]+="$MEASURED_CPU_MS "; }
  got=$(on_b -d "tool$round" -tAc "SELECT count(*) FROM bench.entries")
  [[ "$got" == "$n" ]] || { echo "copy-schema copied $got of $n rows"; exit 1; }

  on_b -d postgres -c "CREATE DATABASE dump$round TEMPLATE target_template" >/dev/null
  "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$A_PORT" -U postgres --schema=bench --no-owner --no-acl --schema-only src \
    | on_b -d "dump$round" >/dev/null
  measure "$work/dump.log" bash -o pipefail -c "'$PG_BIN/pg_dump' -h 127.0.0.1 -p $A_PORT -U postgres --schema=bench --no-owner --no-acl --data-only src \
    | '$PG_BIN/psql' -X -q -h 127.0.0.1 -p $B_PORT -U postgres -v ON_ERROR_STOP=1 -1 -d dump$round" \
    || { echo "pg_dump | psql failed:"; tail -n 5 "$work/dump.log"; exit 1; }
  [[ $round -gt 0 ]] && { walls[dump]+="$MEASURED_US "; cpus[dump]+="$MEASURED_CPU_MS "; }
  on_b -d postgres -c "DROP DATABASE tool$round" -c "DROP DATABASE dump$round" >/dev/null
done

med() { tr ' ' '\n' <<<"$1" | grep . | median; }
echo "copy $rows rows ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MB of table data) between two PostgreSQL 15 servers, median of $rounds after a warm-up"
echo "| run | median wall (s) | rows/s | MB/s | CPU (s) |"
echo "| --- | ---: | ---: | ---: | ---: |"
for key in tool dump; do
  wall=$(med "${walls[$key]}")
  label=$([[ $key == tool ]] && echo "ci-migrate copy-schema --data (structure + COPY + proof)" || echo "pg_dump --data-only | psql -1")
  awk -v l="$label" -v w="$wall" -v r="$rows" -v b="$bytes" -v c="$(med "${cpus[$key]}")" \
    'BEGIN { s = w / 1e6; printf "| %s | %.3f | %.0f | %.1f | %.2f |\n", l, s, r / s, b / 1048576 / s, c / 1000 }'
done
# issue 27's target: copy-schema --data at most 1.0x the runbook's pg_dump --data-only | psql -1.
awk -v t="$(med "${walls[tool]}")" -v d="$(med "${walls[dump]}")" 'BEGIN { r = t / d
  printf "copy-schema / pg_dump | psql -1: %.2fx (target <= 1.0x: %s)\n", r, r <= 1.0 ? "met" : "missed" }'
echo "load average (1, 5, 15 min): $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
