#!/usr/bin/env bash
# Splitting benchmark: 1,000 generated Supabase-style migrations of ~5 KB, split and classified in-process.
# Prints the median time of several runs after a warm-up (target: under 1 second).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/split/Split.csproj
