using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;
using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Planning;

/// <summary>
/// The plan's catalog compared on the server: among many unchanged tables, only what changed (and what the plan looks
/// up around it) is read, and the plan is the one the full snapshots give.
/// </summary>
public sealed class ReplayCatalogTests
{
    const int Count = 60;

    // Each table: two columns, a primary key, an index and a grant: six objects, all unchanged unless a test says so.
    static readonly string ManyTables = "CREATE SCHEMA app; SET search_path TO app;\n" + string.Concat(Enumerable.Range(1, Count).Select(i =>
        $"CREATE TABLE t{i} (id bigint PRIMARY KEY, name text NOT NULL); CREATE INDEX t{i}_name_idx ON t{i} (name); GRANT SELECT ON t{i} TO PUBLIC;\n"));

    sealed record Replay(CatalogSnapshot Before, CatalogSnapshot After, CatalogSnapshot NarrowedBefore, CatalogSnapshot NarrowedAfter, int Materialised);

    static async Task<Replay> ReplayAsync(string change, params string[] droppedIndexes)
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await database.ExecuteAsync(ManyTables);
        var before = await CatalogReader.ReadAllAsync(database.DataSource);
        await using var kept = await ReplayCatalog.KeepBeforeAsync(database.DataSource);
        await database.ExecuteAsync("SET search_path TO app; " + change);
        var after = await CatalogReader.ReadAllAsync(database.DataSource);
        var (narrowedBefore, narrowedAfter) = await kept.ChangedAsync(droppedIndexes);
        return new Replay(before, after, narrowedBefore, narrowedAfter, kept.Materialised);
    }

    [Test]
    public async Task Plan_over_many_unchanged_tables_is_the_plan_of_the_full_snapshots()
    {
        var replay = await ReplayAsync("""
            ALTER TABLE t7 ADD COLUMN extra int NOT NULL;
            ALTER TABLE t11 DROP COLUMN name;
            ALTER TABLE t15 ALTER COLUMN name TYPE varchar(10);
            DROP INDEX t13_name_idx;
            REVOKE SELECT ON t17 FROM PUBLIC;
            CREATE TABLE orders (id bigint PRIMARY KEY, t3_id bigint REFERENCES t3 (id));
            CREATE SCHEMA other; CREATE TABLE other.x (id int);
            """, "t13_name_idx");

        var narrowed = NarrowedCatalog.Plan("app", replay.NarrowedBefore, replay.NarrowedAfter);

        Assert.That(narrowed, Is.EqualTo(NarrowedCatalog.Plan("app", replay.Before, replay.After)));
        // Not an empty plan equal to another: the changes, their hazards and the referenced table are all there.
        Assert.That(narrowed, Does.Contain("added column app.t7.extra").And.Contain("removed column app.t11.name")
            .And.Contain("removed index app.t13.t13_name_idx").And.Contain("removed grant PUBLIC on app.t17")
            .And.Contain("hazard DataLoss app.t15.name").And.Contain("hazard Isolation other")
            .And.Contain("entity t3 False: id bigint PK"));
    }

    [Test]
    public async Task Unchanged_tables_are_not_read_in_full()
    {
        var replay = await ReplayAsync("ALTER TABLE t7 ADD COLUMN extra int;");

        // Every table is kept (the hazards ask whether one exists); of the rest only the changed table's columns and
        // constraints, which the diagram shows.
        Assert.That(replay.NarrowedAfter.Objects.Where(o => o.Kind != ObjectKind.Table).Select(o => o.QualifiedName),
            Is.EqualTo(new[] { "app.t7.id", "app.t7.name", "app.t7.extra", "app.t7.t7_pkey" }));
        Assert.That(replay.NarrowedBefore.Objects.Where(o => o.Kind != ObjectKind.Table).Select(o => o.QualifiedName),
            Is.EqualTo(new[] { "app.t7.id", "app.t7.name", "app.t7.t7_pkey" }));
        Assert.That(replay.Materialised, Is.EqualTo(Tables(replay.Before) + Tables(replay.After) + 7));
        Assert.That(replay.After.Objects, Has.Count.GreaterThan(6 * Count));
    }

    static int Tables(CatalogSnapshot snapshot) => snapshot.Objects.Count(o => o.Kind == ObjectKind.Table);

    [Test]
    public async Task Rename_among_many_tables_is_still_a_rename()
    {
        var replay = await ReplayAsync("ALTER TABLE t9 RENAME TO t9_renamed; ALTER TABLE t10 RENAME COLUMN name TO title;");

        var changes = CatalogComparer.Compare(replay.NarrowedBefore, replay.NarrowedAfter, sameDatabase: true);

        Assert.That(changes.Select(CatalogChanges.Describe), Is.EqualTo(new[]
        {
            "renamed column app.t10.title (was name)",
            "altered index app.t10.t10_name_idx: definition CREATE INDEX t10_name_idx ON app.t10 USING btree (name) -> CREATE INDEX t10_name_idx ON app.t10 USING btree (title)",
            "renamed table app.t9_renamed (was t9)",
            "altered index app.t9_renamed.t9_name_idx: definition CREATE INDEX t9_name_idx ON app.t9 USING btree (name) -> CREATE INDEX t9_name_idx ON app.t9_renamed USING btree (name)",
        }));
        Assert.That(NarrowedCatalog.Changes(changes),
            Is.EqualTo(NarrowedCatalog.Changes(CatalogComparer.Compare(replay.Before, replay.After, sameDatabase: true))));
    }

    [Test]
    public async Task Drift_of_one_column_among_many_unchanged_tables_is_found_and_only_its_table_read()
    {
        await using var shadow = await PostgresServer.CreateDatabaseAsync();
        await using var target = await PostgresServer.CreateDatabaseAsync();
        await shadow.ExecuteAsync(ManyTables);
        await target.ExecuteAsync(ManyTables + "ALTER TABLE t30 ALTER COLUMN name DROP NOT NULL;");
        await using var connection = await target.DataSource.OpenConnectionAsync();
        var before = await CatalogReader.ReadAllAsync(shadow.DataSource);
        var full = CatalogComparer.Compare(before.Only("app"), await CatalogReader.ReadAsync(connection, ["app"]), sameDatabase: false);
        await using var kept = await ReplayCatalog.KeepBeforeAsync(shadow.DataSource);

        var (expected, live) = await kept.DriftAsync(connection, "app");
        var drift = CatalogComparer.Compare(expected, live, sameDatabase: false);

        Assert.That(drift.Select(CatalogChanges.Describe), Is.EqualTo(new[] { "altered column app.t30.name: nullable not null -> null" }));
        Assert.That(NarrowedCatalog.Changes(drift), Is.EqualTo(NarrowedCatalog.Changes(full)));
        Assert.That(expected.Objects.Concat(live.Objects).Select(o => o.Parent ?? o.Name).Distinct(), Is.EqualTo(new[] { "t30" }));
    }

    [Test]
    public async Task Drift_of_a_target_without_the_schema_reads_all_of_it()
    {
        await using var shadow = await PostgresServer.CreateDatabaseAsync();
        await using var target = await PostgresServer.CreateDatabaseAsync();
        await shadow.ExecuteAsync(ManyTables);
        await using var connection = await target.DataSource.OpenConnectionAsync();
        var before = await CatalogReader.ReadAllAsync(shadow.DataSource);
        await using var kept = await ReplayCatalog.KeepBeforeAsync(shadow.DataSource);

        var (expected, live) = await kept.DriftAsync(connection, "app");

        Assert.That(live.Objects, Is.Empty);
        Assert.That(NarrowedCatalog.Changes(CatalogComparer.Compare(expected, live, sameDatabase: false)), Is.EqualTo(NarrowedCatalog.Changes(
            CatalogComparer.Compare(before.Only("app"), CatalogSnapshot.Empty, sameDatabase: false))));
    }
}
