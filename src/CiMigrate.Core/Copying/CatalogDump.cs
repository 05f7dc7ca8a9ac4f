using System.Diagnostics;
using CiMigrate.Execution;
using CiMigrate.Hosting;
using Npgsql;

namespace CiMigrate.Copying;

/// <summary>
/// The structure of a schema without migrations, as <c>pg_dump --schema-only --no-owner --no-acl</c> writes it (the
/// runbook's own export options). The password reaches pg_dump through <c>PGPASSWORD</c>, never its command line.
/// </summary>
static class CatalogDump
{
    // pg_dump 15.14+ (and 13.22+, 14.19+, 16.10+, 17.6+) fences its output with these psql meta-commands against a
    // malicious server; they are not SQL, and a plain script means the same without them.
    static readonly string[] FenceCommands = ["\\restrict ", "\\unrestrict "];

    public static async Task<string> ReadAsync(string connectionString, string schema, IReadOnlyDictionary<string, string?> variables,
        CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(PgDump.Find(variables))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     $"--host={builder.Host ?? "localhost"}", $"--port={builder.Port}", $"--username={builder.Username ?? "postgres"}",
                     $"--dbname={builder.Database ?? builder.Username ?? "postgres"}", "--schema-only", "--no-owner", "--no-acl",
                     $"--schema={schema}", "--no-password",
                 })
            start.ArgumentList.Add(argument);
        if (!string.IsNullOrEmpty(builder.Password))
            start.Environment["PGPASSWORD"] = builder.Password;

        using var process = Process.Start(start) ?? throw new ExecutionException("pg_dump could not be started.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new ExecutionException($"Reading the structure of {schema} with pg_dump failed ({process.ExitCode}): {(await error).Trim()}");
        return string.Join('\n', output.Split('\n').Where(line => !FenceCommands.Any(c => line.StartsWith(c, StringComparison.Ordinal))));
    }
}
