# Shared by bench scripts (source it): keep each row's figures in a TSV file and print them as markdown tables.
#
#   report_init FILE                     where rows go (tab-separated)
#   report_row SECTION LABEL N WALLS_US RSS_KIB CPUS_MS [NOTE]   a measured row: WALLS_US and CPUS_MS = the timed
#                                        runs, space-separated; RSS_KIB = the peak over them
#   report_na SECTION LABEL N REASON     a row whose tool could not run: printed as "n/a (reason)"
#   report_table SECTION TITLE BASE_LABEL BASE_NAME      a markdown table of SECTION; ratios against BASE_LABEL's row
#                                        of the same N ("" for no ratio column)
#   report_figure SECTION LABEL N        the median wall (µs) of a row, empty when n/a
#   report_runs SECTION LABEL N          the walls (µs) of a row's timed runs, round by round, space-separated
REPORT_FILE=""

report_init() { REPORT_FILE="$1"; : >"$REPORT_FILE"; }

report_row() {
  local section="$1" label="$2" n="$3" walls="$4" kib="$5" cpus="$6" note="${7:-}"
  local med lo hi runs cpu
  med=$(tr ' ' '\n' <<<"$walls" | grep -v '^$' | median)
  lo=$(tr ' ' '\n' <<<"$walls" | grep -v '^$' | minimum)
  hi=$(tr ' ' '\n' <<<"$walls" | grep -v '^$' | maximum)
  runs=$(wc -w <<<"$walls")
  cpu=$(tr ' ' '\n' <<<"$cpus" | grep -v '^$' | median)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$section" "$label" "$n" "$med" "$lo" "$hi" "$kib" "$runs" "$note" "$cpu" \
    "$(xargs <<<"$walls")" >>"$REPORT_FILE"
}

report_na() {
  printf '%s\t%s\t%s\t\t\t\t\t\tn/a (%s)\n' "$1" "$2" "$3" "$(tr '\t|' ' /' <<<"$4")" >>"$REPORT_FILE"
}

report_figure() {
  awk -F'\t' -v s="$1" -v l="$2" -v n="$3" '$1 == s && $2 == l && $3 == n { print $4 }' "$REPORT_FILE"
}

report_runs() {
  awk -F'\t' -v s="$1" -v l="$2" -v n="$3" '$1 == s && $2 == l && $3 == n { print $11 }' "$REPORT_FILE"
}

report_table() {
  local section="$1" title="$2" base="$3" base_name="$4"
  echo
  echo "### $title"
  echo
  if [[ -n "$base" ]]; then
    echo "| tool | N | median wall (s) | min-max (s) | runs | × $base_name | peak RSS (MiB) | CPU (s) | note |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  else
    echo "| tool | N | median wall (s) | min-max (s) | runs | peak RSS (MiB) | CPU (s) | note |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  fi
  awk -F'\t' -v s="$section" -v base="$base" '
    $1 == s && $2 == base && $4 != "" { floor[$3] = $4 }
    $1 == s { rows[++count] = $0 }
    END {
      for (i = 1; i <= count; i++) {
        split(rows[i], f, "\t")
        ratio = ""
        if (base != "") ratio = (f[4] != "" && floor[f[3]] != "") ? sprintf("%.2f", f[4] / floor[f[3]]) : "-"
        if (f[4] == "") {
          line = sprintf("| %s | %s | %s | | |", f[2], f[3], f[9])
          if (base != "") line = line " |"
          print line " | | |"
          continue
        }
        line = sprintf("| %s | %s | %.3f | %.3f-%.3f | %s |", f[2], f[3], f[4] / 1e6, f[5] / 1e6, f[6] / 1e6, f[8])
        if (base != "") line = line sprintf(" %s |", ratio)
        printf "%s %.0f | %.2f | %s |\n", line, f[7] / 1024, f[10] / 1000, f[9]
      }
    }' "$REPORT_FILE"
}
