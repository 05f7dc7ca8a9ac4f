#!/usr/bin/env bash
# Lint speed: 1,000 generated migration files (plus their down files), ci-migrate lint (published Release build,
# ReadyToRun, wall time including process start) against squawk on the same files, median of RUNS runs each.
# Targets (issue 3): ci-migrate under 2 s, and no slower than squawk.
# Usage: bench/lint/run.sh [files=1000] [runs=7]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

FILES=${1:-1000}
RUNS=${2:-7}
MIGRATIONS="$OUT/input/supabase/migrations"

install_squawk
echo "publishing ci-migrate (Release, ReadyToRun) ..."
publish_ci_migrate
rm -rf "$OUT/input"
python3 "$LINT_BENCH/generate.py" "$MIGRATIONS" "$FILES"
all_files=("$MIGRATIONS"/*.sql "$MIGRATIONS"/down/*.sql)

# Median wall time in milliseconds of a command run RUNS times (output discarded, exit code ignored: findings are fine).
median_ms() {
    local times=()
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

# Check once that both tools really read the files (a tool failing fast would look fast).
ours_files=$("$CI_MIGRATE" lint "$MIGRATIONS" --schema bench --format json | jq .files)
squawk_checked=$("$SQUAWK" "${all_files[@]}" 2>&1 | tail -1 || true)

ours=$(median_ms "$CI_MIGRATE" lint "$MIGRATIONS" --schema bench)
theirs=$(median_ms "$SQUAWK" "${all_files[@]}")

echo
echo "lint of $FILES migrations + their down files (${#all_files[@]} files, $(cat "${all_files[@]}" | wc -c) bytes), median of $RUNS runs, wall time incl. process start"
printf '  %-42s %6s ms   (%s files read)\n' "ci-migrate lint (34 rules)" "$ours" "$ours_files"
printf '  %-42s %6s ms   (%s)\n' "squawk $("$SQUAWK" --version | cut -d' ' -f2)" "$theirs" "$squawk_checked"
verdict="under 2 s: $([ "$ours" -lt 2000 ] && echo yes || echo NO); no slower than squawk: $([ "$ours" -le "$theirs" ] && echo yes || echo NO)"
echo "  $verdict"
