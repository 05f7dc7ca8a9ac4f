#!/usr/bin/env bash
# Throwaway cluster benchmark: initdb, server start, Supabase template, and CREATE DATABASE ... TEMPLATE times,
# through ci-migrate's own ThrowawayCluster. Prints medians of several runs.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/cluster/Cluster.csproj -- "$@"
