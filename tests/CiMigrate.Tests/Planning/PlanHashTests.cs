using CiMigrate.Configuration;
using CiMigrate.Migrations;
using CiMigrate.Planning;
using CiMigrate.Shadow;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Planning;

public sealed class PlanHashTests
{
    static readonly (string, string, string)[] History = [("20250101000001", "create_budgets", "1111")];
    static readonly (string, string)[] Pending = [("20250208000001", "aaaa"), ("20250208000002", "bbbb")];

    [Test]
    public void Plan_hash_is_sha256_of_app_environment_history_and_ordered_versions_with_checksums() =>
        Assert.That(PlanHash.Of("money-tracker", "production", History, Pending), Is.EqualTo(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
                "ci-migrate plan v2\napp money-tracker\nenvironment production\napplied 20250101000001 create_budgets 1111\n" +
                "20250208000001 aaaa\n20250208000002 bbbb\n")))));

    [Test]
    public void Plan_hash_changes_with_a_checksum_the_environment_the_app_or_the_history()
    {
        var reviewed = PlanHash.Of("money-tracker", "production", History, Pending);

        Assert.That(PlanHash.Of("money-tracker", "production", History, [("20250208000001", "aaaa"), ("20250208000002", "cccc")]), Is.Not.EqualTo(reviewed));
        Assert.That(PlanHash.Of("money-tracker", "staging", History, Pending), Is.Not.EqualTo(reviewed));
        Assert.That(PlanHash.Of("home-portal", "production", History, Pending), Is.Not.EqualTo(reviewed));
        Assert.That(PlanHash.Of("money-tracker", "production", [], Pending), Is.Not.EqualTo(reviewed));
        Assert.That(PlanHash.Of("money-tracker", "production", [("20250101000001", "create_budgets", "2222")], Pending), Is.Not.EqualTo(reviewed));
        Assert.That(PlanHash.Of("money-tracker", "production", History, Pending.Reverse()), Is.EqualTo(reviewed));
    }

    /// <summary>
    /// A plan is only as good as the state it was replayed on: histories with another shadow cache key (a file more,
    /// one edited or renamed) give another plan hash; the same key, the same hash.
    /// </summary>
    [Test]
    public void A_different_cache_key_gives_a_different_plan_hash_and_the_same_key_the_same_hash()
    {
        using var repo = new TempDirectory();
        var app = new AppSettings("money-tracker", "money_tracker", "migrations");
        repo.File("migrations/20250101000001_budgets.sql", "CREATE TABLE money_tracker.budgets (id int);\n");
        repo.File("migrations/20250101000002_limits.sql", "CREATE TABLE money_tracker.limits (id int);\n");
        repo.File("migrations/20250208000001_pending.sql", "CREATE TABLE money_tracker.pending (id int);\n");
        IReadOnlyList<Migration> Load() => MigrationSet.Load(app with { Migrations = Path.Combine(repo.Path, "migrations") }, repo.Path).Migrations;
        var cluster = ShadowCacheKey.ForCluster(PostgresBinaries.Find(new Dictionary<string, string?>()));
        var all = Load();
        IReadOnlyList<Migration> pending = [all[2]];
        IReadOnlyList<Migration>[] histories = [[all[0]], [all[0], all[1]]];
        repo.File("migrations/20250101000002_limits.sql", "CREATE TABLE money_tracker.limits (id bigint);\n");
        var edited = Load();
        histories = [.. histories, [edited[0], edited[1]]];
        File.Move(Path.Combine(repo.Path, "migrations/20250101000002_limits.sql"), Path.Combine(repo.Path, "migrations/20250101000002_caps.sql"));
        var renamed = Load();
        histories = [.. histories, [renamed[0], renamed[1]]];

        var keys = histories.Select(h => cluster.WithHistory(app, h).Text).ToList();
        var hashes = histories.Select(h => PlanHash.Of(app.Name, "staging", h, pending)).ToList();

        Assert.That(keys.Distinct().Count(), Is.EqualTo(histories.Length), "each history is another cache entry");
        Assert.That(hashes.Distinct().Count(), Is.EqualTo(histories.Length), "so each is another plan hash");
        Assert.That(PlanHash.Of(app.Name, "staging", Load().Take(2), pending), Is.EqualTo(hashes[3]),
            "the same history loaded again: the same key, the same hash");
        Assert.That(cluster.WithHistory(app, [.. Load().Take(2)]).Text, Is.EqualTo(keys[3]));
    }
}
