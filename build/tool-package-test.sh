#!/usr/bin/env bash
# The .NET tool as users get it from NuGet: packs the ci-migrate pointer package, the linux-x64 package (Native AOT)
# and the framework-dependent fallback (`any`) into a local folder feed (build/pack-tool.sh), then
#   1. installs from the whole feed with `dotnet tool install --tool-path`: the .NET CLI must pick the linux-x64
#      package; runs `ci-migrate --version`, and stage-apply against a throwaway PostgreSQL twice (3 migrations
#      applied, then the no-op run), checking the ledger;
#   2. installs as on a platform the RID packages do not cover (a feed of the fallback and the pointer without
#      linux-x64's package): the CLI must fall back to `any`, which must run on the installed .NET runtime (--version
#      and the no-op stage-apply on the same database).
# One Native AOT publish: several CPU minutes. Needs clang (build/publish-aot.sh says how) and PostgreSQL 15's server
# (PG_BIN, default /usr/lib/postgresql/15/bin).
# Usage: build/tool-package-test.sh   (VERSION=... packs that version instead of a unique 0.0.0-local.<time>;
#        FEED=DIR VERSION=... tests the three packages of VERSION already packed into DIR instead of packing them)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/build/tool-packages.sh"
source "$root/bench/lib/pg.sh"

bash "$root/build/ensure-clang.sh"
bash "$root/build/ensure-postgres.sh"

work="$(mktemp -d /tmp/ci-migrate-tool-package-XXXXXX)"
chmod 755 "$work"  # the server runs as postgres and must reach its data folder
cleanup() { pg_stop; rm -rf "$work"; }
trap cleanup EXIT

fail() { echo "tool-package-test: $*" >&2; exit 1; }
# Unique by default: a version NuGet saw before would come from its caches, not from this build.
version="${VERSION:-0.0.0-local.$(date +%s)}"

if [[ -n "${FEED:-}" ]]; then
  [[ -n "${VERSION:-}" ]] || fail "FEED needs the VERSION of its packages"
  echo "==> The packages of ci-migrate $version in $FEED"
  mkdir -p "$work/feed"
  for name in ci-migrate ci-migrate.linux-x64 ci-migrate.any; do
    cp "$FEED/$name.$version.nupkg" "$work/feed/" || fail "$FEED holds no $name.$version.nupkg"
  done
  tool_feed "$work/feed" "$version"
else
  echo "==> Packing ci-migrate $version: pointer, linux-x64 (Native AOT), any (framework-dependent)"
  tool_feed "$work/feed" "$version" pointer linux-x64 any
fi
# The feed of a platform without its own package: the pointer and the fallback only.
mkdir -p "$work/fallback-feed"
cp "$work/feed/ci-migrate.$version.nupkg" "$work/feed/ci-migrate.any.$version.nupkg" "$work/fallback-feed/"
tool_pointer_without "$work/fallback-feed" "$version" linux-x64
tool_feed "$work/fallback-feed" "$version"

echo "==> A throwaway PostgreSQL with the Supabase baseline, and a repository of 3 migrations"
pg_start "$work/pg"
pg_template tool_template "$root/src/CiMigrate.Adapters/Shadow/SupabaseBaseline.sql" bench >"$work/template.log" 2>&1 \
  || { cat "$work/template.log" >&2; fail "the Supabase baseline did not load"; }
pg_fresh tool_test tool_template >/dev/null
"$root/bench/workload/generate.sh" 3 "$work/repo/supabase/migrations"
cat >"$work/repo/ci-migrate.json" <<JSON
{ "apps": { "bench": { "schema": "bench", "migrations": "supabase/migrations" } } }
JSON
applied() { pg_psql -d tool_test -tAc "SELECT count(*) FROM ci_migrate.applied_migrations"; }

# run LABEL TOOL ARGS...: runs the installed tool in the repository; its output is shown when it fails.
run() {
  local label="$1"; shift
  (cd "$work/repo" && "$@") >"$work/$label.log" 2>&1 || { cat "$work/$label.log" >&2; fail "$label exited with $?"; }
}

check_install() {  # check_install TOOL_PATH EXPECTED_PACKAGE
  local tool="$1/ci-migrate" package
  package="$(tool_store_package "$1")"
  [[ "$package" == "$2" ]] || fail "the .NET CLI installed '${package:-nothing}' from the pointer, not $2"
  run "$2-version" "$tool" --version
  [[ "$(cat "$work/$2-version.log")" == "$version"* ]] || fail "$2: --version printed '$(cat "$work/$2-version.log")', not $version"
}

echo "==> Installing from the whole feed: the linux-x64 package"
tool_install "$work/rid" "$work/feed" "$version" >"$work/install-rid.log" 2>&1 || { cat "$work/install-rid.log" >&2; fail "install failed"; }
check_install "$work/rid" ci-migrate.linux-x64
[[ -z "$(find "$work/rid/.store" -name 'ci-migrate.dll')" ]] || fail "the linux-x64 package holds ci-migrate.dll: it is not the Native AOT build"
run rid-apply "$work/rid/ci-migrate" stage-apply --database-url "$(pg_url tool_test)"
[[ "$(applied)" == 3 ]] || fail "stage-apply applied $(applied) of 3 migrations"
run rid-noop "$work/rid/ci-migrate" stage-apply --database-url "$(pg_url tool_test)"
[[ "$(applied)" == 3 ]] || fail "the no-op stage-apply changed the ledger: $(applied) rows"
echo "    $(cat "$work/ci-migrate.linux-x64-version.log"): stage-apply applied 3, then a no-op"

echo "==> Installing where no RID package fits: the framework-dependent fallback"
tool_install "$work/fallback" "$work/fallback-feed" "$version" >"$work/install-any.log" 2>&1 \
  || { cat "$work/install-any.log" >&2; fail "the fallback install failed"; }
check_install "$work/fallback" ci-migrate.any
[[ -n "$(find "$work/fallback/.store" -name 'ci-migrate.dll')" ]] || fail "the fallback package holds no ci-migrate.dll"
run any-noop "$work/fallback/ci-migrate" stage-apply --database-url "$(pg_url tool_test)"
[[ "$(applied)" == 3 ]] || fail "the fallback's no-op stage-apply changed the ledger: $(applied) rows"
echo "    $(cat "$work/ci-migrate.any-version.log"): the fallback runs on the installed .NET runtime (no-op stage-apply)"

echo "tool-package-test: passed"
