#!/usr/bin/env bash
# Entrypoint of the ci-migrate container action (action.yml): turns the action's inputs into a ci-migrate
# command line and replaces itself with the tool, so the tool's exit code is the step's.
#
#   command      -> the task (apps, lint, diff, stage-apply, prod-apply, rollback, status)
#   app          -> --app          config      -> --config       environment -> --env
#   database-url -> not on the command line (argv is visible to every process in /proc): the tool reads
#                   INPUT_DATABASE-URL itself and masks it
#   kubeconfig   -> KUBECONFIG (a path in the workspace, or the file's content, written to a private file)
#   comment      -> --comment, for diff only
#   expect-plan  -> --expect-plan=<hash> (the plan hash the staging job saw); "none", the default, passes nothing.
#                   An empty value is passed as it is (--expect-plan=): the workflow handed a plan hash on and the
#                   staging job reported none, which the tool refuses rather than applying unchecked
#   args         -> appended as they are, quotes honoured, nothing expanded
#   github-token -> not on the command line: the tool reads INPUT_GITHUB-TOKEN itself, so it never shows in argv
# Output defaults to --format github (annotations, job summary) unless args choose a format (apps has only its JSON).
set -euo pipefail

# Docker actions get each input as INPUT_<NAME> upper-cased with its hyphens kept (INPUT_DATABASE-URL), a name
# no shell variable can have: printenv reads it.
input() { printenv "INPUT_$1" || true; }

fail() {
  echo "::error title=ci-migrate action::$1" >&2
  exit 2
}

command="$(input COMMAND)"
commands="apps, lint, diff, stage-apply, prod-apply, rollback or status"
case "$command" in
  apps | lint | diff | stage-apply | prod-apply | rollback | status) ;;
  "") fail "the input 'command' is required: $commands" ;;
  *) fail "the input 'command' is '$command'; it must be $commands" ;;
esac

# xargs splits like a shell (quotes and backslashes) without running anything; a NUL separates the words.
extra=()
words="$(mktemp)"
if ! input ARGS | xargs -r printf '%s\0' >"$words"; then
  rm -f "$words"
  fail "the input 'args' could not be split into words (an unmatched quote?)"
fi
mapfile -d '' extra <"$words"
rm -f "$words"

args=("$command")
option() {
  local value
  value="$(input "$2")"
  if [[ -n "$value" ]]; then
    args+=("$1" "$value")
  fi
}
option --app APP
option --config CONFIG
option --env ENVIRONMENT
# Unset (the tool run outside an action) is "none" too; the action always sets it, to its default at least.
expect_plan="$(input EXPECT-PLAN || true)"
printenv "INPUT_EXPECT-PLAN" >/dev/null || expect_plan=none
if [[ "$expect_plan" != none ]]; then
  args+=("--expect-plan=$expect_plan")
fi

if [[ "$command" == diff && "$(input COMMENT)" == true ]]; then
  args+=(--comment)
fi

format_chosen=false
for word in "${extra[@]}"; do
  if [[ "$word" == --format || "$word" == --format=* ]]; then
    format_chosen=true
  fi
done
# apps prints JSON for a matrix and writes its outputs; it has no other format.
if [[ "$format_chosen" == false && "$command" != apps ]]; then
  args+=(--format github)
fi

kubeconfig="$(input KUBECONFIG)"
if [[ -n "$kubeconfig" ]]; then
  if [[ -f "$kubeconfig" ]]; then
    export KUBECONFIG="$kubeconfig"
  else
    umask 077
    KUBECONFIG="$(mktemp "${TMPDIR:-/tmp}/kubeconfig.XXXXXX")"
    export KUBECONFIG
    printf '%s\n' "$kubeconfig" >"$KUBECONFIG"
  fi
fi

exec ci-migrate "${args[@]}" "${extra[@]}"
