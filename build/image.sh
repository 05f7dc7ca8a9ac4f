#!/usr/bin/env bash
# The Dockerfile's build stage without Docker (no engine runs in CI here): publish ci-migrate Native AOT for
# linux-x64 (build/publish-aot.sh) into artifacts/image/opt/ci-migrate, lay out the entrypoint and /etc/gitconfig as the
# image does (build/container-smoke.sh runs this layout on the host's PostgreSQL 15 and git), and
# check that the published tool starts and the entrypoint is valid bash. Keep in step with the Dockerfile.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/artifacts/image}"

rm -rf "$out"
"$root/build/publish-aot.sh" "$out/opt/ci-migrate" >/dev/null
# The executable is the whole program; the libraries' symbol files (one project per layer) are not needed there.
rm -f "$out"/opt/ci-migrate/*.dbg "$out"/opt/ci-migrate/*.pdb

mkdir -p "$out/usr/local/bin"
install -m 0755 "$root/docker/entrypoint.sh" "$out/usr/local/bin/ci-migrate-action"
ln -sfn ../../../opt/ci-migrate/ci-migrate "$out/usr/local/bin/ci-migrate"
# The Dockerfile's `git config --system --add safe.directory '*'` (the workspace belongs to the runner's uid).
mkdir -p "$out/etc"
git config --file "$out/etc/gitconfig" --add safe.directory '*'

bash -n "$out/usr/local/bin/ci-migrate-action"
version="$("$out/usr/local/bin/ci-migrate" --version)"
echo "image layout in $out: ci-migrate $version (Native AOT, linux-x64)"
