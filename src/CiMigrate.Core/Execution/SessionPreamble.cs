using System.Globalization;
using Npgsql;

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
            (session.Connection.PostgreSqlVersion.Major >= 14 ? ", set_config('client_connection_check_interval', '2000', false)" : ""));
        settings.Parameters.Add(new() { Value = Milliseconds(session.Environment.LockTimeout) });
        settings.Parameters.Add(new() { Value = Milliseconds(session.Environment.StatementTimeout) });
        // The app's schema first: unqualified names are created there. public and extensions follow, as in
        // Supabase's own default, so extension functions (uuid_generate_v4, ...) resolve. A file's own SET wins.
        settings.Parameters.Add(new() { Value = $"{Identifiers.Quote(session.App.Schema)}, public, extensions" });
        batch.BatchCommands.Add(settings);
    }

    public static string Milliseconds(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
