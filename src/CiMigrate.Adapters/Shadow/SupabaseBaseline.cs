using Npgsql;

namespace CiMigrate.Shadow;

/// <summary>
/// The Supabase objects app migrations rely on (roles <c>anon</c>, <c>authenticated</c>, <c>service_role</c>,
/// <c>authenticator</c>; <c>auth.users</c> and <c>auth.uid()</c>/<c>auth.role()</c>/<c>auth.jwt()</c>; <c>storage</c>;
/// <c>extensions</c> with pgcrypto and uuid-ossp; <c>supabase_migrations.schema_migrations</c>), applied to a plain
/// PostgreSQL database. Idempotent.
/// </summary>
public static class SupabaseBaseline
{
    static readonly Lazy<string> Text = new(Load);

    /// <summary>The embedded script.</summary>
    public static string Sql => Text.Value;

    /// <summary>Applies the baseline to the database <paramref name="dataSource"/> connects to, in one transaction.</summary>
    public static async Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(Sql, connection, transaction))
            await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    static string Load()
    {
        var assembly = typeof(SupabaseBaseline).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".Shadow.SupabaseBaseline.sql", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
