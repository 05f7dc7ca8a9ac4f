using CiMigrate.Sql;

namespace CiMigrate.History;

/// <summary>
/// What a migration ran, compared without its layout: the statements' tokens without comments, keywords upper-cased,
/// one space between tokens. A row another tool recorded (the Supabase MCP's <c>apply_migration</c>, under a wall-clock
/// version) and the committed file it ran have the same fingerprint.
/// </summary>
public static class StatementsFingerprint
{
    public static string Of(IEnumerable<string> statements) =>
        Of(SqlScript.Parse(string.Join(";\n", statements), "supabase_migrations.schema_migrations").Statements);

    public static string Of(IEnumerable<SqlStatement> statements) =>
        string.Join(";", statements.Select(s => string.Join(' ', s.Tokens
            .Where(t => t.Kind is not (SqlTokenKind.LineComment or SqlTokenKind.BlockComment))
            .Select(t => t.Keyword ?? t.Text))));
}
