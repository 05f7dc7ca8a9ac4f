using System.Text.Json;
using CiMigrate.History;
using CiMigrate.Reporting;

namespace CiMigrate.Tests.Reporting;

/// <summary>status as GitHub annotations and SARIF: what needs attention, each at its file, with what to do.</summary>
public sealed class StatusFindingsTests
{
    static readonly StatusReport Report = new("money-tracker", "staging", "db:5432/postgres", "abc",
    [
        new("20250101000000", "budgets", MigrationState.Applied, "m/20250101000000_budgets.sql", "c", "c", DateTimeOffset.UnixEpoch, "octocat"),
        new("20250102000000", "note", MigrationState.Edited, "m/20250102000000_note.sql", "d", "c", DateTimeOffset.UnixEpoch, "octocat"),
        new("20250103000000", "gone", MigrationState.MissingLocally, null, null, "c", DateTimeOffset.UnixEpoch, "octocat"),
        new("20250104000000", "index", MigrationState.PartlyApplied, "m/20250104000000_index.sql", "e", null, null, null)
        {
            SegmentsCommitted = 2, Segments = 3,
        },
        new("20250105000000", "pending", MigrationState.Pending, "m/20250105000000_pending.sql", "f", null, null, null),
    ], ["money_tracker.budgets_amount"]);

    [Test]
    public void Github_annotates_each_state_that_needs_attention_then_prints_the_table()
    {
        var lines = StatusRenderer.Render(Report, OutputFormat.Github).Split('\n');

        Assert.That(lines.Where(l => l.StartsWith("::", StringComparison.Ordinal)).Select(l => l[..l.IndexOf("::", 2, StringComparison.Ordinal)]),
            Is.EqualTo(new[]
            {
                "::warning file=m/20250102000000_note.sql,title=edited-migration",
                "::warning title=missing-local-file",
                "::error file=m/20250104000000_index.sql,title=partly-applied",
                "::error title=invalid-index",
            }));
        Assert.That(lines.Single(l => l.Contains("partly-applied", StringComparison.Ordinal)), Does.EndWith(
            "::m/20250104000000_index.sql is partly applied to staging: 2 of 3 segments committed, the rest never ran. Rollback cannot " +
            "undo part of a file.%0AApply again to resume it at segment 3; or undo the committed segments by hand and record it: " +
            "ci-migrate repair --env staging --partial 20250104000000 --to not-applied --reason <why>"));
        Assert.That(lines, Does.Contain("  partly applied (2 of 3 segments)  20250104000000  index"));
    }

    [Test]
    public void Sarif_has_one_result_per_state_that_needs_attention_at_its_file()
    {
        using var sarif = JsonDocument.Parse(StatusRenderer.Render(Report, OutputFormat.Sarif));

        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => (
            r.GetProperty("ruleId").GetString(), r.GetProperty("level").GetString(),
            r.TryGetProperty("locations", out var at) ? at[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() : null))
            .ToList();
        Assert.That(results, Is.EqualTo(new (string?, string?, string?)[]
        {
            ("edited-migration", "warning", "m/20250102000000_note.sql"),
            ("missing-local-file", "warning", null),
            ("partly-applied", "error", "m/20250104000000_index.sql"),
            ("invalid-index", "error", null),
        }));
        Assert.That(sarif.RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
    }
}
