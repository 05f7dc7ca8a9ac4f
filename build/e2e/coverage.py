#!/usr/bin/env python3
"""Checks that a workflow's `paths:` filters and its cache keys' hashFiles() patterns cover every app's migrations
folder of a ci-migrate.json, so that a new app (or a moved folder) cannot silently stop triggering the workflows or
refreshing the shadow cache. Prints one line per app and folder not covered; exits 1 when any is not.

Usage: coverage.py <ci-migrate.json> <workflow.yml>...
"""
import json
import re
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from expressions import path_pattern  # noqa: E402
from workflow import load_yaml  # noqa: E402

HASH_FILES = re.compile(r"hashFiles\(([^)]*)\)")


def main():
    config = json.load(open(sys.argv[1], encoding="utf-8"))
    folders = {name: app["migrations"].rstrip("/") for name, app in config["apps"].items()}
    problems = 0
    for path in sys.argv[2:]:
        workflow = load_yaml(path)
        for event, trigger in (workflow["on"] or {}).items():
            patterns = (trigger or {}).get("paths")
            if patterns is None:
                continue
            compiled = [path_pattern(pattern) for pattern in patterns]
            for name, folder in folders.items():
                if not any(pattern.match(f"{folder}/20250101000000_x.sql") for pattern in compiled):
                    print(f"{path}: on.{event}.paths does not cover {name}'s folder {folder}")
                    problems += 1
        for key in re.findall(r"key: (.*)", open(path, encoding="utf-8").read()):
            for arguments in HASH_FILES.findall(key):
                globs = [part.strip().strip("'\"") for part in arguments.split(",")]
                compiled = [path_pattern(pattern) for pattern in globs]
                for name, folder in folders.items():
                    if not any(pattern.match(f"{folder}/20250101000000_x.sql") for pattern in compiled):
                        print(f"{path}: the cache key's hashFiles({arguments}) does not cover {name}'s folder {folder}")
                        problems += 1
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
