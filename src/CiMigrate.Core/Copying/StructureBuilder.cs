using CiMigrate.Execution;
using CiMigrate.History;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Copying;

/// <summary>
/// Runs the prepared structure scripts inside the target's copy transaction, statement by statement so that a
/// failure names file, line and column, each migration followed by its ledger row for the target app.
/// </summary>
sealed class StructureBuilder(NpgsqlConnection target, NpgsqlTransaction transaction, CopyRequest request)
{
    public async Task BuildAsync(IReadOnlyList<StructureScript> scripts, CancellationToken cancellationToken)
    {
        var schema = request.TargetApp.Schema;
        await ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS {Identifiers.Quote(schema)}", cancellationToken);
        var ledger = new Ledger(target, request.TargetApp.Name, request.TargetApp.Schema);
        foreach (var script in scripts)
        {
            // As the executor does: the app's schema first, so unqualified names land there; a file's own SET wins.
            await ExecuteAsync($"SELECT set_config('search_path', '{SessionPreamble.SearchPath(schema)}', true)", cancellationToken);
            foreach (var statement in script.Script.Statements)
            {
                // The schema exists already (made above, empty or emptied): the dump's own CREATE SCHEMA is not needed.
                if (statement.Kind == StatementKind.CreateSchema && statement.Target == schema)
                    continue;
                try
                {
                    await ExecuteAsync(Runnable(statement), cancellationToken);
                }
                catch (PostgresException ex)
                {
                    var at = ex.Position > 0 ? statement.LocationOfServerPosition(ex.Position) : new SqlLocation(statement.Line, statement.Column);
                    throw new CopyFailedException($"{statement.Path}:{at.Line}:{at.Column}: {ex.MessageText}" +
                        (ex.Detail is null ? "" : $" ({ex.Detail})"), inner: ex);
                }
            }

            await ExecuteAsync("RESET ROLE", cancellationToken);
            if (script.Migration is { } migration)
            {
                await using var batch = new NpgsqlBatch(target, transaction);
                batch.BatchCommands.Add(ledger.RecordCopied(migration.Version, migration.Name, script.Checksum, request.Provenance,
                    $"copy-schema from {request.SourceEnvironment.Name} ({request.App.Name}, schema {request.App.Schema})"));
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// The statement as it can run in one transaction: CONCURRENTLY dropped, since the new schema is not in use yet
    /// and a plain index build is the same index.
    /// </summary>
    static string Runnable(SqlStatement statement)
    {
        if (!statement.IsConcurrently)
            return statement.Text;
        var concurrently = statement.Tokens.First(t => t.Is("CONCURRENTLY"));
        var at = concurrently.Offset - statement.Offset;
        return statement.Text.Remove(at, concurrently.Text.Length);
    }

    async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, target, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
