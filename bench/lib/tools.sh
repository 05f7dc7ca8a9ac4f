# Shared by bench scripts (source it): the tools under test, built or installed the way their users get them.
# Everything lands in the git-ignored bench/out/. Each function prints the executable's path, or fails with
# the reason on stderr (callers turn that into an "n/a (reason)" row rather than stopping the run).
#
#   tools_publish_ci_migrate DIR   the .NET tool's build: Release, ReadyToRun, linux-x64, framework-dependent
#   tools_publish_ci_migrate_aot DIR   the container image's build: Native AOT, linux-x64 (build/publish-aot.sh)
#   tools_publish_peers DIR        bench/peers (DbUp and Evolve), published the same way
#   tools_ci_migrate_build DIR     the build the focused benches time: $CI_MIGRATE if set, else PUBLISH=aot (Native AOT),
#                                  PUBLISH=composite (self-contained composite ReadyToRun) or, by default, the .NET tool's
#   tools_npm NAME PACKAGE@VERSION BIN   npm install -E into bench/out/tools/NAME; prints node_modules/.bin/BIN
#   tools_has_task CI_MIGRATE TASK       true when the build has TASK (not a "not available yet" placeholder)
#   tools_install_ci_migrate_tool FEED VERSION DIR   installs the .NET tool from a local feed as users do (needs
#                                  build/tool-packages.sh sourced) and sets TOOL_AOT (the Native AOT executable inside the
#                                  linux-x64 package), TOOL_PATH (`dotnet tool install --tool-path`'s command), TOOL_ANY
#                                  (the same from a feed without the linux-x64 package: the framework-dependent fallback)
#                                  and TOOL_RUN (`dotnet tool run ci-migrate` from a tool manifest in DIR, with the
#                                  NUGET_PACKAGES it was installed into)
TOOLS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS_DIR="$TOOLS_ROOT/bench/out/tools"

# tools_dotnet_publish WHAT CSPROJ OUT ARGS...: Release, ReadyToRun, linux-x64 into OUT (its log beside it).
tools_dotnet_publish() {
  local what="$1" project="$2" out="$3"; shift 3
  if ! dotnet publish "$project" -c Release -r linux-x64 -p:PublishReadyToRun=true -o "$out" -nologo "$@" >"$out.log" 2>&1; then
    echo "dotnet publish $what failed: $(grep -m1 -E 'error' "$out.log" | cut -c1-100)" >&2
    return 1
  fi
}

tools_publish_ci_migrate() {
  tools_dotnet_publish ci-migrate "$TOOLS_ROOT/src/CiMigrate/CiMigrate.csproj" "$1" --self-contained false && echo "$1/ci-migrate"
}

tools_publish_ci_migrate_aot() {
  local exe
  if ! exe="$("$TOOLS_ROOT/build/publish-aot.sh" "$1" 2>"$1.why")"; then
    echo "Native AOT publish failed: $(grep -m1 -E 'error' "$1.why" "$1.log" 2>/dev/null | cut -c1-100)" >&2
    return 1
  fi
  echo "$exe"
}

tools_ci_migrate_build() {
  local out="$1"
  mkdir -p "$out"
  case "${CI_MIGRATE:+given}${PUBLISH:-}" in
    given*) echo "$CI_MIGRATE" ;;
    aot) tools_publish_ci_migrate_aot "$out/aot" ;;
    # Its own artifacts folder: a composite build must not leave its intermediate files where the normal build looks.
    composite) tools_dotnet_publish "ci-migrate (composite)" "$TOOLS_ROOT/src/CiMigrate/CiMigrate.csproj" "$out/composite" \
        --self-contained true -p:PublishReadyToRunComposite=true --artifacts-path "$out/composite-artifacts" \
      && echo "$out/composite/ci-migrate" ;;
    "") tools_publish_ci_migrate "$out/r2r" ;;
    *) echo "PUBLISH must be aot or composite, not '$PUBLISH'" >&2; return 2 ;;
  esac
}

tools_publish_peers() {
  tools_dotnet_publish bench/peers "$TOOLS_ROOT/bench/peers/Peers.csproj" "$1" --self-contained false && echo "$1/peers"
}

tools_npm() {
  local name="$1" package="$2" bin="$3"
  local dir="$TOOLS_DIR/$name"
  mkdir -p "$dir"
  if [[ ! -x "$dir/node_modules/.bin/$bin" ]]; then
    command -v npm >/dev/null || { echo "npm is not installed" >&2; return 1; }
    # npm's own log keeps what a postinstall step did (or failed to download): the report quotes it.
    if ! npm install -E --no-audit --no-fund --prefix "$dir" "$package" >"$dir/npm.log" 2>&1; then
      echo "npm i $package failed: $(grep -m1 -E 'ERR|error' "$dir/npm.log" | cut -c1-100)" >&2
      return 1
    fi
  fi
  # A package whose binary comes from a postinstall download installs, then fails to run: check it runs.
  if ! "$dir/node_modules/.bin/$bin" --version >"$dir/version.log" 2>&1; then
    echo "$package installed but does not run: $(head -n 1 "$dir/version.log" | cut -c1-100)" >&2
    return 1
  fi
  echo "$dir/node_modules/.bin/$bin"
}

tools_has_task() {
  local help
  help="$("$1" --help 2>/dev/null)" || return 1
  grep -E "^  $2( |$)" <<<"$help" | grep -vq "not available yet"
}

tools_install_ci_migrate_tool() {
  local feed="$1" version="$2" dir="$3"
  mkdir -p "$dir/fallback-feed"
  tool_install "$dir/rid" "$feed" "$version" >"$dir/install.log" 2>&1 \
    || { echo "dotnet tool install failed: $(grep -m1 -iE 'error' "$dir/install.log" | cut -c1-100)" >&2; return 1; }
  [[ "$(tool_store_package "$dir/rid")" == ci-migrate.linux-x64 ]] \
    || { echo "the install took $(tool_store_package "$dir/rid"), not the linux-x64 package" >&2; return 1; }
  TOOL_AOT="$(find "$dir/rid/.store" -type f -name ci-migrate -path '*/linux-x64/*')"
  [[ -x "$TOOL_AOT" ]] || { echo "no Native AOT executable in the installed linux-x64 package" >&2; return 1; }
  TOOL_PATH="$dir/rid/ci-migrate"
  cp "$feed/ci-migrate.$version.nupkg" "$feed/ci-migrate.any.$version.nupkg" "$dir/fallback-feed/"
  tool_pointer_without "$dir/fallback-feed" "$version" linux-x64
  tool_feed "$dir/fallback-feed" "$version"
  tool_install "$dir/fallback" "$dir/fallback-feed" "$version" >>"$dir/install.log" 2>&1 \
    || { echo "installing the fallback failed: $(grep -m1 -iE 'error' "$dir/install.log" | cut -c1-100)" >&2; return 1; }
  TOOL_ANY="$dir/fallback/ci-migrate"
  # A repository's tool manifest, as README's install section has users make it; `dotnet tool run` finds it from any
  # folder below DIR and looks for the package in the NUGET_PACKAGES it was installed into. A .NET home of its own:
  # the SDK's tool resolver cache there (.dotnet/toolResolverCache) would otherwise send a version installed before
  # to a folder since deleted.
  TOOL_RUN=(env "NUGET_PACKAGES=$dir/manifest.nuget" "DOTNET_CLI_HOME=$dir/dotnet-home" DOTNET_NOLOGO=1 dotnet tool run ci-migrate)
  (cd "$dir" && rm -f dotnet-tools.json && "${TOOL_RUN[@]:0:4}" dotnet new tool-manifest >/dev/null \
    && "${TOOL_RUN[@]:0:4}" dotnet tool install ci-migrate --version "$version" --configfile "$feed/nuget.config") >>"$dir/install.log" 2>&1 \
    || { echo "installing into a tool manifest failed: $(grep -m1 -iE 'error' "$dir/install.log" | cut -c1-100)" >&2; return 1; }
}
