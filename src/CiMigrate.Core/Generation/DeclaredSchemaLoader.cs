using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Hosting;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Generation;

/// <summary>
/// Runs the declared files on a fresh shadow database, statement by statement, each file on a session of its own
/// with the app's search_path (as apply gives a migration), so <c>SET</c> and <c>set_config</c> lines of a dump act
/// as they would in psql. The app's schema is created first unless a file creates it.
/// </summary>
public static class DeclaredSchemaLoader
{
    /// <summary>
    /// Why a declared statement is not schema: rows are data (Supabase's declarative schemas leave DML out too), and
    /// default privileges are not part of the catalog the proof compares, so generating from them would be a silent gap.
    /// </summary>
    static string? NotSchema(StatementKind kind) => kind switch
    {
        StatementKind.Insert or StatementKind.Update or StatementKind.Delete or StatementKind.Merge or StatementKind.Copy
            or StatementKind.Truncate or StatementKind.Call =>
            "a declared schema holds no data changes; put seed rows in supabase/seed.sql or a migration of their own",
        StatementKind.AlterDefaultPrivileges =>
            "ALTER DEFAULT PRIVILEGES is not generated (the proof cannot compare it); grant on each object instead, or write that migration by hand",
        _ => null,
    };

    public static async Task LoadAsync(NpgsqlDataSource dataSource, AppSettings app, DeclaredSchema declared,
        CancellationToken cancellationToken)
    {
        foreach (var statement in declared.Files.SelectMany(f => f.Statements))
        {
            if (NotSchema(statement.Kind) is { } why)
                throw new UsageException($"{statement.Path}:{statement.Line}:{statement.Column}: {why}");
        }

        var createsSchema = declared.Files.SelectMany(f => f.Statements)
            .Any(s => s.Kind == StatementKind.CreateSchema && s.Objects.Contains(app.Schema));
        if (!createsSchema)
        {
            await using var command = dataSource.CreateCommand($"CREATE SCHEMA IF NOT EXISTS {Identifiers.Quote(app.Schema)}");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var file in declared.Files)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using (var path = new NpgsqlCommand($"SET search_path TO {SessionPreamble.SearchPath(app.Schema)}", connection))
                await path.ExecuteNonQueryAsync(cancellationToken);
            foreach (var statement in file.Statements)
            {
                try
                {
                    await using var command = new NpgsqlCommand(statement.Text, connection);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (PostgresException e)
                {
                    var at = e.Position > 0 ? statement.LocationOfServerPosition(e.Position) : new SqlLocation(statement.Line, statement.Column);
                    throw new UsageException($"{file.Path}:{at.Line}:{at.Column}: the declared schema does not load on a fresh database: " +
                        $"{e.MessageText}{(e.Hint is { Length: > 0 } hint ? $" Hint: {hint}" : "")}");
                }
            }
        }
    }
}
