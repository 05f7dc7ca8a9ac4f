using CiMigrate.Planning.Catalog;
using CiMigrate.Sql;

namespace CiMigrate.Planning;

/// <summary>
/// Hazards read from the schema changes: data loss, table rewrites, breaking changes for the app version still
/// running while the migration applies, and changes outside the app's schema.
/// </summary>
public static class ChangeHazards
{
    const string ExpandContract =
        "Expand-contract: add the new shape first, deploy app code that uses only it, and remove the old shape in a later migration.";

    // Functions whose value differs per row: adding a column with one as default rewrites the table.
    static readonly string[] VolatileDefaults =
        ["random(", "gen_random_uuid(", "uuid_generate_v", "clock_timestamp(", "timeofday(", "nextval("];

    static readonly string[] ApiRoles = ["anon", "authenticated", "service_role", "PUBLIC"];

    /// <param name="appSchema">The schema the app owns.</param>
    /// <param name="changes">Every change of the replay, in any schema.</param>
    /// <param name="before">The catalog before the pending migrations: a lock or rewrite only hurts a table that exists.</param>
    public static IReadOnlyList<Hazard> Of(string appSchema, IReadOnlyList<SchemaChange> changes, CatalogSnapshot before)
    {
        var hazards = new List<Hazard>();
        foreach (var change in changes.Where(c => c.Schema == appSchema))
        {
            if (change.DataLoss is not null)
                hazards.Add(new Hazard(HazardKind.DataLoss, change.Object.QualifiedName, change.DataLoss)
                {
                    Advice = "Take a backup first (prod-apply --backup), and keep the data until the new code has proven itself.",
                }.At(change.Statement));
            if (Rewrite(change, before) is { } rewrite)
                hazards.Add(rewrite.At(change.Statement));
            if (Breaking(change, changes) is { } breaking)
                hazards.Add(breaking.At(change.Statement));
        }

        hazards.AddRange(Isolation(appSchema, changes));
        return hazards;
    }

    static Hazard? Rewrite(SchemaChange change, CatalogSnapshot before)
    {
        if (change.Kind != ObjectKind.Column || change.Parent is null
            || !before.HasTable(change.Schema, change.Before?.Parent ?? change.Parent))
            return null;

        string? reason = null;
        if (change.Change is ChangeType.Altered or ChangeType.Renamed
            && change.BeforeValue("type") is { } from && change.AfterValue("type") is { } to
            && ColumnTypeChange.Classify(from, to) != TypeChangeEffect.None)
            reason = $"changing {change.Object.QualifiedName} from {from} to {to}";
        else if (change.Change == ChangeType.Added && change.AfterValue("default") is { } value
                 && VolatileDefaults.Any(f => value.Contains(f, StringComparison.Ordinal)))
            reason = $"adding {change.Object.QualifiedName} with the volatile default {value}";
        else if (change.Change == ChangeType.Added && change.AfterValue("generated") is not null)
            reason = $"adding the stored generated column {change.Object.QualifiedName}";

        return reason is null
            ? null
            : new Hazard(HazardKind.Rewrite, $"{change.Schema}.{change.Parent}",
                $"{reason} rewrites every row of {change.Schema}.{change.Parent} while holding an ACCESS EXCLUSIVE lock: the app can neither read nor write it meanwhile")
            {
                Lock = "ACCESS EXCLUSIVE",
                Advice = "Add a new column, backfill it in batches, switch the app over, then drop the old column.",
            };
    }

    static Hazard? Breaking(SchemaChange change, IReadOnlyList<SchemaChange> all)
    {
        var o = change.Object;
        var name = o.QualifiedName;
        string? message = (change.Change, o.Kind) switch
        {
            (ChangeType.Removed, ObjectKind.Table) => $"table {name} is dropped while the running app may still query it",
            (ChangeType.Removed, ObjectKind.Column) when !TableRemoved(o, all) => $"column {name} is dropped while the running app may still read or write it",
            (ChangeType.Removed, ObjectKind.View) => $"view {name} is dropped while the running app may still query it",
            (ChangeType.Removed, ObjectKind.Function) => $"function {name} is dropped while the running app may still call it (RPC)",
            (ChangeType.Renamed, ObjectKind.Table or ObjectKind.Column or ObjectKind.View or ObjectKind.Function) =>
                $"{Describe(o.Kind)} {change.Before!.QualifiedName} is renamed to {o.Name}: the running app still uses the old name",
            (ChangeType.Altered, ObjectKind.Column) => ColumnBreaks(change),
            (ChangeType.Added, ObjectKind.Column) when o["nullable"] == "not null" && o["default"] is null
                && o["identity"] is null && o["generated"] is null && !TableAdded(o, all) =>
                $"column {name} is NOT NULL without a default: inserts from the running app, which does not know it, fail",
            (ChangeType.Removed or ChangeType.Altered, ObjectKind.Grant) when ApiRoles.Contains(o.Name) && LosesPrivileges(change) =>
                $"{o.Name} loses privileges on {o.Schema}.{o.Parent}: API calls through PostgREST get 'permission denied'",
            _ => null,
        };
        return message is null
            ? null
            : new Hazard(HazardKind.Breaking, change.Kind == ObjectKind.Grant ? $"{o.Schema}.{o.Parent}" : name, message)
            {
                Advice = change.Kind == ObjectKind.Grant ? "Deploy app code that no longer needs the privilege first." : ExpandContract,
            };
    }

    static string? ColumnBreaks(SchemaChange change)
    {
        var name = change.Object.QualifiedName;
        if (change.BeforeValue("type") is { } from && change.AfterValue("type") is { } to
            && ColumnTypeChange.Classify(from, to) == TypeChangeEffect.Narrowing)
            return $"column {name} changes type from {from} to {to}: values the running app writes may no longer fit";
        if (change.BeforeValue("nullable") == "null" && change.AfterValue("nullable") == "not null" && change.AfterValue("default") is null)
            return $"column {name} becomes NOT NULL without a default: inserts from the running app that leave it out fail";
        return null;
    }

    static bool LosesPrivileges(SchemaChange change)
    {
        if (change.Change == ChangeType.Removed)
            return true;
        var now = (change.AfterValue("privileges") ?? "").Split(", ");
        return (change.BeforeValue("privileges") ?? "").Split(", ").Any(p => !now.Contains(p));
    }

    static bool TableRemoved(CatalogObject column, IReadOnlyList<SchemaChange> all) =>
        all.Any(c => c.Change == ChangeType.Removed && c.Kind == ObjectKind.Table && c.Schema == column.Schema && c.Name == column.Parent);

    static bool TableAdded(CatalogObject column, IReadOnlyList<SchemaChange> all) =>
        all.Any(c => c.Change == ChangeType.Added && c.Kind == ObjectKind.Table && c.Schema == column.Schema && c.Name == column.Parent);

    // One hazard per schema and statement, at the statement's line.
    static IEnumerable<Hazard> Isolation(string appSchema, IReadOnlyList<SchemaChange> changes) =>
        changes.Where(c => c.Schema != appSchema)
            .GroupBy(c => (c.Schema, c.Statement))
            .Select(g => new Hazard(HazardKind.Isolation, g.Key.Schema,
                $"touches schema {g.Key.Schema}: " + string.Join(", ", g.Take(5).Select(Summary)) + (g.Count() > 5 ? $" and {g.Count() - 5} more" : ""))
            {
                Advice = $"An app changes only its own schema ({appSchema}). Move these objects into {appSchema}, or let the owner of {g.Key.Schema} make the change.",
            }.At(g.Key.Statement));

    /// <summary><c>function public.touch() added</c>.</summary>
    public static string Summary(SchemaChange change) =>
        $"{Describe(change.Kind)} {change.Object.QualifiedName} {change.Change.ToString().ToLowerInvariant()}";

    public static string Describe(ObjectKind kind) => kind.ToString().ToLowerInvariant();
}
