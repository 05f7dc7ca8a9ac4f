# Shared by bench scripts (source it): workloads built from bench/workload/generate.sh.
#
#   workload_partly_applied DIR N APPLIED   DIR/repo/supabase/migrations: N migrations with down files; DIR/applied:
#                                           the same layout with links to the first APPLIED of them, so that running
#                                           ci-migrate from DIR/applied writes a target's ledger with their real
#                                           checksums, and DIR/repo then has N - APPLIED pending against it
WORKLOAD_GENERATE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/workload/generate.sh"

workload_partly_applied() {
  local dir="$1" n="$2" applied="$3" f
  "$WORKLOAD_GENERATE" "$n" "$dir/repo/supabase/migrations" --down
  mkdir -p "$dir/applied/supabase/migrations/down"
  for f in $(cd "$dir/repo/supabase/migrations" && ls ./*.sql | head -n "$applied"); do
    ln -s "$dir/repo/supabase/migrations/$f" "$dir/applied/supabase/migrations/$f"
    ln -s "$dir/repo/supabase/migrations/down/$f" "$dir/applied/supabase/migrations/down/$f"
  done
}
