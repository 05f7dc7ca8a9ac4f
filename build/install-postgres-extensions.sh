#!/usr/bin/env bash
# Installs, for each PostgreSQL major version given, the extension packages of build/postgres-extension-packages.txt
# that the configured apt sources publish (root only; nothing happens when they are all there). Used by
# build/ensure-postgres.sh and the Dockerfile, so the list has one home.
#   bash build/install-postgres-extensions.sh 15 [17]
set -euo pipefail
list="$(dirname "${BASH_SOURCE[0]}")/postgres-extension-packages.txt"
(( $# > 0 )) || { echo "usage: install-postgres-extensions.sh <major>..." >&2; exit 2; }

missing=()
for major in "$@"; do
  while read -r suffix; do
    package="postgresql-$major-$suffix"
    dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done < <(sed -e 's/#.*//' -e '/^\s*$/d' "$list")
done
(( ${#missing[@]} > 0 )) || exit 0

export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists at most once a day: the PGDG-only names are never installable from Debian's sources.
if [[ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -n 1)" ]]; then
  apt-get update -q -o DPkg::Lock::Timeout=300 >&2
fi
installable=()
for package in "${missing[@]}"; do
  apt-cache show "$package" >/dev/null 2>&1 && installable+=("$package")
done
(( ${#installable[@]} > 0 )) || exit 0
echo "==> Installing PostgreSQL extension packages: ${installable[*]}" >&2
apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 "${installable[@]}" < /dev/null >&2
