#!/usr/bin/env bash
# How copy-schema --data should load the target, decided by measurement (issue 27): the same rows as bench/copy/run.sh
# (categories 100 rows, entries N rows with a primary key and a foreign key) loaded from binary COPY files on one
# throwaway PostgreSQL 15 server, in the ways the issue lists. The client is psql, so only the server's work differs.
#   keys-during   the tables made with their keys, then COPY: an index insert and a key lookup per row (the old way)
#   keys-after    COPY into bare tables, then ADD PRIMARY KEY / FOREIGN KEY in the same transaction (copy-schema now)
#   keys-after+freeze   the same with COPY ... FREEZE (the tables are created in the same transaction)
#   staged-2      two connections COPY half of entries each into a committed staging schema, then one transaction
#                 adds the keys and moves the tables into place (ALTER TABLE ... SET SCHEMA)
#
# Usage: bench/copy/load-variants.sh [N] [rounds]      (defaults 1000000 and 3)
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$bench/lib/measure.sh"
source "$bench/lib/pg.sh"
n="${1:-1000000}"; rounds="${2:-3}"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
work="$(mktemp -d /tmp/ci-migrate-bench-load-XXXXXX)"
chmod 755 "$work"
trap 'pg_stop; rm -rf "$work"' EXIT
pg_start "$work/s"
files="$PG_DATA/bench-files"  # written and read by the server itself (COPY to and from a server file)
pg_as_server mkdir -p "$files"

tables() {  # tables SCHEMA WITH_KEYS
  local keys=""; [[ $2 == yes ]] && keys=yes
  echo "CREATE SCHEMA $1;
    CREATE TABLE $1.categories (id int GENERATED ALWAYS AS IDENTITY ${keys:+PRIMARY KEY}, name text NOT NULL);
    CREATE TABLE $1.entries (id bigint GENERATED ALWAYS AS IDENTITY ${keys:+PRIMARY KEY},
      category_id int NOT NULL ${keys:+REFERENCES $1.categories (id)}, amount numeric(12, 2) NOT NULL, note text,
      created_at timestamptz NOT NULL DEFAULT now());"
}
keys() {  # keys SCHEMA
  echo "ALTER TABLE $1.categories ADD PRIMARY KEY (id); ALTER TABLE $1.entries ADD PRIMARY KEY (id);
    ALTER TABLE $1.entries ADD FOREIGN KEY (category_id) REFERENCES $1.categories (id);"
}
load() {  # load SCHEMA [FREEZE]
  echo "COPY $1.categories FROM '$files/categories.bin' (FORMAT binary ${2:+, FREEZE});
    COPY $1.entries FROM '$files/entries.bin' (FORMAT binary ${2:+, FREEZE});"
}

pg_psql -d postgres >/dev/null <<SQL
$(tables src yes)
INSERT INTO src.categories (name) SELECT 'category ' || g FROM generate_series(1, 100) g;
INSERT INTO src.entries (category_id, amount, note, created_at)
  SELECT 1 + g % 100, (g % 100000) / 100.0, 'entry number ' || g, '2025-01-01'::timestamptz + g * interval '1 minute'
  FROM generate_series(1, $n) g;
COPY src.categories TO '$files/categories.bin' (FORMAT binary);
COPY src.entries TO '$files/entries.bin' (FORMAT binary);
COPY (SELECT * FROM src.entries WHERE id <= $n / 2) TO '$files/entries-1.bin' (FORMAT binary);
COPY (SELECT * FROM src.entries WHERE id > $n / 2) TO '$files/entries-2.bin' (FORMAT binary);
SQL

run() {  # run VARIANT SCHEMA: the variant's whole load as psql runs it
  local s="$2"
  case "$1" in
    keys-during) pg_psql -q -1 -d postgres -c "$(tables "$s" yes) $(load "$s")" ;;
    keys-after) pg_psql -q -1 -d postgres -c "$(tables "$s" no) $(load "$s") $(keys "$s")" ;;
    keys-after+freeze) pg_psql -q -1 -d postgres -c "$(tables "$s" no) $(load "$s" freeze) $(keys "$s")" ;;
    staged-2)
      pg_psql -q -1 -d postgres -c "$(tables "${s}_staging" no)
        COPY ${s}_staging.categories FROM '$files/categories.bin' (FORMAT binary)"
      pg_psql -q -d postgres -c "COPY ${s}_staging.entries FROM '$files/entries-1.bin' (FORMAT binary)" &
      local first=$!
      pg_psql -q -d postgres -c "COPY ${s}_staging.entries FROM '$files/entries-2.bin' (FORMAT binary)"
      wait "$first"
      pg_psql -q -1 -d postgres -c "$(keys "${s}_staging") CREATE SCHEMA $s;
        ALTER TABLE ${s}_staging.categories SET SCHEMA $s; ALTER TABLE ${s}_staging.entries SET SCHEMA $s;
        DROP SCHEMA ${s}_staging" ;;
  esac
}
export -f run tables keys load pg_psql pg_as_server
export files

variants=(keys-during keys-after keys-after+freeze staged-2)
declare -A walls
for ((round = 0; round <= rounds; round++)); do  # round 0 is the warm-up
  for v in "${variants[@]}"; do
    schema="r${round}_${v//[^a-z0-9]/_}"
    measure "$work/$v.log" bash -c "run '$v' '$schema'" || { echo "$v failed:"; tail -n 5 "$work/$v.log"; exit 1; }
    [[ $round -gt 0 ]] && walls[$v]+="$MEASURED_US "
    got=$(pg_psql -d postgres -tAc "SELECT count(*) FROM $schema.entries")
    [[ "$got" == "$n" ]] || { echo "$v loaded $got of $n rows"; exit 1; }
    pg_psql -d postgres -c "DROP SCHEMA $schema CASCADE" >/dev/null
  done
done

echo "load $((n + 100)) rows (binary COPY files) into one PostgreSQL 15 server, median of $rounds after a warm-up"
echo "| variant | median wall (s) |"
echo "| --- | ---: |"
for v in "${variants[@]}"; do
  awk -v v="$v" -v w="$(tr ' ' '\n' <<<"${walls[$v]}" | grep . | median)" 'BEGIN { printf "| %s | %.3f |\n", v, w / 1e6 }'
done
echo "load average (1, 5, 15 min): $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
