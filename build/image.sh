#!/usr/bin/env bash
# The Dockerfile's build stage without Docker (no engine runs in CI here): restore and publish ci-migrate
# ReadyToRun for linux-x64 into artifacts/image/opt/ci-migrate, lay out the entrypoint as the image does, and
# check that the published tool starts and the entrypoint is valid bash. Keep in step with the Dockerfile.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/artifacts/image}"

rm -rf "$out"
dotnet restore "$root/src/CiMigrate/CiMigrate.csproj" -r linux-x64 -p:PublishReadyToRun=true
dotnet publish "$root/src/CiMigrate/CiMigrate.csproj" -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true --no-restore -o "$out/opt/ci-migrate"

mkdir -p "$out/usr/local/bin"
install -m 0755 "$root/docker/entrypoint.sh" "$out/usr/local/bin/ci-migrate-action"
ln -sfn ../../../opt/ci-migrate/ci-migrate "$out/usr/local/bin/ci-migrate"

bash -n "$out/usr/local/bin/ci-migrate-action"
version="$("$out/usr/local/bin/ci-migrate" --version)"
echo "image layout in $out: ci-migrate $version (ReadyToRun, linux-x64)"
