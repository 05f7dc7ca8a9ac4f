#!/usr/bin/env bash
# The benchmark: ci-migrate side by side with psql and the tools users would pick instead, on one workload, on one
# throwaway PostgreSQL 15 (server defaults: fsync and synchronous_commit on), in one run. Prints markdown tables
# (also written to bench/out/run/results.md); docs/benchmarks.md explains them and keeps the latest figures.
#
#   apply     psql in one transaction (the floor) and one transaction per file; ci-migrate stage-apply (and --atomic);
#             supabase migration up; dbmate; DbUp; Evolve. A fresh database per run, created from a template with
#             the Supabase baseline outside the timed part; whole-process wall time and peak RSS.
#   no-op     the same tools again on the database they just migrated (N applied, nothing pending)
#   cold      ci-migrate --version (and the peers' --version for scale)
#   lint      ci-migrate lint vs squawk on the same files (up and down files)
#   diff      ci-migrate diff with its throwaway shadow: everything pending, and 200 applied + 3 pending (--env)
#   cluster   the throwaway cluster's own start-up (bench/cluster.sh), full run only
#
# Usage: bench/run.sh [--quick]
#   --quick        N=100 only, fewer runs (about 3 minutes); default N=100 and N=1000 (under 15 minutes on 2 cores)
#   CI_MIGRATE=... time this ci-migrate executable instead of publishing src/CiMigrate (e.g. a branch's build)
#   PG_BIN=...     PostgreSQL 15 binaries (default /usr/lib/postgresql/15/bin)
# A tool that cannot be obtained or fails prints "n/a (reason)" in its row; the run goes on.
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench/.." && pwd)"
source "$bench/lib/measure.sh"
source "$bench/lib/pg.sh"
source "$bench/lib/tools.sh"
source "$bench/lib/report.sh"

quick=false
case "${1:-}" in
  --quick) quick=true ;;
  "") ;;
  *) sed -n '15,19p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac

# Fixed counts everywhere: warm-up runs are not counted; medians are over the timed runs.
if [[ "$quick" == true ]]; then
  sizes=(100); declare -A runs=([100]=3); cold_runs=5
else
  sizes=(100 1000); declare -A runs=([100]=5 [1000]=3); cold_runs=10
fi
warmups=1

out="$root/bench/out/run"
mkdir -p "$out"
work="$(mktemp -d /tmp/ci-migrate-bench-XXXXXX)"
chmod 755 "$work"  # the server runs as postgres and must reach its data folder
cleanup() { pg_stop; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
started=$EPOCHREALTIME
log() { printf '[%4ds] %s\n' "$(( (${EPOCHREALTIME/./} - ${started/./}) / 1000000 ))" "$*" >&2; }
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
report_init "$work/rows.tsv"

# Telemetry off: the Supabase CLI would otherwise look up its analytics host after each command.
export DO_NOT_TRACK=1 SUPABASE_TELEMETRY_DISABLED=1

# ---- tools ------------------------------------------------------------------------------------------------------
declare -A BIN NA
obtain() {
  local key="$1"; shift
  local path
  if path="$("$@" 2>"$work/why-$key")"; then BIN[$key]="$path"; else NA[$key]="$(tail -n 1 "$work/why-$key")"; fi
}

if [[ -n "${CI_MIGRATE:-}" ]]; then
  if [[ -x "$CI_MIGRATE" ]]; then BIN[ci-migrate]="$CI_MIGRATE"; else NA[ci-migrate]="CI_MIGRATE=$CI_MIGRATE is not executable"; fi
else
  log "publishing ci-migrate (Release, ReadyToRun)"
  obtain ci-migrate tools_publish_ci_migrate "$out/ci-migrate"
fi
for task in stage-apply lint diff; do
  if [[ -n "${NA[ci-migrate]:-}" ]]; then
    NA[$task]="${NA[ci-migrate]}"
  elif ! tools_has_task "${BIN[ci-migrate]}" "$task"; then
    NA[$task]="this ci-migrate build has no $task yet"
  fi
done
log "publishing bench/peers (DbUp, Evolve)"
obtain peers tools_publish_peers "$out/peers"
log "installing npm tools"
obtain supabase tools_npm supabase supabase@2.117.0 supabase
obtain dbmate tools_npm dbmate dbmate@2.36.0 dbmate
obtain squawk tools_npm squawk squawk-cli@2.66.0 squawk
for key in "${!NA[@]}"; do log "n/a: $key: ${NA[$key]}"; done

# ---- the server -------------------------------------------------------------------------------------------------
log "starting PostgreSQL"
pg_start "$work/pg"
for setting in fsync synchronous_commit full_page_writes; do
  [[ "$(pg_setting "$setting")" == on ]] || { echo "$setting is not on: refusing to measure a weakened server" >&2; exit 1; }
done
pg_template bench_template "$root/src/CiMigrate/Shadow/SupabaseBaseline.sql" bench >/dev/null 2>"$work/template.log"
PSQL=("$PG_BIN/psql" -X -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1)
npgsql="Host=$PG_HOST;Port=$PG_PORT;Username=postgres;Database=@DB@"

# ---- workloads --------------------------------------------------------------------------------------------------
write_config() {
  cat >"$1/ci-migrate.json" <<JSON
{
  "apps": { "bench": { "schema": "bench", "migrations": "${2:-supabase/migrations}" } },
  "environments": { "staging": { "databaseUrl": "$(pg_url postgres)" } }
}
JSON
}
for n in "${sizes[@]}"; do
  w="$work/w$n"
  log "generating $n migrations"
  "$bench/workload/generate.sh" "$n" "$w/repo/supabase/migrations" --down
  "$bench/workload/generate.sh" "$n" "$w/dbmate" --dbmate
  "$bench/workload/generate.sh" "$n" "$w/flyway" --flyway
  write_config "$w/repo"
  # psql reads a driver file of \i lines: the files themselves are not changed.
  for f in "$w"/repo/supabase/migrations/*.sql; do printf '\\i %s\n' "$f"; done >"$w/all.sql"
  for f in "$w"/repo/supabase/migrations/*.sql; do printf 'BEGIN;\n\\i %s\nCOMMIT;\n' "$f"; done >"$w/each.sql"
done

# ---- apply and no-op --------------------------------------------------------------------------------------------
# Each tool: KEY (for availability), label, whether it keeps a ledger (no-op row), working folder, command.
# @DB@ in the command is replaced by the run's fresh database.
set_command() {
  local tool="$1" w="$2"
  CWD="$w/repo"
  case "$tool" in
    psql-1tx) CMD=("${PSQL[@]}" -d @DB@ -1 -f "$w/all.sql") ;;
    psql-each) CMD=("${PSQL[@]}" -d @DB@ -f "$w/each.sql") ;;
    ci-migrate) CMD=("${BIN[ci-migrate]:-}" stage-apply --database-url "$(pg_url @DB@)") ;;
    ci-migrate-atomic) CMD=("${BIN[ci-migrate]:-}" stage-apply --atomic --database-url "$(pg_url @DB@)") ;;
    supabase) CMD=("${BIN[supabase]:-}" migration up --db-url "$(pg_url @DB@)?sslmode=disable") ;;
    dbmate) CMD=("${BIN[dbmate]:-}" --url "$(pg_url @DB@)?sslmode=disable" --migrations-dir "$w/dbmate"
                 --migrations-table public.schema_migrations --no-dump-schema migrate) ;;
    dbup) CMD=("${BIN[peers]:-}" dbup "$npgsql" "$w/repo/supabase/migrations") ;;
    evolve) CMD=("${BIN[peers]:-}" evolve "$npgsql" "$w/flyway") ;;
  esac
}
tools=(psql-1tx psql-each ci-migrate ci-migrate-atomic supabase dbmate dbup evolve)
declare -A LABEL=(
  [psql-1tx]="psql, all files in one transaction (floor)"
  [psql-each]="psql, one transaction per file"
  [ci-migrate]="ci-migrate stage-apply"
  [ci-migrate-atomic]="ci-migrate stage-apply --atomic"
  [supabase]="supabase migration up (2.117.0)"
  [dbmate]="dbmate migrate (2.36.0)"
  [dbup]="DbUp (dbup-postgresql 7.0.1)"
  [evolve]="Evolve (3.2.0)"
)
declare -A NEEDS=([psql-1tx]="" [psql-each]="" [ci-migrate]=stage-apply [ci-migrate-atomic]=stage-apply
  [supabase]=supabase [dbmate]=dbmate [dbup]=peers [evolve]=peers)
declare -A LEDGER=([ci-migrate]=1 [supabase]=1 [dbmate]=1 [dbup]=1 [evolve]=1)

db_seq=0
# run_series SECTION KEY N COUNT DB: warm-up + COUNT timed runs of CMD in CWD; DB="" means a fresh database per run,
# verified to hold N tables afterwards. Records the row, or n/a with the reason. Sets LAST_DB (kept for the no-op).
run_series() {
  local section="$1" key="$2" n="$3" count="$4" fixed_db="$5" ok_codes="${6:-0}"
  local walls="" peak=0 i db rc arg tables
  local -a args
  LAST_DB=""
  for ((i = 0; i < warmups + count; i++)); do
    db="$fixed_db"
    if [[ -z "$db" ]]; then db="run$((++db_seq))"; pg_fresh "$db" bench_template >/dev/null; fi
    args=()
    for arg in "${CMD[@]}"; do args+=("${arg//@DB@/$db}"); done
    cd "$CWD"
    rc=0; measure "$work/last.log" "${args[@]}" || rc=$?
    cd "$root"
    if [[ " $ok_codes " != *" $rc "* ]]; then
      report_na "$section" "${LABEL[$key]}" "$n" "exit $rc: $(why_failed "$work/last.log")"
      cp "$work/last.log" "$out/failed-$section-$key-$n.log"
      if [[ -z "$fixed_db" ]]; then pg_drop "$db" >/dev/null; fi
      return 0
    fi
    if [[ "$section" == apply || "$section" == noop ]]; then
      tables=$(pg_psql -d "$db" -tAc "SELECT count(*) FROM pg_tables WHERE schemaname = 'bench'")
      if [[ "$tables" != "$n" ]]; then
        report_na "$section" "${LABEL[$key]}" "$n" "left $tables of $n tables"
        cp "$work/last.log" "$out/failed-$section-$key-$n.log"
        if [[ -z "$fixed_db" ]]; then pg_drop "$db" >/dev/null; fi
        return 0
      fi
    fi
    if ((i >= warmups)); then
      walls+=" $MEASURED_US"
      if ((MEASURED_KIB > peak)); then peak=$MEASURED_KIB; fi
    fi
    # Keep the last database for the no-op runs; drop the others now (dropping is not timed).
    if [[ -z "$fixed_db" ]]; then
      if ((i == warmups + count - 1)); then LAST_DB="$db"; else pg_drop "$db" >/dev/null; fi
    fi
  done
  report_row "$section" "${LABEL[$key]}" "$n" "$walls" "$peak" "$(note_for "$key" "$work/last.log")"
}

# A short fact from the last run's output, where a tool states one worth keeping.
note_for() {
  case "$1" in
    lint-ci-migrate) tail -n 1 "$2" | cut -c1-80 ;;
    lint-squawk) grep -o 'Found [0-9]* issues' "$2" | head -n 1 || true ;;
    *) ;;
  esac
}

for n in "${sizes[@]}"; do
  for tool in "${tools[@]}"; do
    need="${NEEDS[$tool]}"
    if [[ -n "$need" && -n "${NA[$need]:-}" ]]; then
      report_na apply "${LABEL[$tool]}" "$n" "${NA[$need]}"
      if [[ -n "${LEDGER[$tool]:-}" ]]; then report_na noop "${LABEL[$tool]}" "$n" "${NA[$need]}"; fi
      continue
    fi
    set_command "$tool" "$work/w$n"
    log "apply $n: ${LABEL[$tool]}"
    run_series apply "$tool" "$n" "${runs[$n]}" ""
    kept="$LAST_DB"
    if [[ -n "${LEDGER[$tool]:-}" ]]; then
      if [[ -n "$kept" ]]; then
        log "no-op $n: ${LABEL[$tool]}"
        run_series noop "$tool" "$n" 5 "$kept"
      else
        report_na noop "${LABEL[$tool]}" "$n" "the apply runs failed"
      fi
    fi
    if [[ -n "$kept" ]]; then pg_drop "$kept" >/dev/null; fi
  done
done

# ---- cold start -------------------------------------------------------------------------------------------------
log "cold start"
LABEL+=([cold-ci-migrate]="ci-migrate --version" [cold-dbmate]="dbmate --version" [cold-supabase]="supabase --version"
  [cold-squawk]="squawk --version" [cold-psql]="psql --version")
for key in ci-migrate psql dbmate supabase squawk; do
  if [[ "$key" == psql ]]; then CMD=("$PG_BIN/psql" --version)
  elif [[ -n "${NA[$key]:-}" ]]; then report_na cold "${LABEL[cold-$key]}" 1 "${NA[$key]}"; continue
  else CMD=("${BIN[$key]}" --version); fi
  CWD="$work"
  run_series cold "cold-$key" 1 "$cold_runs" none
done

# ---- lint -------------------------------------------------------------------------------------------------------
LABEL+=([lint-ci-migrate]="ci-migrate lint" [lint-squawk]="squawk (squawk-cli 2.66.0)")
for n in "${sizes[@]}"; do
  w="$work/w$n"
  CWD="$w/repo"
  if [[ -n "${NA[lint]:-}" ]]; then report_na lint "${LABEL[lint-ci-migrate]}" "$n" "${NA[lint]}"
  else
    log "lint $n: ci-migrate"
    CMD=("${BIN[ci-migrate]}" lint); run_series lint lint-ci-migrate "$n" "${runs[$n]}" none "0 1"
  fi
  if [[ -n "${NA[squawk]:-}" ]]; then report_na lint "${LABEL[lint-squawk]}" "$n" "${NA[squawk]}"
  else
    log "lint $n: squawk"
    # The same files ci-migrate reads: up files and their down files; squawk exits 1 when it reports anything.
    CMD=("${BIN[squawk]}" "$w"/repo/supabase/migrations/*.sql "$w"/repo/supabase/migrations/down/*.sql)
    run_series lint lint-squawk "$n" "${runs[$n]}" none "0 1"
  fi
done

# ---- diff -------------------------------------------------------------------------------------------------------
LABEL+=([diff-all]="ci-migrate diff (all pending, throwaway shadow)" [diff-203]="ci-migrate diff --env (200 applied, 3 pending)")
for n in "${sizes[@]}"; do
  if [[ -n "${NA[diff]:-}" ]]; then report_na diff "${LABEL[diff-all]}" "$n" "${NA[diff]}"; continue; fi
  log "diff $n: everything pending"
  CWD="$work/w$n/repo"; CMD=("${BIN[ci-migrate]}" diff)
  run_series diff diff-all "$n" "${runs[$n]}" none
done
if [[ -n "${NA[diff]:-}" || -n "${NA[stage-apply]:-}" ]]; then
  report_na diff "${LABEL[diff-203]}" 203 "${NA[diff]:-${NA[stage-apply]}}"
else
  # 203 files; the first 200 applied to the target by ci-migrate itself (through a folder of links to them).
  w="$work/w203"
  "$bench/workload/generate.sh" 203 "$w/repo/supabase/migrations" --down
  mkdir -p "$w/applied/supabase/migrations/down"
  for f in $(cd "$w/repo/supabase/migrations" && ls ./*.sql | head -n 200); do
    ln -s "$w/repo/supabase/migrations/$f" "$w/applied/supabase/migrations/$f"
    ln -s "$w/repo/supabase/migrations/down/$f" "$w/applied/supabase/migrations/down/$f"
  done
  write_config "$w/repo"; write_config "$w/applied"
  pg_fresh target203 bench_template >/dev/null
  if (cd "$w/applied" && "${BIN[ci-migrate]}" stage-apply --database-url "$(pg_url target203)" >"$work/apply200.log" 2>&1); then
    log "diff: 200 applied, 3 pending"
    CWD="$w/repo"; CMD=("${BIN[ci-migrate]}" diff --env staging --database-url "$(pg_url target203)")
    run_series diff diff-203 203 "${runs[100]}" none
  else
    report_na diff "${LABEL[diff-203]}" 203 "applying the first 200 failed: $(why_failed "$work/apply200.log")"
  fi
  pg_drop target203 >/dev/null
fi

cluster_figures=""
if [[ "$quick" == false ]]; then
  log "throwaway cluster start (bench/cluster.sh)"
  cluster_figures="$("$bench/cluster.sh" 2>&1 | tail -n 8)" || cluster_figures="bench/cluster.sh failed: $cluster_figures"
fi

# ---- report -----------------------------------------------------------------------------------------------------
big="${sizes[-1]}"
figure() { report_figure "$@"; }
verdict() { # VALUE_US LIMIT_US -> met / missed
  if [[ -z "$1" || -z "$2" ]]; then echo "not measured"; elif (($1 <= $2)); then echo "met"; else echo "missed"; fi
}
ratio() { [[ -n "$1" && -n "$2" ]] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }' || echo "-"; }
rss_of() { awk -F'\t' -v s="$1" -v l="$2" -v n="$3" '$1 == s && $2 == l && $3 == n && $7 != "" { print $7 }' "$REPORT_FILE"; }

apply_cm=$(figure apply "${LABEL[ci-migrate]}" "$big")
floor=$(figure apply "${LABEL[psql-1tx]}" "$big")
dbmate_fig=$(figure apply "${LABEL[dbmate]}" "$big")
noop_cm=$(figure noop "${LABEL[ci-migrate]}" "$big")
cold_cm=$(figure cold "${LABEL[cold-ci-migrate]}" 1)
lint_cm=$(figure lint "${LABEL[lint-ci-migrate]}" "$big")
lint_sq=$(figure lint "${LABEL[lint-squawk]}" "$big")
rss_cm=$(rss_of apply "${LABEL[ci-migrate]}" "$big")
floor_limit=$([[ -n "$floor" ]] && awk -v f="$floor" 'BEGIN { printf "%d", f * 1.03 }' || true)

{
  echo "## ci-migrate benchmark ($([[ "$quick" == true ]] && echo "quick, N=100" || echo "N=100 and N=1000"))"
  echo
  echo "- $(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/run.sh$([[ "$quick" == true ]] && echo " --quick")\`, $(( (${EPOCHREALTIME/./} - ${started/./}) / 1000000 )) s"
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/^Mem:/ { print $2 }') GiB memory, load average $load_at_start at start, $(cut -d' ' -f1-3 /proc/loadavg) at end"
  echo "- PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') (fsync=$(pg_setting fsync), synchronous_commit=$(pg_setting synchronous_commit), full_page_writes=$(pg_setting full_page_writes)), 127.0.0.1 TCP; .NET $(dotnet --version 2>/dev/null || echo '?'); ci-migrate $("${BIN[ci-migrate]:-false}" --version 2>/dev/null || echo n/a)"
  echo "- workload: bench/workload/generate.sh (Supabase-style files, $(du -b "$work/w${sizes[0]}/repo/supabase/migrations/$(printf '2025%010d' 1)_create_items_1.sql" | cut -f1) bytes each); warm-up $warmups, then the median of the runs shown; peak RSS is the largest process of the tool's tree"
  report_table apply "Apply N migrations (fresh database per run)" "${LABEL[psql-1tx]}" "psql floor"
  report_table noop "No-op (N applied, nothing pending)" "" ""
  report_table cold "Cold start" "" ""
  report_table lint "Lint (N up files + N down files)" "${LABEL[lint-squawk]}" "squawk"
  report_table diff "Diff (replay on the throwaway shadow, cluster start included)" "" ""
  if [[ -n "$cluster_figures" ]]; then
    echo; echo "### Throwaway cluster start (bench/cluster.sh)"; echo; echo '```'; echo "$cluster_figures"; echo '```'
  fi
  echo
  echo "### Targets (N=$big)"
  echo
  echo "| target | measured | verdict |"
  echo "| --- | --- | --- |"
  echo "| apply ≤ 1.03 × psql one-transaction floor | $(ratio "$apply_cm" "$floor") × | $(verdict "$apply_cm" "$floor_limit") |"
  echo "| apply not slower than dbmate | $(ratio "$apply_cm" "$dbmate_fig") × dbmate | $(verdict "$apply_cm" "$dbmate_fig") |"
  echo "| no-op < 0.12 s | $([[ -n "$noop_cm" ]] && us_to_s "$noop_cm" || echo -) s | $(verdict "$noop_cm" 119999) |"
  echo "| cold --version < 0.10 s | $([[ -n "$cold_cm" ]] && us_to_s "$cold_cm" || echo -) s | $(verdict "$cold_cm" 99999) |"
  echo "| lint no slower than squawk | $(ratio "$lint_cm" "$lint_sq") × squawk | $(verdict "$lint_cm" "$lint_sq") |"
  echo "| peak memory applying < 80 MiB | $([[ -n "$rss_cm" ]] && kib_to_mib "$rss_cm" || echo -) MiB | $(verdict "$rss_cm" 81919) |"
} | tee "$out/results.md"
cp "$REPORT_FILE" "$out/rows.tsv"
log "done; table in bench/out/run/results.md"
