using CiMigrate.Configuration;
using CiMigrate.Migrations;
using CiMigrate.Planning;
using CiMigrate.Reporting;
using CiMigrate.Shadow;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Shadow;

/// <summary>The shadow cache on real throwaway clusters: kept, restored, and rebuilt when an entry is damaged or incomplete.</summary>
public sealed class CachedShadowTests
{
    static readonly AppSettings App = new("money-tracker", "money_tracker", "migrations");

    TempDirectory _repo = null!;
    TempDirectory _cacheFolder = null!;
    ShadowCache _cache = null!;

    [SetUp]
    public void CreateFolders()
    {
        _repo = new TempDirectory();
        _cacheFolder = new TempDirectory();
        _cache = new ShadowCache(Path.Combine(_cacheFolder.Path, "shadow"));
    }

    [TearDown]
    public void DeleteFolders()
    {
        _repo.Dispose();
        _cacheFolder.Dispose();
    }

    IReadOnlyList<Migration> Migrations(int count)
    {
        for (var i = 1; i <= count; i++)
            _repo.File($"migrations/2025010{i}000000_step_{i}.sql", $"CREATE TABLE money_tracker.step_{i} (id int);\n");
        return MigrationSet.Load(App with { Migrations = Path.Combine(_repo.Path, "migrations") }, _repo.Path).Migrations;
    }

    CachedShadow Shadow() => new(PostgresBinaries.Find(new Dictionary<string, string?>()), _cache);

    /// <summary>Opens a database for <paramref name="applied"/>; where it was not restored, replays them (one table each) and keeps it.</summary>
    async Task<(bool Restored, long Tables)> ReplayAsync(IReadOnlyList<Migration> applied)
    {
        await using var shadow = Shadow();
        await using var database = await shadow.CreateDatabaseAsync(App, applied);
        var restored = database.HoldsHistory;
        if (!restored)
        {
            await using (var replay = database.DataSource.CreateCommand(
                "CREATE SCHEMA money_tracker;" + string.Concat(applied.Select(m => m.Up.Text))))
                await replay.ExecuteNonQueryAsync();
            await database.KeepHistoryAsync();
        }

        await using var count = database.DataSource.CreateCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'money_tracker'");
        return (restored, (long)(await count.ExecuteScalarAsync())!);
    }

    string HistoryEntry() => Directory.GetDirectories(_cache.Folder, "history-*").Single();

    [Test]
    public async Task A_kept_history_is_restored_by_the_next_run_and_only_for_the_same_migrations()
    {
        var migrations = Migrations(3);

        var first = await ReplayAsync(migrations.Take(2).ToList());
        var second = await ReplayAsync(migrations.Take(2).ToList());
        var third = await ReplayAsync(migrations);

        Assert.That(first, Is.EqualTo((false, 2L)));
        Assert.That(second, Is.EqualTo((true, 2L)));
        Assert.That(third, Is.EqualTo((false, 3L)));
    }

    [Test]
    public async Task A_damaged_entry_is_dropped_and_built_again()
    {
        var migrations = Migrations(2);
        await ReplayAsync(migrations);
        // A server cannot start without its control file: as if a disk filled up while the entry was copied in.
        File.Delete(Path.Combine(HistoryEntry(), "data", "global", "pg_control"));

        var rebuilt = await ReplayAsync(migrations);
        var restored = await ReplayAsync(migrations);

        Assert.That(rebuilt, Is.EqualTo((false, 2L)));
        Assert.That(restored, Is.EqualTo((true, 2L)));
    }

    [Test]
    public async Task An_entry_without_its_key_file_is_never_used()
    {
        var migrations = Migrations(1);
        await ReplayAsync(migrations);
        File.Delete(Path.Combine(HistoryEntry(), "key"));

        Assert.That(await ReplayAsync(migrations), Is.EqualTo((false, 1L)));
    }

    [Test]
    public async Task An_entry_being_written_is_invisible_until_it_is_whole()
    {
        var key = ShadowCacheKey.ForCluster(PostgresBinaries.Find(new Dictionary<string, string?>())).WithHistory(App, Migrations(1));
        var writing = new TaskCompletionSource();
        var finish = new TaskCompletionSource();
        var publish = _cache.PublishAsync(key, async data =>
        {
            Directory.CreateDirectory(data);
            await File.WriteAllTextAsync(Path.Combine(data, "PG_VERSION"), "15\n");
            writing.SetResult();
            await finish.Task;
        });

        await writing.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var whileWriting = _cache.Find(key);
        finish.SetResult();
        await publish.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(whileWriting, Is.Null);
        Assert.That(_cache.Find(key)?.DataDirectory, Is.EqualTo(Path.Combine(_cache.Folder, key.EntryName, "data")));
    }

    [TestCase("flipped")]
    [TestCase("truncated")]
    [TestCase("planted")]
    [TestCase("swapped")]
    public async Task An_entry_whose_data_changed_since_it_was_written_is_never_started_from_and_is_rebuilt(string damage)
    {
        var migrations = Migrations(2);
        await ReplayAsync(migrations);
        var data = Path.Combine(HistoryEntry(), "data");
        var catalog = Directory.EnumerateFiles(Path.Combine(data, "base"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).All(char.IsAsciiDigit)).OrderByDescending(f => new FileInfo(f).Length).First();
        switch (damage)
        {
            case "flipped":
                var bytes = await File.ReadAllBytesAsync(catalog);
                bytes[bytes.Length / 2] ^= 0x01;
                await File.WriteAllBytesAsync(catalog, bytes);
                break;
            case "truncated":
                await using (var file = File.OpenWrite(catalog))
                    file.SetLength(file.Length / 2);
                break;
            case "planted":
                await File.WriteAllTextAsync(Path.Combine(data, "postgresql.auto.conf"), "shared_preload_libraries = 'evil'\n");
                break;
            case "swapped":
                var other = Directory.EnumerateFiles(Path.Combine(data, "base"), "*", SearchOption.AllDirectories)
                    .First(f => f != catalog && Path.GetFileName(f).All(char.IsAsciiDigit) && new FileInfo(f).Length > 0);
                File.Copy(other, catalog, overwrite: true);
                break;
        }

        var rebuilt = await ReplayAsync(migrations);
        var restored = await ReplayAsync(migrations);

        Assert.That(rebuilt, Is.EqualTo((false, 2L)), "the changed entry was dropped, the history replayed the slow way");
        Assert.That(restored, Is.EqualTo((true, 2L)), "the rebuilt entry is good");
    }

    /// <summary>A plan of the last of <paramref name="migrations"/> on the others, with this cache.</summary>
    Task<Plan> PlanAsync(IReadOnlyList<Migration> migrations) => Planner.PlanAsync(new PlanRequest
    {
        App = App,
        Applied = [.. migrations.SkipLast(1)],
        Pending = [migrations[^1]],
        StartShadow = _ => Task.FromResult<IShadowDatabase>(Shadow()),
    });

    [Test]
    public async Task A_discarded_entry_is_rebuilt_and_the_plan_says_so_in_every_format_with_the_plan_of_a_good_entry()
    {
        var migrations = Migrations(3);
        var first = await PlanAsync(migrations);
        var history = HistoryEntry();
        var catalog = Directory.EnumerateFiles(Path.Combine(history, "data", "base"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).All(char.IsAsciiDigit)).OrderByDescending(f => new FileInfo(f).Length).First();
        var bytes = await File.ReadAllBytesAsync(catalog);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(catalog, bytes);

        var afterDamage = await PlanAsync(migrations);
        var afterRebuild = await PlanAsync(migrations);

        var note = $"The shadow cache entry {Path.GetFileName(history)} its data no longer matches the digest its writer recorded";
        Assert.That(first.Notes, Has.None.Contains("shadow cache entry"), "the first plan built the entry");
        Assert.That(afterDamage.Notes, Has.One.StartsWith(note));
        Assert.That(afterDamage.Changes.Select(Planning.CatalogChanges.Describe), Is.EqualTo(first.Changes.Select(Planning.CatalogChanges.Describe)));
        Assert.That(afterDamage.PlanHash, Is.EqualTo(first.PlanHash));
        Assert.That(afterRebuild.Notes, Has.None.Contains("shadow cache entry"), "the rebuilt entry is good");
        Assert.That(PlanTextRenderer.Render(afterDamage), Does.Contain(note));
        Assert.That(PlanJsonRenderer.Render(afterDamage), Does.Contain(note));
        Assert.That(PlanMarkdownRenderer.Render(afterDamage), Does.Contain(note));
    }

    /// <summary>
    /// An entry its digest cannot fault (written so by a writer of the cache folder, or damaged before it was
    /// digested) whose history database is gone: it starts, fails before the pending file runs, and is dropped.
    /// </summary>
    [Test]
    public async Task An_entry_that_fails_before_the_pending_files_run_is_discarded_and_rebuilt_with_a_note()
    {
        var migrations = Migrations(3);
        var first = await PlanAsync(migrations);
        var history = HistoryEntry();
        var data = Path.Combine(history, "data");
        // The replayed history's database: the template's files and the three tables' more.
        var historyDatabase = Directory.GetDirectories(Path.Combine(data, "base"))
            .OrderByDescending(d => Directory.GetFiles(d).Length).First();
        Directory.Delete(historyDatabase, recursive: true);
        await File.WriteAllTextAsync(Path.Combine(history, "sha256"), DataManifest.Digest(data));

        var afterDamage = await PlanAsync(migrations);

        Assert.That(afterDamage.Notes, Has.One.StartsWith($"The shadow cache entry {Path.GetFileName(history)} failed before the pending migrations ran ("),
            string.Join("\n", afterDamage.Notes));
        Assert.That(afterDamage.Hazards, Is.Empty, "the rebuilt history replayed");
        Assert.That(afterDamage.Changes.Select(Planning.CatalogChanges.Describe), Is.EqualTo(first.Changes.Select(Planning.CatalogChanges.Describe)));
        Assert.That((await PlanAsync(migrations)).Notes, Has.None.Contains("shadow cache entry"), "the entry was written again, whole");
    }
}
