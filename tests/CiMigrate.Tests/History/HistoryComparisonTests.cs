using CiMigrate.Configuration;
using CiMigrate.History;
using CiMigrate.Migrations;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.History;

/// <summary>
/// The pending-set rule as a table, as the Supabase CLI tests <c>FindPendingMigrations</c>: local files against ledger
/// rows, no server. A version is written as its last digit (<c>3</c> is <c>20221201000003</c>); a local file marked
/// <c>*</c> was edited after it was applied (the ledger holds another checksum).
/// </summary>
public sealed class HistoryComparisonTests
{
    const string VersionPrefix = "2022120100000";

    [TestCase("0 1 2 3", "0 1", "0 applied, 1 applied, 2 pending, 3 pending",
        TestName = "Files_after_the_newest_applied_one_are_pending")]
    [TestCase("0 1", "", "0 pending, 1 pending",
        TestName = "Every_file_is_pending_on_a_first_deploy")]
    [TestCase("0 1", "0 1", "0 applied, 1 applied",
        TestName = "Nothing_is_pending_when_every_file_is_applied")]
    [TestCase("", "0", "0 missing-locally",
        TestName = "An_applied_migration_without_its_file_is_missing_locally")]
    [TestCase("0 1", "1", "0 out-of-order, 1 applied",
        TestName = "A_file_older_than_the_newest_applied_one_is_out_of_order")]
    [TestCase("0 1 2 3 4", "2 4", "0 out-of-order, 1 out-of-order, 2 applied, 3 out-of-order, 4 applied",
        TestName = "Files_in_the_gaps_of_the_history_are_out_of_order")]
    [TestCase("0 2", "0 1 2 3 4", "0 applied, 1 missing-locally, 2 applied, 3 missing-locally, 4 missing-locally",
        TestName = "Applied_versions_in_the_gaps_of_the_files_are_missing_locally")]
    [TestCase("0 1* 2", "0 1 2", "0 applied, 1 edited, 2 applied",
        TestName = "An_applied_file_with_another_checksum_is_edited")]
    [TestCase("0* 1 3", "0 2", "0 edited, 1 out-of-order, 2 missing-locally, 3 pending",
        TestName = "Every_state_at_once_in_version_order")]
    public void States(string local, string applied, string expected)
    {
        using var folder = new TempDirectory();

        var comparison = Compare(folder, local, applied);

        Assert.That(string.Join(", ", comparison.Entries.Select(Describe)), Is.EqualTo(expected));
    }

    [Test]
    public void Pending_holds_the_out_of_order_files_too_in_version_order_and_rollback_takes_the_newest_row_first()
    {
        using var folder = new TempDirectory();

        var comparison = Compare(folder, "0* 1 3", "0 2");

        Assert.That(comparison.Pending.Select(m => Short(m.Version)), Is.EqualTo(new[] { "1", "3" }));
        Assert.That(comparison.OutOfOrder.Select(e => Short(e.Version)), Is.EqualTo(new[] { "1" }));
        Assert.That(comparison.Edited.Select(e => Short(e.Version)), Is.EqualTo(new[] { "0" }));
        Assert.That(comparison.MissingLocally.Select(e => (Short(e.Version), e.Local, e.Applied!.Name)),
            Is.EqualTo(new[] { ("2", (Migration?)null, "m2") }));
        Assert.That(comparison.AppliedNewestFirst.Select(e => Short(e.Version)), Is.EqualTo(new[] { "2", "0" }));
    }

    static HistoryComparison Compare(TempDirectory folder, string local, string applied)
    {
        var migrations = folder.Folder("migrations");
        var edited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Words(local))
        {
            var digit = file.TrimEnd('*');
            if (file.EndsWith('*'))
                edited.Add(digit);
            folder.File($"migrations/{VersionPrefix}{digit}_m{digit}.sql", $"CREATE TABLE t{digit} (id int);\n");
        }

        var set = MigrationSet.Load(new AppSettings("app", "app", migrations), folder.Path);
        var rows = Words(applied).Select(digit =>
        {
            var checksum = set.Find(VersionPrefix + digit) is { } migration && !edited.Contains(digit) ? migration.Checksum : "checksum of another text";
            return new AppliedMigration("app", VersionPrefix + digit, $"m{digit}", checksum, DateTimeOffset.UnixEpoch, "ci", 1,
                "staging", null, null, null, "app");
        }).ToList();
        return HistoryComparison.Compare(set, rows);
    }

    static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    static string Short(string version) => version[VersionPrefix.Length..];

    static string Describe(MigrationStatus entry) => $"{Short(entry.Version)} {entry.State switch
    {
        MigrationState.MissingLocally => "missing-locally",
        MigrationState.OutOfOrder => "out-of-order",
        var state => state.ToString().ToLowerInvariant(),
    }}";
}
