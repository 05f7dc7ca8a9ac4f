using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;
using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Planning;

/// <summary>
/// Identities are text end to end: PostgreSQL's 63-byte limit holds for each identifier, never for a function's
/// signature, whose argument list can run to hundreds of characters.
/// </summary>
public sealed class CatalogIdentityTests
{
    // Two overloads whose signatures share their first 150 characters, each well over 63 bytes.
    static readonly string SharedArguments = string.Join(", ", Enumerable.Range(1, 8).Select(i => $"query_embedding_argument_{i} text"));
    static readonly string First = $"match_documents({SharedArguments}, match_count integer)";
    static readonly string Second = $"match_documents({SharedArguments}, match_threshold double precision)";

    static readonly string Overloads = $"""
        CREATE FUNCTION {First} RETURNS int LANGUAGE sql AS 'SELECT 1';
        CREATE FUNCTION {Second} RETURNS int LANGUAGE sql AS 'SELECT 2';
        GRANT EXECUTE ON FUNCTION {Second} TO PUBLIC;
        """;

    static readonly string LongName = new('t', 63);

    [Test]
    public void The_signatures_are_longer_than_an_identifier_and_share_a_long_prefix()
    {
        Assert.That(First, Has.Length.GreaterThan(200));
        Assert.That(First[..150], Is.EqualTo(Second[..150]));
    }

    [Test]
    public async Task A_change_to_one_long_overload_names_it_whole_and_leaves_the_other()
    {
        var changes = await CatalogChanges.OfAsync(Overloads,
            $"CREATE OR REPLACE FUNCTION {Second} RETURNS int LANGUAGE sql AS 'SELECT 3';");

        Assert.That(changes.Select(c => (c.Change, c.Kind, c.Object.QualifiedName)),
            Is.EqualTo(new[] { (ChangeType.Altered, ObjectKind.Function, $"app.{Second}") }));
    }

    [Test]
    public async Task Long_table_and_constraint_names_come_through_whole()
    {
        var changes = await CatalogChanges.OfAsync("",
            $"CREATE TABLE {LongName} (id int CONSTRAINT {LongName.Replace('t', 'c')} PRIMARY KEY);");

        Assert.That(changes.Select(c => c.Object.QualifiedName), Is.EqualTo(new[]
        {
            $"app.{LongName}", $"app.{LongName}.id", $"app.{LongName}.{LongName.Replace('t', 'c')}",
        }));
    }

    [Test]
    public async Task Overloads_sharing_a_long_prefix_show_no_drift_after_a_clean_apply_and_a_real_change_shows()
    {
        await using var shadow = await PostgresServer.CreateDatabaseAsync();
        await using var target = await PostgresServer.CreateDatabaseAsync();
        foreach (var database in new[] { shadow, target })
            await database.ExecuteAsync("CREATE SCHEMA app; SET search_path TO app; " + Overloads);

        Assert.That(await DriftAsync(shadow, target), Is.Empty);

        await target.ExecuteAsync($"SET search_path TO app; CREATE OR REPLACE FUNCTION {Second} RETURNS int LANGUAGE sql AS 'SELECT 3';");
        var drift = await DriftAsync(shadow, target);

        Assert.That(drift.Select(c => (c.Change, c.Object.Kind, c.Object.Name)), Is.EqualTo(new[] { (ChangeType.Altered, ObjectKind.Function, Second) }));
    }

    [Test]
    public async Task A_grant_on_a_long_overload_names_the_whole_signature()
    {
        await using var shadow = await PostgresServer.CreateDatabaseAsync();
        await using var target = await PostgresServer.CreateDatabaseAsync();
        foreach (var database in new[] { shadow, target })
            await database.ExecuteAsync("CREATE SCHEMA app; SET search_path TO app; " + Overloads);

        await target.ExecuteAsync($"SET search_path TO app; REVOKE EXECUTE ON FUNCTION {Second} FROM PUBLIC;");
        var drift = await DriftAsync(shadow, target);

        Assert.That(drift.Select(c => (c.Change, c.Object.Kind, c.Object.Parent)), Is.EqualTo(new[] { (ChangeType.Removed, ObjectKind.Grant, Second) }));
    }

    static async Task<IReadOnlyList<SchemaChange>> DriftAsync(TestDatabase shadow, TestDatabase target)
    {
        await using var kept = await ReplayCatalog.KeepBeforeAsync(shadow.DataSource);
        await using var connection = await target.DataSource.OpenConnectionAsync();
        var (expected, live) = await kept.DriftAsync(connection, "app");
        return CatalogComparer.Compare(expected, live, sameDatabase: false);
    }
}
