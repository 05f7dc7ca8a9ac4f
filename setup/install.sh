#!/usr/bin/env bash
# The setup action's work (setup/action.yml): puts the release's Native AOT ci-migrate on PATH for later `run:` steps.
# Downloads ci-migrate-<version>-linux-<arch>.tar.gz and the release's SHA256SUMS, refuses an archive whose SHA-256
# is not the listed one, and keeps the binary in the runner's tool cache (<tool cache>/ci-migrate/<version>/<arch>,
# with the <arch>.complete marker @actions/tool-cache writes), so a later job on the same runner skips the download.
# Reads: CI_MIGRATE_VERSION, CI_MIGRATE_DOWNLOAD_URL (releases/download of the repository; file:// works too),
#        RUNNER_OS, RUNNER_ARCH, RUNNER_TOOL_CACHE, RUNNER_TEMP, GITHUB_PATH, GITHUB_OUTPUT.
set -euo pipefail

fail() {
  echo "::error title=ci-migrate setup::$1" >&2
  exit 1
}

version="${CI_MIGRATE_VERSION:-}"
download_url="${CI_MIGRATE_DOWNLOAD_URL%/}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] \
  || fail "the input 'version' is '$version'; it must be a release version like 1.2.3 (no leading v)"
[[ "${RUNNER_OS:-}" == Linux ]] || fail "ci-migrate ships Linux binaries only; this runner is ${RUNNER_OS:-unknown}"
case "${RUNNER_ARCH:-}" in
  X64) arch=x64 ;;
  ARM64) arch=arm64 ;;
  *) fail "ci-migrate ships linux-x64 and linux-arm64 binaries; this runner's architecture is ${RUNNER_ARCH:-unknown}" ;;
esac
for name in RUNNER_TOOL_CACHE RUNNER_TEMP GITHUB_PATH GITHUB_OUTPUT; do
  [[ -n "${!name:-}" ]] || fail "$name is not set: run this as a step of a GitHub Actions job"
done

folder="$RUNNER_TOOL_CACHE/ci-migrate/$version/$arch"
if [[ -f "$folder.complete" && -x "$folder/ci-migrate" ]]; then
  echo "ci-migrate $version ($arch) found in the tool cache"
else
  asset="ci-migrate-$version-linux-$arch.tar.gz"
  work="$(mktemp -d "$RUNNER_TEMP/ci-migrate-setup.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  for file in "$asset" SHA256SUMS; do
    curl --fail --silent --show-error --location --retry 3 --output "$work/$file" "$download_url/v$version/$file" \
      || fail "could not download $download_url/v$version/$file"
  done

  expected="$(awk -v name="$asset" '$2 == name || $2 == "*" name { print $1 }' "$work/SHA256SUMS")"
  [[ "$expected" =~ ^[0-9a-f]{64}$ ]] || fail "SHA256SUMS of v$version lists no checksum for $asset"
  actual="$(sha256sum "$work/$asset" | cut -d' ' -f1)"
  [[ "$actual" == "$expected" ]] \
    || fail "$asset has SHA-256 $actual, but SHA256SUMS of v$version lists $expected: the download is not the release's file"

  mkdir -p "$work/unpacked"
  tar -xzf "$work/$asset" -C "$work/unpacked"
  [[ -x "$work/unpacked/ci-migrate" ]] || fail "$asset holds no executable ci-migrate"
  rm -rf "$folder" "$folder.complete"
  mkdir -p "$(dirname "$folder")"
  mv "$work/unpacked" "$folder"
  touch "$folder.complete"
  echo "ci-migrate $version ($arch) installed in $folder"
fi

reported="$("$folder/ci-migrate" --version)" || fail "$folder/ci-migrate does not start"
[[ "$reported" == "$version" || "$reported" == "$version+"* ]] \
  || fail "$folder/ci-migrate reports version $reported, not $version"
echo "$folder" >>"$GITHUB_PATH"
{
  echo "version=$version"
  echo "path=$folder/ci-migrate"
} >>"$GITHUB_OUTPUT"
