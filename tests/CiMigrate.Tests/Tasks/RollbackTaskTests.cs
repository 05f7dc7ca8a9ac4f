using CiMigrate.Tests.Execution;

namespace CiMigrate.Tests.Tasks;

/// <summary>rollback: down files of the newest applied migrations, each with its ledger row removed.</summary>
public sealed class RollbackTaskTests
{
    [Test]
    public async Task Rollback_runs_the_newest_down_file_and_removes_its_row()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", "SET search_path TO money_tracker;\nCREATE TABLE budgets (id int);\n");
        repo.Down("20250208000001", "create_budgets", "SET search_path TO money_tracker;\nDROP TABLE budgets;\n");
        repo.Up("20250208000002", "create_goals", "SET search_path TO money_tracker;\nCREATE TABLE goals (id int);\n");
        repo.Down("20250208000002", "create_goals", "SET search_path TO money_tracker;\nDROP TABLE goals;\n");
        await repo.RunAsync("stage-apply");

        var run = await repo.RunAsync("rollback", "--env", "staging");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(run.Output, Does.Contain("rolled back 20250208000002_create_goals with apps/money-tracker/supabase/migrations/down/20250208000002_create_goals.sql"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.goals') IS NULL AND to_regclass('money_tracker.budgets') IS NOT NULL"), Is.True);
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(version, ',') FROM ci_migrate.applied_migrations"), Is.EqualTo("20250208000001"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(kind || ' ' || version, ',' ORDER BY id) FROM ci_migrate.events"),
            Is.EqualTo("apply 20250208000001,apply 20250208000002,rollback 20250208000002"));
    }

    [Test]
    public async Task Rollback_to_a_version_refuses_before_running_when_a_down_file_is_missing()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", "SET search_path TO money_tracker;\nCREATE TABLE budgets (id int);\n");
        repo.Up("20250208000002", "without_rollback", "SET search_path TO money_tracker;\nCREATE TABLE without_rollback (id int);\n");
        repo.Up("20250208000003", "create_goals", "SET search_path TO money_tracker;\nCREATE TABLE goals (id int);\n");
        repo.Down("20250208000003", "create_goals", "SET search_path TO money_tracker;\nDROP TABLE goals;\n");
        await repo.RunAsync("stage-apply");

        var run = await repo.RunAsync("rollback", "--env", "staging", "--to", "20250208000001");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("Cannot roll back: no down file for apps/money-tracker/supabase/migrations/20250208000002_without_rollback.sql. Nothing was run."));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(3));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.goals') IS NOT NULL"), Is.True);
    }

    [Test]
    public async Task A_blank_down_file_does_not_stop_a_no_op_but_rollback_refuses_it_naming_it_before_running()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", "SET search_path TO money_tracker;\nCREATE TABLE budgets (id int);\n");
        repo.Down("20250208000001", "create_budgets", "SET search_path TO money_tracker;\nDROP TABLE budgets;\n");
        Assert.That((await repo.RunAsync("stage-apply")).ExitCode, Is.EqualTo(0));
        repo.Down("20250208000001", "create_budgets", "  \n");

        var noOp = await repo.RunAsync("stage-apply");
        var run = await repo.RunAsync("rollback", "--env", "staging");

        Assert.That(noOp.ExitCode, Is.EqualTo(0), noOp.Error + noOp.Output);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error + run.Output);
        Assert.That(run.Error, Does.Contain("apps/money-tracker/supabase/migrations/down/20250208000001_create_budgets.sql: the file is empty."));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(1));
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(kind, ',') FROM ci_migrate.events"), Is.EqualTo("apply"));
    }

    [Test]
    public async Task Apply_refuses_a_pending_migration_whose_down_file_is_not_utf8_naming_line_and_column()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", "SET search_path TO money_tracker;\nCREATE TABLE budgets (id int);\n");
        var down = repo.Down("20250208000001", "create_budgets", "SET search_path TO money_tracker;\n");
        File.AppendAllBytes(down, [.. "DROP TABLE budgets; -- caf"u8, 0xE9, (byte)'\n']);

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error + run.Output);
        Assert.That(run.Error, Does.Contain(
            "apps/money-tracker/supabase/migrations/down/20250208000001_create_budgets.sql:2:27: the file is not valid UTF-8 (byte 0xE9"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NULL"), Is.True);
    }
}
