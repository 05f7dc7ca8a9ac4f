#!/usr/bin/env bash
# The test command of the README: PostgreSQL 15 server binaries (installed when missing), then every test.
# The tests start their own throwaway cluster; nothing else has to run.
set -euo pipefail
cd "$(dirname "$0")/.."

bash build/ensure-postgres.sh
command -v dotnet > /dev/null || { echo "The .NET 10 SDK (dotnet) is not on PATH." >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet test CiMigrate.sln -c Release "$@" < /dev/null
