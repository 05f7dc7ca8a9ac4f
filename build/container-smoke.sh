#!/usr/bin/env bash
# The container action's smoke test, without Docker: runs the image's filesystem (build/image.sh's layout on this
# machine's PostgreSQL 15 and git, the packages the Dockerfile installs) in a bubblewrap sandbox the way the runner
# runs a Docker action: root inside; the workspace mounted at /github/workspace and owned by another uid (1234: neither
# root nor the hosted runner's 1001); GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files of /github/file_commands that the
# runner created; the event at /github/workflow/event.json; INPUT_* variables with their hyphens (INPUT_DATABASE-URL).
# Through the entrypoint it runs a pull request's review (lint + plan + sticky comment against a fake GitHub API
# that logs every request, build/fake-github.py) with an unsafe change, again after the fix, then stage-apply against
# a local PostgreSQL with the plan hash the review reported, and `new`; it checks the exact requests, the
# annotations, the outputs, the ledger, and that every file in the workspace still belongs to the runner's uid.
# Usage: build/container-smoke.sh           builds artifacts/image from this tree (build/image.sh), then runs it
#        build/container-smoke.sh <layout>  runs a layout build/image.sh made
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
layout="$(realpath -m "${1:-$root/artifacts/image}")"
runner_uid=1234
started=$SECONDS

# Without a layout given, build it from this tree (as the calling user, before any sudo: the layout stays theirs).
if [[ $# -eq 0 ]]; then
  echo "==> Building the image layout in $layout (build/image.sh, Native AOT)" >&2
  bash "$root/build/image.sh" "$layout" >&2
fi
[[ -x "$layout/opt/ci-migrate/ci-migrate" ]] || { echo "container-smoke: $layout holds no image layout (build/image.sh)" >&2; exit 2; }

if [[ "$(id -u)" != 0 ]]; then
  # The runner starts a Docker action as root; only root can hand the workspace to another uid and be root inside.
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    exec sudo -n --preserve-env=PATH bash "$0" "$layout"
  fi
  echo "container-smoke: run as root (or with passwordless sudo)" >&2
  exit 2
fi

missing=()
command -v bwrap >/dev/null || missing+=(bubblewrap)
command -v jq >/dev/null || missing+=(jq)
command -v python3 >/dev/null || missing+=(python3)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "==> Installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null >&2
fi
bash "$root/build/ensure-postgres.sh"
pg_bin=/usr/lib/postgresql/15/bin

work="$(mktemp -d /tmp/ci-migrate-smoke.XXXXXX)"
chmod 0755 "$work"
server_pid=""
keep_work=false
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  if [[ -f "$work/pg/postmaster.pid" ]]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [[ "$keep_work" == false ]]; then
    rm -rf "$work"
  fi
}
trap cleanup EXIT

checks=0
failures=0
check() { # check <description> <command...>
  local description="$1"
  shift
  checks=$((checks + 1))
  if "$@"; then
    echo "ok   $description"
  else
    echo "FAIL $description" >&2
    failures=$((failures + 1))
  fi
}
wait_for() { # wait_for <file> <what>: at most 30 s
  local deadline=$((SECONDS + 30))
  until [[ -s "$1" ]]; do
    ((SECONDS < deadline)) || { echo "container-smoke: $2 did not start within 30 s" >&2; exit 1; }
    sleep 0.1
  done
}

# --- the staging database: a PostgreSQL 15 cluster of its own, as the postgres user -----------------------------
mkdir -p "$work/pg" "$work/pg-socket"
chown postgres: "$work/pg" "$work/pg-socket"
runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust >/dev/null
pg_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -w -t 60 -l "$work/pg/server.log" \
  -o "-p $pg_port -k $work/pg-socket -c listen_addresses=127.0.0.1" start >/dev/null
psql() { "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }
psql -d postgres -c "CREATE DATABASE staging" \
  -c "CREATE ROLE anon NOLOGIN" -c "CREATE ROLE authenticated NOLOGIN" -c "CREATE ROLE service_role NOLOGIN"
# The app's schema exists already, as on a shared Supabase database (pg_dump --schema, the backup, needs it).
psql -d staging -c "CREATE SCHEMA money_tracker"
database_url="postgres://postgres@127.0.0.1:$pg_port/staging"

# --- GitHub: the API stand-in, and the runner's folders ------------------------------------------------------------
token="ghs_SmokeTestInstallationToken0123456789"
python3 "$root/build/fake-github.py" "$work/github-port" "$work/github-requests.jsonl" tower-fleet/apps 7 &
server_pid=$!
wait_for "$work/github-port" "the fake GitHub API"
github_url="http://127.0.0.1:$(cat "$work/github-port")"

# --- the workspace: a repository whose pull request adds a migration with an unbounded DELETE ---------------------
ws="$work/workspace"
mkdir -p "$ws/supabase/migrations/down" "$work/file_commands" "$work/workflow" "$work/home"
git_ws() { git -C "$ws" -c safe.directory="*" -c user.name=smoke -c user.email=smoke@example.com -c commit.gpgsign=false "$@"; }
cat >"$ws/ci-migrate.json" <<'JSON'
{
  "apps": { "budget": { "schema": "money_tracker", "migrations": "supabase/migrations" } },
  "environments": { "staging": {} }
}
JSON
header='SET search_path TO money_tracker;'
first=supabase/migrations/20250101000000_create_budgets.sql
second=supabase/migrations/20250102000000_clear_budgets.sql
cat >"$ws/$first" <<'SQL'
SET search_path TO money_tracker;
CREATE SCHEMA IF NOT EXISTS money_tracker;
CREATE TABLE IF NOT EXISTS money_tracker.budgets (id bigint PRIMARY KEY, note text);
ALTER TABLE money_tracker.budgets ENABLE ROW LEVEL SECURITY;
GRANT ALL ON money_tracker.budgets TO postgres, authenticated, service_role;
GRANT SELECT ON money_tracker.budgets TO anon;
SQL
printf '%s\nDROP TABLE IF EXISTS budgets;\n' "$header" >"$ws/supabase/migrations/down/20250101000000_create_budgets.sql"
git_ws init -q -b main
git_ws add -A
git_ws commit -q -m "base"
base_sha="$(git_ws rev-parse HEAD)"
git_ws checkout -q -b feature
printf '%s\nDELETE FROM budgets;\n' "$header" >"$ws/$second"
printf '%s\n' "$header" >"$ws/supabase/migrations/down/20250102000000_clear_budgets.sql"
git_ws add -A
git_ws commit -q -m "clear budgets"
jq -n --arg base "$base_sha" --arg head "$(git_ws rev-parse HEAD)" \
  '{action: "synchronize", number: 7, pull_request: {number: 7, base: {ref: "main", sha: $base}, head: {ref: "feature", sha: $head}}}' \
  >"$work/workflow/event.json"
chown -R "$runner_uid:$runner_uid" "$ws" "$work/file_commands" "$work/workflow" "$work/home"

# The image's root filesystem: this machine's /usr and /etc stand in for the runtime-deps base and the packages the
# Dockerfile installs (postgresql-15 with its postgres user, git); the layout adds ci-migrate and /etc/gitconfig.
cp -a /etc "$work/etc"
cp "$layout/etc/gitconfig" "$work/etc/gitconfig"

step=0
# run_action <output name> <INPUT_NAME=value ...>: one action step, as the runner starts it.
run_action() {
  local name="$1"
  shift
  step=$((step + 1))
  local id
  id="$(printf '%08d-0000-4000-8000-%012d' "$step" "$step")"
  # The runner creates the step's command files, as its own user, before it starts the container.
  install -o "$runner_uid" -g "$runner_uid" -m 0644 /dev/null "$work/file_commands/set_output_$id"
  install -o "$runner_uid" -g "$runner_uid" -m 0644 /dev/null "$work/file_commands/step_summary_$id"
  output_file="$work/file_commands/set_output_$id"
  summary_file="$work/file_commands/step_summary_$id"
  local environment=(
    --setenv PATH /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    --setenv DOTNET_CLI_TELEMETRY_OPTOUT 1 --setenv DOTNET_NOLOGO 1
    --setenv HOME /github/home --setenv CI true --setenv GITHUB_ACTIONS true
    --setenv GITHUB_WORKSPACE /github/workspace
    --setenv GITHUB_EVENT_NAME pull_request --setenv GITHUB_EVENT_PATH /github/workflow/event.json
    --setenv GITHUB_REPOSITORY tower-fleet/apps --setenv GITHUB_REPOSITORY_OWNER tower-fleet
    --setenv GITHUB_SHA "$(git_ws rev-parse HEAD)" --setenv GITHUB_REF refs/pull/7/merge
    --setenv GITHUB_RUN_ID 4242 --setenv GITHUB_RUN_ATTEMPT 1 --setenv GITHUB_ACTOR octocat
    --setenv GITHUB_SERVER_URL "$github_url" --setenv GITHUB_API_URL "$github_url"
    --setenv GITHUB_OUTPUT "/github/file_commands/set_output_$id"
    --setenv GITHUB_STEP_SUMMARY "/github/file_commands/step_summary_$id"
    --setenv RUNNER_OS Linux --setenv RUNNER_ARCH X64 --setenv RUNNER_TEMP /home/runner/work/_temp
    --setenv "INPUT_GITHUB-TOKEN" "$token"
  )
  local input
  for input in "$@"; do
    environment+=(--setenv "INPUT_${input%%=*}" "${input#*=}")
  done
  local status=0
  bwrap --die-with-parent --unshare-pid --unshare-ipc --unshare-uts --cap-add ALL \
    --ro-bind /usr /usr --symlink usr/bin /bin --symlink usr/sbin /sbin --symlink usr/lib /lib --symlink usr/lib64 /lib64 \
    --ro-bind "$work/etc" /etc --ro-bind "$layout/opt/ci-migrate" /opt/ci-migrate \
    --ro-bind "$layout/usr/local/bin" /usr/local/bin \
    --proc /proc --dev /dev --tmpfs /tmp --tmpfs /var/run \
    --bind "$ws" /github/workspace --bind "$work/file_commands" /github/file_commands \
    --bind "$work/workflow" /github/workflow --bind "$work/home" /github/home \
    --chdir /github/workspace --clearenv "${environment[@]}" \
    -- /usr/local/bin/ci-migrate-action >"$work/$name.out" 2>"$work/$name.err" || status=$?
  echo "$status" >"$work/$name.status"
}

exit_code() { cat "$work/$1.status"; }
owned_by_runner() { [[ -z "$(find "$@" ! -uid "$runner_uid" -print -quit)" ]]; }
requests() { jq -r '"\(.method) \(.path)"' "$work/github-requests.jsonl"; }
output() { # output <file> <name>: a multi-line GITHUB_OUTPUT value (name<<delimiter ... delimiter)
  awk -v name="$2" '$0 ~ "^" name "<<" { delimiter = substr($0, length(name) + 3); inside = 1; next }
    inside && $0 == delimiter { exit } inside { print }' "$1"
}
same() { [[ "$1" == "$2" ]] || { printf '  expected: %s\n  actual:   %s\n' "$2" "$1" >&2; return 1; }; }
contains() { grep -qF -- "$2" "$1" || { echo "  $1 does not contain: $2" >&2; return 1; }; }
lacks() { ! grep -qF -- "$2" "$1" || { echo "  $1 contains: $2" >&2; return 1; }; }

echo "==> pull request review: lint, plan and comment in one step (an unbounded DELETE)"
run_action review-unsafe COMMAND=diff ENVIRONMENT=staging "DATABASE-URL=$database_url" COMMENT=true
check "the step fails at its end (exit 1) on the lint error" same "$(exit_code review-unsafe)" 1
check "the error is annotated once, on the pull request's file only" \
  same "$(grep -c '^::error ' "$work/review-unsafe.out")" 1
check "the annotation is on $second line 2" contains "$work/review-unsafe.out" "::error file=$second,line=2,col=1,title=unbounded-delete-update::"
check "the plan comment was created: the API saw exactly these requests" same "$(requests | paste -sd' ')" \
  "GET /user GET /repos/tower-fleet/apps/issues/7/comments?sort=created&direction=asc&per_page=100 POST /repos/tower-fleet/apps/issues/7/comments"
check "every request carries the token" same "$(jq -r '.authorization' "$work/github-requests.jsonl" | sort -u)" "Bearer $token"
jq -r 'select(.method == "POST") | .body | fromjson | .body' "$work/github-requests.jsonl" >"$work/comment-1.md"
check "the comment has the plan's marker" contains "$work/comment-1.md" "<!-- ci-migrate:plan app=budget -->"
check "the comment shows the lint error" contains "$work/comment-1.md" "unbounded-delete-update"
check "the comment lists the pending migration" contains "$work/comment-1.md" "20250102000000"
check "the plan is in the job summary" contains "$summary_file" "unbounded-delete-update"
check "outputs: pending-count 2" same "$(output "$output_file" pending-count)" 2
check "outputs: a plan hash" same "$(output "$output_file" plan-hash | grep -cE '^[0-9a-f]{64}$')" 1
check "the token is in no output" lacks "$work/review-unsafe.out" "$token"

echo "==> pull request review after the fix: the same comment is edited"
printf '%s\nDELETE FROM budgets WHERE note IS NULL;\n' "$header" >"$ws/$second"
git_ws commit -q -am "only the empty budgets"
chown -R "$runner_uid:$runner_uid" "$ws"
: >"$work/github-requests.jsonl"
run_action review-fixed COMMAND=diff ENVIRONMENT=staging "DATABASE-URL=$database_url" COMMENT=true
check "the step passes (exit 0)" same "$(exit_code review-fixed)" 0
check "no annotation is left" same "$(grep -c '^::error ' "$work/review-fixed.out" || true)" 0
check "the sticky comment was edited in place, not posted again" same "$(requests | paste -sd' ')" \
  "GET /user GET /repos/tower-fleet/apps/issues/7/comments?sort=created&direction=asc&per_page=100 PATCH /repos/tower-fleet/apps/issues/comments/1000"
plan_hash="$(output "$output_file" plan-hash)"

echo "==> stage-apply with the plan hash the review reported, a backup first"
run_action stage-apply COMMAND=stage-apply ENVIRONMENT=staging "DATABASE-URL=$database_url" "EXPECT-PLAN=$plan_hash" \
  "ARGS=--backup .ci-migrate/backups"
check "stage-apply passes (exit 0)" same "$(exit_code stage-apply)" 0
check "the ledger holds both migrations" same \
  "$(psql -d staging -At -c "SELECT string_agg(version, ',' ORDER BY version) FROM ci_migrate.applied_migrations WHERE app = 'budget'")" \
  "20250101000000,20250102000000"
check "the table exists on staging" same "$(psql -d staging -At -c "SELECT to_regclass('money_tracker.budgets') IS NOT NULL")" t
check "the backup was written" same "$(find "$ws/.ci-migrate/backups" -name 'budget-staging-*.dump' | wc -l)" 1
check "the database URL is in no output" lacks "$work/stage-apply.out" "$database_url"

echo "==> files: everything in the workspace and the command files still belongs to the runner (uid $runner_uid)"
bwrap --die-with-parent --cap-add ALL --ro-bind /usr /usr --symlink usr/bin /bin --symlink usr/lib /lib \
  --symlink usr/lib64 /lib64 --ro-bind "$work/etc" /etc --ro-bind "$layout/opt/ci-migrate" /opt/ci-migrate \
  --proc /proc --dev /dev --tmpfs /tmp --bind "$ws" /github/workspace --chdir /github/workspace --clearenv \
  --setenv PATH /usr/local/bin:/usr/bin:/bin -- /opt/ci-migrate/ci-migrate new add_notes --app budget >"$work/new.out" 2>&1
check "new created its files" same "$(find "$ws/supabase/migrations" -name '*_add_notes.sql' | wc -l)" 2
check "every file and folder in the workspace belongs to uid $runner_uid" owned_by_runner "$ws"
check "the command files belong to uid $runner_uid" owned_by_runner "$work/file_commands"
check "uid $runner_uid can write every command file" \
  setpriv --reuid "$runner_uid" --regid "$runner_uid" --clear-groups -- sh -c 'for f in "$@"; do : >>"$f" || exit 1; done' sh "$work"/file_commands/*

seconds=$((SECONDS - started))
if ((failures > 0)); then
  echo "container smoke: $failures of $checks checks failed (${seconds} s); the steps' output is kept in $work" >&2
  keep_work=true
  exit 1
fi
echo "container smoke: $checks checks passed in ${seconds} s"
