#!/usr/bin/env bash
# Apply benchmark: 1,000 small migrations (a table, an index, a grant, RLS and a policy each) applied to fresh
# databases of a throwaway PostgreSQL 15 cluster, by psql (one session, BEGIN/COMMIT around each \i: one transaction
# per file, the floor) and by `ci-migrate stage-apply` (published Release build, ReadyToRun; includes process start,
# reading and splitting the files, the lock and the ledger). Then a no-op run (1,000 applied, nothing pending).
# Prints both times and the ratio. Targets: ratio <= 1.3; no-op < 0.5 s wall.
# Also prints the peak RSS of the apply (/usr/bin/time; apt-get install time). Target (issue 8): under 80 MiB.
# Usage: bench/apply/run.sh [count]   (PG_BIN overrides /usr/lib/postgresql/15/bin)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
count="${1:-1000}"
bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
out="$root/bench/out/apply"
work="$(mktemp -d /tmp/ci-migrate-bench-apply-XXXXXX)"
chmod 755 "$work"
as_server() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() { as_server "$bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

if [[ ! -x "$out/ci-migrate" || -n "${REBUILD:-}" ]]; then
  dotnet restore "$root/src/CiMigrate/CiMigrate.csproj" -r linux-x64 -p:PublishReadyToRun=true >/dev/null
  dotnet publish "$root/src/CiMigrate/CiMigrate.csproj" -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true --no-restore -o "$out" >/dev/null
fi

# The cluster: a unix socket in its own folder, server defaults (fsync and synchronous_commit on), as bench/run.sh.
mkdir -p "$work/data" "$work/sock"
[[ $(id -u) == 0 ]] && chown postgres "$work/data" "$work/sock"
as_server "$bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >/dev/null
as_server "$bin/pg_ctl" -D "$work/data" -l "$work/data/server.log" -w \
  -o "-c listen_addresses='' -c unix_socket_directories='$work/sock'" \
  start >/dev/null
psql() { "$bin/psql" -X -q -h "$work/sock" -U postgres -v ON_ERROR_STOP=1 "$@"; }
psql -d postgres -c "CREATE ROLE anon NOLOGIN" -c "CREATE ROLE authenticated NOLOGIN" -c "CREATE ROLE service_role NOLOGIN" -c "CREATE DATABASE by_psql" -c "CREATE DATABASE by_ci_migrate"

# The migrations, in the runbook's style.
migrations="$work/repo/apps/bench/supabase/migrations"
mkdir -p "$migrations"
for i in $(seq 1 "$count"); do
  version=$(printf '2025%010d' "$i")
  cat >"$migrations/${version}_table_$i.sql" <<SQL
SET search_path TO bench;

CREATE TABLE IF NOT EXISTS items_$i (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner text NOT NULL DEFAULT current_user,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS items_${i}_owner ON items_$i (owner);
GRANT ALL ON items_$i TO postgres, authenticated, service_role;
GRANT SELECT ON items_$i TO anon;
ALTER TABLE items_$i ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS "owners see their items" ON items_$i;
CREATE POLICY "owners see their items" ON items_$i FOR SELECT USING (owner = current_user);
SQL
done
cat >"$work/repo/ci-migrate.json" <<JSON
{ "apps": { "bench": { "schema": "bench", "migrations": "apps/bench/supabase/migrations" } },
  "environments": { "staging": { "databaseUrl": "Host=$work/sock;Username=postgres;Database=by_ci_migrate", "notifyPostgrest": false } } }
JSON

now() { date +%s%N; }
seconds() { awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e9 }'; }

# psql: one session, one transaction per file.
psql -d by_psql -c "CREATE SCHEMA bench"
driver="$work/driver.sql"
for file in "$migrations"/*.sql; do printf 'BEGIN;\n\\i %s\nCOMMIT;\n' "$file"; done >"$driver"
start=$(now); psql -d by_psql -f "$driver"; psql_ns=$(( $(now) - start ))

# ci-migrate: the whole tool, process start included.
cd "$work/repo"
start=$(now); /usr/bin/time -f %M -o "$work/rss" "$out/ci-migrate" stage-apply >"$work/apply.log"; tool_ns=$(( $(now) - start ))
applied=$(psql -d by_ci_migrate -tAc "SELECT count(*) FROM ci_migrate.applied_migrations")
[[ "$applied" == "$count" ]] || { echo "ci-migrate applied $applied of $count"; tail "$work/apply.log"; exit 1; }

# No-op: everything applied; median of 5 runs.
noop=()
for _ in 1 2 3 4 5; do
  start=$(now); "$out/ci-migrate" stage-apply >/dev/null; noop+=($(( $(now) - start )))
done
mapfile -t sorted < <(printf '%s\n' "${noop[@]}" | sort -n)

echo "apply $count migrations (table, index, grant, RLS, policy each), PostgreSQL $("$bin/postgres" --version | awk '{print $3}'), server defaults:"
echo "  psql (one session, BEGIN/COMMIT per file): $(seconds "$psql_ns") s"
echo "  ci-migrate stage-apply (process included):  $(seconds "$tool_ns") s"
echo "  ratio: $(awk -v a="$tool_ns" -v b="$psql_ns" 'BEGIN { printf "%.2f", a / b }') (target <= 1.30)"
echo "  peak RSS of the apply: $(awk -v kb="$(cat "$work/rss")" 'BEGIN { printf "%.0f", kb / 1024 }') MiB (target < 80 MiB)"
echo "  no-op run ($count applied, nothing pending): median $(seconds "${sorted[2]}") s of 5 (min $(seconds "${sorted[0]}"), max $(seconds "${sorted[4]}")) (target < 0.500 s)"
