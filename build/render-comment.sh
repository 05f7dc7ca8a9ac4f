#!/usr/bin/env bash
# Renders the plan comment of the example plans as GitHub shows it, to look at it as a reviewer would:
# markdown -> HTML with marked (GFM) and GitHub's markdown CSS (github-markdown-css) at a comment's width, then a
# screenshot with headless Chromium. Writes docs/images/plan-comment-{clean,unsafe}.png (the first screen, 880 x 1,000
# px) and plan-comment-{clean,unsafe}-full.png, and fails when a table is wider than the comment.
#   clean:  examples/apps/money-tracker as it is, planned against an empty history
#   unsafe: examples/unsafe/money-tracker's migration added to that app, planned against a staging database (a local
#           throwaway PostgreSQL, bench/lib/pg.sh) where the clean migrations are applied, as in a pull request
# Needs node/npm (marked and github-markdown-css are installed into a cache folder) and chromium
# (`apt-get install -y chromium`, installed here when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

bash build/ensure-postgres.sh
if ! command -v chromium > /dev/null; then
    [[ "$(id -u)" == 0 ]] || { echo "chromium is missing: apt-get install -y chromium" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji > /dev/null
fi
tools=${RENDER_COMMENT_CACHE:-${TMPDIR:-/tmp}/ci-migrate-render-comment}
if [[ ! -d "$tools/node_modules/marked" || ! -d "$tools/node_modules/github-markdown-css" ]]; then
    mkdir -p "$tools"
    npm install --silent --no-audit --no-fund --prefix "$tools" marked@18 github-markdown-css@5 > /dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/CiMigrate -c Release -v quiet -nologo > /dev/null

work=$(mktemp -d)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
# The comment as in a pull request of this repository: lines link to the commit, docs to their pages.
export GITHUB_SERVER_URL=https://github.com GITHUB_REPOSITORY=tower-fleet/ci-migrate
GITHUB_SHA=$(git rev-parse HEAD 2> /dev/null || echo main)
export GITHUB_SHA

cli() { dotnet "$repo/src/CiMigrate/bin/Release/net10.0/ci-migrate.dll" "$@"; }

render() { # name, repository root holding examples/, diff's extra arguments
    local name=$1 root=$2
    shift 2
    # diff exits 1 when lint finds errors in the pending migrations: the plan is still written.
    GITHUB_WORKSPACE=$root cli diff --config "$root/examples/ci-migrate.json" --app money-tracker --format markdown "$@" \
        > "$work/$name.md" 2> "$work/$name.log" || true
    [[ -s "$work/$name.md" ]] || { echo "diff wrote no plan for $name" >&2; exit 1; }
    node "$repo/build/render-comment.mjs" "$tools" "$work/$name.md" "$work/$name.html"
    local dom wide height
    dom=$(chromium --headless --no-sandbox --disable-gpu --window-size=880,1000 --dump-dom "file://$work/$name.html" 2> /dev/null)
    wide=$(grep -o 'data-wide-tables="[0-9]*"' <<< "$dom" | grep -o '[0-9]*' || true)
    height=$(grep -o 'data-height="[0-9]*"' <<< "$dom" | grep -o '[0-9]*' || true)
    shot "$work/$name.html" 880,1000 "docs/images/plan-comment-$name.png"
    shot "$work/$name.html" "880,${height:-3000}" "docs/images/plan-comment-$name-full.png"
    echo "$name: $(wc -c < "$work/$name.md") characters, ${height:-?} px tall, tables wider than the comment: ${wide:-unknown}"
    [[ "$wide" == 0 ]] || exit 1
}

shot() { # page, window size, output
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size="$2" --screenshot="$repo/$3" "file://$1" 2> /dev/null
    echo "$3"
}

mkdir -p "$work/clean" "$work/unsafe"
cp -r examples "$work/clean/"
cp -r examples "$work/unsafe/"
render clean "$work/clean"

source bench/lib/pg.sh
trap 'pg_stop; rm -rf "$work"' EXIT
pg_start "$work/pg"
pg_template staging src/CiMigrate.Adapters/Shadow/SupabaseBaseline.sql money_tracker > /dev/null
export STAGING_DATABASE_URL
STAGING_DATABASE_URL=$(pg_url staging)
cli stage-apply --config "$work/unsafe/examples/ci-migrate.json" --app money-tracker > "$work/stage-apply.log" \
    || { cat "$work/stage-apply.log" >&2; exit 1; }
cp examples/unsafe/money-tracker/*.sql "$work/unsafe/examples/apps/money-tracker/supabase/migrations/"
render unsafe "$work/unsafe" --env staging
