using System.Text.Json;
using CiMigrate.Shadow.Extensions;
using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Shadow.Extensions;

/// <summary>
/// <c>ci-migrate diff</c> on migrations that use Supabase extensions a plain PostgreSQL lacks: each fixture in
/// Fixtures/ reproduces how real projects use one of them, and replays on the test cluster through its stand-in.
/// </summary>
public sealed class StandInReplayTests
{
    static readonly string FixtureFolder = TestRepository.Combine("tests", "CiMigrate.Tests", "Shadow", "Extensions", "Fixtures");

    static IEnumerable<string> Fixtures() =>
        Directory.EnumerateFiles(FixtureFolder, "*.sql").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    /// <summary>
    /// Supabase installs these in every new project; the shadow's baseline does too, so plans do not name them. pgsodium
    /// is not one of them any more (supabase/postgres creates Vault without it): a history that creates it gets the stand-in.
    /// </summary>
    static readonly string[] Preinstalled = ["pg_graphql", "pgjwt", "supabase_vault"];

    TempDirectory _repo = null!;

    [SetUp]
    public void CreateRepository()
    {
        _repo = new TempDirectory();
        // The fixtures copy real projects, house rules and all: lint findings are warnings here, the replay is the subject.
        _repo.File("ci-migrate.json", $$"""{ "apps": { "app": { "schema": "public" } }, "lint": {{LenientLint.SettingsJson}} }""");
    }

    [TearDown]
    public void DeleteRepository() => _repo.Dispose();

    static async Task<string> ShadowUrlAsync() => (await PostgresServer.GetClusterAsync()).ConnectionString();

    [Test]
    public void Every_stand_in_has_a_fixture_and_every_fixture_a_stand_in() =>
        Assert.That(Fixtures(), Is.EquivalentTo(StandIns.All.Select(s => s.Name)));

    [TestCaseSource(nameof(Fixtures))]
    public async Task The_fixture_replays_and_the_plan_names_the_stand_in(string extension)
    {
        _repo.File($"supabase/migrations/20250101000000_{extension}.sql", await File.ReadAllTextAsync(Path.Combine(FixtureFolder, extension + ".sql")));

        var run = await CliRun.RunAsync(_repo.Path, "diff", "--format", "json", "--shadow-url", await ShadowUrlAsync());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        using var json = JsonDocument.Parse(run.Output);
        var notes = json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToList();
        if (Preinstalled.Contains(extension))
            Assert.That(notes, Has.None.Contains("Stand-ins replaced"));
        else
            Assert.That(notes, Has.One.StartsWith($"Stand-ins replaced {extension} on the shadow").And.Contains("behaviour was not run"));
    }

    [Test]
    public async Task Text_and_markdown_plans_also_say_which_extensions_were_stand_ins()
    {
        _repo.File("supabase/migrations/20250101000000_queue.sql", "create extension if not exists pgmq;\nselect pgmq.create('jobs');\n");
        _repo.File("supabase/migrations/20250102000000_cron.sql", "create extension if not exists pg_cron;\nselect cron.schedule('tick', '* * * * *', 'select 1');\n");

        foreach (var format in new[] { "text", "markdown" })
        {
            var run = await CliRun.RunAsync(_repo.Path, "diff", "--format", format, "--shadow-url", await ShadowUrlAsync());

            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(run.Output, Does.Contain("Stand-ins replaced pg_cron, pgmq on the shadow"), format);
        }
    }

    [Test]
    public async Task Index_options_of_hnsw_and_ivfflat_are_left_out_of_the_replay_and_the_plan_says_so()
    {
        _repo.File("supabase/migrations/20250101000000_vector.sql", await File.ReadAllTextAsync(Path.Combine(FixtureFolder, "vector.sql")));
        _repo.File("supabase/migrations/20250102000000_broken.sql", "create index on public.documents using hnsw (embedding extensions.vector_l2_ops)\n  with (m = 16);\nselect 1/0;\n");

        var run = await CliRun.RunAsync(_repo.Path, "diff", "--shadow-url", await ShadowUrlAsync());

        // The copy replayed keeps every line and column: the failure still points into the user's file.
        Assert.That(run.ExitCode, Is.EqualTo(3), run.Error);
        Assert.That(run.Output, Does.Contain("[fails-on-shadow] supabase/migrations/20250102000000_broken.sql fails on the shadow database"));
        Assert.That(run.Output, Does.Contain("  supabase/migrations/20250102000000_broken.sql:3:1\n    [fails-on-shadow]"));

        File.Delete(Path.Combine(_repo.Path, "supabase/migrations/20250102000000_broken.sql"));
        var plan = await CliRun.RunAsync(_repo.Path, "diff", "--shadow-url", await ShadowUrlAsync());
        Assert.That(plan.ExitCode, Is.EqualTo(0), plan.Error);
        Assert.That(plan.Output, Does.Contain("the replay left out WITH (...) after them in supabase/migrations/20250101000000_vector.sql"));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(_repo.Path, "supabase/migrations/20250101000000_vector.sql")), Does.Contain("with (m = 16"));
    }

    [Test]
    public async Task An_extension_without_package_or_stand_in_is_an_error_naming_it_and_both_ways_out()
    {
        _repo.File("supabase/migrations/20250101000000_plv8.sql", "create table if not exists public.t (id int);\n\ncreate extension if not exists plv8;\n");

        var run = await CliRun.RunAsync(_repo.Path, "diff", "--shadow-url", await ShadowUrlAsync());

        // The plan stops at the statement, as for any replay failure: a fails-on-shadow hazard at its file:line:col.
        Assert.That(run.ExitCode, Is.EqualTo(3), run.Error);
        Assert.That(run.Output, Does.Contain("[fails-on-shadow] extension \"plv8\" cannot be created on the shadow database"));
        Assert.That(run.Output, Does.Contain("  supabase/migrations/20250101000000_plv8.sql:3:1\n    [fails-on-shadow]"));
        Assert.That(run.Output, Does.Contain("environments.<name>.shadow = \"scratch\"").And.Contains("diff --shadow-env <name>"));
        Assert.That(run.Output, Does.Contain("apt-get install postgresql-15-"));
    }

    [Test]
    public async Task A_packaged_extension_is_the_real_one_and_the_plan_names_no_stand_in()
    {
        // build/ensure-postgres.sh installs PostGIS from build/postgres-extension-packages.txt before the tests run.
        _repo.File("supabase/migrations/20250101000000_places.sql", """
            create extension if not exists postgis with schema extensions;
            create table if not exists public.places (id int primary key, location extensions.geography(Point, 4326));
            create index if not exists places_location_idx on public.places using gist (location);
            """);

        var run = await CliRun.RunAsync(_repo.Path, "diff", "--format", "json", "--shadow-url", await ShadowUrlAsync());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Not.Contain("Stand-ins replaced"));
        Assert.That(run.Output, Does.Contain("geography(Point,4326)"));
    }

    [Test]
    public async Task With_schema_and_if_not_exists_behave_as_for_a_real_extension()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await database.ExecuteAsync("""
            create schema if not exists ai;
            create extension if not exists vector with schema ai;
            create extension if not exists vector with schema extensions;
            """);

        await using var command = database.DataSource.CreateCommand(
            "select e.extnamespace::regnamespace::text, (select count(*) from pg_extension where extname = 'vector') from pg_extension e where e.extname = 'vector'");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True);
        Assert.That((reader.GetString(0), reader.GetInt64(1)), Is.EqualTo(("ai", 1L)));
    }
}
