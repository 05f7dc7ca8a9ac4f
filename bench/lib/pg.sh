# Shared by bench scripts (source it): a throwaway PostgreSQL 15 cluster with the server's own defaults.
# fsync, synchronous_commit and full_page_writes stay ON: the figures are what a real server costs, and every tool
# pays the same commit price. The server listens on 127.0.0.1 (a free port) and on a socket in its own folder.
#
#   pg_start WORKDIR      initdb + start; sets PG_PORT, PG_HOST, PG_DATA; stops itself on exit (pg_stop)
#                         (PG_SERVER_OPTIONS: more -c settings for a script that measures the server itself)
#   pg_psql ARGS...       the real psql binary (not Debian's wrapper), as postgres over TCP, ON_ERROR_STOP
#   pg_template NAME SQL  a template database with SQL applied (the Supabase baseline) and the app's schema
#   pg_fresh NAME TEMPLATE / pg_drop NAME   a database per run, created and dropped outside the timed part
#   pg_url NAME           postgres://postgres@127.0.0.1:PORT/NAME
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

pg_as_server() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 20); do
    # A refused connection means nobody listens there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "no free port found in 20 tries" >&2
  return 1
}

pg_start() {
  local work="$1"
  PG_DATA="$work/data"
  PG_SOCKET_DIR="$work/sock"
  PG_HOST=127.0.0.1
  PG_PORT="$(pg_free_port)"
  mkdir -p "$PG_DATA" "$PG_SOCKET_DIR"
  chmod 755 "$work"
  [[ $(id -u) == 0 ]] && chown postgres "$PG_DATA" "$PG_SOCKET_DIR"
  # --no-sync only skips initdb's own flush of the fresh files; the server's settings are not touched.
  pg_as_server "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; return 1; }
  pg_as_server "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories='$PG_SOCKET_DIR' ${PG_SERVER_OPTIONS:-}" start >/dev/null \
    || { cat "$PG_DATA/server.log" >&2; return 1; }
  export PG_BIN PG_DATA PG_HOST PG_PORT PG_SOCKET_DIR
}

pg_stop() {
  [[ -n "${PG_DATA:-}" && -f "$PG_DATA/postmaster.pid" ]] || return 0
  pg_as_server "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
}

pg_psql() { "$PG_BIN/psql" -X -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }

pg_url() { echo "postgres://postgres@$PG_HOST:$PG_PORT/$1"; }

pg_setting() { pg_psql -d postgres -tAc "SHOW $1"; }

pg_template() {
  local name="$1" sql="$2" schema="$3"
  pg_psql -d postgres -c "CREATE DATABASE $name"
  pg_psql -d "$name" -f "$sql" >/dev/null
  pg_psql -d "$name" -c "CREATE SCHEMA IF NOT EXISTS $schema"
}

pg_fresh() { pg_psql -d postgres -c "CREATE DATABASE $1 TEMPLATE $2"; }

pg_drop() { pg_psql -d postgres -c "DROP DATABASE IF EXISTS $1"; }
