using CiMigrate.Planning;

namespace CiMigrate.Tests.Planning;

public sealed class PlanHashTests
{
    static readonly (string, string)[] Pending = [("20250208000001", "aaaa"), ("20250208000002", "bbbb")];

    [Test]
    public void Plan_hash_is_sha256_of_app_environment_and_ordered_versions_with_checksums() =>
        Assert.That(PlanHash.Of("money-tracker", "production", Pending), Is.EqualTo(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
                "ci-migrate plan v1\napp money-tracker\nenvironment production\n20250208000001 aaaa\n20250208000002 bbbb\n")))));

    [Test]
    public void Plan_hash_changes_with_a_checksum_the_environment_or_the_app()
    {
        var reviewed = PlanHash.Of("money-tracker", "production", Pending);

        Assert.That(PlanHash.Of("money-tracker", "production", [("20250208000001", "aaaa"), ("20250208000002", "cccc")]), Is.Not.EqualTo(reviewed));
        Assert.That(PlanHash.Of("money-tracker", "staging", Pending), Is.Not.EqualTo(reviewed));
        Assert.That(PlanHash.Of("home-portal", "production", Pending), Is.Not.EqualTo(reviewed));
        Assert.That(PlanHash.Of("money-tracker", "production", Pending.Reverse()), Is.EqualTo(reviewed));
    }
}
