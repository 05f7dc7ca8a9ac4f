#!/usr/bin/env bash
# Start-up of the published tool (ReadyToRun, linux-x64, as in the container image): wall time of
# `ci-migrate --version`, 10 runs after one warm-up, printed as the median and the range. Target: median under 0.25 s.
# Usage: bench/startup.sh [extra ci-migrate arguments to time instead of --version, e.g. "lint --migrations dir"]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out/startup"
runs=10

if [[ ! -x "$out/ci-migrate" || -n "${REBUILD:-}" ]]; then
  dotnet restore "$root/src/CiMigrate/CiMigrate.csproj" -r linux-x64 -p:PublishReadyToRun=true >/dev/null
  dotnet publish "$root/src/CiMigrate/CiMigrate.csproj" -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true --no-restore -o "$out" >/dev/null
fi

read -r -a command <<<"${*:---version}"
"$out/ci-migrate" "${command[@]}" >/dev/null 2>&1 || true

times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$out/ci-migrate" "${command[@]}" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  times+=($(((end - start) / 1000)))
done

mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
median=$(((sorted[runs / 2 - 1] + sorted[runs / 2]) / 2))
seconds() { awk -v us="$1" 'BEGIN { printf "%.3f", us / 1000000 }'; }
echo "ci-migrate ${command[*]}: median $(seconds "$median") s over $runs runs (min $(seconds "${sorted[0]}") s, max $(seconds "${sorted[runs - 1]}") s), ReadyToRun linux-x64; target < 0.250 s"
