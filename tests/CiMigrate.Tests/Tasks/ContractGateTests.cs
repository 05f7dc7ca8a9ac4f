using CiMigrate.Cli;
using CiMigrate.Tests.Execution;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Tasks;

/// <summary>An apply to production (or to an environment that sets contractAfter) refuses a contract migration until its expand migration has been there for contractAfter.</summary>
sealed class ContractGateTests
{
    const string Expand = """
        -- ci-migrate:expand
        SET search_path TO money_tracker;
        ALTER TABLE entries ADD COLUMN IF NOT EXISTS memo text;
        """;

    const string Contract = """
        -- ci-migrate:contract 20250101000002
        -- BREAKING CHANGE: entries.note is gone; apps use entries.memo.
        SET search_path TO money_tracker;
        ALTER TABLE entries DROP COLUMN IF EXISTS note;
        """;

    static Task<CliRun> ProdApplyAsync(MigrationRepository repo, SettableClock clock) => RunAsync(repo, clock, "prod-apply");

    /// <summary>The tool with the tasks that read the clock reading this one.</summary>
    static async Task<CliRun> RunAsync(MigrationRepository repo, SettableClock clock, params string[] args)
    {
        repo.WriteSettings();
        var tasks = CiMigrate.Tasks.TaskCatalog.Create().Where(t => t.Name is not ("stage-apply" or "prod-apply" or "status" or "diff"))
            .Append(new CiMigrate.Tasks.StageApplyTask(clock)).Append(new CiMigrate.Tasks.ProdApplyTask(clock)).Append(new CiMigrate.Tasks.StatusTask(clock))
            .Append(new CiMigrate.Tasks.DiffTask(clock)).ToList();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await new CliApp(tasks).RunAsync(args, output, error, repo.Variables, repo.Root);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    [Test]
    public async Task A_contract_is_refused_until_its_expand_has_been_in_production_for_contractAfter_then_runs()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Environment("production", """{ "databaseUrlEnv": "PRODUCTION_DATABASE_URL", "requires": "staging", "contractAfter": "24h" }""");
        repo.Up("20250101000001", "create_entries", "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS entries (id int, note text);\n");
        repo.Up("20250101000002", "expand_memo", Expand);
        var contract = repo.Up("20250101000003", "contract_note", Contract);
        Assert.That((await repo.RunAsync("stage-apply")).ExitCode, Is.EqualTo(0));
        var clock = new SettableClock { Now = DateTimeOffset.UtcNow };

        var together = await ProdApplyAsync(repo, clock);
        Assert.That(together.ExitCode, Is.EqualTo(1), together.Output + together.Error);
        Assert.That(together.Output + together.Error, Does.Contain(
            "20250101000003_contract_note.sql contracts 20250101000002, which is not applied to production yet; it can run 24h after 20250101000002 is"));
        Assert.That(await repo.Production.ScalarAsync("SELECT to_regclass('money_tracker.entries') IS NULL"), Is.True);

        // The release without the contract: the expand reaches production.
        File.Move(contract, contract + ".held");
        Assert.That((await ProdApplyAsync(repo, clock)).ExitCode, Is.EqualTo(0));
        File.Move(contract + ".held", contract);
        var expandedAt = (DateTime)(await repo.Production.ScalarAsync(
            "SELECT applied_at FROM ci_migrate.applied_migrations WHERE version = '20250101000002'"))!;
        var expanded = new DateTimeOffset(DateTime.SpecifyKind(expandedAt, DateTimeKind.Utc));

        clock.Now = expanded.AddHours(23);
        var statusEarly = await RunAsync(repo, clock, "status", "--env", "production");
        var diffEarly = await RunAsync(repo, clock, "diff", "--env", "production");
        var early = await ProdApplyAsync(repo, clock);
        clock.Now = expanded.AddHours(24).AddMinutes(1);
        var statusOnTime = await RunAsync(repo, clock, "status", "--env", "production");
        var onTime = await ProdApplyAsync(repo, clock);
        var statusAfter = await RunAsync(repo, clock, "status", "--env", "production");

        Assert.That(early.ExitCode, Is.EqualTo(1), early.Output + early.Error);
        Assert.That(early.Output + early.Error, Does.Contain(
            $"it can run from {expanded.AddHours(24).UtcDateTime:yyyy-MM-dd HH:mm} UTC (in 1h; contractAfter is 24h)"));
        Assert.That(diffEarly.Output, Does.Contain("20250101000003  contract_note  (apps/money-tracker/supabase/migrations/" +
            "20250101000003_contract_note.sql)  [contract of 20250101000002: prod-apply waits 1h more]"), diffEarly.Error);
        Assert.That(statusEarly.Output, Does.Contain(
            $"expand-contract 20250101000002 -> 20250101000003: not before {expanded.AddHours(24).UtcDateTime:yyyy-MM-dd HH:mm}Z"));
        Assert.That(statusOnTime.Output, Does.Contain(
            $"expand-contract 20250101000002 -> 20250101000003: now (expanded {expanded.UtcDateTime:yyyy-MM-dd HH:mm}Z)"));
        Assert.That(statusAfter.Output, Does.Not.Contain("expand-contract"));
        Assert.That(onTime.ExitCode, Is.EqualTo(0), onTime.Output + onTime.Error);
        Assert.That(await repo.Production.ScalarAsync(
            "SELECT count(*) FROM pg_attribute WHERE attrelid = 'money_tracker.entries'::regclass AND attname = 'note' AND NOT attisdropped"),
            Is.EqualTo(0));
    }

    [Test]
    public async Task Stage_apply_to_production_waits_for_contractAfter_as_prod_apply_does()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250101000001", "create_entries", "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS entries (id int, note text);\n");
        repo.Up("20250101000002", "expand_memo", Expand);
        repo.Up("20250101000003", "contract_note", Contract);
        var clock = new SettableClock { Now = DateTimeOffset.UtcNow };
        var staging = await RunAsync(repo, clock, "stage-apply");

        var production = await RunAsync(repo, clock, "stage-apply", "--env", "production");

        Assert.That(staging.ExitCode, Is.EqualTo(0), staging.Output + staging.Error);
        Assert.That(production.ExitCode, Is.EqualTo(1), production.Output + production.Error);
        Assert.That(production.Error, Does.Contain("refused (contract-too-early): Too early to contract on production: " +
            "apps/money-tracker/supabase/migrations/20250101000003_contract_note.sql contracts 20250101000002, which is not applied to production yet"));
        Assert.That(await repo.Production.ScalarAsync("SELECT to_regclass('money_tracker.entries') IS NULL"), Is.True);
    }

    [Test]
    public async Task An_environment_that_sets_contractAfter_waits_whichever_task_applies()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Environment("staging", """{ "databaseUrlEnv": "STAGING_DATABASE_URL", "lockWait": "5s", "contractAfter": "1h" }""");
        repo.Up("20250101000001", "create_entries", "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS entries (id int, note text);\n");
        repo.Up("20250101000002", "expand_memo", Expand);
        repo.Up("20250101000003", "contract_note", Contract);

        var run = await RunAsync(repo, new SettableClock { Now = DateTimeOffset.UtcNow }, "stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("which is not applied to staging yet; it can run 1h after 20250101000002 is"));
    }
}
