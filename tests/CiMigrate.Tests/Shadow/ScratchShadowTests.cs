using System.Text.Json;
using CiMigrate.Shadow;
using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Shadow;

/// <summary>
/// <c>environments.&lt;name&gt;.shadow: "scratch"</c> and <c>diff --shadow-env</c>: the replay runs in a scratch database on
/// the environment's own server, which is always dropped. The server here is a cluster of the test's own without
/// stand-ins, so only its own extensions exist, and no other test's databases share it.
/// </summary>
public sealed class ScratchShadowTests
{
    ThrowawayCluster _server = null!;
    TempDirectory _repo = null!;

    [OneTimeSetUp]
    public async Task StartServer() =>
        _server = await ThrowawayCluster.StartAsync(new ThrowawayClusterOptions { ExtensionStandIns = false });

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [SetUp]
    public async Task CreateRepository()
    {
        _repo = new TempDirectory();
        await _server.CreateDatabaseAsync("staging", ThrowawayCluster.SupabaseTemplate);
        var staging = JsonSerializer.Serialize(_server.ConnectionString("staging"));
        _repo.File("ci-migrate.json", $$"""
            {
              "apps": { "app": { "schema": "app" } },
              "environments": { "staging": { "databaseUrl": {{staging}}, "shadow": "scratch" }, "review": { "databaseUrl": {{staging}} } },
              "lint": {{LenientLint.SettingsJson}}
            }
            """);
        _repo.File("supabase/migrations/20250101000000_items.sql", "SET search_path TO app;\nCREATE TABLE IF NOT EXISTS items (id int PRIMARY KEY);\n");
    }

    [TearDown]
    public async Task DeleteRepository()
    {
        _repo.Dispose();
        await _server.DropDatabaseAsync("staging");
    }

    async Task<IReadOnlyList<string>> DatabasesAsync()
    {
        await using var command = _server.DataSource().CreateCommand("SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY 1");
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            names.Add(reader.GetString(0));
        return names;
    }

    [Test]
    public async Task A_scratch_shadow_plans_on_the_environment_server_and_is_dropped_afterwards()
    {
        var before = await DatabasesAsync();

        var run = await CliRun.RunAsync(_repo.Path, "diff", "--env", "staging", "--format", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("pending").GetArrayLength(), Is.EqualTo(1));
        Assert.That(await DatabasesAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_scratch_shadow_is_dropped_after_the_replay_fails()
    {
        _repo.File("supabase/migrations/20250102000000_broken.sql", "SET search_path TO app;\nSELECT 1 / 0;\n");
        var before = await DatabasesAsync();

        var run = await CliRun.RunAsync(_repo.Path, "diff", "--env", "staging");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Error);
        Assert.That(run.Output, Does.Contain("  supabase/migrations/20250102000000_broken.sql:2:1\n    [fails-on-shadow]"));
        Assert.That(await DatabasesAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Shadow_env_replays_with_that_server_s_own_extensions()
    {
        _repo.File("supabase/migrations/20250102000000_vector.sql", "SET search_path TO app;\nCREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA extensions;\n");
        var before = await DatabasesAsync();

        // review has no shadow setting; --shadow-env picks its server anyway, which has no vector (no stand-ins there).
        var run = await CliRun.RunAsync(_repo.Path, "diff", "--shadow-env", "review");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Error);
        Assert.That(run.Output, Does.Contain("extension \"vector\" cannot be created on the shadow database"));
        Assert.That(run.Output, Does.Contain("  supabase/migrations/20250102000000_vector.sql:2:1\n    [fails-on-shadow]"));
        Assert.That(await DatabasesAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Shadow_env_is_reached_through_its_own_settings_never_the_run_s_database_url()
    {
        // The run's own target is on the shared test server, where vector has a stand-in; review's server has no vector.
        _repo.File("supabase/migrations/20250102000000_vector.sql", "SET search_path TO app;\nCREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA extensions;\n");
        await using var target = await PostgresServer.CreateDatabaseAsync();
        var before = await DatabasesAsync();

        var run = await CliRun.RunAsync(_repo.Path, "diff", "--database-url", target.ConnectionString, "--shadow-env", "review");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("extension \"vector\" cannot be created on the shadow database"));
        Assert.That(await DatabasesAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task The_environment_setting_alone_chooses_the_scratch_shadow()
    {
        // The throwaway shadow would have a vector stand-in; staging's server has no vector: the error shows which ran.
        _repo.File("supabase/migrations/20250102000000_vector.sql", "SET search_path TO app;\nCREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA extensions;\n");

        var run = await CliRun.RunAsync(_repo.Path, "diff", "--env", "staging");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Error);
        Assert.That(run.Output, Does.Contain("extension \"vector\" cannot be created on the shadow database"));
    }

    [Test]
    public async Task An_unknown_shadow_setting_is_a_settings_error()
    {
        _repo.File("ci-migrate.json", """{ "apps": { "app": { "schema": "app" } }, "environments": { "staging": { "databaseUrl": "postgresql://x@127.0.0.1/x", "shadow": "remote" } } }""");

        var run = await CliRun.RunAsync(_repo.Path, "diff", "--env", "staging");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("environments:staging:shadow: must be \"throwaway\" or \"scratch\", not 'remote'"));
    }
}
