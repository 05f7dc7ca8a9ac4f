#!/usr/bin/env bash
# The main job on the bundled example: lint and plan money-tracker's migrations (examples/) against an empty
# history, replayed on a throwaway local PostgreSQL that is started and removed by ci-migrate itself.
# Extra arguments are added to the defaults: `bash build/example.sh --format markdown` plans money-tracker as markdown,
# `bash build/example.sh --app home-portal` plans the other app.
set -euo pipefail
cd "$(dirname "$0")/.."

defaults=(--app money-tracker)
for arg in "$@"; do
    case $arg in --app | --app=* | --all-apps) defaults=() ;; esac
done
set -- "${defaults[@]}" "$@"
# EXAMPLE_SHOW=1 prints the command instead of running it.
if [[ "${EXAMPLE_SHOW:-}" == 1 ]]; then
    echo "ci-migrate diff --config examples/ci-migrate.json $*"
    exit 0
fi

bash build/ensure-postgres.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/CiMigrate -c Release -v quiet -nologo > /dev/null
exec dotnet src/CiMigrate/bin/Release/net10.0/ci-migrate.dll diff --config examples/ci-migrate.json "$@"
