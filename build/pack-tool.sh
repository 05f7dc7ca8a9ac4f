#!/usr/bin/env bash
# Packs the ci-migrate .NET tool (src/CiMigrate/CiMigrate.csproj's ToolPackageRuntimeIdentifiers). Three kinds:
#   pointer  ci-migrate.<version>.nupkg: no program, names the RID packages; the .NET CLI installs the one for its
#            platform, else `any`.
#   <rid>    ci-migrate.<rid>.<version>.nupkg: the Native AOT executable. Native AOT links for the platform it runs
#            on, so each is packed on its own kind of machine (linux-arm64 on an arm64 runner, win-x64 on Windows).
#   any      ci-migrate.any.<version>.nupkg: framework-dependent, for the platforms without their own package.
# PublishAot is passed to the pointer too: it tells the SDK that the RID packages are Native AOT, packed one by one,
# rather than JIT-compiled ones it would otherwise build itself for every runtime identifier.
# Usage: build/pack-tool.sh KIND OUT [VERSION]   (VERSION defaults to src/Directory.Build.props's; prints the package)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kind="${1:?usage: build/pack-tool.sh pointer|any|RID OUT [VERSION]}"
out="${2:?usage: build/pack-tool.sh pointer|any|RID OUT [VERSION]}"
version="${3:-}"
project="$root/src/CiMigrate/CiMigrate.csproj"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

arguments=(pack "$project" -c Release -o "$out" -nologo)
[[ -n "$version" ]] && arguments+=("-p:Version=$version")
case "$kind" in
    pointer) arguments+=(-p:PublishAot=true) ;;
    any) arguments+=(-r any) ;;
    # The native symbols (.dbg, as large as the executable) stay out, as in the image and the release's binaries.
    *) arguments+=(-r "$kind" -p:PublishAot=true -p:CopyOutputSymbolsToPublishDirectory=false) ;;
esac

log="$out/pack-$kind.log"
dotnet "${arguments[@]}" >"$log" 2>&1 || { tail -n 30 "$log" >&2; exit 1; }
rm -f "$log"

name="ci-migrate"
[[ "$kind" != pointer ]] && name="ci-migrate.$kind"
shopt -s nullglob
# The version may carry a pre-release label (1.2.3-rc.1): match on what follows the name, digits first.
packages=("$out/$name".[0-9]*.nupkg)
(( ${#packages[@]} > 0 )) || { echo "dotnet pack made no $name package in $out" >&2; exit 1; }
ls -t "${packages[@]}" | head -n 1
