# Shared by the lint bench scripts: where things are, and how to get ci-migrate and squawk.
LINT_BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LINT_BENCH/../.." && pwd)"
OUT="$REPO_ROOT/bench/out/lint"
CI_MIGRATE="$OUT/publish/ci-migrate"
SQUAWK="$LINT_BENCH/node_modules/.bin/squawk"

# The published Release build, ReadyToRun, as users run it (not `dotnet run`, whose start-up is a build).
publish_ci_migrate() {
    dotnet publish "$REPO_ROOT/src/CiMigrate" -c Release -r linux-x64 -p:PublishReadyToRun=true --self-contained false \
        -o "$OUT/publish" -v quiet -nologo >/dev/null
}

# squawk-cli from npm into a git-ignored folder beside this script.
install_squawk() {
    if [ ! -x "$SQUAWK" ]; then
        npm install --no-save --no-audit --no-fund --prefix "$LINT_BENCH" squawk-cli@2.66.0 >/dev/null
    fi
    if [ ! -x "$SQUAWK" ]; then
        echo "squawk is not available (npm install squawk-cli failed): cannot compare." >&2
        exit 2
    fi
}
