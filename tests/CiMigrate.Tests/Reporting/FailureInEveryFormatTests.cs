using System.Text.Json;
using CiMigrate.Tests.Execution;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Reporting;

/// <summary>
/// A failing migration and missing grants on a real PostgreSQL, rendered in every format apply supports: each shows
/// the SQL error with its file, line and column, and the missing grants, as that format's reader expects them.
/// </summary>
sealed class FailureInEveryFormatTests
{
    const string BrokenFile = "apps/money-tracker/supabase/migrations/20250208000002_broken.sql";
    const string Error = "function lenght(unknown) does not exist (SQLSTATE 42883)";

    static async Task<(CliRun Run, string Summary)> RunBrokenAsync(string format, bool broken = true)
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", """
            SET search_path TO money_tracker;
            CREATE TABLE IF NOT EXISTS budgets (id bigint PRIMARY KEY, amount numeric(12, 2) NOT NULL);
            """);
        if (broken)
        {
            repo.Up("20250208000002", "broken", """
                SET search_path TO money_tracker;
                CREATE TABLE half_done (id int);
                INSERT INTO half_done
                    SELECT lenght('x');
                """);
        }

        var summary = repo.PathOf("step-summary.md");
        repo.Variables["GITHUB_ACTIONS"] = "true";
        repo.Variables["GITHUB_STEP_SUMMARY"] = summary;
        var run = await repo.RunAsync("stage-apply", "--format", format);
        return (run, File.Exists(summary) ? File.ReadAllText(summary) : "");
    }

    [Test]
    public async Task Text_names_the_file_line_column_and_error()
    {
        var (run, _) = await RunBrokenAsync("text");

        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Output, Does.Contain($"{BrokenFile}:4:12: error: {Error}"));
        Assert.That(run.Output, Does.Contain("stage-apply: money-tracker -> staging").And.Contain(": FAILED"));
    }

    [Test]
    public async Task Json_carries_the_failure_as_data()
    {
        var (run, _) = await RunBrokenAsync("json");

        Assert.That(run.ExitCode, Is.EqualTo(3));
        var report = JsonDocument.Parse(run.Output).RootElement;
        Assert.That(report.GetProperty("succeeded").GetBoolean(), Is.False);
        var failed = report.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "migrationFailed");
        var finding = failed.GetProperty("finding");
        Assert.That((finding.GetProperty("file").GetString(), finding.GetProperty("line").GetInt32(), finding.GetProperty("column").GetInt32()),
            Is.EqualTo((BrokenFile, 4, 12)));
        Assert.That((finding.GetProperty("rule").GetString(), finding.GetProperty("severity").GetString()), Is.EqualTo(("migration-failed", "error")));
        Assert.That(finding.GetProperty("message").GetString(), Is.EqualTo("function lenght(unknown) does not exist"));
        Assert.That(finding.GetProperty("help").GetString(), Does.StartWith("No function matches"));
        Assert.That(failed.GetProperty("sqlState").GetString(), Is.EqualTo("42883"));
    }

    [Test]
    public async Task Markdown_shows_the_failure_in_the_summary()
    {
        var (run, _) = await RunBrokenAsync("markdown");

        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Output, Does.StartWith("### ci-migrate stage-apply: `money-tracker` → `staging`: failed"));
        Assert.That(run.Output, Does.Contain($"| `20250208000002_broken` | **failed** at `{BrokenFile}:4:12` | |"));
        Assert.That(run.Output, Does.Contain($"```text\n{BrokenFile}:4:12: error: {Error}\n"));
    }

    [Test]
    public async Task Github_annotates_the_failing_line_and_writes_the_job_summary()
    {
        var (run, summary) = await RunBrokenAsync("github");

        Assert.That(run.ExitCode, Is.EqualTo(3));
        var lines = run.Output.Split('\n');
        Assert.That(lines, Has.Some.StartsWith(
            $"::error file={BrokenFile},line=4,col=12,title=20250208000002_broken failed::{Error}%0A  hint: No function matches"));
        Assert.That(lines, Has.Some.Contains("%0A  The migration's transaction was rolled back"));
        Assert.That(run.Output, Does.Contain("stage-apply: money-tracker -> staging").And.Contain(": FAILED"));
        Assert.That(summary, Does.Contain("`staging`: failed").And.Contain($"{BrokenFile}:4:12: error: {Error}"));
    }

    [Test]
    public async Task Sarif_has_a_result_at_the_failing_line()
    {
        var (run, _) = await RunBrokenAsync("sarif");

        Assert.That(run.ExitCode, Is.EqualTo(3));
        var sarif = JsonDocument.Parse(run.Output).RootElement;
        Assert.That(sarif.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
        var sarifRun = sarif.GetProperty("runs")[0];
        var result = sarifRun.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "migration-failed");
        Assert.That(result.GetProperty("level").GetString(), Is.EqualTo("error"));
        Assert.That(result.GetProperty("message").GetProperty("text").GetString(), Does.StartWith($"{BrokenFile}:4:12: error: {Error}"));
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.That(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo(BrokenFile));
        Assert.That((location.GetProperty("region").GetProperty("startLine").GetInt32(), location.GetProperty("region").GetProperty("startColumn").GetInt32()),
            Is.EqualTo((4, 12)));
        Assert.That(sarifRun.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean(), Is.False);
    }

    [TestCase("github", "::warning title=missing grants (runbook step 4)::anon lacks SELECT on table budgets%0A")]
    [TestCase("markdown", "- `anon` lacks SELECT on table `budgets`")]
    [TestCase("sarif", "\"text\": \"anon lacks SELECT on table budgets (runbook step 4)\"")]
    [TestCase("json", "\"role\": \"anon\"")]
    [TestCase("text", "  anon lacks SELECT on table budgets")]
    public async Task Missing_grants_show_in_every_format(string format, string expected)
    {
        var (run, _) = await RunBrokenAsync(format, broken: false);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain(expected));
    }
}
