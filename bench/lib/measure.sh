# Shared by bench scripts (source it): time whole processes and keep the figures.
#
#   measure LOG CMD...   runs CMD once; sets MEASURED_US (wall, microseconds, from bash's EPOCHREALTIME: inside the
#                        interval are only CMD, /usr/bin/time and timeout's exec, ~2 ms) and MEASURED_KIB (peak RSS
#                        of the largest process of CMD's tree, /usr/bin/time -f %M) and MEASURED_CPU_MS (user + system
#                        CPU of CMD's tree: on 2 cores the client's CPU competes with the server's); output goes to
#                        LOG; returns CMD's code (124 after MEASURE_TIMEOUT seconds, default 300: no run hangs the bench)
#   median / minimum / maximum   of numbers on stdin, one a line
#   us_to_s US           microseconds as seconds with 3 decimals;  kib_to_mib KIB  as MiB with 0 decimals
#   why_failed LOG       the first meaningful line of a failed run's output, for "n/a (reason)"
export LC_ALL=C

measure() {
  local log="$1"; shift
  local start end rc=0
  start=$EPOCHREALTIME
  timeout --kill-after=5 "${MEASURE_TIMEOUT:-300}" /usr/bin/time -f '%M %U %S' -o "$log.rss" "$@" >"$log" 2>&1 </dev/null || rc=$?
  end=$EPOCHREALTIME
  MEASURED_US=$(( ${end/./} - ${start/./} ))
  # time writes "Command exited with non-zero status N" before the figure when the command fails.
  local kib user sys
  read -r kib user sys < <(tail -n 1 "$log.rss" 2>/dev/null || true)
  [[ "${kib:-}" =~ ^[0-9]+$ ]] && MEASURED_KIB=$kib || MEASURED_KIB=0
  MEASURED_CPU_MS=$(awk -v u="${user:-0}" -v s="${sys:-0}" 'BEGIN { printf "%d", (u + s) * 1000 }')
  return "$rc"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
minimum() { sort -n | head -n 1; }
maximum() { sort -n | tail -n 1; }

us_to_s() { awk -v us="$1" 'BEGIN { printf "%.3f", us / 1e6 }'; }
kib_to_mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

why_failed() {
  # An error line where there is one (psql prints NOTICEs first), else the first meaningful line.
  { grep -m1 -E 'ERROR|FATAL|[Ee]rror:' "$1" || grep -v -E '^\s*$|^Command exited|^\s+at ' "$1"; } 2>/dev/null \
    | head -n 1 | cut -c1-110 | tr '|' '/' || true
}
