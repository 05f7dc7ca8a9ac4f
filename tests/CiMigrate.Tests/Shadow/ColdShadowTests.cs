using CiMigrate.Configuration;
using CiMigrate.Migrations;
using CiMigrate.Shadow;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Shadow;

/// <summary>
/// A cold run (no entry for its history) on real throwaway clusters: it pays initdb and the Supabase template once per
/// machine, on a laptop at first use, in the container image at build time (<c>warm-shadow</c>), and copies them after.
/// initdb is counted by a wrapper in a PG_BIN folder of its own, next to the real server.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ColdShadowTests
{
    static readonly AppSettings App = new("money-tracker", "money_tracker", "migrations");

    TempDirectory _folder = null!;
    string _initDbCalls = null!;
    Dictionary<string, string?> _pgBin = null!;

    [SetUp]
    public void CountInitDb()
    {
        _folder = new TempDirectory();
        var real = PostgresBinaries.Find(new Dictionary<string, string?>());
        var bin = _folder.Folder("bin");
        // The server may run as the postgres user (tests as root): it must be able to append to the count.
        _initDbCalls = _folder.File("initdb-calls", "");
        File.SetUnixFileMode(_initDbCalls, (UnixFileMode)0b110_110_110);
        var wrapper = _folder.File("bin/initdb", $"#!/bin/sh\necho called >> '{_initDbCalls}'\nexec '{real.InitDb}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, (UnixFileMode)0b111_101_101);
        foreach (var program in new[] { "pg_ctl", "postgres" })
            File.CreateSymbolicLink(Path.Combine(bin, program), Path.Combine(real.Directory, program));
        _pgBin = new Dictionary<string, string?> { ["PG_BIN"] = bin };
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    int InitDbCalls => File.ReadAllLines(_initDbCalls).Length;

    IReadOnlyList<Migration> Migrations(string folder, int count)
    {
        for (var i = 1; i <= count; i++)
            _folder.File($"{folder}/2025010{i}000000_step_{i}.sql", $"CREATE TABLE money_tracker.step_{i} (id int);\n");
        return MigrationSet.Load(App with { Migrations = Path.Combine(_folder.Path, folder) }, _folder.Path).Migrations;
    }

    /// <summary>
    /// Opens the shadow database of <paramref name="applied"/> as diff does, replaying them where it was not restored.
    /// Returns whether the history was restored and whether the Supabase template's <c>auth.users</c> is there.
    /// </summary>
    static async Task<(bool Restored, bool HasSupabase)> ReplayAsync(ShadowCache cache, PostgresBinaries binaries, IReadOnlyList<Migration> applied)
    {
        await using var shadow = new CachedShadow(binaries, cache);
        await using var database = await shadow.CreateDatabaseAsync(App, applied);
        var restored = database.HoldsHistory;
        if (!restored)
        {
            await using (var replay = database.DataSource.CreateCommand("CREATE SCHEMA money_tracker;" + string.Concat(applied.Select(m => m.Up.Text))))
                await replay.ExecuteNonQueryAsync();
            await database.KeepHistoryAsync();
        }

        await using var auth = database.DataSource.CreateCommand("SELECT to_regclass('auth.users') IS NOT NULL");
        return (restored, (bool)(await auth.ExecuteScalarAsync())!);
    }

    [Test]
    public async Task On_a_laptop_the_second_cold_run_copies_the_cluster_the_first_one_made_instead_of_running_initdb()
    {
        var cache = new ShadowCache(_folder.Folder("cache/shadow"));
        var binaries = PostgresBinaries.Find(_pgBin);

        var first = await ReplayAsync(cache, binaries, Migrations("main", 2));
        var afterFirst = InitDbCalls;
        // Other files: no history entry matches, so this run is as cold as the first one for its history.
        var second = await ReplayAsync(cache, binaries, Migrations("branch", 3));

        Assert.That(afterFirst, Is.EqualTo(1));
        Assert.That(first, Is.EqualTo((false, true)));
        Assert.That(second, Is.EqualTo((false, true)), "replayed from the kept cluster, Supabase template included");
        Assert.That(InitDbCalls, Is.EqualTo(1), "initdb ran again on the second cold run");
    }

    [Test]
    public async Task Warm_shadow_builds_the_cluster_once_and_a_cold_diff_elsewhere_starts_from_it_without_initdb()
    {
        var prebuilt = _folder.Folder("image-cache");
        var environment = new Dictionary<string, string?>(_pgBin) { [ShadowCache.FolderVariable] = prebuilt };

        var build = await CliRun.RunAsync(_folder.Path, environment, "warm-shadow");
        var rebuild = await CliRun.RunAsync(_folder.Path, environment, "warm-shadow");
        var afterWarming = InitDbCalls;
        var prebuiltEntries = Directory.GetDirectories(Path.Combine(prebuilt, "shadow")).Select(Path.GetFileName).ToList();

        // A runner with the image: its own cache (the job's home) is empty, the image's entries are read only.
        var runner = ShadowCache.Locate(new Dictionary<string, string?>
        {
            [ShadowCache.FolderVariable] = _folder.Folder("runner-home"),
            [ShadowCache.PrebuiltFolderVariable] = prebuilt,
        })!;
        var cold = await ReplayAsync(runner, PostgresBinaries.Find(_pgBin), Migrations("migrations", 2));

        Assert.That(build.ExitCode, Is.EqualTo(0), build.Error);
        Assert.That(build.Output, Does.Contain("built and kept"));
        Assert.That(rebuild.ExitCode, Is.EqualTo(0), rebuild.Error);
        Assert.That(rebuild.Output, Does.Contain("already kept"));
        Assert.That(afterWarming, Is.EqualTo(1));
        Assert.That(prebuiltEntries, Has.Count.EqualTo(1).And.All.StartWith("cluster-"));
        Assert.That(cold, Is.EqualTo((false, true)));
        Assert.That(InitDbCalls, Is.EqualTo(1), "the cold run ran initdb instead of copying the prebuilt cluster");
        Assert.That(Directory.GetDirectories(Path.Combine(prebuilt, "shadow")).Select(Path.GetFileName), Is.EqualTo(prebuiltEntries),
            "the prebuilt folder is read, never written");
        Assert.That(Directory.GetDirectories(runner.Folder).Select(Path.GetFileName), Has.One.StartWith("history-"),
            "the run keeps its own history in its own cache");
    }

    [Test]
    public async Task Warm_shadow_without_a_cache_folder_is_a_usage_error_naming_the_variable()
    {
        var run = await CliRun.RunAsync(_folder.Path, new Dictionary<string, string?>(_pgBin) { [ShadowCache.FolderVariable] = "off" }, "warm-shadow");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(ShadowCache.FolderVariable));
        Assert.That(InitDbCalls, Is.Zero);
    }
}
