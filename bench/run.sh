#!/usr/bin/env bash
# The benchmark: ci-migrate side by side with psql and the tools users would pick instead, on one workload, on one
# throwaway PostgreSQL 15 (server defaults: fsync and synchronous_commit on), in one run. Prints markdown tables
# (also written to bench/out/run/results.md); docs/benchmarks.md explains them and keeps the latest figures.
#
#   apply     psql in one transaction (the floor) and one transaction per file; ci-migrate stage-apply (and --atomic;
#             the Native AOT executable, the installed .NET tool, its framework-dependent fallback);
#             supabase migration up; dbmate; DbUp; Evolve. A fresh database per run, created from a template with
#             the Supabase baseline outside the timed part; whole-process wall time and peak RSS.
#   no-op     the same tools again on the database they just migrated (N applied, nothing pending), and
#             `dotnet tool run ci-migrate` from a tool manifest
#   cold      ci-migrate --version, each way it is installed (and the peers' --version for scale)
#   lint      ci-migrate lint vs squawk on the same files (up and down files)
#   diff      ci-migrate diff with its throwaway shadow: everything pending, and 200 applied + 3 pending (--env),
#             each beside psql replaying the same files into a fresh database; the shadow cache is warm (the
#             warm-up round fills it), and the 200 + 3 case runs again cold (an empty cache for each run: with the
#             cluster warm-shadow prebuilt, as in the image, and with nothing, as on a first run), with the cache off,
#             and inside the container image with podman, warm and cold (when the image exists)
#   scale     N=10,000 applied (by ci-migrate, outside the timing): no-op, status, lint of a pull request's 3 files,
#             diff of 10,000 applied + 3 pending, and psql replaying the 10,003 files once; full run only
#   cluster   the throwaway cluster's own start-up (bench/cluster.sh), full run only
#   copy      copy-schema --data against pg_dump --data-only | psql -1 (bench/copy/run.sh, COPY_N rows), full run only
# Then each target of issues 8, 18 and 27 beside its figure, met or missed.
#
# Usage: bench/run.sh [--quick]
#   --quick        N=100 only, fewer runs (about 3 minutes); default N=100 and N=1000 and the scale rows
#                  (about 25 minutes on 2 quiet cores)
#   SCALE_N=...    the scale rows' history (default 10000; a smaller one tries the script out)
#   BENCH_ONLY=... only these sections, space-separated (e.g. "diff scale"); the others print no rows
#   TOOL_FEED=DIR TOOL_VERSION=...  install the .NET tool's packages packed already (build/tool-packages.sh) instead
#                  of packing src/CiMigrate; the rows of the AOT executable run the one in their linux-x64 package
#   CI_MIGRATE=... time this ci-migrate executable instead (e.g. a branch's build); without TOOL_FEED, no tool rows
#   BENCH_IMAGE=.. the container image of the podman rows (default localhost/ci-migrate:e2e)
#   COPY_N=...     the copy rows' rows (default 1000000)
#   PG_BIN=...     PostgreSQL 15 binaries (default /usr/lib/postgresql/15/bin)
# A tool that cannot be obtained or fails prints "n/a (reason)" in its row; the run goes on.
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench/.." && pwd)"
source "$bench/lib/measure.sh"
source "$bench/lib/pg.sh"
source "$bench/lib/tools.sh"
source "$bench/lib/report.sh"
source "$bench/lib/workload.sh"
source "$root/build/tool-packages.sh"

quick=false
case "${1:-}" in
  --quick) quick=true ;;
  "") ;;
  *) sed -n '25,36p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac

# Fixed counts everywhere: warm-up runs are not counted; medians are over the timed runs.
scale_n="${SCALE_N:-10000}"
if [[ "$quick" == true ]]; then
  sizes=(100); declare -A runs=([100]=3); cold_runs=5
else
  sizes=(100 1000); declare -A runs=([100]=5 [1000]=3 [$scale_n]=3); cold_runs=10
fi
warmups=1
wanted() { [[ -z "${BENCH_ONLY:-}" || " $BENCH_ONLY " == *" $1 "* ]]; }

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

# The .NET tool as users install it: the pointer, linux-x64 (Native AOT) and any (framework-dependent) packages in a
# local feed (build/tool-packages.sh; one Native AOT publish), installed with --tool-path, into a tool manifest, and
# from a feed without the linux-x64 package (the fallback). The rows named plainly "ci-migrate" run the Native AOT
# executable inside the installed linux-x64 package, as the container image does.
install_tool() {  # install_tool FEED VERSION: sets BIN[tool], BIN[tool-any], TOOL_RUN and (unless CI_MIGRATE) BIN[ci-migrate]
  # In the run's folder: the workloads' repositories below it find its tool manifest.
  if tools_install_ci_migrate_tool "$1" "$2" "$work" 2>"$work/why-tool"; then
    BIN[tool]="$TOOL_PATH"; BIN[tool-any]="$TOOL_ANY"
    [[ -n "${CI_MIGRATE:-}" ]] || BIN[ci-migrate]="$TOOL_AOT"
  else
    NA[tool]="$(tail -n 1 "$work/why-tool")"
  fi
}
if [[ -n "${CI_MIGRATE:-}" ]]; then
  if [[ -x "$CI_MIGRATE" ]]; then BIN[ci-migrate]="$CI_MIGRATE"; else NA[ci-migrate]="CI_MIGRATE=$CI_MIGRATE is not executable"; fi
fi
if [[ -n "${TOOL_FEED:-}" ]]; then
  install_tool "$TOOL_FEED" "${TOOL_VERSION:?TOOL_FEED needs TOOL_VERSION}"
elif [[ -n "${CI_MIGRATE:-}" ]]; then
  NA[tool]="CI_MIGRATE is set without TOOL_FEED and TOOL_VERSION: the installed .NET tool is not timed"
else
  log "packing the .NET tool (pointer, linux-x64 Native AOT, any; a few minutes)"
  rm -rf "$out/tool-feed"
  tool_version="0.0.0-bench.$(date +%s)"
  if tool_feed "$out/tool-feed" "$tool_version" pointer linux-x64 any 2>"$work/why-tool"; then
    install_tool "$out/tool-feed" "$tool_version"
  else
    NA[tool]="packing the .NET tool failed: $(tail -n 1 "$work/why-tool")"
  fi
fi
[[ -n "${BIN[ci-migrate]:-}" || -n "${NA[ci-migrate]:-}" ]] || NA[ci-migrate]="${NA[tool]}"
for task in stage-apply lint diff; do
  if [[ -n "${NA[ci-migrate]:-}" ]]; then
    NA[$task]="${NA[ci-migrate]}"
  elif ! tools_has_task "${BIN[ci-migrate]}" "$task"; then
    NA[$task]="this ci-migrate build has no $task yet"
  fi
done
if wanted apply || wanted noop || wanted cold || wanted lint; then
  log "publishing bench/peers (DbUp, Evolve)"
  obtain peers tools_publish_peers "$out/peers"
  log "installing npm tools"
  obtain supabase tools_npm supabase supabase@2.117.0 supabase
  obtain dbmate tools_npm dbmate dbmate@2.36.0 dbmate
  obtain squawk tools_npm squawk squawk-cli@2.66.0 squawk
fi
# The container image (build/workflow-e2e.sh builds it from the Dockerfile) for the diff rows run inside it.
BENCH_IMAGE="${BENCH_IMAGE:-localhost/ci-migrate:e2e}"
PODMAN_FLAGS=(--runtime runc --ulimit nofile=20000:20000 --ulimit nproc=4096:4096)  # as build/workflow-e2e.sh runs it here
if ! wanted diff; then NA[image]="not selected"
elif ! command -v podman >/dev/null; then NA[image]="podman is not installed"
elif ! podman image exists "$BENCH_IMAGE"; then NA[image]="no image $BENCH_IMAGE: build/workflow-e2e.sh builds it, BENCH_IMAGE names another"
else image_version="$(podman run --rm "${PODMAN_FLAGS[@]}" --entrypoint ci-migrate "$BENCH_IMAGE" --version 2>&1)" \
  || NA[image]="$BENCH_IMAGE does not run: $image_version"
fi
for key in "${!NA[@]}"; do log "n/a: $key: ${NA[$key]}"; done

# ---- the server -------------------------------------------------------------------------------------------------
log "starting PostgreSQL"
pg_start "$work/pg"
for setting in fsync synchronous_commit full_page_writes; do
  [[ "$(pg_setting "$setting")" == on ]] || { echo "$setting is not on: refusing to measure a weakened server" >&2; exit 1; }
done
pg_template bench_template "$root/src/CiMigrate.Adapters/Shadow/SupabaseBaseline.sql" bench >/dev/null 2>"$work/template.log"
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

# ---- the rows ---------------------------------------------------------------------------------------------------
# set_command KEY N: the command of one row (CMD; @DB@ stands for the run's database), where it runs (CWD) and the
# exit codes that count as success (OK).
# DBMODE overrides the series' database mode for rows that need none (a diff beside psql's fresh-database replay).
set_command() {
  local key="$1" w="$work/w$2"
  CWD="$w/repo"; OK="0"; DBMODE=""
  # The diff rows share one shadow cache; the warm-up round of each series fills it.
  local cached=(env "CI_MIGRATE_CACHE_DIR=$work/cache")
  case "$key" in
    psql-1tx) CMD=("${PSQL[@]}" -d @DB@ -1 -f "$w/all.sql") ;;
    psql-each) CMD=("${PSQL[@]}" -d @DB@ -f "$w/each.sql") ;;
    ci-migrate) CMD=("${BIN[ci-migrate]}" stage-apply --database-url "$(pg_url @DB@)") ;;
    ci-migrate-atomic) CMD=("${BIN[ci-migrate]}" stage-apply --atomic --database-url "$(pg_url @DB@)") ;;
    tool) CMD=("${BIN[tool]}" stage-apply --database-url "$(pg_url @DB@)") ;;
    tool-run) CMD=("${TOOL_RUN[@]}" stage-apply --database-url "$(pg_url @DB@)") ;;
    tool-any) CMD=("${BIN[tool-any]}" stage-apply --database-url "$(pg_url @DB@)") ;;
    supabase) CMD=("${BIN[supabase]}" migration up --db-url "$(pg_url @DB@)?sslmode=disable") ;;
    # The files set search_path: dbmate's history table is named with its schema, or it would follow them.
    dbmate) CMD=("${BIN[dbmate]}" --url "$(pg_url @DB@)?sslmode=disable" --migrations-dir "$w/dbmate"
                 --migrations-table public.schema_migrations --no-dump-schema migrate) ;;
    dbup) CMD=("${BIN[peers]}" dbup "$npgsql" "$w/repo/supabase/migrations") ;;
    evolve) CMD=("${BIN[peers]}" evolve "$npgsql" "$w/flyway") ;;
    cold-psql) CWD="$work"; CMD=("$PG_BIN/psql" --version) ;;
    cold-tool-run) CWD="$work"; CMD=("${TOOL_RUN[@]}" --version) ;;
    cold-*) CWD="$work"; CMD=("${BIN[${key#cold-}]}" --version) ;;
    # Both read the up files and their down files; squawk exits 1 when it reports anything, ci-migrate on errors.
    lint-ci-migrate) CMD=("${BIN[ci-migrate]}" lint); OK="0 1" ;;
    lint-squawk) CMD=("${BIN[squawk]}" "$w"/repo/supabase/migrations/*.sql "$w"/repo/supabase/migrations/down/*.sql); OK="0 1" ;;
    diff-all) DBMODE=none; CMD=("${cached[@]}" "${BIN[ci-migrate]}" diff) ;;
    diff-203) DBMODE=none; CWD="$work/w203/repo"
              CMD=("${cached[@]}" "${BIN[ci-migrate]}" diff --env staging --database-url "$(pg_url target203)") ;;
    diff-203-off) DBMODE=none; CWD="$work/w203/repo"
              CMD=(env CI_MIGRATE_CACHE_DIR=off "${BIN[ci-migrate]}" diff --env staging --database-url "$(pg_url target203)") ;;
    # Cold: a cache folder of its own for each run (@RUN@), empty. As in the image, with the prebuilt cluster that
    # warm-shadow made; and as on a laptop's very first run, with nothing.
    diff-203-cold) DBMODE=none; CWD="$work/w203/repo"
              CMD=(env "CI_MIGRATE_CACHE_DIR=$work/fresh-cache/@RUN@" "CI_MIGRATE_PREBUILT_CACHE_DIR=$work/prebuilt"
                   "${BIN[ci-migrate]}" diff --env staging --database-url "$(pg_url target203)") ;;
    diff-203-first) DBMODE=none; CWD="$work/w203/repo"
              CMD=(env -u CI_MIGRATE_PREBUILT_CACHE_DIR "CI_MIGRATE_CACHE_DIR=$work/fresh-cache/@RUN@"
                   "${BIN[ci-migrate]}" diff --env staging --database-url "$(pg_url target203)") ;;
    # The same inside the container image (podman run, its start included): the cache a mounted folder, kept between
    # runs (warm) or new each run (cold: the image's own prebuilt cluster).
    diff-203-image-warm|diff-203-image-cold) DBMODE=none; CWD="$work/w203/repo"
              local cache="$work/image-cache/warm"; [[ "$key" == *cold ]] && cache="$work/image-cache/@RUN@"
              CMD=(bash -c 'mkdir -p "$1" && shift && exec "$@"' mkdir-then "$cache" podman run --rm "${PODMAN_FLAGS[@]}"
                   --network host -v "$work/w203/repo:/repo" -w /repo -v "$cache:/cache" -e CI_MIGRATE_CACHE_DIR=/cache
                   --entrypoint ci-migrate "$BENCH_IMAGE" diff --env staging --database-url "$(pg_url target203)") ;;
    # The scale rows: a target with N applied (scale_target); the repository has 3 more, changed on a git branch.
    noop-scale) DBMODE=none; CWD="$w/applied"; CMD=("${BIN[ci-migrate]}" stage-apply --database-url "$(pg_url "$scale_db")") ;;
    status-scale) DBMODE=none; CMD=("${BIN[ci-migrate]}" status --database-url "$(pg_url "$scale_db")") ;;
    lint-scale) DBMODE=none; CMD=("${BIN[ci-migrate]}" lint --only-changed HEAD~1) ;;
    diff-scale) DBMODE=none; CMD=("${cached[@]}" "${BIN[ci-migrate]}" diff --database-url "$(pg_url "$scale_db")") ;;
  esac
}

declare -A LABEL=(
  [psql-1tx]="psql, all files in one transaction (floor)"
  [psql-each]="psql, one transaction per file"
  [ci-migrate]="ci-migrate stage-apply"
  [ci-migrate-atomic]="ci-migrate stage-apply --atomic"
  [tool]="ci-migrate stage-apply (.NET tool installed, linux-x64)"
  [tool-run]="dotnet tool run ci-migrate stage-apply (tool manifest)"
  [tool-any]="ci-migrate stage-apply (.NET tool fallback, any)"
  [supabase]="supabase migration up (2.117.0)"
  [dbmate]="dbmate migrate (2.36.0)"
  [dbup]="DbUp (dbup-postgresql 7.0.1)"
  [evolve]="Evolve (3.2.0)"
  [cold-ci-migrate]="ci-migrate --version" [cold-tool]="ci-migrate --version (.NET tool installed)"
  [cold-tool-run]="dotnet tool run ci-migrate --version" [cold-tool-any]="ci-migrate --version (.NET tool fallback)" [cold-psql]="psql --version" [cold-dbmate]="dbmate --version"
  [cold-supabase]="supabase --version" [cold-squawk]="squawk --version"
  [lint-ci-migrate]="ci-migrate lint" [lint-squawk]="squawk (squawk-cli 2.66.0)"
  [diff-all]="ci-migrate diff (all pending, throwaway shadow)"
  [diff-203]="ci-migrate diff --env (200 applied, 3 pending)"
  [diff-203-off]="ci-migrate diff --env (200 applied, 3 pending), cache off"
  [diff-203-cold]="ci-migrate diff --env (200 applied, 3 pending), cold: empty cache, prebuilt cluster"
  [diff-203-first]="ci-migrate diff --env (200 applied, 3 pending), first run: empty cache, nothing prebuilt"
  [diff-203-image-warm]="podman run IMAGE diff --env (200 applied, 3 pending), warm cache"
  [diff-203-image-cold]="podman run IMAGE diff --env (200 applied, 3 pending), cold: empty cache"
  [noop-scale]="ci-migrate stage-apply, no-op" [status-scale]="ci-migrate status (3 pending)"
  [lint-scale]="ci-migrate lint --only-changed (a pull request's 3 files)" [diff-scale]="ci-migrate diff (3 pending)"
)
# What each row needs (a key of NA); rows whose need is n/a print the reason.
declare -A NEEDS=([ci-migrate]=stage-apply [ci-migrate-atomic]=stage-apply [tool]=tool [tool-run]=tool [tool-any]=tool
  [cold-tool]=tool [cold-tool-run]=tool [cold-tool-any]=tool [diff-203-cold]=diff [diff-203-first]=diff
  [diff-203-image-warm]=image [diff-203-image-cold]=image [supabase]=supabase [dbmate]=dbmate
  [dbup]=peers [evolve]=peers [cold-ci-migrate]=ci-migrate [cold-dbmate]=dbmate [cold-supabase]=supabase
  [cold-squawk]=squawk [lint-ci-migrate]=lint [lint-squawk]=squawk [diff-all]=diff [diff-203]=diff [diff-203-off]=diff
  [noop-scale]=scale [status-scale]=scale [lint-scale]=scale [diff-scale]=scale)
apply_tools=(psql-1tx psql-each ci-migrate ci-migrate-atomic tool tool-any supabase dbmate dbup evolve)
ledger_tools=(ci-migrate tool tool-run tool-any supabase dbmate dbup evolve)

# A short fact from a run's output, where a tool states one worth keeping.
note_for() {
  case "$1" in
    lint-ci-migrate) tail -n 1 "$2" | cut -c1-80 ;;
    lint-squawk) grep -o 'Found [0-9]* issues' "$2" | head -n 1 || true ;;
    *) ;;
  esac
}

db_seq=0
declare -A KEPT
# series SECTION N COUNT MODE KEYS...: a warm-up round, then COUNT rounds; each round runs every row once, one after
# the other, so that load from elsewhere on the shared machine falls on all tools alike. MODE fresh: a new database
# per run from the template (not timed), checked to hold N tables afterwards and dropped, except that the last round's
# is kept in KEPT[key] for the no-op series; MODE kept: the runs reuse KEPT[key]; MODE none: no database.
# Records one row per key: median wall, range, peak RSS, median CPU; or "n/a (reason)".
series() {
  local section="$1" n="$2" count="$3" mode="$4"; shift 4
  wanted "$section" || return 0
  local -A walls=() cpus=() peak=() failed=()
  local key round db rc arg tables need
  local -a args
  for key in "$@"; do
    need="${NEEDS[$key]:-}"
    if [[ -n "$need" && -n "${NA[$need]:-}" ]]; then failed[$key]="${NA[$need]}"; fi
    if [[ "$mode" == kept && -z "${KEPT[$key]:-}" && -z "${failed[$key]:-}" ]]; then failed[$key]="the apply runs failed"; fi
    peak[$key]=0
  done
  local row_mode
  for ((round = 0; round < warmups + count; round++)); do
    for key in "$@"; do
      if [[ -n "${failed[$key]:-}" ]]; then continue; fi
      set_command "$key" "$n"
      row_mode="${DBMODE:-$mode}"
      db=none
      if [[ "$row_mode" == fresh ]]; then db="run$((++db_seq))"; pg_fresh "$db" bench_template >/dev/null; fi
      if [[ "$row_mode" == kept ]]; then db="${KEPT[$key]}"; fi
      args=()
      for arg in "${CMD[@]}"; do arg="${arg//@RUN@/$section-$key-$round}"; args+=("${arg//@DB@/$db}"); done
      cd "$CWD"
      rc=0; measure "$work/last-$key.log" "${args[@]}" || rc=$?
      cd "$root"
      tables="$n"
      if [[ "$row_mode" != none && " $OK " == *" $rc "* ]]; then
        tables=$(pg_psql -d "$db" -tAc "SELECT count(*) FROM pg_tables WHERE schemaname = 'bench'")
      fi
      if [[ " $OK " != *" $rc "* ]]; then
        failed[$key]="exit $rc: $(why_failed "$work/last-$key.log")"
      elif [[ "$tables" != "$n" ]]; then
        failed[$key]="left $tables of $n tables"
      elif ((round >= warmups)); then
        walls[$key]+=" $MEASURED_US"; cpus[$key]+=" $MEASURED_CPU_MS"
        if ((MEASURED_KIB > peak[$key])); then peak[$key]=$MEASURED_KIB; fi
      fi
      if [[ -n "${failed[$key]:-}" ]]; then cp "$work/last-$key.log" "$out/failed-$section-$key-$n.log"; fi
      if [[ "$row_mode" == fresh ]]; then
        if [[ -z "${failed[$key]:-}" ]] && ((round == warmups + count - 1)); then KEPT[$key]="$db"; else pg_drop "$db" >/dev/null; fi
      fi
    done
  done
  for key in "$@"; do
    if [[ -n "${failed[$key]:-}" ]]; then report_na "$section" "${LABEL[$key]}" "$n" "${failed[$key]}"
    else report_row "$section" "${LABEL[$key]}" "$n" "${walls[$key]}" "${peak[$key]}" "${cpus[$key]}" "$(note_for "$key" "$work/last-$key.log")"; fi
  done
}

# Drops the databases the last series kept (the AOT executable's may be kept under two keys).
drop_kept() { local db; for db in $(printf '%s\n' "${KEPT[@]}" | sort -u); do pg_drop "$db" >/dev/null; done; KEPT=(); }
for n in "${sizes[@]}"; do
  log "apply $n: ${#apply_tools[@]} rows, $warmups + ${runs[$n]} rounds"
  KEPT=()
  series apply "$n" "${runs[$n]}" fresh "${apply_tools[@]}"
  log "no-op $n: ${#ledger_tools[@]} rows, $warmups + 5 rounds"
  # The installed tool and `dotnet tool run` find nothing pending on the database the AOT executable migrated.
  [[ -n "${KEPT[ci-migrate]:-}" ]] && KEPT[tool-run]="${KEPT[ci-migrate]}"
  series noop "$n" 5 kept "${ledger_tools[@]}"
  drop_kept
done

log "cold start"
series cold 1 "$cold_runs" none cold-ci-migrate cold-tool cold-tool-run cold-tool-any cold-psql cold-dbmate cold-supabase cold-squawk

for n in "${sizes[@]}"; do
  log "lint $n"
  series lint "$n" "${runs[$n]}" none lint-ci-migrate lint-squawk
done

for n in "${sizes[@]}"; do
  log "diff $n: everything pending, beside psql replaying the same files"
  series diff "$n" "${runs[$n]}" fresh psql-1tx diff-all
  drop_kept
done
diff203_keys=(diff-203 diff-203-cold diff-203-first diff-203-off diff-203-image-warm diff-203-image-cold)
if ! wanted diff; then
  :
elif [[ -z "${NA[diff]:-}" && -z "${NA[stage-apply]:-}" ]]; then
  # 203 files; the first 200 applied to the target by ci-migrate itself (through a folder of links to them).
  w="$work/w203"
  workload_partly_applied "$w" 203 200
  for f in "$w"/repo/supabase/migrations/*.sql; do printf '\\i %s\n' "$f"; done >"$w/all.sql"
  write_config "$w/repo"; write_config "$w/applied"
  pg_fresh target203 bench_template >/dev/null
  if (cd "$w/applied" && "${BIN[ci-migrate]}" stage-apply --database-url "$(pg_url target203)" >"$work/apply200.log" 2>&1); then
    log "diff: 200 applied, 3 pending"
  else
    NA[diff-target]="applying the first 200 failed: $(why_failed "$work/apply200.log")"
    for key in "${diff203_keys[@]}"; do NEEDS[$key]=diff-target; done
  fi
  # What the image build does (Dockerfile: ci-migrate warm-shadow), for the cold rows' prebuilt cluster; not timed.
  CI_MIGRATE_CACHE_DIR="$work/prebuilt" "${BIN[ci-migrate]}" warm-shadow >"$work/warm-shadow.log" 2>&1 \
    || { NA[prebuilt]="warm-shadow failed: $(why_failed "$work/warm-shadow.log")"; NEEDS[diff-203-cold]=prebuilt; }
else
  for key in "${diff203_keys[@]}"; do NEEDS[$key]="${NA[diff]:+diff}"; NEEDS[$key]="${NEEDS[$key]:-stage-apply}"; done
fi
series diff 203 "${runs[100]}" fresh psql-1tx "${diff203_keys[@]}"
drop_kept
rm -rf "$work/fresh-cache" "$work/image-cache"
pg_drop target203 >/dev/null 2>&1 || true

# ---- scale: N applied ----------------------------------------------------------------------------------------------
scale_db=target_scale
if ! wanted scale; then
  NA[scale]="not selected"
elif [[ "$quick" == true ]]; then
  NA[scale]="not in --quick"
elif [[ -n "${NA[stage-apply]:-}" ]]; then
  NA[scale]="${NA[stage-apply]}"
else
  w="$work/w$scale_n"
  log "scale: generating $scale_n + 3 migrations and applying $scale_n with ci-migrate (not timed)"
  workload_partly_applied "$w" "$((scale_n + 3))" "$scale_n"
  # psql's row is for the N + 3 files: set_command finds them under that N.
  ln -s "$w" "$work/w$((scale_n + 3))"
  for f in "$w"/repo/supabase/migrations/*.sql; do printf 'BEGIN;\n\\i %s\nCOMMIT;\n' "$f"; done >"$w/each.sql"
  write_config "$w/repo"; write_config "$w/applied"
  # A pull request: the history committed on main, the 3 new files on a branch (what lint --only-changed reads).
  (cd "$w/repo" && git init -q -b main && git add -A && git -c user.name=bench -c user.email=bench@localhost commit -qm history \
    && git rm -q --cached supabase/migrations/*_"$((scale_n + 1))".sql supabase/migrations/*_"$((scale_n + 2))".sql \
       supabase/migrations/*_"$((scale_n + 3))".sql supabase/migrations/down/*_"$((scale_n + 1))".sql \
       supabase/migrations/down/*_"$((scale_n + 2))".sql supabase/migrations/down/*_"$((scale_n + 3))".sql \
    && git -c user.name=bench -c user.email=bench@localhost commit -qm "main without the pull request" \
    && git add -A && git -c user.name=bench -c user.email=bench@localhost commit -qm "the pull request") >"$work/git.log" 2>&1 \
    || NA[scale]="git setup failed: $(why_failed "$work/git.log")"
  pg_fresh "$scale_db" bench_template >/dev/null
  if [[ -z "${NA[scale]:-}" ]] && ! (cd "$w/applied" && MEASURE_TIMEOUT=3600 measure "$work/apply-scale.log" \
       "${BIN[ci-migrate]}" stage-apply --database-url "$(pg_url "$scale_db")"); then
    NA[scale]="applying $scale_n failed: $(why_failed "$work/apply-scale.log")"
  fi
fi
# The diff's warm-up run replays the whole history once, to fill the cache.
MEASURE_TIMEOUT=3600 series scale "$scale_n" "${runs[$scale_n]:-3}" none noop-scale status-scale lint-scale diff-scale
if [[ -z "${NA[scale]:-}" ]]; then
  # psql replaying all N + 3 files once (no warm-up): the base of the diff's ratio. One transaction per file: in one
  # transaction, 10,000 files' tables, indexes and policies need more locks than a default server has slots for
  # ("out of shared memory", max_locks_per_transaction).
  log "scale: psql replaying $((scale_n + 3)) files"
  warmups=0 MEASURE_TIMEOUT=3600 series scale "$((scale_n + 3))" 1 fresh psql-each
  drop_kept
fi
pg_drop "$scale_db" >/dev/null 2>&1 || true

cluster_figures=""
if [[ "$quick" == false ]] && wanted cluster; then
  log "throwaway cluster start (bench/cluster.sh)"
  cluster_figures="$("$bench/cluster.sh" 2>&1 | tail -n 8)" || cluster_figures="bench/cluster.sh failed: $cluster_figures"
fi

# copy-schema --data against pg_dump --data-only | psql -1: bench/copy/run.sh, two servers of its own.
copy_n="${COPY_N:-1000000}"
copy_figures=""
if [[ "$quick" == false ]] && wanted copy; then
  if [[ -n "${NA[ci-migrate]:-}" ]]; then
    copy_figures="n/a (${NA[ci-migrate]})"
  else
    log "copy-schema --data, $copy_n rows (bench/copy/run.sh)"
    copy_figures="$(CI_MIGRATE="${BIN[ci-migrate]}" bash "$bench/copy/run.sh" "$copy_n" 3 2>&1)" \
      || copy_figures="bench/copy/run.sh failed: $(tail -n 3 <<<"$copy_figures")"
  fi
fi
# A median wall (µs) from bench/copy/run.sh's table: the row whose label starts with $1. Counted from the row's end:
# the peer's label holds a '|' of its own.
copy_wall() { awk -F'|' -v l="| $1" 'index($0, l) == 1 { gsub(/ /, "", $(NF - 4)); printf "%d\n", $(NF - 4) * 1e6; exit }' <<<"$copy_figures"; }
copy_cm="$(copy_wall "ci-migrate copy-schema")"
copy_dump="$(copy_wall "pg_dump --data-only")"

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

# Issue 18's targets. ratio_verdict A B LIMIT: met when A ≤ LIMIT × B.
ratio_verdict() {
  if [[ -z "$1" || -z "$2" ]]; then echo "not measured"; else awk -v a="$1" -v b="$2" -v l="$3" 'BEGIN { print (a <= l * b) ? "met" : "missed" }'; fi
}
mib() { [[ -n "$1" ]] && kib_to_mib "$1" || echo -; }
secs() { [[ -n "$1" ]] && us_to_s "$1" || echo -; }
# The largest ratio of two rows' walls taken in the same round (the rows run interleaved).
worst_round_ratio() {
  paste <(tr ' ' '\n' <<<"$1") <(tr ' ' '\n' <<<"$2") | awk 'NF == 2 && $2 > 0 { r = $1 / $2; if (r > m) m = r } END { if (m) printf "%.2f", m }'
}
diff203=$(figure diff "${LABEL[diff-203]}" 203)
replay203=$(figure diff "${LABEL[psql-1tx]}" 203)
diff_all=$(figure diff "${LABEL[diff-all]}" "$big")
replay_all=$(figure diff "${LABEL[psql-1tx]}" "$big")
noop_scale=$(figure scale "${LABEL[noop-scale]}" "$scale_n")
lint_scale=$(figure scale "${LABEL[lint-scale]}" "$scale_n")
status_scale=$(figure scale "${LABEL[status-scale]}" "$scale_n")
diff_scale=$(figure scale "${LABEL[diff-scale]}" "$scale_n")
replay_scale=$(figure scale "${LABEL[psql-each]}" "$((scale_n + 3))")
rss_scale=$(for key in noop-scale status-scale lint-scale diff-scale; do rss_of scale "${LABEL[$key]}" "$scale_n"; done | sort -n | tail -n 1)
noop_tool=$(figure noop "${LABEL[tool]}" "$big")
noop_tool_run=$(figure noop "${LABEL[tool-run]}" "$big")
noop_tool_any=$(figure noop "${LABEL[tool-any]}" "$big")
rss_tool=$(rss_of apply "${LABEL[tool]}" "$big")
rss_tool_any=$(rss_of apply "${LABEL[tool-any]}" "$big")
diff203_cold=$(figure diff "${LABEL[diff-203-cold]}" 203)
diff203_first=$(figure diff "${LABEL[diff-203-first]}" 203)
image_warm=$(figure diff "${LABEL[diff-203-image-warm]}" 203)
image_cold=$(figure diff "${LABEL[diff-203-image-cold]}" 203)
worst_dbmate=$(worst_round_ratio "$(report_runs apply "${LABEL[ci-migrate]}" "$big")" "$(report_runs apply "${LABEL[dbmate]}" "$big")")

{
  echo "## ci-migrate benchmark ($([[ "$quick" == true ]] && echo "quick, N=100" || echo "N=100 and N=1000"))"
  echo
  echo "- $(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/run.sh$([[ "$quick" == true ]] && echo " --quick")\`, $(( (${EPOCHREALTIME/./} - ${started/./}) / 1000000 )) s"
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/^Mem:/ { print $2 }') GiB memory, load average $load_at_start at start, $(cut -d' ' -f1-3 /proc/loadavg) at end"
  echo "- PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') (fsync=$(pg_setting fsync), synchronous_commit=$(pg_setting synchronous_commit), full_page_writes=$(pg_setting full_page_writes)), 127.0.0.1 TCP; .NET $(dotnet --version 2>/dev/null || echo '?'); ci-migrate $("${BIN[ci-migrate]:-false}" --version 2>/dev/null || echo n/a) ($([[ -n "${CI_MIGRATE:-}" ]] && echo "CI_MIGRATE=$CI_MIGRATE" || { [[ -n "${TOOL_FEED:-}" ]] && echo "the .NET tool's packages in TOOL_FEED=$TOOL_FEED" || echo "packed from src/CiMigrate at $(git -C "$root" rev-parse --short HEAD)"; }))"
  echo "- workload: bench/workload/generate.sh (Supabase-style files, $(du -b "$work/w${sizes[0]}/repo/supabase/migrations/$(printf '2025%010d' 1)_create_items_1.sql" | cut -f1) bytes each); warm-up $warmups, then the median of the runs shown; peak RSS is the largest process of the tool's tree; CPU is the user + system time of the tool's processes (the server's is not counted); rows run interleaved, round by round"
  report_table apply "Apply N migrations (fresh database per run)" "${LABEL[psql-1tx]}" "psql floor"
  report_table noop "No-op (N applied, nothing pending)" "" ""
  report_table cold "Cold start" "" ""
  report_table lint "Lint (N up files + N down files)" "${LABEL[lint-squawk]}" "squawk"
  report_table diff "Diff (replay on the throwaway shadow, cluster start included)" "" ""
  [[ -z "${NA[image]:-}" ]] && echo && echo "The podman rows run $BENCH_IMAGE ($image_version); their peak RSS is podman's own, not the container's."
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
  report_table scale "Scale: $scale_n applied by ci-migrate (not timed), 3 more in the repository" "" ""
  echo
  echo "### Targets of issue 18 (ci-migrate is the Native AOT build unless marked)"
  echo
  echo "| target | measured | verdict |"
  echo "| --- | --- | --- |"
  echo "| diff, 200 applied + 3 pending (warm cache) ≤ 0.5 × psql replaying the 203 files | $(secs "$diff203") s = $(ratio "$diff203" "$replay203") × ($(secs "$replay203") s) | $(ratio_verdict "$diff203" "$replay203" 0.5) |"
  echo "| diff, $big all pending ≤ 1.0 × psql replaying the $big files | $(secs "$diff_all") s = $(ratio "$diff_all" "$replay_all") × ($(secs "$replay_all") s) | $(ratio_verdict "$diff_all" "$replay_all" 1.0) |"
  echo "| no-op with $scale_n applied ≤ 0.15 s | $(secs "$noop_scale") s | $(verdict "$noop_scale" 150000) |"
  echo "| lint of a pull request's files, $scale_n in the repository ≤ 0.2 s | $(secs "$lint_scale") s | $(verdict "$lint_scale" 200000) |"
  echo "| status with $scale_n applied ≤ 0.3 s | $(secs "$status_scale") s | $(verdict "$status_scale" 300000) |"
  echo "| diff, $scale_n applied + 3 pending ≤ 0.5 × psql replaying the $((scale_n + 3)) files (one transaction per file) | $(secs "$diff_scale") s = $(ratio "$diff_scale" "$replay_scale") × ($(secs "$replay_scale") s) | $(ratio_verdict "$diff_scale" "$replay_scale" 0.5) |"
  echo "| memory of each of these four ≤ 150 MiB | $(mib "$rss_scale") MiB (largest) | $(verdict "$rss_scale" 153600) |"
  echo "| .NET tool: no-op with $big applied ≤ 1.3 × the AOT build (now the installed linux-x64 package) | $(secs "$noop_tool") s = $(ratio "$noop_tool" "$noop_cm") × ($(secs "$noop_cm") s) | $(ratio_verdict "$noop_tool" "$noop_cm" 1.3) |"
  echo "| .NET tool: peak memory applying $big ≤ 85 MiB (installed; the fallback: $(mib "$rss_tool_any") MiB) | $(mib "$rss_tool") MiB | $(verdict "$rss_tool" 87040) |"
  echo
  echo "Issue 18's \"AOT: peak memory ≤ 55 MiB\" and \"apply ≤ 0.95 × dbmate in every round\" are retired by issue 27, whose targets follow."
  echo
  echo "### Targets of issue 27"
  echo
  echo "| target | measured | verdict |"
  echo "| --- | --- | --- |"
  echo "| installed .NET tool: no-op stage-apply, $big applied, ≤ 1.3 × the AOT executable run directly | $(secs "$noop_tool") s = $(ratio "$noop_tool" "$noop_cm") × ($(secs "$noop_cm") s) | $(ratio_verdict "$noop_tool" "$noop_cm" 1.3) |"
  echo "| \`dotnet tool run\`: the SDK's manifest lookup on top (reported, no target) | $(secs "$noop_tool_run") s, $([[ -n "$noop_tool_run" && -n "$noop_tool" ]] && us_to_s $((noop_tool_run - noop_tool)) || echo -) s more than the installed tool | - |"
  echo "| the framework-dependent fallback package installs and runs (no-op) | $(secs "$noop_tool_any") s | $([[ -n "$noop_tool_any" ]] && echo met || { [[ -n "${NA[tool]:-}" ]] && echo "missed: ${NA[tool]}" || echo "not measured"; }) |"
  echo "| cold diff 200 + 3 (empty cache, the image's prebuilt cluster) ≤ 1.5 × warm | $(secs "$diff203_cold") s = $(ratio "$diff203_cold" "$diff203") × ($(secs "$diff203") s) | $(ratio_verdict "$diff203_cold" "$diff203" 1.5) |"
  echo "| first diff on a machine (empty cache, nothing prebuilt) ≤ 1.5 × warm | $(secs "$diff203_first") s = $(ratio "$diff203_first" "$diff203") × | $(ratio_verdict "$diff203_first" "$diff203" 1.5) |"
  echo "| in the image (podman run): cold diff 200 + 3 ≤ 1.5 × warm | $(secs "$image_cold") s = $(ratio "$image_cold" "$image_warm") × ($(secs "$image_warm") s) | $(ratio_verdict "$image_cold" "$image_warm" 1.5) |"
  echo "| apply $big ≤ 1.0 × dbmate at the median | $(ratio "$apply_cm" "$dbmate_fig") × (worst round ${worst_dbmate:--} ×) | $(ratio_verdict "$apply_cm" "$dbmate_fig" 1.0) |"
  echo "| apply $big at or under the psql one-transaction floor | $(ratio "$apply_cm" "$floor") × | $(ratio_verdict "$apply_cm" "$floor" 1.0) |"
  echo "| copy-schema --data, $copy_n rows, ≤ 1.0 × pg_dump --data-only \\| psql -1 | $(secs "$copy_cm") s = $(ratio "$copy_cm" "$copy_dump") × ($(secs "$copy_dump") s) | $(ratio_verdict "$copy_cm" "$copy_dump" 1.0) |"
  echo "| peak RSS applying $big < 80 MiB | $(mib "$rss_cm") MiB | $(verdict "$rss_cm" 81919) |"
  if [[ -n "$copy_figures" ]]; then
    echo; echo "### copy-schema --data (bench/copy/run.sh $copy_n 3)"; echo; echo "$copy_figures"
  fi
} | tee "$out/results.md"
cp "$REPORT_FILE" "$out/rows.tsv"
log "done; table in bench/out/run/results.md"
