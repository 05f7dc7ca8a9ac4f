using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;
using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Planning;

/// <summary>Runs SQL on a fresh database of the test cluster between two snapshots and returns what changed.</summary>
static class CatalogChanges
{
    public static async Task<IReadOnlyList<SchemaChange>> OfAsync(string setup, string change)
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE SCHEMA app; SET search_path TO app; " + setup);
        var before = await CatalogReader.ReadAllAsync(database.DataSource);
        await using var kept = await ReplayCatalog.KeepBeforeAsync(database.DataSource);
        await database.ExecuteAsync("SET search_path TO app; " + change);
        var after = await CatalogReader.ReadAllAsync(database.DataSource);
        // Every comparison test also shows that the plan's narrowed snapshots (compared on the server) give the same plan.
        var (narrowedBefore, narrowedAfter) = await kept.ChangedAsync([]);
        Assert.That(NarrowedCatalog.Plan("app", narrowedBefore, narrowedAfter), Is.EqualTo(NarrowedCatalog.Plan("app", before, after)));
        return CatalogComparer.Compare(before, after, sameDatabase: true);
    }

    /// <summary><c>added column app.t.c: type integer, ...</c>: one line per change, attributes that changed only.</summary>
    public static string Describe(SchemaChange change)
    {
        var head = $"{change.Change.ToString().ToLowerInvariant()} {change.Kind.ToString().ToLowerInvariant()} {change.Object.QualifiedName}";
        if (change.PreviousName is not null)
            head += $" (was {change.PreviousName})";
        if (change.Change == ChangeType.Added && change.Kind == ObjectKind.Grant)
            return $"{head}: {change.AfterValue("privileges")}";
        return change.Attributes.Count == 0
            ? head
            : head + ": " + string.Join("; ", change.Attributes.Select(a => $"{a.Name} {a.Before ?? "-"} -> {a.After ?? "-"}"));
    }
}
