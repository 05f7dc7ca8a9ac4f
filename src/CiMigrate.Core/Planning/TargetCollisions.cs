using CiMigrate.Execution;
using CiMigrate.History;
using CiMigrate.Migrations;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Planning;

/// <summary>
/// Objects the pending migrations create outside the app's schema that the target already has: the shadow starts
/// empty and cannot see another app's <c>public.messages</c>, the target can. Each is a
/// <see cref="HazardKind.CollidesOnTarget"/> hazard at the statement, naming the app that owns the schema when the
/// ledger knows it.
/// </summary>
public static class TargetCollisions
{
    public static async Task<IReadOnlyList<Hazard>> FindAsync(MigrationSession session, IReadOnlyList<Migration> pending,
        CancellationToken cancellationToken)
    {
        var hazards = new List<Hazard>();
        var owners = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var migration in pending)
        {
            var script = migration.Up.Script;
            // Unqualified names land where the file's search_path header puts them, else in the app's schema.
            var fileSchema = script.Statements.FirstOrDefault(s => s.Kind != StatementKind.TransactionControl) is
                { Kind: StatementKind.SetSearchPath, Objects: [var header, ..] } ? header : session.App.Schema;
            foreach (var statement in script.Statements)
            {
                if (CatalogOf(statement.Kind) is not { } catalog || statement.Target is not { } target)
                    continue;
                var schema = statement.Kind == StatementKind.CreateIndex
                    ? SqlNames.SchemaOf(statement.Table ?? target) ?? fileSchema
                    : SqlNames.SchemaOf(target) ?? fileSchema;
                var name = SqlNames.LastPart(target);
                if (schema == session.App.Schema || schema == "pg_temp" || statement.IsTemporary
                    || !await ExistsAsync(session.Connection, catalog, schema, name, cancellationToken))
                    continue;
                if (!owners.TryGetValue(schema, out var owner))
                    owners[schema] = owner = await LostHistory.OtherOwnersAsync(session.Connection, schema, session.App.Name, cancellationToken);
                var whose = owner.Count > 0 ? $" (schema {schema} belongs to app {string.Join(" and ", owner.Select(o => $"'{o}'"))})" : "";
                var qualified = $"{SqlNames.Part(schema)}.{SqlNames.Part(name)}";
                hazards.Add(new Hazard(HazardKind.CollidesOnTarget, qualified,
                    $"{StatementKindWords.Of(statement.Kind)} {qualified}: {session.Environment.Name} already has it{whose}; " +
                    "the shadow, which starts empty, cannot tell what this does to it.")
                {
                    Advice = "Create the object in the app's own schema, or agree with its owner and take it over in their migrations.",
                    File = migration.Up.DisplayPath,
                    Line = statement.Line,
                    Column = statement.Column,
                });
            }
        }

        return hazards;
    }

    /// <summary>Which catalog holds what a CREATE statement makes; null for what is not created in a schema by name.</summary>
    static string? CatalogOf(StatementKind kind) => kind switch
    {
        StatementKind.CreateTable or StatementKind.CreateTableAs or StatementKind.CreateView or StatementKind.CreateMaterializedView
            or StatementKind.CreateSequence or StatementKind.CreateIndex => "relation",
        StatementKind.CreateFunction or StatementKind.CreateProcedure => "routine",
        StatementKind.CreateType or StatementKind.CreateDomain => "type",
        _ => null,
    };

    static async Task<bool> ExistsAsync(NpgsqlConnection connection, string catalog, string schema, string name, CancellationToken cancellationToken)
    {
        var sql = catalog switch
        {
            "relation" => "SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2)",
            "routine" => "SELECT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.proname = $2)",
            _ => "SELECT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1 AND t.typname = $2)",
        };
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new() { Value = schema });
        command.Parameters.Add(new() { Value = name });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
