using System.Text.Json;
using CiMigrate.Tests.Execution;

namespace CiMigrate.Tests.Tasks;

/// <summary>
/// The deploy workflow's joints (issue 25, finding 1): stage-apply and prod-apply write the outputs a later job reads,
/// and the production job checks the plan staging reported, refusing when staging reported none.
/// </summary>
public sealed class DeployOutputsTests
{
    const string Budgets = "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS budgets (id int);\n";

    [Test]
    public async Task Stage_apply_writes_the_plan_hash_that_prod_apply_accepts_as_the_expected_plan()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Up("20250208000002", "drop_budgets", "SET search_path TO money_tracker;\nDROP TABLE budgets;\n");
        repo.Environment("production", """{ "databaseUrlEnv": "PRODUCTION_DATABASE_URL", "requires": "staging", "requireApproval": false }""");

        var staging = await RunInActionsAsync(repo, "stage-apply");
        var production = await RunInActionsAsync(repo, "prod-apply", "--expect-plan", staging.Outputs["plan-hash"]);

        Assert.That(staging.Run.ExitCode, Is.EqualTo(0), staging.Run.Error);
        Assert.That(staging.Outputs["pending-count"], Is.EqualTo("2"));
        Assert.That(staging.Outputs["applied-count"], Is.EqualTo("2"));
        Assert.That(staging.Outputs["applied-versions"], Is.EqualTo("""["20250208000001","20250208000002"]"""));
        Assert.That(staging.Outputs["has-destructive"], Is.EqualTo("true"));
        Assert.That(staging.Outputs["plan-hash"], Does.Match("^[0-9a-f]{64}$"));
        Assert.That(production.Run.ExitCode, Is.EqualTo(0), production.Run.Error);
        Assert.That(production.Outputs["applied-count"], Is.EqualTo("2"));
        Assert.That(await repo.Production.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(2));
    }

    [Test]
    public async Task An_empty_expected_plan_refuses_instead_of_skipping_the_check()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        await repo.RunAsync("stage-apply");

        var spaced = await repo.RunAsync("prod-apply", "--expect-plan", "");
        var joined = await repo.RunAsync("prod-apply", "--expect-plan=");
        var bare = await repo.RunAsync("prod-apply", "--expect-plan");

        foreach (var refused in new[] { spaced, joined, bare })
        {
            Assert.That(refused.ExitCode, Is.EqualTo(1), refused.Error);
            Assert.That(refused.Error, Does.Contain("refused (no-reviewed-plan): --expect-plan is empty: the staging job reported no plan for money-tracker"));
        }

        Assert.That(await repo.Production.ScalarAsync("SELECT to_regclass('ci_migrate.applied_migrations') IS NULL"), Is.True);
    }

    [Test]
    public async Task A_dry_run_reports_its_pending_migrations_and_applies_none()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);

        var dryRun = await RunInActionsAsync(repo, "stage-apply", "--dry-run");

        Assert.That(dryRun.Run.ExitCode, Is.EqualTo(0), dryRun.Run.Error);
        Assert.That(dryRun.Outputs["pending-count"], Is.EqualTo("1"));
        Assert.That(dryRun.Outputs["applied-count"], Is.EqualTo("0"));
        Assert.That(dryRun.Outputs["applied-versions"], Is.EqualTo("[]"));
        Assert.That(dryRun.Outputs["has-destructive"], Is.EqualTo("false"));
    }

    static async Task<(Support.CliRun Run, Dictionary<string, string> Outputs)> RunInActionsAsync(MigrationRepository repo, params string[] args)
    {
        var outputFile = repo.PathOf($"github-output-{Guid.NewGuid():N}");
        File.WriteAllText(outputFile, "");
        repo.Variables["GITHUB_ACTIONS"] = "true";
        repo.Variables["GITHUB_OUTPUT"] = outputFile;
        try
        {
            var run = await repo.RunAsync(args);
            return (run, Support.OutputFile.Read(outputFile));
        }
        finally
        {
            repo.Variables.Remove("GITHUB_ACTIONS");
            repo.Variables.Remove("GITHUB_OUTPUT");
        }
    }
}
