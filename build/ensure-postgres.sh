#!/usr/bin/env bash
# Makes sure the PostgreSQL 15 server binaries (initdb, pg_ctl, postgres) are there: the tests and `diff` start a
# throwaway cluster with them. Installs them with apt when missing (root only); creates no default cluster. Also
# installs, as root, the extension packages of build/postgres-extension-packages.txt that apt offers here.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"

if [[ -n "${PG_BIN:-}" ]]; then
    exit 0
fi
if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
    [[ "$(id -u)" != 0 ]] || bash "$here/install-postgres-extensions.sh" 15
    exit 0
fi
if [[ "$(id -u)" != 0 ]]; then
    echo "PostgreSQL 15 server binaries are missing: run 'apt-get install postgresql-15' as root or set PG_BIN." >&2
    exit 1
fi

echo "==> Installing PostgreSQL 15 (server binaries for the throwaway cluster)"
# ci-migrate starts its own clusters: skip the package's default cluster and service.
mkdir -p /etc/postgresql-common
if [[ ! -e /etc/postgresql-common/createcluster.conf ]]; then
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# confold: keep the createcluster.conf written above instead of asking.
apt-get install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql-15 < /dev/null
bash "$here/install-postgres-extensions.sh" 15
