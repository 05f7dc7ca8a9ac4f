#!/usr/bin/env bash
# The team's flow end to end, as GitHub runs it: the image built from the Dockerfile with podman, and the three
# documented workflows (docs/workflows/*.yml, read from the files themselves by build/e2e/workflow.py: jobs, steps,
# needs, matrix, secrets, environments, permissions and the expressions they use) run for a repository with three
# apps (money-tracker, home-portal, recipe-box) on one local PostgreSQL with a staging and a production database,
# against a fake GitHub API that enforces each job's token permissions (build/e2e/fake_github.py):
#   1. a pull request (apps matrix, one sticky comment per app, annotations, the plan hash)
#   2. the same pull request from a fork (no secrets: the plan against the shadow alone, in the job summary)
#   3. merge: the deploy workflow applies to staging, production waits for its reviewers, then runs approved
#   4. a rollback dispatch of one app on staging (its own concurrency group; other apps' rows untouched)
#   5. a second pull request whose plan changed after review: production refuses it
# and checks what a user sees at each step: job outcomes, outputs, comments, summaries, annotations, the ledgers of
# both databases, the requests the API saw, that no secret reached any output, and that every workspace can be cleaned
# by the runner's user afterwards (a self-hosted runner's next checkout).
# Usage: build/workflow-e2e.sh            (as root: the container engine, the cluster's postgres user, the runner's uid)
#   E2E_ENGINE=docker  build and run with Docker and the real base images (GitHub's hosted runners, ci.yml); the
#                      default is podman with local stand-ins for the two mcr.microsoft.com bases (build/e2e/base-images.sh)
#   E2E_IMAGE=<tag>    use an image built already instead of building the Dockerfile
#   E2E_KEEP=1         keep the state folder (runs, outputs, requests) even when every check passes
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
started=$SECONDS
runner_uid=1001
[[ "$(id -u)" == 0 ]] || { echo "workflow-e2e: run as root (podman, initdb as postgres, the runner's uid)" >&2; exit 2; }

engine="${E2E_ENGINE:-podman}"
export E2E_ENGINE="$engine"
case "$engine" in
  podman) tools=(podman:podman runc:runc debootstrap:debootstrap)
          engine_flags=(--runtime runc --ulimit nofile=20000:20000 --ulimit nproc=4096:4096) ;;
  docker) tools=(docker:docker.io); engine_flags=() ;;
  *) echo "workflow-e2e: E2E_ENGINE is podman or docker, not '$engine'" >&2; exit 2 ;;
esac
missing=()
for tool in "${tools[@]}" jq:jq setpriv:util-linux; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
python3 -c 'import yaml' 2>/dev/null || missing+=(python3-yaml)
if ((${#missing[@]} > 0)); then
  echo "==> Installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null >&2
  # python3-yaml lands in Debian's python3; prefer it when the PATH's python3 lacks yaml.
  python3 -c 'import yaml' 2>/dev/null || export PATH="/usr/bin:$PATH"
fi
bash "$root/build/ensure-postgres.sh"
pg_bin=/usr/lib/postgresql/15/bin

state="$(mktemp -d /var/tmp/ci-migrate-e2e.XXXXXX)"
chmod 0755 "$state"
github_pid=""
cleanup() {
  [[ -n "$github_pid" ]] && kill "$github_pid" 2>/dev/null || true
  if [[ -f "$state/pg/postmaster.pid" ]]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$state/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [[ "${keep:-false}" == false && -z "${E2E_KEEP:-}" ]]; then rm -rf "$state"; fi
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
same() { [[ "$1" == "$2" ]] || { printf '  expected: %s\n  actual:   %s\n' "$2" "$1" >&2; return 1; }; }
contains() { grep -qF -- "$2" <<<"$1" || { echo "  does not contain: $2" >&2; return 1; }; }
lacks() { ! grep -qF -- "$2" <<<"$1" || { echo "  contains: $2" >&2; return 1; }; }
wait_for() { # wait_for <file> <what>: at most 30 s
  local deadline=$((SECONDS + 30))
  until [[ -s "$1" ]]; do
    ((SECONDS < deadline)) || { echo "workflow-e2e: $2 did not start within 30 s" >&2; exit 1; }
    sleep 0.1
  done
}

# --- the image, from the Dockerfile ------------------------------------------------------------------------------
image="${E2E_IMAGE:-}"
if [[ -z "$image" ]]; then
  image=localhost/ci-migrate:e2e
  if [[ "$engine" == podman ]]; then
    bash "$root/build/e2e/base-images.sh"
    echo "==> podman build: the Dockerfile (Debian's PostgreSQL 15; PGDG, for 17, is not reachable here)" >&2
    # The NuGet cache is lent to the build stage's restore (a volume: nothing of it lands in the image).
    mkdir -p /root/.nuget/packages
    build=(podman build "${engine_flags[@]}" --network host --pull=never --build-arg POSTGRES_MAJORS=15
           -v /root/.nuget/packages:/root/.nuget/packages)
  else
    echo "==> docker build: the Dockerfile" >&2
    build=(docker build --network host)
  fi
  "${build[@]}" -t "$image" "$root" >"$state/image-build.log" 2>&1 || { tail -40 "$state/image-build.log" >&2; exit 1; }
fi
echo "image: $image ($("$engine" run --rm "${engine_flags[@]}" --entrypoint ci-migrate "$image" --version))"

# --- one PostgreSQL, a staging and a production database, as on Supabase ----------------------------------------
mkdir -p "$state/pg" "$state/pg-socket"
chown postgres: "$state/pg" "$state/pg-socket"
runuser -u postgres -- "$pg_bin/initdb" -D "$state/pg" -U postgres -A trust >/dev/null
pg_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$state/pg" -w -t 60 -l "$state/pg/server.log" \
  -o "-p $pg_port -k $state/pg-socket -c listen_addresses=127.0.0.1" start >/dev/null
psql() { "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }
password="e2e-Secret-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
psql -d postgres -c "CREATE ROLE anon NOLOGIN" -c "CREATE ROLE authenticated NOLOGIN" -c "CREATE ROLE service_role NOLOGIN" \
  -c "CREATE ROLE deployer LOGIN SUPERUSER PASSWORD '$password'"
for database in staging production; do
  psql -d postgres -c "CREATE DATABASE $database"
  # What a Supabase project has that the example apps use: auth.users and auth.uid(), storage's buckets and objects
  # with storage.foldername(), and the supabase_realtime publication.
  psql -d "$database" -c "CREATE SCHEMA auth" -c "CREATE TABLE auth.users (id uuid PRIMARY KEY, email text)" \
    -c "CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS 'SELECT NULL::uuid'" \
    -c "CREATE SCHEMA storage" \
    -c "CREATE TABLE storage.buckets (id text PRIMARY KEY, name text NOT NULL, public boolean DEFAULT false, owner uuid)" \
    -c "CREATE TABLE storage.objects (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), bucket_id text REFERENCES storage.buckets (id), name text, owner uuid, metadata jsonb)" \
    -c "ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY" \
    -c "CREATE FUNCTION storage.foldername(name text) RETURNS text[] LANGUAGE sql IMMUTABLE AS 'SELECT string_to_array(name, ''/'')'" \
    -c "CREATE PUBLICATION supabase_realtime"
done
url() { echo "postgres://deployer:$password@127.0.0.1:$pg_port/$1"; }
ledger() { # ledger <database> <app>: the versions applied, comma-separated
  psql -d "$1" -At -c "SELECT coalesce(string_agg(version, ',' ORDER BY version), '') FROM ci_migrate.applied_migrations WHERE app = '$2'"
}

# --- GitHub's API -------------------------------------------------------------------------------------------------
python3 "$root/build/e2e/fake_github.py" "$state" tower-fleet/apps &
github_pid=$!
wait_for "$state/github/port" "the fake GitHub API"
github_url="http://127.0.0.1:$(cat "$state/github/port")"
requests() { jq -r --argjson from "${1:-0}" 'select(input_line_number > $from) | "\(.method) \(.path | split("?")[0]) \(.status)"' "$state/github/requests.jsonl"; }
request_count() { [[ -f "$state/github/requests.jsonl" ]] && wc -l <"$state/github/requests.jsonl" || echo 0; }

# --- the repository: three apps, the workflows copied as README says ---------------------------------------------
repo="$state/repo"
mkdir -p "$repo/apps" "$repo/.github/workflows"
cp -r "$root/examples/apps/money-tracker" "$root/examples/apps/home-portal" "$repo/apps/"
cp -r "$root/build/e2e/recipe-box" "$repo/apps/"
# README's quick start, word for word: its ci-migrate.json block and its copy line.
quickstart() { # quickstart <marker>: the fenced block after <!-- quickstart:<marker> ... -->
  awk -v marker="<!-- quickstart:$1 " 'index($0, marker) == 1 { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next } inside { print }' "$root/README.md"
}
quickstart ci-migrate.json >"$repo/ci-migrate.json"
jq -e '.apps | length == 3' "$repo/ci-migrate.json" >/dev/null || { echo "workflow-e2e: README's quick start has no ci-migrate.json block" >&2; exit 2; }
(cd "$repo" && CI_MIGRATE="$root" bash -euo pipefail -c "$(quickstart workflows)")
[[ -f "$repo/.github/workflows/migrations-pr.yml" ]] || { echo "workflow-e2e: README's copy line copied no workflow" >&2; exit 2; }
git_repo() { git -C "$repo" -c safe.directory="*" -c user.name=dev -c user.email=dev@example.com -c commit.gpgsign=false "$@"; }
git_repo init -q -b main
git_repo add -A
git_repo commit -q -m "three apps"

echo 1000 >"$state/last-run-id"
# run_workflow <workflow> <event name> <event json> <sha> <ref> [extra spec json]: prints the run's folder
# (called in $(...): the run id is counted in a file, as a variable would not outlive the subshell)
run_workflow() {
  local run_id
  run_id=$(($(cat "$state/last-run-id") + 1))
  echo "$run_id" >"$state/last-run-id"
  local changed
  changed="$(jq -c '.changed_files // []' <<<"${6:-{\}}")"
  jq -n --arg workflow "$repo/.github/workflows/$1" --arg event_name "$2" --argjson event "$3" --arg sha "$4" --arg ref "$5" \
    --arg repo "$repo" --arg state "$state" --argjson run_id "$run_id" --arg image "$image" --arg url "$github_url" \
    --arg action "$root/action.yml" --argjson uid "$runner_uid" --arg staging "$(url staging)" \
    --arg production "$(url production)" --argjson extra "${6:-{\}}" '{
      workflow: $workflow, event_name: $event_name, event: $event, sha: $sha, ref: $ref, repo_dir: $repo,
      repository: "tower-fleet/apps", default_ref: "refs/heads/main", state: $state, run_id: $run_id,
      image: $image, github_url: $url, action_yml: $action, runner_uid: $uid, changed_files: [],
      secrets: {STAGING_DATABASE_URL: $staging},
      environments: {staging: {secrets: {DATABASE_URL: $staging}}, production: {reviewers: true, secrets: {DATABASE_URL: $production}}}
    } + $extra' >"$state/run-$run_id.json"
  python3 "$root/build/e2e/workflow.py" "$state/run-$run_id.json" | sed 's/^/    /' >&2
  echo "$state/runs/$(jq -r .run_id "$state/run-$run_id.json")"
}
job() { jq -c --arg name "$2" --arg app "${3:-}" '[.jobs[] | select(.name == $name and ($app == "" or .matrix.app == $app))][0]' "$1/result.json"; }
job_result() { job "$@" | jq -r '.result'; }
step_output() { job "$1" "$2" "$3" | jq -r --arg id "$4" --arg name "$5" '(.steps // [])[] | select(.id == $id) | .outputs[$name] // ""'; }
step_file() { job "$1" "$2" "$3" | jq -r --arg id "$4" --arg what "$5" '(.steps // [])[] | select(.id == $id) | .[$what]' | xargs cat; }
all_outputs() { find "$1" -type f \( -name '*.out' -o -name '*.err' -o -name 'set_output_*' -o -name 'step_summary_*' \) -exec cat {} +; }
clean_as_runner() { # every workspace of the run can be cleaned by the runner's uid (git clean -ffdx, then removed)
  local workspace
  for workspace in "$1"/*/workspace; do
    setpriv --reuid "$runner_uid" --regid "$runner_uid" --clear-groups -- git -C "$workspace" -c safe.directory='*' clean -ffdxq || return 1
    [[ -z "$(find "$workspace" ! -uid "$runner_uid" -print -quit)" ]] || { find "$workspace" ! -uid "$runner_uid" | head -3 >&2; return 1; }
  done
}

# --- 1. a pull request --------------------------------------------------------------------------------------------
echo "==> 1. pull request: recipe-box adds a column, money-tracker an unbounded DELETE"
base_sha="$(git_repo rev-parse HEAD)"
git_repo checkout -q -b feature
cat >"$repo/apps/recipe-box/supabase/migrations/20250310000000_add_servings.sql" <<'SQL'
SET search_path TO recipe_box;

ALTER TABLE recipes ADD COLUMN IF NOT EXISTS servings integer;
SQL
cat >"$repo/apps/money-tracker/supabase/migrations/20250310000001_clear_budgets.sql" <<'SQL'
SET search_path TO money_tracker;

DELETE FROM budgets;
SQL
printf 'SET search_path TO recipe_box;\n\nALTER TABLE recipes DROP COLUMN IF EXISTS servings;\n' \
  >"$repo/apps/recipe-box/supabase/migrations/down/20250310000000_add_servings.sql"
printf 'SET search_path TO money_tracker;\n\n-- The deleted budgets cannot come back.\n' \
  >"$repo/apps/money-tracker/supabase/migrations/down/20250310000001_clear_budgets.sql"
git_repo add -A
git_repo commit -q -m "servings; clear budgets"
head_sha="$(git_repo rev-parse HEAD)"
changed="$(git_repo diff --name-only "$base_sha...$head_sha" | jq -R . | jq -sc .)"
pr_event() { # pr_event <number> <head repository>
  jq -n --argjson number "$1" --arg head_repo "$2" --arg base "$base_sha" --arg head "$head_sha" '{
    action: "synchronize", number: $number,
    pull_request: {number: $number, base: {ref: "main", sha: $base, repo: {full_name: "tower-fleet/apps"}},
                   head: {ref: "feature", sha: $head, repo: {full_name: $head_repo, fork: ($head_repo != "tower-fleet/apps")}}}}'
}
from="$(request_count)"
pr_run="$(run_workflow migrations-pr.yml pull_request "$(pr_event 7 tower-fleet/apps)" "$head_sha" refs/pull/7/merge \
  "{\"changed_files\": $changed, \"head_ref\": \"feature\", \"base_ref\": \"main\"}")"
check "the apps job lists the three apps" same "$(step_output "$pr_run" apps "" apps apps | jq -c 'sort')" \
  '["home-portal","money-tracker","recipe-box"]'
check "recipe-box's plan passes" same "$(job_result "$pr_run" plan recipe-box)" success
check "home-portal's plan passes" same "$(job_result "$pr_run" plan home-portal)" success
check "money-tracker's plan fails on the lint error" same "$(job_result "$pr_run" plan money-tracker)" failure
check "the unbounded DELETE is annotated on its file and line" contains \
  "$(job "$pr_run" plan money-tracker | jq -r '(.steps // [])[] | select(.id == "plan") | (.annotations // [])[]')" \
  "file=apps/money-tracker/supabase/migrations/20250310000001_clear_budgets.sql,line=3"
# Staging has applied nothing yet: every app has pending migrations, so every app gets its comment.
check "one sticky comment per app" same \
  "$(requests "$from" | grep -c 'POST /repos/tower-fleet/apps/issues/7/comments 201')" 3
check "recipe-box's plan hash is reported" same "$(step_output "$pr_run" plan recipe-box plan "plan-hash" | grep -cE '^[0-9a-f]{64}$')" 1
check "the shadow cache was saved by the runner's user" same \
  "$(job "$pr_run" plan recipe-box | jq -r '(.steps // [])[] | select(.name == "Restore the shadow cache") | .saved')" true
check "every workspace can be cleaned by the runner's user" clean_as_runner "$pr_run"
check "no secret in any output, summary or comment" lacks "$(all_outputs "$pr_run"; cat "$state/github/requests.jsonl")" "$password"

echo "==> 1b. the pull request's second push: the same comments are edited"
from="$(request_count)"
printf 'SET search_path TO money_tracker;\n\nDELETE FROM budgets WHERE amount IS NULL;\n' \
  >"$repo/apps/money-tracker/supabase/migrations/20250310000001_clear_budgets.sql"
git_repo commit -q -am "only the empty budgets"
head_sha="$(git_repo rev-parse HEAD)"
pr_run="$(run_workflow migrations-pr.yml pull_request "$(pr_event 7 tower-fleet/apps)" "$head_sha" refs/pull/7/merge \
  "{\"changed_files\": $changed, \"head_ref\": \"feature\", \"base_ref\": \"main\"}")"
check "every app's plan passes" same "$(jq -r '[.jobs[] | select(.name == "plan") | .result] | unique | join(",")' "$pr_run/result.json")" success
check "the comments were edited, none posted again" same "$(requests "$from" | grep -c 'issues/7/comments 201' || true)" 0
check "the cache was restored from the first push" same \
  "$(job "$pr_run" plan recipe-box | jq -r '(.steps // [])[] | select(.name == "Restore the shadow cache") | .restored_from != null')" true
reviewed_hash="$(step_output "$pr_run" plan recipe-box plan plan-hash)"

echo "==> 2. the same pull request from a fork: no secrets"
from="$(request_count)"
fork_run="$(run_workflow migrations-pr.yml pull_request "$(pr_event 8 someone/apps)" "$head_sha" refs/pull/8/merge \
  "{\"changed_files\": $changed, \"fork\": true, \"head_ref\": \"feature\", \"base_ref\": \"main\"}")"
check "every app's plan passes without a database" same \
  "$(jq -r '[.jobs[] | select(.name == "plan") | .result] | unique | join(",")' "$fork_run/result.json")" success
check "the plan is in the job summary, said to be against the shadow alone" contains \
  "$(job "$fork_run" plan recipe-box | jq -r '.summary')" "20250310000000"
check "no cache step ran for the fork" same \
  "$(job "$fork_run" plan recipe-box | jq -r '(.steps // [])[] | select(.name == "Restore the shadow cache") | .outcome')" skipped
# The tool tries to comment and falls back to the job summary when GitHub refuses (403): no write may succeed.
check "the fork's token wrote nothing" same "$(requests "$from" | grep -cE '^(POST|PATCH) .* 20[0-9]$' || true)" 0

echo "==> 3. merge: staging, then production behind its reviewers"
git_repo checkout -q main
git_repo merge -q --no-ff feature -m "Merge pull request #7"
merge_sha="$(git_repo rev-parse HEAD)"
changed="$(git_repo diff --name-only "$base_sha" "$merge_sha" | jq -R . | jq -sc .)"
push_event="$(jq -n --arg before "$base_sha" --arg after "$merge_sha" '{ref: "refs/heads/main", before: $before, after: $after}')"
deploy_run="$(run_workflow migrations-deploy.yml push "$push_event" "$merge_sha" refs/heads/main "{\"changed_files\": $changed}")"
check "staging applies every app" same "$(job_result "$deploy_run" staging)" success
check "production waits for its reviewers" same "$(job_result "$deploy_run" production)" waiting
for app in money-tracker home-portal recipe-box; do
  check "staging's ledger holds $app's files" same "$(ledger staging "$app" | tr ',' '\n' | wc -l)" \
    "$(find "$repo/apps/$app/supabase/migrations" -maxdepth 1 -name '*.sql' | wc -l)"
done
check "production is untouched" same "$(psql -d production -At -c "SELECT to_regnamespace('ci_migrate') IS NULL")" t
staging_hash="$(job "$deploy_run" staging | jq -r '.outputs["plan-hash"]')"
check "staging reported a plan hash per app" same \
  "$(jq -r 'to_entries | map(select(.value | test("^[0-9a-f]{64}$"))) | length' <<<"$staging_hash" 2>/dev/null)" 3
check "staging recorded a deployment of the commit with the plan hash" same \
  "$(jq -r --arg sha "$merge_sha" 'select(.method == "POST" and (.path | endswith("/deployments")) and .status == 201) | .body | fromjson | select(.ref == $sha or .sha == $sha) | .environment' "$state/github/requests.jsonl" | head -1)" staging
# The reviewers approve: the same run goes on with the job that waited (GitHub does not run staging again).
approved_run="$(run_workflow migrations-deploy.yml push "$push_event" "$merge_sha" refs/heads/main \
  "{\"changed_files\": $changed, \"approvals\": {\"production\": \"alice\"}, \"resume\": true, \"run_id\": $(basename "$deploy_run")}")"
check "approved, production applies" same "$(job_result "$approved_run" production)" success
for app in money-tracker home-portal recipe-box; do
  check "production's ledger equals staging's for $app" same "$(ledger production "$app")" "$(ledger staging "$app")"
done
check "no secret in any output" lacks "$(all_outputs "$deploy_run"; all_outputs "$approved_run")" "$password"
check "every workspace can be cleaned by the runner's user" clean_as_runner "$approved_run"
check "an empty expected plan is refused, not skipped" same "$(
  "$engine" run --rm "${engine_flags[@]}" --network host -e "INPUT_COMMAND=prod-apply" -e "INPUT_ENVIRONMENT=production" \
    -e "INPUT_DATABASE-URL=$(url production)" -e "INPUT_EXPECT-PLAN=" -e "INPUT_ARGS=" -e GITHUB_ACTIONS=true \
    -v "$repo:/github/workspace" -w /github/workspace "$image" >/dev/null 2>&1; echo $?)" 1

echo "==> 4. rollback: recipe-box's newest migration on staging"
rollback_run="$(run_workflow migrations-rollback.yml workflow_dispatch '{}' "$merge_sha" refs/heads/main \
  '{"inputs": {"app": "recipe-box", "environment": "staging", "steps": "1"}}')"
check "the rollback passes" same "$(job_result "$rollback_run" rollback)" success
check "recipe-box's newest migration is gone from staging's ledger" lacks "$(ledger staging recipe-box)" 20250310000000
check "money-tracker's rows are untouched" same "$(ledger staging money-tracker)" "$(ledger production money-tracker)"
check "its concurrency group is not the deploy's" same \
  "$(jq -r '.concurrency.group' "$rollback_run/result.json")" migrations-rollback-staging
check "deploy jobs hold per-environment groups" same \
  "$(jq -r '[.jobs[] | .concurrency.group // empty] | join(",")' "$approved_run/result.json")" "migrations-staging,migrations-production"

echo "==> 5. a second pull request whose plan changed after review"
git_repo checkout -q -b second
cat >"$repo/apps/recipe-box/supabase/migrations/20250320000000_add_notes.sql" <<'SQL'
SET search_path TO recipe_box;

ALTER TABLE recipes ADD COLUMN IF NOT EXISTS notes text;
SQL
printf 'SET search_path TO recipe_box;\n\nALTER TABLE recipes DROP COLUMN IF EXISTS notes;\n' \
  >"$repo/apps/recipe-box/supabase/migrations/down/20250320000000_add_notes.sql"
git_repo add -A
git_repo commit -q -m "notes"
git_repo checkout -q main
git_repo merge -q --no-ff second -m "Merge pull request #9"
second_sha="$(git_repo rev-parse HEAD)"
changed="$(git_repo diff --name-only "$merge_sha" "$second_sha" | jq -R . | jq -sc .)"
push_event="$(jq -n --arg before "$merge_sha" --arg after "$second_sha" '{ref: "refs/heads/main", before: $before, after: $after}')"
# Between the staging job and the production job, production's history moves (a fix applied there by hand while the
# run waited for its reviewers): the plan production would run is no longer the one staging ran and the reviewers saw.
notes="$repo/apps/recipe-box/supabase/migrations/20250320000000_add_notes.sql"
hand_fix="$(printf '%q ' "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d production \
  -c "ALTER TABLE recipe_box.recipes ADD COLUMN IF NOT EXISTS notes text" \
  -c "INSERT INTO ci_migrate.applied_migrations (app, version, name, checksum, applied_by, duration_ms, environment, schema) VALUES ('recipe-box', '20250320000000', 'add_notes', '$(sha256sum "$notes" | cut -d' ' -f1)', 'by hand', 0, 'production', 'recipe_box')")"
refused_run="$(run_workflow migrations-deploy.yml push "$push_event" "$second_sha" refs/heads/main \
  "$(jq -n --argjson changed "$changed" --arg hook "$hand_fix" '{changed_files: $changed, approvals: {production: "alice"}, before_job: {production: $hook}}')")"
check "staging applies the second pull request" same "$(job_result "$refused_run" staging)" success
check "production refuses the plan that changed after review" same "$(job_result "$refused_run" production)" failure
check "the refusal says the pending migrations are not the reviewed plan" contains \
  "$(job "$refused_run" production | jq -r '(.steps // [])[-1].stdout // empty' | xargs -r cat)" "not the reviewed plan"
check "production's schema holds only the hand-applied fix" same \
  "$(psql -d production -At -c "SELECT count(*) FROM ci_migrate.applied_migrations WHERE app = 'recipe-box' AND version = '20250320000000'")" 1

echo "==> 6. the workflows' path filters and cache keys cover every app of ci-migrate.json"
docs_only="$(run_workflow migrations-pr.yml pull_request "$(pr_event 10 tower-fleet/apps)" "$second_sha" refs/pull/10/merge \
  '{"changed_files": ["README.md"]}')"
check "a pull request touching no migration runs no workflow" same "$(jq -r '.triggered' "$docs_only/result.json")" false
check "the pull request's apps job checked that the workflows cover every app" same \
  "$(job "$pr_run" apps | jq -r '(.steps // [])[] | select(.name == "The workflows cover every app") | .outcome')" success
# A fourth app whose folder no pattern covers: the check (as the apps job runs it) fails and names it. The drifted
# config goes into a copy of the repository (a file mounted inside a read-only mount cannot be created by runc).
cp -a "$repo" "$state/drifted-repo"
mkdir -p "$state/drifted-repo/services/meal-plan/supabase/migrations"
printf 'CREATE SCHEMA IF NOT EXISTS meal_plan;\n' >"$state/drifted-repo/services/meal-plan/supabase/migrations/20250401000000_init.sql"
jq '.apps["meal-plan"] = {schema: "meal_plan", migrations: "services/meal-plan/supabase/migrations"}' \
  "$repo/ci-migrate.json" >"$state/drifted-repo/ci-migrate.json"
drift="$("$engine" run --rm "${engine_flags[@]}" -v "$state/drifted-repo:/github/workspace:ro" \
  -w /github/workspace --entrypoint ci-migrate "$image" apps \
  --check-workflow .github/workflows/migrations-pr.yml 2>&1; echo "exit $?")"
check "an app the path filters leave out fails the check, named" contains "$drift" "meal-plan"
check "... with exit 1" contains "$drift" "exit 1"

seconds=$((SECONDS - started))
if ((failures > 0)); then
  keep=true
  echo "workflow e2e: $failures of $checks checks failed (${seconds} s); the runs are kept in $state" >&2
  exit 1
fi
echo "workflow e2e: $checks checks passed in ${seconds} s"
