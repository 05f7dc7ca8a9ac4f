#!/usr/bin/env bash
# Native AOT links with clang (and zlib): installs them with apt when clang is missing (root only).
set -euo pipefail
command -v clang >/dev/null && exit 0
[[ "$(id -u)" == 0 ]] || { echo "Native AOT needs clang: run 'apt-get install clang zlib1g-dev' as root." >&2; exit 1; }
echo "==> Installing clang (the Native AOT linker)" >&2
DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends clang zlib1g-dev </dev/null >&2
