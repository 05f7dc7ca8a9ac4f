using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Planning;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Generation;

/// <summary>
/// Runs the declared files on a fresh shadow database (a fresh Supabase project), statement by statement, each file on
/// a session of its own with the app's search_path (as apply gives a migration), so <c>SET</c> and <c>set_config</c>
/// lines of a dump act as they would in psql. The app's schema is created first unless a file creates it. Statements
/// are read as what they mean on a fresh project: a <c>CREATE SCHEMA</c> of a schema the project has (pg_dump's
/// <c>CREATE SCHEMA public</c>) is already true; a dump's grants are relative to built-in default privileges
/// (<see cref="DumpDefaultPrivileges"/>); <c>ALTER DEFAULT PRIVILEGES</c> runs as written, and the comparison sees it.
/// A statement that is not schema, or fails, is a <see cref="DeclaredProblem"/>: the others load.
/// </summary>
public static class DeclaredSchemaLoader
{
    /// <summary>Why a declared statement is not schema: rows are data (Supabase's declarative schemas leave DML out too).</summary>
    static string? NotSchema(StatementKind kind) => kind switch
    {
        StatementKind.Insert or StatementKind.Update or StatementKind.Delete or StatementKind.Merge or StatementKind.Copy
            or StatementKind.Truncate or StatementKind.Call =>
            "a declared schema holds no data changes, so this statement was not loaded; put seed rows in supabase/seed.sql or a migration of their own",
        _ => null,
    };

    /// <summary>Loads what loads; returns the statements that did not, in file order.</summary>
    public static async Task<IReadOnlyList<DeclaredProblem>> LoadAsync(NpgsqlDataSource dataSource, AppSettings app, DeclaredSchema declared,
        CancellationToken cancellationToken)
    {
        var problems = new List<DeclaredProblem>();
        var existing = await SchemasAsync(dataSource, cancellationToken);
        var createsSchema = declared.Files.SelectMany(f => f.Statements)
            .Any(s => s.Kind == StatementKind.CreateSchema && s.Objects.Contains(app.Schema));
        if (!createsSchema && !existing.Contains(app.Schema))
        {
            await using var command = dataSource.CreateCommand($"CREATE SCHEMA IF NOT EXISTS {Identifiers.Quote(app.Schema)}");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        bool blankIndexOptions;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            blankIndexOptions = await ShadowIndexOptions.NeededAsync(connection, cancellationToken);

        foreach (var file in declared.Files)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await ExecuteAsync(connection, $"SET search_path TO {SessionPreamble.SearchPath(app.Schema)}", cancellationToken);
            var dump = DumpDefaultPrivileges.WroteIt(file);
            if (dump)
                await ExecuteAsync(connection, DumpDefaultPrivileges.Reset, cancellationToken);
            foreach (var statement in file.Statements)
            {
                if (NotSchema(statement.Kind) is { } why)
                {
                    problems.Add(new DeclaredProblem(statement.Path, statement.Line, statement.Column, why));
                    continue;
                }

                // The project has it already, as pg_dump's CREATE SCHEMA public assumes a database that does not.
                if (statement.Kind == StatementKind.CreateSchema && statement.Target is { } schema && existing.Contains(schema))
                    continue;
                try
                {
                    // As the history's replay does: the vector stand-in's hnsw and ivfflat take no options (ShadowIndexOptions).
                    await ExecuteAsync(connection, blankIndexOptions ? ShadowIndexOptions.Blank(statement.Text) : statement.Text, cancellationToken);
                }
                catch (PostgresException e)
                {
                    var at = e.Position > 0 ? statement.LocationOfServerPosition(e.Position) : new SqlLocation(statement.Line, statement.Column);
                    problems.Add(new DeclaredProblem(file.Path, at.Line, at.Column, "does not load on a fresh Supabase project: " +
                        $"{e.MessageText}{(e.Hint is { Length: > 0 } hint ? $" Hint: {hint}" : "")}"));
                }
            }

            if (dump)
                await ExecuteAsync(connection, DumpDefaultPrivileges.Restore, cancellationToken);
        }

        return problems;
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    static async Task<HashSet<string>> SchemasAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var schemas = new HashSet<string>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand("SELECT nspname FROM pg_catalog.pg_namespace");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            schemas.Add(reader.GetString(0));
        return schemas;
    }
}
