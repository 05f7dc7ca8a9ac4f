#!/usr/bin/env bash
# Checks that ci-migrate's Squawk-equivalent rules agree with Squawk on textbook cases written from the rule
# descriptions on squawkhq.com (squawk-cases/*.sql; each names our rule, Squawk's rule and the expected verdict).
# Fails (exit 1) on any disagreement, and (exit 2) when squawk or ci-migrate cannot run: never passes silently.
# Usage: bench/lint/squawk-compare.sh   (REPUBLISH=1 to rebuild ci-migrate first)
# A bench script rather than a unit test: it needs node and network for npm, and compares two tools.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_squawk
[ -x "$CI_MIGRATE" ] && [ "${REPUBLISH:-0}" = 0 ] || publish_ci_migrate
command -v jq >/dev/null || { echo "jq is required" >&2; exit 2; }

agree=0
disagree=0
printf '%-34s %-32s %-8s %-34s %-8s %s\n' case ci-migrate verdict squawk verdict result
for case in "$LINT_BENCH"/squawk-cases/*.sql; do
    ours=$(sed -n 's/^-- ours: //p' "$case")
    theirs=$(sed -n 's/^-- squawk: //p' "$case")
    expect=$(sed -n 's/^-- expect: //p' "$case")
    # ci-migrate runs every file in a transaction; Squawk assumes so only when told (it then exempts tables
    # created in the file, as we do, but also stops asking for IF NOT EXISTS, which our house rules require
    # always). Cases that depend on the transaction say so.
    squawk_args=$(sed -n 's/^-- squawk-args: //p' "$case")
    # require-lock-timeout is off by default (the executor sets lock_timeout itself): switch it on to compare.
    our_json=$(env "CIMIGRATE__LINT__RULES__REQUIRE-LOCK-TIMEOUT=warning" "$CI_MIGRATE" lint "$case" --schema public --format json || true)
    jq -e .findings >/dev/null <<<"$our_json" || { echo "ci-migrate failed on $case" >&2; exit 2; }
    our_verdict=$(jq -r --arg r "$ours" 'if any(.findings[]; .rule == $r) then "flag" else "pass" end' <<<"$our_json")
    squawk_json=$("$SQUAWK" --reporter json --pg-version 15 $squawk_args "$case" 2>/dev/null || true)
    jq -e 'type == "array"' >/dev/null <<<"$squawk_json" || { echo "squawk failed on $case" >&2; exit 2; }
    squawk_verdict=$(jq -r --arg r "$theirs" 'if any(.[]; .rule_name == $r) then "flag" else "pass" end' <<<"$squawk_json")
    if [ "$our_verdict" = "$squawk_verdict" ] && [ "$our_verdict" = "$expect" ]; then
        result=agree; agree=$((agree + 1))
    else
        result="DISAGREE (expected $expect)"; disagree=$((disagree + 1))
    fi
    printf '%-34s %-32s %-8s %-34s %-8s %s\n' "$(basename "$case" .sql)" "$ours" "$our_verdict" "$theirs" "$squawk_verdict" "$result"
done
echo "$agree agree, $disagree disagree"
[ "$disagree" -eq 0 ]
