#!/usr/bin/env bash
# What the server does for each applied file (issue 27): N (default 1,000) migrations of the shared workload
# (bench/workload/generate.sh) applied once each by `ci-migrate stage-apply`, by dbmate when it is installed (as
# bench/run.sh installs it) and by psql in one transaction, each on a fresh database of a throwaway PostgreSQL 15 that
# loads pg_stat_statements (track = all, so statements inside functions and triggers count too; track_planning, so
# what a prepared statement would save shows) and tracks functions. Prints, per tool, a markdown table of the
# statements the server ran: each normalised statement, its calls, its execution and planning time and their sum per
# file; then the same for the PL/pgSQL functions it ran (self time, from pg_stat_user_functions: the guard's
# event-trigger functions run once per DDL command of a file).
#
# Server time only: parsing, the protocol and COMMIT's WAL flush (which runs after the statement that asked for it)
# are outside it; bench/apply/run.sh times the whole. One run, not a median: the figures move run to run on a busy
# machine, the ratios between statements much less.
#
# Usage: bench/apply/statements.sh [N]
#   CI_MIGRATE=path / PUBLISH=aot|composite   which build applies (as bench/apply/run.sh)
#   ROWS=15                                   statements shown per table (the rest are summed into one row)
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$(cd "$bench/.." && pwd)"
source "$bench/lib/pg.sh"
source "$bench/lib/workload.sh"
source "$bench/lib/tools.sh"
n="${1:-1000}"; rows="${ROWS:-15}"
[[ -f "$PG_BIN/../lib/pg_stat_statements.so" || -f "$($PG_BIN/pg_config --pkglibdir 2>/dev/null)/pg_stat_statements.so" ]] \
  || { echo "pg_stat_statements is not installed (PostgreSQL's contrib)" >&2; exit 1; }
work="$(mktemp -d /tmp/ci-migrate-bench-statements-XXXXXX)"
chmod 755 "$work"  # the server runs as postgres and must reach its data folder
cleanup() { pg_stop; rm -rf "$work"; }
trap cleanup EXIT

tool="$(tools_ci_migrate_build "$root/bench/out/builds")"
dbmate="$TOOLS_DIR/dbmate/node_modules/.bin/dbmate"

PG_SERVER_OPTIONS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all \
-c pg_stat_statements.max=10000 -c pg_stat_statements.track_planning=on -c track_functions=all" pg_start "$work/pg"
pg_psql -d postgres -c "CREATE EXTENSION pg_stat_statements" >/dev/null
pg_template bench_template "$root/src/CiMigrate.Adapters/Shadow/SupabaseBaseline.sql" bench >/dev/null 2>&1
workload_apply "$work" "$n" "$(pg_url postgres)"
cd "$work/repo"  # ci-migrate reads ci-migrate.json from here

# A backend sends its function counts to the shared statistics when it exits: wait for the tool's to be gone.
wait_for_exit() {
  for _ in $(seq 100); do
    [[ $(pg_psql -d postgres -tAc "SELECT count(*) FROM pg_stat_activity WHERE datname = '$1'") == 0 ]] && return 0
    sleep 0.1
  done
  echo "a session on $1 did not end" >&2
  return 1
}

# table TITLE DB SQL: SQL yields (what, calls, execution ms, planning ms) rows, largest first; prints the first $rows,
# the rest as one row, a total.
table() {
  local title="$1" db="$2" sql="$3"
  echo
  echo "$title"
  echo
  echo "| statement | calls | execution ms | planning ms | ms per file |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  pg_psql -d "$db" -tA -F $'\t' -c "$sql" | awk -F '\t' -v n="$n" -v rows="$rows" '
    { exec += $3; plan += $4; calls += $2
      if (NR <= rows) printf "| `%s` | %d | %.1f | %.1f | %.3f |\n", $1, $2, $3, $4, ($3 + $4) / n
      else { restExec += $3; restPlan += $4; restCalls += $2; restKinds++ } }
    END {
      if (restKinds) printf "| (%d more) | %d | %.1f | %.1f | %.3f |\n", restKinds, restCalls, restExec, restPlan, (restExec + restPlan) / n
      printf "| **total** | %d | %.1f | %.1f | **%.3f** |\n", calls, exec, plan, (exec + plan) / n }'
}

# Statements of one database by kind: numbers become N (the workload's items_1, items_2, ... are one kind), without
# line breaks or table bars, cut to 110 characters.
statements() {
  cat <<SQL
SELECT kind, sum(calls), round(sum(total_exec_time)::numeric, 3), round(sum(total_plan_time)::numeric, 3)
FROM (SELECT left(replace(regexp_replace(regexp_replace(query, '\s+', ' ', 'g'), '[0-9]+', 'N', 'g'), '|', '\|'), 110) AS kind,
        calls, total_exec_time, total_plan_time
      FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$1') AND toplevel = $2) s
GROUP BY kind ORDER BY sum(total_exec_time + total_plan_time) DESC
SQL
}

functions="SELECT schemaname || '.' || funcname || '()', calls, round(self_time::numeric, 3), 0 FROM pg_stat_user_functions ORDER BY self_time DESC"

measure() {  # measure NAME DB CMD...: one run on a fresh database, then its tables
  local name="$1" db="$2"; shift 2
  pg_fresh "$db" bench_template >/dev/null
  pg_psql -d postgres -c "SELECT pg_stat_statements_reset()" >/dev/null
  "$@" >"$work/$name.log" 2>&1 || { echo "$name failed:" >&2; tail -n 5 "$work/$name.log" >&2; exit 1; }
  wait_for_exit "$db"
  echo
  echo "### $name: $n files"
  table "Top-level statements (what the client sent):" postgres "$(statements "$db" true)"
  table "Inside functions and triggers (part of the top-level times above):" postgres "$(statements "$db" false)"
  table "PL/pgSQL functions, self time (part of the top-level times above):" "$db" "$functions"
}

echo "Server time per statement, $n migrations applied once by each tool (pg_stat_statements, PostgreSQL $(pg_setting server_version))"
measure ci-migrate tool "$tool" stage-apply --database-url "$(pg_url tool)"
applied=$(pg_psql -d tool -tAc "SELECT count(*) FROM ci_migrate.applied_migrations")
[[ "$applied" == "$n" ]] || { echo "ci-migrate applied $applied of $n" >&2; exit 1; }
if [[ -x "$dbmate" ]]; then
  measure dbmate dbmate "$dbmate" --url "$(pg_url dbmate)?sslmode=disable" --migrations-dir "$work/dbmate" \
    --migrations-table public.schema_migrations --no-dump-schema migrate
else
  echo; echo "### dbmate: not installed (bench/run.sh installs it into $TOOLS_DIR/dbmate)"
fi
measure "psql -1" psql "$PG_BIN/psql" -X -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -d psql -1 -f "$work/all.sql"
