using System.Diagnostics;
using System.Globalization;
using CiMigrate.Execution.Events;
using CiMigrate.Hosting;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// <c>--backup &lt;dir&gt;</c>: a <c>pg_dump</c> of the app's schema only (structure and data, custom format)
/// before applying, and the <c>pg_restore</c> command that undoes the run. The password reaches pg_dump through
/// its environment (<c>PGPASSWORD</c>), never its command line, where <c>ps</c> would show it.
/// </summary>
public static class SchemaBackup
{
    /// <returns><see cref="BackupWritten"/>, or <see cref="BackupNotNeeded"/> when the schema does not exist yet.</returns>
    public static async Task<ExecutionEvent> WriteAsync(MigrationSession session, string environment, string directory,
        IReadOnlyDictionary<string, string?> variables, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (app, schema) = (session.App.Name, session.App.Schema);
        // pg_dump --schema of a schema that does not exist fails ("no matching schemas were found").
        if (!await session.SchemaExistsAsync(cancellationToken))
            return new BackupNotNeeded(schema);

        var builder = new NpgsqlConnectionStringBuilder(session.ConnectionString);
        FileOwnership.CreateFolder(directory);
        var file = Path.GetFullPath(Path.Combine(directory,
            $"{app}-{environment}-{now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}.dump"));
        var start = new ProcessStartInfo(PgDump.Find(variables))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in ConnectionArguments(builder))
            start.ArgumentList.Add(argument);
        foreach (var argument in new[] { "--format=custom", $"--schema={schema}", "--no-password", $"--file={file}" })
            start.ArgumentList.Add(argument);
        if (!string.IsNullOrEmpty(builder.Password))
            start.Environment["PGPASSWORD"] = builder.Password;
        start.Environment["PGSSLMODE"] = builder.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };

        using var process = new Process { StartInfo = start };
        MissingProgramException.Start(process, "The backup before applying (--backup)");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new ExecutionException(
                $"The backup before applying failed, so nothing was applied: pg_dump exited with {process.ExitCode}: {(await error).Trim()}");
        }

        FileOwnership.MatchFolder(file);
        var restore = $"pg_restore --clean --if-exists --single-transaction {string.Join(' ', ConnectionArguments(builder).Select(Shell))} {Shell(file)}";
        return new BackupWritten(file, restore);
    }

    static IEnumerable<string> ConnectionArguments(NpgsqlConnectionStringBuilder builder) =>
    [
        $"--host={builder.Host ?? "localhost"}",
        $"--port={builder.Port}",
        $"--username={builder.Username ?? "postgres"}",
        $"--dbname={builder.Database ?? builder.Username ?? "postgres"}",
    ];

    static string Shell(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || "-_=./:@".Contains(c)) ? value : $"'{value.Replace("'", "'\\''")}'";
}
