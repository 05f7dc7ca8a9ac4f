using CiMigrate.Configuration;
using CiMigrate.Hosting;
using CiMigrate.Migrations;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Planning;

/// <summary>
/// Applies migrations to the shadow database for the replay: each file in its own transaction, its statements sent
/// as one batch after <c>SET LOCAL search_path</c> to the app's schema, as apply does. Files that cannot run in a
/// transaction (CONCURRENTLY, VACUUM) run statement by statement. No ledger: the shadow is thrown away.
/// </summary>
public static class ShadowMigrationRunner
{
    /// <summary>Creates the app's schema, as apply does for a new app, so its first migration's SET search_path works.</summary>
    public static async Task CreateSchemaAsync(NpgsqlDataSource shadow, AppSettings app, CancellationToken cancellationToken)
    {
        await using var command = shadow.CreateCommand($"CREATE SCHEMA IF NOT EXISTS {Quote(app.Schema)}");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task ApplyAsync(NpgsqlDataSource shadow, AppSettings app, Migration migration, CancellationToken cancellationToken)
    {
        var statements = migration.Up.Script.Statements;
        await using var connection = await shadow.OpenConnectionAsync(cancellationToken);
        var inTransaction = !statements.Any(s => s.IsConcurrently || s.Kind == StatementKind.Vacuum);
        await using var transaction = inTransaction ? await connection.BeginTransactionAsync(cancellationToken) : null;
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"{(inTransaction ? "SET LOCAL" : "SET")} search_path TO {Quote(app.Schema)}, public, extensions"));
        foreach (var statement in statements)
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement.Text));

        try
        {
            if (inTransaction)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
                await transaction!.CommitAsync(cancellationToken);
            }
            else
            {
                // Outside a transaction a batch is still one implicit transaction: send the statements one by one.
                foreach (var command in batch.BatchCommands)
                {
                    await using var single = new NpgsqlCommand(command.CommandText, connection);
                    await single.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }
        catch (PostgresException e)
        {
            throw Failure(migration, statements, batch, e);
        }
    }

    static ExecutionException Failure(Migration migration, IReadOnlyList<SqlStatement> statements, NpgsqlBatch batch, PostgresException e)
    {
        var index = e.BatchCommand is { } failed ? batch.BatchCommands.IndexOf(failed) - 1 : -1;
        var where = migration.Up.DisplayPath;
        if (index >= 0 && index < statements.Count)
        {
            var statement = statements[index];
            var location = e.Position > 0 ? statement.LocationOfServerPosition(e.Position) : new SqlLocation(statement.Line, statement.Column);
            where += $":{location}";
        }

        var hint = e.Hint is { Length: > 0 } h ? $" Hint: {h}" : "";
        return new ExecutionException(
            $"{where}: the migration fails on the shadow database, so it would fail on the target too: {e.MessageText}{hint}", e);
    }

    static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
