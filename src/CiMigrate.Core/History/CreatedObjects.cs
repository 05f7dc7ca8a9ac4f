using CiMigrate.Migrations;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.History;

/// <summary>
/// What a migration's CREATE statements make (tables, views, sequences, indexes, types, functions, schemas), looked up
/// on a database: <c>baseline --from-supabase</c> adopts a row only when the app's schema holds them, so a history row
/// never marks applied a file whose objects are not there.
/// </summary>
public static class CreatedObjects
{
    /// <summary>The objects <paramref name="migration"/> creates that the database lacks, as "table recipe_box.recipes".</summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(NpgsqlConnection connection, string schema, Migration migration,
        CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var statement in migration.Up.Script.Statements)
        {
            if (Lookup(statement.Kind) is not var (what, sql) || statement.Target is not { } target)
                continue;
            var (objectSchema, name) = statement.Kind == StatementKind.CreateSchema ? (target, target) : Split(target, schema);
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new() { Value = objectSchema });
            command.Parameters.Add(new() { Value = name });
            if (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
                missing.Add(statement.Kind == StatementKind.CreateSchema ? $"schema {name}" : $"{what} {objectSchema}.{name}");
        }

        return missing;
    }

    const string Relation = "SELECT to_regclass(format('%I.%I', $1::text, $2::text)) IS NOT NULL";

    static (string What, string Sql)? Lookup(StatementKind kind) => kind switch
    {
        StatementKind.CreateTable or StatementKind.CreateTableAs => ("table", Relation),
        StatementKind.CreateView => ("view", Relation),
        StatementKind.CreateMaterializedView => ("materialized view", Relation),
        StatementKind.CreateSequence => ("sequence", Relation),
        StatementKind.CreateIndex => ("index", Relation),
        StatementKind.CreateType or StatementKind.CreateDomain =>
            ("type", "SELECT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1 AND t.typname = $2)"),
        StatementKind.CreateFunction or StatementKind.CreateProcedure =>
            ("function", "SELECT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.proname = $2)"),
        StatementKind.CreateSchema => ("schema", "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1 AND $2::text IS NOT NULL)"),
        _ => null,
    };

    static (string Schema, string Name) Split(string target, string schema) =>
        target.Split('.') is [var qualifier, var name] ? (qualifier, name) : (schema, target);
}
