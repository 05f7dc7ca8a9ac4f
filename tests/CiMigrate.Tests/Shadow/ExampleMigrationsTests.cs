using System.Text.Json;
using CiMigrate.Tests.Fixtures;
using Npgsql;

namespace CiMigrate.Tests.Shadow;

/// <summary>
/// examples/ is what README, the lint and diff demos and the benchmarks run on: every file there must really apply
/// on the Supabase baseline, in order, twice (the runbook asks for idempotent files), and every down file must undo
/// its migration.
/// </summary>
public sealed class ExampleMigrationsTests
{
    public sealed record ExampleApp(string Name, string Schema, string MigrationsPath)
    {
        public IReadOnlyList<string> UpFiles => [.. Directory.GetFiles(MigrationsPath, "*.sql").Order(StringComparer.Ordinal)];

        public IReadOnlyList<string> DownFiles =>
            [.. Directory.GetFiles(Path.Combine(MigrationsPath, "down"), "*.sql").Order(StringComparer.Ordinal)];

        public override string ToString() => Name;
    }

    public static IEnumerable<ExampleApp> Apps()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestRepository.Examples, "ci-migrate.json")));
        foreach (var app in config.RootElement.GetProperty("apps").EnumerateObject())
        {
            yield return new ExampleApp(app.Name, app.Value.GetProperty("schema").GetString()!,
                Path.Combine(TestRepository.Examples, app.Value.GetProperty("migrations").GetString()!));
        }
    }

    [Test]
    public void The_example_repository_names_two_apps_with_six_to_ten_migrations_and_a_down_file_each()
    {
        var apps = Apps().ToList();
        Assert.That(apps.Select(a => a.Name), Is.EqualTo(new[] { "money-tracker", "home-portal" }));
        foreach (var app in apps)
        {
            Assert.That(app.UpFiles, Has.Count.InRange(6, 10), app.Name);
            Assert.That(app.DownFiles, Has.Count.EqualTo(1), app.Name);
            Assert.That(app.UpFiles.Select(Path.GetFileName), Has.All.Match(@"^\d{14}_[a-z0-9_]+\.sql$"), app.Name);
            Assert.That(app.UpFiles.Select(File.ReadAllText), Has.All.StartWith($"SET search_path TO {app.Schema};"), app.Name);
        }
    }

    [Test]
    public async Task Both_apps_apply_in_order_to_one_shared_database()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        foreach (var app in Apps())
            await ApplyAllAsync(database, app);

        Assert.That(await database.ScalarAsync(
            "SELECT count(*) FROM money_tracker.categories WHERE user_id IS NULL"), Is.EqualTo(5L));
        Assert.That(await database.ScalarAsync(
            "SELECT string_agg(source_category, ',' ORDER BY source_category) FROM money_tracker.category_mappings"),
            Is.EqualTo("Food & Drink,Groceries"));
        Assert.That(await database.ScalarAsync("SELECT count(*) FROM home_portal.chore_templates"), Is.EqualTo(4L));
        Assert.That(await database.ScalarAsync("SELECT count(*) FROM storage.buckets WHERE id = 'home-documents'"), Is.EqualTo(1L));
    }

    [TestCaseSource(nameof(Apps))]
    public async Task Applying_every_migration_a_second_time_succeeds_and_changes_nothing(ExampleApp app)
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await ApplyAllAsync(database, app);
        var once = await SnapshotAsync(database, app.Schema);

        await ApplyAllAsync(database, app);

        Assert.That(await SnapshotAsync(database, app.Schema), Is.EqualTo(once));
    }

    [TestCaseSource(nameof(Apps))]
    public async Task Each_down_file_restores_the_schema_before_its_migration_and_the_migration_applies_again(ExampleApp app)
    {
        foreach (var down in app.DownFiles)
        {
            var version = Path.GetFileName(down)[..14];
            var up = app.UpFiles.Single(f => Path.GetFileName(f) == Path.GetFileName(down));
            await using var database = await PostgresServer.CreateDatabaseAsync();
            foreach (var earlier in app.UpFiles.Where(f => string.CompareOrdinal(Path.GetFileName(f)[..14], version) < 0))
                await ApplyAsync(database, earlier);
            var before = await SnapshotAsync(database, app.Schema);

            await ApplyAsync(database, up);
            Assert.That(await SnapshotAsync(database, app.Schema), Is.Not.EqualTo(before), $"{up} changed nothing");
            await ApplyAsync(database, down);
            Assert.That(await SnapshotAsync(database, app.Schema), Is.EqualTo(before), down);

            await ApplyAsync(database, down);
            await ApplyAllAsync(database, app);
        }
    }

    [Test]
    public async Task The_unsafe_lint_demo_is_valid_sql_on_top_of_money_tracker()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await ApplyAllAsync(database, Apps().Single(a => a.Name == "money-tracker"));

        foreach (var file in Directory.GetFiles(Path.Combine(TestRepository.Examples, "unsafe", "money-tracker"), "*.sql"))
            await ApplyAsync(database, file);

        Assert.That(await database.ScalarAsync("SELECT to_regclass('money_tracker.import_logs') IS NOT NULL"), Is.True);
    }

    static async Task ApplyAllAsync(TestDatabase database, ExampleApp app)
    {
        foreach (var file in app.UpFiles)
            await ApplyAsync(database, file);
    }

    // One file, one command, one transaction: how psql -1 -f (and ci-migrate) run a migration.
    static async Task ApplyAsync(TestDatabase database, string file)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(await File.ReadAllTextAsync(file), connection, transaction);
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException e)
        {
            Assert.Fail($"{Path.GetRelativePath(TestRepository.Root, file)}: {e.MessageText} (position {e.Position})");
        }

        await transaction.CommitAsync();
    }

    // What a migration can change: relations, columns, functions, policies, buckets and seeded row counts.
    static async Task<string> SnapshotAsync(TestDatabase database, string schema)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            SELECT coalesce(string_agg(item, E'\n' ORDER BY item), '') FROM (
                SELECT 'relation ' || c.oid::regclass || ' ' || c.relkind::text || ' rls=' || c.relrowsecurity
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1
                UNION ALL
                SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
                FROM information_schema.columns WHERE table_schema = $1
                UNION ALL
                SELECT 'function ' || p.oid::regprocedure
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1
                UNION ALL
                SELECT 'policy ' || schemaname || '.' || tablename || ' ' || policyname || ' ' || cmd || ' ' || coalesce(qual, '')
                FROM pg_policies WHERE schemaname IN ($1, 'storage')
                UNION ALL
                SELECT 'bucket ' || id FROM storage.buckets
                UNION ALL
                SELECT 'rows ' || c.oid::regclass || ' ' || (xpath('/row/n/text()',
                    query_to_xml(format('SELECT count(*) AS n FROM %s', c.oid::regclass), false, true, '')))[1]::text
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'
            ) items(item)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
