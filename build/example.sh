#!/usr/bin/env bash
# The main job on the bundled example: lint and plan money-tracker's migrations (examples/) against an empty
# history, replayed on a throwaway local PostgreSQL that is started and removed by ci-migrate itself.
# Extra arguments are added to the defaults (`bash build/example.sh --format markdown`); an --app of their own replaces
# the default app (`bash build/example.sh --app home-portal`).
set -euo pipefail
cd "$(dirname "$0")/.."

bash build/ensure-postgres.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/CiMigrate -c Release -v quiet -nologo > /dev/null
app_given=false
for argument in "$@"; do
    if [[ "$argument" == --app || "$argument" == --app=* ]]; then
        app_given=true
    fi
done
if [[ "$app_given" == false ]]; then
    set -- --app money-tracker "$@"
fi
exec dotnet src/CiMigrate/bin/Release/net10.0/ci-migrate.dll diff --config examples/ci-migrate.json "$@"
