# Shared by build/tool-package-test.sh and bench/tool.sh (source it): the .NET tool's packages in a local folder
# feed, installed as users install them from NuGet.
#
#   tool_feed DIR VERSION KIND...       packs each KIND (pointer, any, a runtime identifier; build/pack-tool.sh) into
#                                       DIR, and writes DIR/nuget.config naming DIR as the only source (no nuget.org)
#   tool_install TOOL_PATH FEED VERSION [ARGS...]   dotnet tool install --tool-path from that feed alone; ARGS are
#                                       dotnet tool install's (--verbosity detailed, say)
#   tool_store_package TOOL_PATH        the package the install took from the pointer: ci-migrate.linux-x64, ci-migrate.any
#   tool_pointer_without FEED VERSION RID   rewrites FEED's pointer package without RID's package: the pointer as a
#                                       platform it does not list sees it (the .NET CLI picks the package by the machine's
#                                       own runtime identifier, and `dotnet tool install --arch` does not change that)
TOOL_PACKAGES_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

tool_feed() {
  local dir="$1" version="$2" kind; shift 2
  mkdir -p "$dir"
  for kind in "$@"; do
    "$TOOL_PACKAGES_ROOT/build/pack-tool.sh" "$kind" "$dir" "$version" >/dev/null
  done
  cat >"$dir/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <!-- Relative to this file: the same on Windows' Git Bash, whose /d/a/... paths NuGet would not read. -->
    <add key="local" value="." />
  </packageSources>
</configuration>
XML
}

tool_install() {
  local tool_path="$1" feed="$2" version="$3"; shift 3
  # A packages folder of its own: the machine's NuGet cache must never hand back an older build of this version.
  NUGET_PACKAGES="$tool_path.nuget" dotnet tool install ci-migrate --version "$version" --tool-path "$tool_path" \
    --configfile "$feed/nuget.config" "$@"
}

tool_store_package() {
  local package
  # The store holds the pointer, and inside its version folder the package it pointed the install to.
  for package in "$1"/.store/ci-migrate/*/ci-migrate.*; do
    [[ -d "$package" ]] && basename "$package"
  done
  return 0
}

tool_pointer_without() {
  python3 - "$1/ci-migrate.$2.nupkg" "$3" <<'PY'
import re, sys, zipfile
path, rid = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(path) as package:
    entries = [(info, package.read(info)) for info in package.infolist()]
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
    for info, data in entries:
        if info.filename.endswith("DotnetToolSettings.xml"):
            data = re.sub(rb'\s*<RuntimeIdentifierPackage RuntimeIdentifier="' + re.escape(rid.encode()) + rb'"[^>]*/>', b"", data)
        package.writestr(info, data)
PY
}
