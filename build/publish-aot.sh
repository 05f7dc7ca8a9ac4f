#!/usr/bin/env bash
# Publishes ci-migrate as a Native AOT executable for linux-x64: what the container image ships, and what the
# benchmarks time. Native AOT links with clang: installed with apt when missing (root only).
# Usage: build/publish-aot.sh [OUT]   (default bench/out/aot; prints the executable's path)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/bench/out/aot}"
mkdir -p "$(dirname "$out")"

if ! command -v clang >/dev/null; then
    [[ "$(id -u)" == 0 ]] || { echo "Native AOT needs clang: run 'apt-get install clang zlib1g-dev' as root." >&2; exit 1; }
    echo "==> Installing clang (the Native AOT linker)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends clang zlib1g-dev </dev/null >&2
fi

dotnet publish "$root/src/CiMigrate/CiMigrate.csproj" -c Release -r linux-x64 -p:PublishAot=true -o "$out" -nologo >"$out.log" 2>&1 \
    || { tail -n 30 "$out.log" >&2; exit 1; }
echo "$out/ci-migrate"
