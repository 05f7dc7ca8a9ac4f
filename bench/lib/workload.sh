# Shared by bench scripts (source it): workloads built from bench/workload/generate.sh.
#
#   workload_partly_applied DIR N APPLIED   DIR/repo/supabase/migrations: N migrations with down files; DIR/applied:
#                                           the same layout with hard links to the first APPLIED of them, so that
#                                           running ci-migrate from DIR/applied writes a target's ledger with their
#                                           real checksums, and DIR/repo then has N - APPLIED pending against it.
#                                           Hard links, not symbolic ones: a symbolic link costs a reader two more
#                                           system calls per file (40,000 at N=10,000), which a real repository does
#                                           not have; one cp makes them all, where a process per link took minutes.
#   workload_apply DIR N URL                DIR/repo: N migrations with down files and a ci-migrate.json whose staging
#                                           environment is URL; DIR/dbmate: the same files for dbmate; DIR/all.sql: a
#                                           psql driver of \i lines (the apply benches' three tools on one workload)
WORKLOAD_GENERATE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/workload/generate.sh"

workload_partly_applied() {
  local dir="$1" n="$2" applied="$3" f
  "$WORKLOAD_GENERATE" "$n" "$dir/repo/supabase/migrations" --down
  mkdir -p "$dir/applied/supabase/migrations/down"
  (cd "$dir/repo/supabase/migrations" && ls ./*.sql | head -n "$applied" | xargs cp -l -t "$dir/applied/supabase/migrations/")
  (cd "$dir/repo/supabase/migrations/down" && ls ./*.sql | head -n "$applied" | xargs cp -l -t "$dir/applied/supabase/migrations/down/")
}

workload_apply() {
  local dir="$1" n="$2" url="$3" f
  "$WORKLOAD_GENERATE" "$n" "$dir/repo/supabase/migrations" --down
  "$WORKLOAD_GENERATE" "$n" "$dir/dbmate" --dbmate
  for f in "$dir"/repo/supabase/migrations/*.sql; do printf '\\i %s\n' "$f"; done >"$dir/all.sql"
  cat >"$dir/repo/ci-migrate.json" <<JSON
{ "apps": { "bench": { "schema": "bench", "migrations": "supabase/migrations" } },
  "environments": { "staging": { "databaseUrl": "$url" } } }
JSON
}
