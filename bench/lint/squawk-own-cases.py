#!/usr/bin/env python3
"""Agreement with Squawk on Squawk's own per-rule test cases (not ours).

Usage: bench/lint/squawk-own-cases.py <squawk checkout> [ci-migrate executable]

Reads each shared rule's tests in crates/squawk_linter/src/rules/<rule>.rs of a checkout of sbdchd/squawk: every test
that lints one SQL text with default settings (lint_ok = pass, lint_errors = flag; tests with other settings or fixes
are left out), runs `ci-migrate lint --format json` on the text and compares the verdict of ci-migrate's rule(s) of
the same meaning. Prints each difference and `N/M agree (P%)`. The executable defaults to the one
bench/lint/squawk-compare.sh publishes. The differences docs/rules/README.md lists are expected to show here.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

SHARED = {
    "adding_field_with_default": ["adding-volatile-default"],
    "adding_required_field": ["adding-required-field"],
    "adding_not_null_field": ["set-not-null"],
    "ban_concurrent_index_creation_in_transaction": ["concurrently-in-transaction"],
    "ban_drop_database": ["drop-database"],
    "ban_truncate_cascade": ["ban-truncate-cascade"],
    "changing_column_type": ["changing-column-type"],
    "constraint_missing_not_valid": ["constraint-missing-not-valid"],
    "disallow_unique_constraint": ["unique-constraint-without-index"],
    "require_concurrent_index_creation": ["require-concurrent-index"],
    "prefer_robust_stmts": ["create-if-not-exists", "add-column-if-not-exists", "drop-if-exists"],
}


def cases(checkout):
    for rule, ours in SHARED.items():
        path = os.path.join(checkout, "crates", "squawk_linter", "src", "rules", rule + ".rs")
        if not os.path.exists(path):
            sys.exit(f"{path} is missing: is {checkout} a checkout of sbdchd/squawk?")
        source = open(path, encoding="utf-8").read()
        tests = source[source.index("mod test"):]
        for match in re.finditer(r"fn (\w+)\(\)\s*\{(.*?)\n    \}", tests, re.S):
            name, body = match.groups()
            sql = re.search(r'let sql = r#"(.*?)"#;', body, re.S)
            if not sql or "_with(" in body or "fix(" in body:
                continue
            expect = "pass" if "lint_ok(" in body else "flag" if "lint_errors(" in body else None
            if expect:
                yield rule, name, ours, expect, sql.group(1)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    checkout = sys.argv[1]
    exe = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "out", "lint", "publish", "ci-migrate")
    env = dict(os.environ, **{"CIMIGRATE__LINT__RULES__REQUIRE-LOCK-TIMEOUT": "warning"})
    agree = total = 0
    with tempfile.TemporaryDirectory() as folder:
        for rule, name, ours, expect, sql in cases(checkout):
            path = os.path.join(folder, f"{rule}__{name}.sql")
            with open(path, "w", encoding="utf-8") as file:
                file.write(sql)
            run = subprocess.run([exe, "lint", path, "--schema", "public", "--format", "json"],
                                 capture_output=True, text=True, env=env, cwd=folder)
            findings = json.loads(run.stdout)["findings"]
            verdict = "flag" if any(f["rule"] in ours for f in findings) else "pass"
            total += 1
            if verdict == expect:
                agree += 1
            else:
                print(f"differs: {rule}/{name}: squawk {expect}, ci-migrate {verdict}")
    print(f"{agree}/{total} agree ({100 * agree / total:.0f}%)")


if __name__ == "__main__":
    main()
