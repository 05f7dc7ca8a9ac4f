#!/usr/bin/env bash
# Publishes ci-migrate as a Native AOT executable for linux-x64: what the container image ships, and what the
# benchmarks time. Native AOT links with clang: installed with apt when missing (root only).
# Usage: build/publish-aot.sh [OUT]   (default bench/out/aot; prints the executable's path)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/bench/out/aot}"
mkdir -p "$(dirname "$out")"

bash "$root/build/ensure-clang.sh"

dotnet publish "$root/src/CiMigrate/CiMigrate.csproj" -c Release -r linux-x64 -p:PublishAot=true -o "$out" -nologo >"$out.log" 2>&1 \
    || { tail -n 30 "$out.log" >&2; exit 1; }
echo "$out/ci-migrate"
