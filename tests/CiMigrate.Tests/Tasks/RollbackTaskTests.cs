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
}
