#!/usr/bin/env bash
# The .NET tool as users install it (issue 27), against the Native AOT executable it carries: a no-op stage-apply
# (N applied, nothing pending) run 10 times after a warm-up, as
#   aot          the executable inside the installed linux-x64 package, run directly (what the container image runs)
#   tool-path    `dotnet tool install --tool-path` (or -g): the command the install puts on PATH
#   tool run     `dotnet tool run ci-migrate` from a repository's tool manifest: the SDK's manifest lookup first
#   fallback     the framework-dependent `any` package (platforms without their own package), JIT-compiled
# Packages come from a local folder feed built here (build/tool-packages.sh: one Native AOT publish, minutes).
# Target: the installed tool at most 1.3 x the AOT executable. Take figures on a quiet machine only.
# Usage: bench/tool.sh [N]   (default N=100 applied migrations; FEED=DIR VERSION=... times the pointer, linux-x64
#        and any packages of VERSION already packed into DIR instead of packing them)
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench/.." && pwd)"
source "$bench/lib/measure.sh"
source "$bench/lib/pg.sh"
source "$bench/lib/tools.sh"
source "$root/build/tool-packages.sh"

n="${1:-100}"
runs=10
work="$(mktemp -d /tmp/ci-migrate-bench-tool-XXXXXX)"
chmod 755 "$work"  # the server runs as postgres and must reach its data folder
cleanup() { pg_stop; rm -rf "$work"; }
trap cleanup EXIT

if [[ -n "${FEED:-}" ]]; then
  version="${VERSION:?FEED needs the VERSION of its packages}"
  mkdir -p "$work/feed"
  cp "$FEED/ci-migrate.$version.nupkg" "$FEED/ci-migrate.linux-x64.$version.nupkg" "$FEED/ci-migrate.any.$version.nupkg" "$work/feed/"
  tool_feed "$work/feed" "$version"
else
  version="0.0.0-bench.$(date +%s)"
  tool_feed "$work/feed" "$version" pointer linux-x64 any
fi
tools_install_ci_migrate_tool "$work/feed" "$version" "$work"
pg_start "$work/pg"
pg_template bench_template "$root/src/CiMigrate.Adapters/Shadow/SupabaseBaseline.sql" bench >"$work/template.log" 2>&1 \
  || { cat "$work/template.log" >&2; exit 1; }
pg_fresh bench bench_template >/dev/null
"$bench/workload/generate.sh" "$n" "$work/repo/supabase/migrations"
cat >"$work/repo/ci-migrate.json" <<JSON
{ "apps": { "bench": { "schema": "bench", "migrations": "supabase/migrations" } } }
JSON
cd "$work/repo"
url="$(pg_url bench)"
"$TOOL_AOT" stage-apply --database-url "$url" >"$work/apply.log" 2>&1 || { cat "$work/apply.log" >&2; exit 1; }

declare -A walls
time_rows() {  # time_rows KEY CMD...: a warm-up, then $runs timed no-op runs
  local key="$1" i; shift
  for ((i = 0; i <= runs; i++)); do
    measure "$work/$key.log" "$@" stage-apply --database-url "$url" || { echo "$key failed:" >&2; tail -n 5 "$work/$key.log" >&2; exit 1; }
    ((i > 0)) && walls[$key]+="$MEASURED_US "
  done
  return 0
}
time_rows aot "$TOOL_AOT"
time_rows tool-path "$TOOL_PATH"
time_rows "tool run" "${TOOL_RUN[@]}"
time_rows fallback "$TOOL_ANY"

med() { tr ' ' '\n' <<<"${walls[$1]}" | grep . | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "no-op stage-apply, $n applied: median wall of $runs runs after a warm-up (ci-migrate $version, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo "| run | median (s) | min-max (s) | x aot |"
echo "| --- | ---: | ---: | ---: |"
for key in aot tool-path "tool run" fallback; do
  values="$(tr ' ' '\n' <<<"${walls[$key]}" | grep .)"
  echo "| $key | $(us_to_s "$(med "$key")") | $(us_to_s "$(minimum <<<"$values")")-$(us_to_s "$(maximum <<<"$values")") | $(ratio "$(med "$key")" "$(med aot)") |"
done
installed_ratio="$(ratio "$(med tool-path)" "$(med aot)")"
verdict="$(awk -v r="$installed_ratio" 'BEGIN { print (r <= 1.3) ? "met" : "missed" }')"
echo "target: the installed .NET tool at most 1.3 x the AOT executable: $installed_ratio x, $verdict"
echo "dotnet tool run adds $(us_to_s "$(( $(med "tool run") - $(med tool-path) ))") s to the installed tool (the SDK's manifest lookup)"
