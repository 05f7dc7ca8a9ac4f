using System.Reflection;
using System.Text.Json;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.Hosting;
using CiMigrate.Reporting;
using CiMigrate.Tasks;

namespace CiMigrate.Tests.Reporting;

/// <summary>
/// A run a gate refused (<see cref="RunRefused"/>), rendered in every format: the refusal, where it points, what to
/// do, and that nothing was applied. Apply's exit code for it is 1, as for any gate.
/// </summary>
sealed class RefusedRunRenderingTests
{
    const string File = "apps/money-tracker/supabase/migrations/20250208000002_index.sql";

    static readonly ExecutionReport Refused = new("prod-apply", "money-tracker", "production", "db.example:5432/postgres", DryRun: false,
        PlanHash: "abc123", Pending: 1,
        [
            new LockAcquired("money-tracker", TimeSpan.Zero),
            new RunRefused(new RefusalCode("require-concurrent-index", ExitCodes.Findings), "CREATE INDEX without CONCURRENTLY locks writes to the table",
                "Use CREATE INDEX CONCURRENTLY in a -- ci-migrate:no-transaction file.", File, 3, 1),
            new RunRefused(RefusalCodes.PlanMismatch, "The pending migrations on production are not the reviewed plan.", null, null, null, null),
        ]);

    [Test]
    public void Text_names_each_refusal_with_its_place_and_says_nothing_was_applied()
    {
        var lines = Refused.Events.SelectMany(e => ExecutionText.Lines(e, verbose: false)).Append(ExecutionText.Summary(Refused)).ToList();

        Assert.That(lines, Is.EqualTo(new[]
        {
            $"{File}:3:1: refused (require-concurrent-index): CREATE INDEX without CONCURRENTLY locks writes to the table",
            "  Use CREATE INDEX CONCURRENTLY in a -- ci-migrate:no-transaction file.",
            "  Nothing was applied.",
            "refused (plan-mismatch): The pending migrations on production are not the reviewed plan.",
            "  Nothing was applied.",
            "prod-apply: money-tracker -> production (db.example:5432/postgres): REFUSED, nothing was applied",
        }));
    }

    [Test]
    public void Json_carries_each_refusal_as_a_finding()
    {
        var json = JsonDocument.Parse(JsonSerializer.Serialize(Refused, ReportJsonContext.Default.ExecutionReport)).RootElement;

        Assert.That(json.GetProperty("succeeded").GetBoolean(), Is.False);
        var refusals = json.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "runRefused").ToList();
        Assert.That(refusals.Select(r => r.GetProperty("code").GetString()), Is.EqualTo(new[] { "require-concurrent-index", "plan-mismatch" }));
        var finding = refusals[0].GetProperty("finding");
        Assert.That((finding.GetProperty("file").GetString(), finding.GetProperty("line").GetInt32(), finding.GetProperty("column").GetInt32()),
            Is.EqualTo((File, 3, 1)));
        Assert.That((finding.GetProperty("rule").GetString(), finding.GetProperty("severity").GetString()), Is.EqualTo(("require-concurrent-index", "error")));
        Assert.That(finding.GetProperty("help").GetString(), Does.StartWith("Use CREATE INDEX CONCURRENTLY"));
        Assert.That(finding.GetProperty("docs").GetString(), Does.EndWith("docs/refusals.md#require-concurrent-index"));
        var elsewhere = refusals[1].GetProperty("finding");
        Assert.That((elsewhere.GetProperty("file").ValueKind, elsewhere.GetProperty("line").ValueKind), Is.EqualTo((JsonValueKind.Null, JsonValueKind.Null)));
    }

    [Test]
    public void A_report_read_back_from_json_has_the_same_refusals()
    {
        var report = Refused with
        {
            Events =
            [
                new RunRefused(RefusalCodes.NotPromoted, "not applied to staging", "Apply to staging first.", File, 3, null),
                new RunRefused(RefusalCodes.PlanMismatch, "not the reviewed plan", null, null, null, null),
            ],
        };
        var json = JsonSerializer.Serialize(report, ReportJsonContext.Default.ExecutionReport);

        var read = JsonSerializer.Deserialize(json, ReportJsonContext.Default.ExecutionReport)!;

        Assert.That(read.Events, Is.EqualTo(report.Events));
        Assert.That(ExecutionReportWriter.ExitCode(read), Is.EqualTo(1));
    }

    [Test]
    public void Markdown_summary_says_refused_and_shows_each_refusal()
    {
        var markdown = ExecutionMarkdown.Render(Refused);

        Assert.That(markdown, Does.StartWith("### ci-migrate prod-apply: `money-tracker` → `production`: refused, nothing was applied\n"));
        Assert.That(markdown, Does.Contain("No migration ran."));
        Assert.That(markdown, Does.Contain($"```text\n{File}:3:1: refused (require-concurrent-index): CREATE INDEX without CONCURRENTLY"));
        Assert.That(markdown, Does.Contain("```text\nrefused (plan-mismatch): The pending migrations on production are not the reviewed plan.\n"));
    }

    [Test]
    public void Github_annotates_each_refusal_at_its_line()
    {
        var lines = ExecutionGithubRenderer.Lines(Refused).ToList();

        Assert.That(lines, Is.EqualTo(new[]
        {
            $"::error file={File},line=3,col=1,title=refused%3A require-concurrent-index::CREATE INDEX without CONCURRENTLY locks writes to the table" +
            "%0AUse CREATE INDEX CONCURRENTLY in a -- ci-migrate:no-transaction file.%0ANothing was applied.",
            "::error title=refused%3A plan-mismatch::The pending migrations on production are not the reviewed plan.%0ANothing was applied.",
            "prod-apply: money-tracker -> production (db.example:5432/postgres): REFUSED, nothing was applied",
        }));
    }

    [Test]
    public void Sarif_has_one_error_result_per_refusal()
    {
        var sarif = JsonDocument.Parse(ExecutionSarifRenderer.Render(Refused)).RootElement.GetProperty("runs")[0];

        var results = sarif.GetProperty("results").EnumerateArray().ToList();
        Assert.That(results.Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("level").GetString())),
            Is.EqualTo(new[] { ("require-concurrent-index", "error"), ("plan-mismatch", "error") }));
        Assert.That(results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(),
            Is.EqualTo(3));
        Assert.That(results[1].TryGetProperty("locations", out _), Is.False);
    }

    [Test]
    public void A_refused_run_exits_1_and_a_failed_one_3()
    {
        Assert.That(ExecutionReportWriter.ExitCode(Refused), Is.EqualTo(1));
        Assert.That(ExecutionReportWriter.ExitCode(Refused with { Events = [new RunFailed("connection lost", null)] }), Is.EqualTo(3));
    }

    [TestCase("edited-migration", 2)]
    [TestCase("out-of-order", 2)]
    [TestCase("needs-no-transaction", 2)]
    [TestCase("schema-missing", 3)]
    [TestCase("lost-ledger-rows", 3)]
    [TestCase("not-promoted", 1)]
    [TestCase("not-approved", 1)]
    [TestCase("contract-too-early", 1)]
    public void A_refused_run_exits_with_its_refusal_s_code(string code, int exitCode)
    {
        var refusal = new RunRefused(RefusalCodes.All.Single(c => c.Id == code), "refused", null, null, null, null);

        Assert.That(ExecutionReportWriter.ExitCode(Refused with { Events = [refusal] }), Is.EqualTo(exitCode));
        Assert.That(Refused with { Events = [refusal] }, Has.Property(nameof(ExecutionReport.Succeeded)).False);
    }

    [Test]
    public void A_report_without_failures_succeeded()
    {
        var report = Refused with { Events = [new LockAcquired("money-tracker", TimeSpan.Zero)] };

        Assert.That(report.Succeeded, Is.True);
        Assert.That(ExecutionReportWriter.ExitCode(report), Is.EqualTo(0));
    }

    [Test]
    public void Every_refusal_code_is_listed_for_reading_a_report_back()
    {
        var declared = typeof(RefusalCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(RefusalCode)).Select(f => (RefusalCode)f.GetValue(null)!);

        Assert.That(RefusalCodes.All, Is.EquivalentTo(declared));
    }

    [Test]
    public void Every_refusal_code_is_distinct_and_costs_a_documented_exit_code()
    {
        Assert.That(RefusalCodes.All.Select(c => c.Id), Is.Unique);
        Assert.That(RefusalCodes.All.Select(c => c.ExitCode), Is.All.AnyOf(ExitCodes.Findings, ExitCodes.Usage, ExitCodes.Execution));
    }
}
