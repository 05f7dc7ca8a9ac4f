namespace CiMigrate.Sql;

/// <summary>
/// Schemas no app owns: PostgreSQL's own, ci-migrate's ledger, and those a Supabase project comes with. One home
/// for the lists the schema guard's allowances and copy-schema's --rename check.
/// </summary>
public static class ReservedSchemas
{
    /// <summary>ci-migrate's ledger schema.</summary>
    public const string Ledger = "ci_migrate";

    /// <summary>
    /// The schemas of a fresh Supabase project (https://supabase.com/docs/guides/database/overview): changed through
    /// <c>-- ci-migrate:allow-schema</c> for a trigger on auth.users or a storage policy, never replaced.
    /// </summary>
    static readonly HashSet<string> Supabase = new(StringComparer.Ordinal)
    {
        "auth", "storage", "realtime", "_realtime", "vault", "pgsodium", "pgsodium_masks", "graphql", "graphql_public",
        "extensions", "net", "supabase_functions", "supabase_migrations", "pgbouncer", "cron", "_analytics",
    };

    /// <summary>Why <paramref name="schema"/> is PostgreSQL's own or the ledger, never a migration's to change; null when it is neither.</summary>
    public static string? SystemReason(string schema) =>
        schema == Ledger ? "it is ci-migrate's ledger"
        : schema == "information_schema" || schema.StartsWith("pg_", StringComparison.Ordinal) ? "it is PostgreSQL's own"
        : null;

    /// <summary>Whether <paramref name="schema"/> is one a Supabase project comes with.</summary>
    public static bool IsSupabase(string schema) => Supabase.Contains(schema);
}
