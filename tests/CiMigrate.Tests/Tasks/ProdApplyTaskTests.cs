using System.Text.Json;
using CiMigrate.Tests.Execution;

namespace CiMigrate.Tests.Tasks;

/// <summary>prod-apply behind its gates: promotion from staging, the reviewed plan, the backup.</summary>
public sealed class ProdApplyTaskTests
{
    const string Budgets = "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS budgets (id int);\n";

    [Test]
    public async Task Production_refuses_migrations_that_staging_has_not_run()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);

        var refused = await repo.RunAsync("prod-apply");
        await repo.RunAsync("stage-apply");
        var promoted = await repo.RunAsync("prod-apply");

        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(refused.Error, Does.Contain(
            "refused (not-promoted): production requires every migration to pass through staging first: apps/money-tracker/supabase/migrations/20250208000001_create_budgets.sql is not applied to staging"));
        Assert.That(promoted.ExitCode, Is.EqualTo(0), promoted.Error);
        Assert.That(await repo.Production.ScalarAsync("SELECT environment FROM ci_migrate.applied_migrations"), Is.EqualTo("production"));
    }

    [Test]
    public async Task Stage_apply_to_production_meets_the_promotion_gate()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);

        var refused = await repo.RunAsync("stage-apply", "--env", "production");

        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.Output + refused.Error);
        Assert.That(refused.Error, Does.Contain("refused (not-promoted): production requires every migration to pass through staging first"));
        Assert.That(await repo.Production.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NULL"), Is.True);
    }

    [Test]
    public async Task The_promotion_gate_reads_staging_through_its_own_settings_when_the_run_has_a_database_url()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        await using var elsewhere = await CiMigrate.Tests.Fixtures.PostgresServer.CreateDatabaseAsync();
        var url = repo.Variables["PRODUCTION_DATABASE_URL"]!;
        repo.Variables["PRODUCTION_DATABASE_URL"] = elsewhere.ConnectionString;

        // The run's URL is production's database; staging's ledger is read from staging, whose URL is its own.
        var refused = await repo.RunAsync("prod-apply", "--database-url", url);
        await repo.RunAsync("stage-apply");
        var promoted = await repo.RunAsync("prod-apply", "--database-url", url);

        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.Output + refused.Error);
        Assert.That(refused.Error, Does.Contain("is not applied to staging"));
        Assert.That(promoted.ExitCode, Is.EqualTo(0), promoted.Output + promoted.Error);
        Assert.That(await repo.Production.ScalarAsync("SELECT environment FROM ci_migrate.applied_migrations"), Is.EqualTo("production"));
        Assert.That(await elsewhere.ScalarAsync("SELECT to_regclass('ci_migrate.applied_migrations') IS NULL"), Is.True);
    }

    [Test]
    public async Task A_refused_run_is_a_json_report_with_the_events_before_the_refusal()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);

        var refused = await repo.RunAsync("prod-apply", "--format", "json");

        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.Error);
        var report = JsonDocument.Parse(refused.Output).RootElement;
        Assert.That(report.GetProperty("succeeded").GetBoolean(), Is.False);
        var events = report.GetProperty("events").EnumerateArray().ToList();
        Assert.That(events.Select(e => e.GetProperty("type").GetString()),
            Is.EqualTo(new[] { "lockAcquired", "ledgerUpgraded", "runRefused" }));
        var refusal = events[^1];
        Assert.That(refusal.GetProperty("code").GetString(), Is.EqualTo("not-promoted"));
        var finding = refusal.GetProperty("finding");
        Assert.That(finding.GetProperty("rule").GetString(), Is.EqualTo("not-promoted"));
        Assert.That(finding.GetProperty("message").GetString(), Is.EqualTo(
            "production requires every migration to pass through staging first: " +
            "apps/money-tracker/supabase/migrations/20250208000001_create_budgets.sql is not applied to staging."));
        Assert.That(finding.GetProperty("help").GetString(), Is.EqualTo("Apply to staging first (ci-migrate stage-apply)."));
        Assert.That(await repo.Production.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NULL"), Is.True);
    }

    [Test]
    public async Task Production_refuses_a_migration_staging_ran_with_other_content()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        var path = repo.Up("20250208000001", "create_budgets", Budgets);
        await repo.RunAsync("stage-apply");
        File.AppendAllText(path, "-- edited after staging\n");

        var refused = await repo.RunAsync("prod-apply");

        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(refused.Error, Does.Contain("20250208000001_create_budgets.sql was applied to staging with different content"));
    }

    [Test]
    public async Task Production_refuses_a_staging_ledger_row_that_no_apply_event_backs()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        await repo.RunAsync("stage-apply");
        const string Goals = "SET search_path TO money_tracker;\nCREATE TABLE goals (id int);\n";
        repo.Up("20250208000002", "create_goals", Goals);
        await repo.Staging.ExecuteAsync(
            "INSERT INTO ci_migrate.applied_migrations (app, version, name, checksum, environment, schema) " +
            $"VALUES ('money-tracker', '20250208000002', 'create_goals', '{CiMigrate.Migrations.MigrationChecksum.Of(Goals)}', 'staging', 'money_tracker')");

        var refused = await repo.RunAsync("prod-apply");

        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.Output + refused.Error);
        Assert.That(refused.Error, Does.Contain(
            "refused (not-promoted): production requires every migration to pass through staging first: " +
            "apps/money-tracker/supabase/migrations/20250208000002_create_goals.sql has a ledger row on staging but no apply event"));
        Assert.That(refused.Error, Does.Not.Contain("20250208000001_create_budgets.sql"));
        Assert.That(await repo.Production.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NULL"), Is.True);
    }

    [Test]
    public async Task Expect_plan_refuses_a_pending_set_other_than_the_reviewed_one()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        await repo.RunAsync("stage-apply");
        var status = await repo.RunAsync("status", "--env", "production", "--format", "json");
        var reviewed = JsonDocument.Parse(status.Output).RootElement.GetProperty("planHash").GetString()!;
        repo.Up("20250208000002", "sneaked_in", "CREATE TABLE sneaked_in (id int);");
        await repo.RunAsync("stage-apply");

        var refused = await repo.RunAsync("prod-apply", "--expect-plan", reviewed);
        File.Delete(repo.PathOf("apps/money-tracker/supabase/migrations/20250208000002_sneaked_in.sql"));
        var accepted = await repo.RunAsync("prod-apply", "--expect-plan", reviewed);

        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(refused.Error, Does.Contain($"refused (plan-mismatch): The pending migrations on production are not the reviewed plan: expected plan {reviewed}"));
        Assert.That(refused.Error, Does.Contain("pending: 20250208000001, 20250208000002"));
        Assert.That(accepted.ExitCode, Is.EqualTo(0), accepted.Error);
    }

    [Test]
    public async Task Backup_is_written_before_applying_and_its_restore_command_printed_on_failure()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Environment("production", """{ "databaseUrlEnv": "PRODUCTION_DATABASE_URL" }""");
        repo.Up("20250208000001", "create_budgets", Budgets + "INSERT INTO budgets VALUES (7);\n");
        await repo.RunAsync("prod-apply");
        repo.Up("20250208000002", "broken", "DELETE FROM budgets;\nSELECT 1/0;\n");
        var backups = Path.Combine(repo.Root, "backups");

        var run = await repo.RunAsync("prod-apply", "--backup", backups);

        Assert.That(run.ExitCode, Is.EqualTo(3));
        var dump = Directory.GetFiles(backups, "money-tracker-production-*.dump").Single();
        Assert.That(run.Output, Does.Contain($"backup written: {dump}"));
        Assert.That(run.Output, Does.Contain("To restore the backup taken before this run: pg_restore --clean --if-exists --single-transaction --host="));
        Assert.That(File.ReadAllBytes(dump).Take(5).ToArray(), Is.EqualTo("PGDMP"u8.ToArray()));
        Assert.That(await repo.Production.ScalarAsync("SELECT count(*) FROM money_tracker.budgets"), Is.EqualTo(1));
    }

    [Test]
    public async Task Backup_on_a_first_deploy_says_there_is_nothing_to_back_up_and_applies()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Environment("production", """{ "databaseUrlEnv": "PRODUCTION_DATABASE_URL" }""");
        repo.Up("20250208000001", "create_budgets", Budgets);
        var backups = Path.Combine(repo.Root, "backups");

        var run = await repo.RunAsync("prod-apply", "--backup", backups);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain(
            "no backup taken: schema money_tracker does not exist yet; this run creates it, and dropping it undoes the run"));
        Assert.That(Directory.Exists(backups) ? Directory.GetFiles(backups) : [], Is.Empty);
        Assert.That(await repo.Production.ScalarAsync("SELECT count(*) FROM money_tracker.budgets"), Is.EqualTo(0));
    }
}
