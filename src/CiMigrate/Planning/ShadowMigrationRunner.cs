using CiMigrate.Configuration;
using CiMigrate.Hosting;
using CiMigrate.Migrations;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Planning;

/// <summary>
/// Applies migrations to the shadow database for the replay: each file in its own transaction, its statements sent
/// one by one after <c>SET LOCAL search_path</c> to the app's schema, as apply does. Files that cannot run in a
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
        await using (var path = new NpgsqlCommand(
            $"{(inTransaction ? "SET LOCAL" : "SET")} search_path TO {Quote(app.Schema)}, public, extensions", connection, transaction))
            await path.ExecuteNonQueryAsync(cancellationToken);

        // One command per statement: the failing one is then known exactly, for its file, line and column.
        foreach (var statement in statements)
        {
            try
            {
                await using var command = new NpgsqlCommand(statement.Text, connection, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e)
            {
                throw Failure(migration, statement, e);
            }
        }

        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
    }

    static ExecutionException Failure(Migration migration, SqlStatement statement, PostgresException e)
    {
        var location = e.Position > 0 ? statement.LocationOfServerPosition(e.Position) : new SqlLocation(statement.Line, statement.Column);
        var hint = e.Hint is { Length: > 0 } h ? $" Hint: {h}" : "";
        return new ExecutionException(
            $"{migration.Up.DisplayPath}:{location}: the migration fails on the shadow database, so it would fail on the target too: {e.MessageText}{hint}", e);
    }

    static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
