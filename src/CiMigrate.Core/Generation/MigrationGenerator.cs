using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;
using CiMigrate.Sql;

namespace CiMigrate.Generation;

/// <summary>
/// Turns the difference between two catalogs into migrations in house style: each change becomes a step with its up
/// and down SQL, steps go into files by what may share a transaction (<see cref="GeneratedPart"/>) and are ordered by
/// <see cref="DdlPhase"/>; a down file runs its file's steps in reverse.
/// </summary>
public static class MigrationGenerator
{
    /// <summary>The changes that take <paramref name="current"/> to <paramref name="desired"/>, as migrations of <paramref name="schema"/>.</summary>
    /// <param name="versions">The version of each file, in order: the first file gets the first.</param>
    public static IReadOnlyList<GeneratedFile> Generate(string schema, string name, IReadOnlyList<string> versions,
        CatalogSnapshot current, CatalogSnapshot desired)
    {
        var context = new GenerationContext(schema, current, desired);
        var steps = new List<DdlStep>();
        foreach (var change in Ordered(CatalogComparer.Compare(current, desired, sameDatabase: false)))
        {
            if (OutOfScope(change, schema) is { } why)
            {
                context.CannotGenerate(change.Object, why);
                continue;
            }

            steps.AddRange(StepsOf(change, context));
            if (change.Object.Kind is not (ObjectKind.Grant or ObjectKind.Extension or ObjectKind.DefaultPrivilege))
                steps.AddRange(CommentDdl.Of(change.Before, change.After));
        }

        if (context.Problems.Count > 0)
            throw new GenerationRefusedException(context.Problems);

        var files = new List<GeneratedFile>();
        foreach (var part in Enum.GetValues<GeneratedPart>())
        {
            var ofPart = steps.Where(s => s.Part == part).OrderBy(s => s.Phase).ToList();
            if (ofPart.All(s => string.IsNullOrWhiteSpace(s.Up)))
                continue;
            var fileName = $"{versions[files.Count]}_{name}{Suffix(part)}.sql";
            var noTransaction = part == GeneratedPart.ConcurrentIndexes;
            files.Add(new GeneratedFile(part, fileName,
                Text(Header(part, noTransaction), schema, ofPart.Select(s => s.Up)),
                Text(DownHeader(fileName, noTransaction), schema, Enumerable.Reverse(ofPart).Select(s => s.Down)),
                noTransaction));
        }

        return files;
    }

    static IEnumerable<DdlStep> StepsOf(SchemaChange change, GenerationContext context) => change.Object.Kind switch
    {
        ObjectKind.Table => TableDdl.Of(change, context),
        ObjectKind.Column => ColumnDdl.Of(change, context),
        ObjectKind.Constraint => ConstraintDdl.Of(change, context),
        ObjectKind.Index => IndexDdl.Of(change, context),
        ObjectKind.Policy => PolicyDdl.Of(change, context),
        ObjectKind.Trigger => TriggerDdl.Of(change, context),
        ObjectKind.Grant => GrantDdl.Of(change, context),
        ObjectKind.View => ViewDdl.Of(change, context),
        ObjectKind.Function => FunctionDdl.Of(change, context),
        ObjectKind.Sequence => SequenceDdl.Of(change, context),
        ObjectKind.Type => TypeDdl.Of(change, context),
        ObjectKind.DefaultPrivilege => DefaultPrivilegeDdl.Of(change, context),
        ObjectKind.Schema when change.Change == ChangeType.Altered => [],
        _ => Unsupported(change, context),
    };

    static IEnumerable<DdlStep> Unsupported(SchemaChange change, GenerationContext context)
    {
        context.CannotGenerate(change.Object, change.Object.Kind == ObjectKind.Extension
            ? "extensions are not generated: create them in a migration of their own (the shared database may already have them)"
            : $"a {change.Change.ToString().ToLowerInvariant()} {change.Object.Kind.ToString().ToLowerInvariant()} is not generated");
        return [];
    }

    /// <summary>
    /// Why a change is not the app's to make: only its schema is; elsewhere, only its triggers (on auth.users, say)
    /// and their comments.
    /// </summary>
    static string? OutOfScope(SchemaChange change, string schema)
    {
        var o = change.Object;
        if (o.Schema == schema || o.Kind == ObjectKind.Trigger)
            return null;
        return $"it is in schema {o.Schema}, which the app does not own: declare only the app's schema ({schema}) and its triggers on other schemas' tables";
    }

    /// <summary>The comparer's order, with views after the views they select from.</summary>
    static IEnumerable<SchemaChange> Ordered(IReadOnlyList<SchemaChange> changes)
    {
        var views = changes.Where(c => c.Object.Kind == ObjectKind.View && c.After is not null).ToList();
        var placed = new List<SchemaChange>();
        while (views.Count > 0)
        {
            var next = views.FirstOrDefault(v => !views.Any(other => other != v && Selects(v.After!, other.After!))) ?? views[0];
            placed.Add(next);
            views.Remove(next);
        }

        return changes.Where(c => !(c.Object.Kind == ObjectKind.View && c.After is not null)).Concat(placed);
    }

    static bool Selects(CatalogObject view, CatalogObject other) =>
        view["definition"]!.Contains($"{other.Schema}.{other.Name}", StringComparison.Ordinal)
        || view["definition"]!.Contains(Ddl.Qualified(other.Schema, other.Name), StringComparison.Ordinal);

    static string Suffix(GeneratedPart part) => part switch
    {
        GeneratedPart.EnumValues => "_enum_values",
        GeneratedPart.ConcurrentIndexes => "_indexes",
        GeneratedPart.Validation => "_validate",
        _ => "",
    };

    static string Header(GeneratedPart part, bool noTransaction) => (noTransaction ? $"-- {TransactionMarker.NoTransaction}\n" : "") + part switch
    {
        GeneratedPart.EnumValues => "-- Generated by ci-migrate generate: new enum values, in a file of their own (a value cannot be used in the transaction that adds it).",
        GeneratedPart.ConcurrentIndexes => "-- Generated by ci-migrate generate: indexes on existing tables, built CONCURRENTLY outside a transaction so writes go on.",
        GeneratedPart.Validation => "-- Generated by ci-migrate generate: validates what the previous file added NOT VALID (no long lock while rows are checked).",
        _ => "-- Generated by ci-migrate generate from the declared schema; proven to reach it, and its down file to come back.",
    };

    static string DownHeader(string fileName, bool noTransaction) =>
        (noTransaction ? $"-- {TransactionMarker.NoTransaction}\n" : "") + $"-- Generated by ci-migrate generate: undoes {fileName}.";

    static string Text(string header, string schema, IEnumerable<string> statements) =>
        $"{header}\nSET search_path TO {Ddl.Ident(schema)};\n\n{string.Join("\n\n", statements.Where(s => !string.IsNullOrWhiteSpace(s)))}\n";
}
