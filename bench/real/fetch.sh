#!/usr/bin/env bash
# Prints every migrations folder of bench/real/SOURCES.md, ready for run.sh:  bash bench/real/run.sh $(bash bench/real/fetch.sh)
# A folder kept in the repository (bench/real/folders/<name>) is printed as it is; any other is extracted at its
# commit into bench/real/corpus/<name>/ (git-ignored) first, from a local snapshot when MIRROR (default /work/.mirror)
# holds <owner>+<repo>/repo, else cloned from GitHub.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mirror="${MIRROR:-/work/.mirror}"
corpus="$here/corpus"
mkdir -p "$corpus"

# The table rows of SOURCES.md: | name | owner/repo | commit | folder | licence |
grep -E '^\| [a-z0-9-]+ \| [^ ]+/[^ ]+ \| [0-9a-f]{40} \|' "$here/SOURCES.md" |
while IFS='|' read -r _ name repo commit folder _; do
  name="$(echo $name)"; repo="$(echo $repo)"; commit="$(echo $commit)"; folder="$(echo $folder)"
  if [[ -d "$here/folders/$name" ]]; then echo "$here/folders/$name"; continue; fi
  target="$corpus/$name"
  if [[ ! -d "$target/$folder" ]]; then
    git_dir="$mirror/${repo/\//+}/repo"
    if [[ ! -d "$git_dir" ]]; then
      git_dir="$corpus/.git-$name"
      [[ -d "$git_dir" ]] || git clone --quiet --bare --filter=blob:none "https://github.com/$repo.git" "$git_dir" >&2
    fi
    mkdir -p "$target"
    git --git-dir="$git_dir" archive "$commit" "$folder" | tar -x -C "$target"
  fi
  echo "$target/$folder"
done
