namespace CiMigrate.Tests.Execution;

/// <summary>
/// A lost history must never make apply run migrations a second time (Flyway refuses a non-empty schema without
/// history): lost ledger rows point to repair, a schema with objects and no ledger rows points to baseline.
/// </summary>
public sealed class LostHistoryTests
{
    const string Accounts = "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS acct (id int, balance int);\nINSERT INTO acct VALUES (1, 100);\n";
    const string Double = "SET search_path TO money_tracker;\nUPDATE acct SET balance = balance * 2;\n";

    [Test]
    public async Task Ledger_rows_lost_while_events_record_their_apply_are_refused_and_repair_restores_them()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "accounts", Accounts);
        repo.Up("20250208000002", "double", Double);
        await repo.RunAsync("stage-apply");
        await repo.Staging.ExecuteAsync("DELETE FROM ci_migrate.applied_migrations WHERE version = '20250208000002'");
        repo.Up("20250208000003", "next", "SET search_path TO money_tracker;\nCREATE TABLE next_one (id int);\n");

        var refused = await repo.RunAsync("stage-apply");

        Assert.That(refused.ExitCode, Is.EqualTo(3));
        Assert.That(refused.Error, Does.Contain(
            "refused (lost-ledger-rows): The ledger of app 'money-tracker' on staging has no row for 20250208000002, while its " +
            "events record them as applied: applying would run them a second time.\n" +
            "  If they are still applied, put their rows back: ci-migrate repair --env staging --restore-lost."));
        Assert.That(await repo.Staging.ScalarAsync("SELECT balance FROM money_tracker.acct"), Is.EqualTo(200));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.next_one') IS NULL"), Is.True);

        var repaired = await repo.RunAsync("repair", "--env", "staging", "--restore-lost");
        var applied = await repo.RunAsync("stage-apply");

        Assert.That(repaired.ExitCode, Is.EqualTo(0), repaired.Error);
        Assert.That(repaired.Output, Does.Contain("restored the ledger row of 20250208000002_double"));
        Assert.That(applied.ExitCode, Is.EqualTo(0), applied.Error);
        Assert.That(applied.Output, Does.Contain("applied 1 migration(s)"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT balance FROM money_tracker.acct"), Is.EqualTo(200));
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(version, ',' ORDER BY version) FROM ci_migrate.applied_migrations"),
            Is.EqualTo("20250208000001,20250208000002,20250208000003"));
    }

    [Test]
    public async Task Repair_restores_no_lost_row_of_an_app_whose_schema_was_dropped_and_forget_then_apply_rebuilds_it()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "accounts", Accounts);
        repo.Up("20250208000002", "double", Double);
        await repo.RunAsync("stage-apply");
        await repo.Staging.ExecuteAsync("DROP SCHEMA money_tracker CASCADE; DELETE FROM ci_migrate.applied_migrations");

        var refused = await repo.RunAsync("repair", "--env", "staging", "--restore-lost");

        Assert.That(refused.ExitCode, Is.EqualTo(2), refused.Error + refused.Output);
        Assert.That(refused.Error, Does.Contain(
            "Cannot restore 20250208000001, 20250208000002: the schema money_tracker no longer exists on staging, so the rows " +
            "would record objects that are not there. Nothing was restored."));
        Assert.That(refused.Error, Does.Contain("ci-migrate repair --env staging --forget <version>"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(0));

        await repo.RunAsync("repair", "--env", "staging", "--forget", "20250208000001");
        await repo.RunAsync("repair", "--env", "staging", "--forget", "20250208000002");
        var applied = await repo.RunAsync("stage-apply");

        Assert.That(applied.ExitCode, Is.EqualTo(0), applied.Error + applied.Output);
        Assert.That(await repo.Staging.ScalarAsync("SELECT balance FROM money_tracker.acct"), Is.EqualTo(200));
    }

    [Test]
    public async Task A_schema_with_objects_and_no_ledger_rows_is_refused_and_baseline_adopts_it()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "accounts", Accounts);
        repo.Up("20250208000002", "double", Double);
        await repo.RunAsync("stage-apply");
        await repo.Staging.ExecuteAsync("DROP SCHEMA ci_migrate CASCADE");

        var refused = await repo.RunAsync("stage-apply");

        Assert.That(refused.ExitCode, Is.EqualTo(3));
        Assert.That(refused.Error, Does.Contain(
            "refused (schema-without-history): The schema money_tracker already holds 1 object(s) (acct), but the ledger has no " +
            "migration of app 'money-tracker' on staging: applying would run every migration again on top of them.\n" +
            "  If they came from these migrations, record them without running them: ci-migrate baseline --app money-tracker --env staging"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT balance FROM money_tracker.acct"), Is.EqualTo(200));
        // The refused run created the ledger to read it, and leaves nothing of it behind.
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regnamespace('ci_migrate') IS NULL"), Is.True);

        var baseline = await repo.RunAsync("baseline", "--env", "staging");
        var again = await repo.RunAsync("stage-apply");

        Assert.That(baseline.ExitCode, Is.EqualTo(0), baseline.Error);
        Assert.That(again.ExitCode, Is.EqualTo(0), again.Error);
        Assert.That(again.Output, Does.Contain("nothing to do"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT balance FROM money_tracker.acct"), Is.EqualTo(200));
    }

    [Test]
    public async Task A_schema_another_app_owns_is_refused_naming_that_app_without_advising_baseline()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "rooms", "SET search_path TO home_portal;\nCREATE TABLE IF NOT EXISTS rooms (id int);\n", app: "home-portal");
        var first = await repo.RunAsync("stage-apply", "--app", "home-portal");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Error);
        // home-portal's history, as if its schema were money_tracker: the schema money-tracker is configured with.
        await repo.Staging.ExecuteAsync(
            "ALTER SCHEMA home_portal RENAME TO money_tracker; UPDATE ci_migrate.applied_migrations SET schema = 'money_tracker'");
        repo.Up("20250208000001", "accounts", Accounts);

        var refused = await repo.RunAsync("stage-apply", "--app", "money-tracker");

        Assert.That(refused.ExitCode, Is.EqualTo(3), refused.Error);
        Assert.That(refused.Error, Does.Contain(
            "refused (schema-without-history): The schema money_tracker belongs to app 'home-portal' on staging (its ledger rows " +
            "were applied there), and holds 1 object(s) (rooms); app 'money-tracker' has no migration in it."));
        Assert.That(refused.Error, Does.Not.Contain("baseline"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.acct') IS NULL"), Is.True);
    }

    [Test]
    public async Task A_first_run_that_fails_before_any_migration_is_applied_leaves_no_app_schema()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "broken", "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS acct (id int);\nSELECT 1 / 0;\n");

        var failed = await repo.RunAsync("stage-apply");

        Assert.That(failed.ExitCode, Is.EqualTo(3), failed.Error);
        Assert.That(failed.Output + failed.Error, Does.Contain("division by zero"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regnamespace('money_tracker') IS NULL"), Is.True);
    }

    [Test]
    public async Task An_empty_schema_without_history_is_applied_as_a_new_app()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        await repo.Staging.ExecuteAsync("CREATE SCHEMA money_tracker");
        repo.Up("20250208000001", "accounts", Accounts);

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(await repo.Staging.ScalarAsync("SELECT balance FROM money_tracker.acct"), Is.EqualTo(100));
    }
}
