using System.Globalization;
using Npgsql;
using CiMigrate.Sql;

namespace CiMigrate.Execution;

/// <summary>
/// The commands before a migration's own statements: session state is reset between migrations (a file's SET stays
/// with the session otherwise), then the environment's timeouts and the app's search_path are set, locally to the
/// transaction when there is one.
/// </summary>
static class SessionPreamble
{
    /// <summary>Appends the preamble to <paramref name="batch"/>.</summary>
    public static void AddTo(NpgsqlBatch batch, MigrationSession session, bool local)
    {
        batch.BatchCommands.Add(new("RESET ALL"));
        var isLocal = local ? "true" : "false";
        var settings = new NpgsqlBatchCommand(
            $"SELECT set_config('lock_timeout', $1, {isLocal}), set_config('statement_timeout', $2, {isLocal}), " +
            $"set_config('search_path', $3, {isLocal}), set_config('ci_migrate.started', clock_timestamp()::text, {isLocal})" +
            // RESET ALL also reset the client check that MigrationSession set: set it again, for the session.
            (ClientCheck(session.Connection) is { } check ? $", {check}" : ""));
        settings.Parameters.Add(new() { Value = Milliseconds(session.Environment.LockTimeout) });
        settings.Parameters.Add(new() { Value = Milliseconds(session.Environment.StatementTimeout) });
        settings.Parameters.Add(new() { Value = SearchPath(session.App.Schema) });
        batch.BatchCommands.Add(settings);
    }

    /// <summary>
    /// The search_path a migration of the app runs with: the app's schema first, so unqualified names are created
    /// there; public and extensions follow, as in Supabase's own default, so extension functions (uuid_generate_v4,
    /// ...) resolve. A file's own SET wins.
    /// </summary>
    public static string SearchPath(string schema) => $"{Identifiers.Quote(schema)}, public, extensions";

    /// <summary>
    /// The call that makes the server check every 2 s during a long statement that its client is still there
    /// (PostgreSQL 14+; null before), so a killed ci-migrate does not leave its backend running a migration while
    /// holding the app's lock.
    /// </summary>
    public static string? ClientCheck(NpgsqlConnection connection) =>
        connection.PostgreSqlVersion.Major >= 14 ? "set_config('client_connection_check_interval', '2000', false)" : null;

    public static string Milliseconds(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
