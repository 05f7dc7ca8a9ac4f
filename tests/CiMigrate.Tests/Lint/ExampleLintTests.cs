using System.Text.Json;
using CiMigrate.Tests.Support;

using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Lint;

sealed class ExampleLintTests
{
    [Test]
    public async Task The_unsafe_example_migration_is_reported_for_each_of_its_mistakes()
    {
        var root = TestRepository.Root;

        var run = await CliRun.RunAsync(root, "lint", "examples/unsafe", "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        var rules = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("line").GetInt32(), f.GetProperty("rule").GetString())).ToList();
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(rules, Is.EquivalentTo(new (int, string?)[]
        {
            (7, "create-if-not-exists"), (7, "require-concurrent-index"),
            (10, "add-column-if-not-exists"), (10, "adding-required-field"),
            (13, "breaking-change"), (13, "drop-if-exists"),
            (18, "policy-always-true"),
            (21, "new-table-grants"), (21, "new-table-rls"),
            (28, "ban-truncate-cascade"),
            (31, "unbounded-delete-update"),
        }));
    }

    [Test]
    public async Task The_example_apps_lint_clean_with_their_settings()
    {
        var root = TestRepository.Root;

        var run = await CliRun.RunAsync(root, "lint", "--config", "examples/ci-migrate.json", "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("files").GetInt32(), Is.GreaterThan(12));
        Assert.That(json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("file").GetString()), Is.Empty);
        Assert.That(run.ExitCode, Is.EqualTo(0));
    }
}
