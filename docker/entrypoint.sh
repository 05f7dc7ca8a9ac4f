#!/usr/bin/env bash
# Entrypoint of the ci-migrate container action (action.yml): turns the action's inputs into a ci-migrate
# command line and replaces itself with the tool, so the tool's exit code is the step's.
#
#   command      -> the task (lint, diff, stage-apply, prod-apply, rollback, status)
#   app          -> --app          config      -> --config       environment -> --env
#   database-url -> --database-url (masked by the tool)
#   kubeconfig   -> KUBECONFIG (a path in the workspace, or the file's content, written to a private file)
#   comment      -> --comment, for diff only
#   expect-plan  -> --expect-plan (the plan hash the staging job saw)
#   args         -> appended as they are, quotes honoured, nothing expanded
#   github-token -> not on the command line: the tool reads INPUT_GITHUB-TOKEN itself, so it never shows in argv
# Output defaults to --format github (annotations, job summary) unless args choose a format.
set -euo pipefail

# Docker actions get each input as INPUT_<NAME> upper-cased with its hyphens kept (INPUT_DATABASE-URL), a name
# no shell variable can have: printenv reads it.
input() { printenv "INPUT_$1" || true; }

fail() {
  echo "::error title=ci-migrate action::$1" >&2
  exit 2
}

command="$(input COMMAND)"
case "$command" in
  lint | diff | stage-apply | prod-apply | rollback | status) ;;
  "") fail "the input 'command' is required: lint, diff, stage-apply, prod-apply, rollback or status" ;;
  *) fail "the input 'command' is '$command'; it must be lint, diff, stage-apply, prod-apply, rollback or status" ;;
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
option --database-url DATABASE-URL
option --expect-plan EXPECT-PLAN

if [[ "$command" == diff && "$(input COMMENT)" == true ]]; then
  args+=(--comment)
fi

format_chosen=false
for word in "${extra[@]}"; do
  if [[ "$word" == --format || "$word" == --format=* ]]; then
    format_chosen=true
  fi
done
if [[ "$format_chosen" == false ]]; then
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
