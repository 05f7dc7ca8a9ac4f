namespace CiMigrate.Tests.Execution;

/// <summary>
/// Both histories (issue 13 item 4): apply mirrors each migration into supabase_migrations.schema_migrations in its
/// own transaction, rollback removes the row, and another app's row under the same version is never touched.
/// </summary>
public sealed class SupabaseHistoryTests
{
    const string Budgets = "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS budgets (id int);\n";
    const string Rows = "SELECT string_agg(version || ' ' || coalesce(name, '-') || ' ' || coalesce(array_length(statements, 1), 0), ',' ORDER BY version) " +
        "FROM supabase_migrations.schema_migrations";

    [Test]
    public async Task Apply_mirrors_each_migration_and_rollback_removes_its_row()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Up("20250208000002", "create_goals", "SET search_path TO money_tracker;\nCREATE TABLE goals (id int);\n");
        repo.Down("20250208000002", "create_goals", "SET search_path TO money_tracker;\nDROP TABLE goals;\n");

        var applied = await repo.RunAsync("stage-apply");
        var afterApply = await repo.Staging.ScalarAsync(Rows);
        var rolledBack = await repo.RunAsync("rollback", "--env", "staging");

        Assert.That((applied.ExitCode, rolledBack.ExitCode), Is.EqualTo((0, 0)), applied.Error + rolledBack.Error);
        Assert.That(afterApply, Is.EqualTo("20250208000001 create_budgets 2,20250208000002 create_goals 2"));
        Assert.That(await repo.Staging.ScalarAsync(Rows), Is.EqualTo("20250208000001 create_budgets 2"));
        Assert.That(await repo.Staging.ScalarAsync(
            "SELECT array_to_string(statements, ' | ') FROM supabase_migrations.schema_migrations WHERE version = '20250208000001'"),
            Is.EqualTo("SET search_path TO money_tracker | CREATE TABLE IF NOT EXISTS budgets (id int)"));
    }

    [Test]
    public async Task A_version_another_app_holds_is_skipped_with_a_warning_and_the_apply_succeeds()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        await repo.Staging.ExecuteAsync(
            "INSERT INTO supabase_migrations.schema_migrations (version, name, statements) VALUES ('20250208000001', 'home_rooms', '{select 1}')");
        repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Up("20250208000002", "create_goals", "SET search_path TO money_tracker;\nCREATE TABLE goals (id int);\n");

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(run.Output, Does.Contain(
            "supabase_migrations.schema_migrations holds version 20250208000001 as 'home_rooms', not 20250208000001_create_budgets: " +
            "that row is another app's, left as it is"));
        Assert.That(run.Output, Does.Contain("applied 2 migration(s)"));
        Assert.That(await repo.Staging.ScalarAsync(Rows), Is.EqualTo("20250208000001 home_rooms 1,20250208000002 create_goals 2"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(version, ',' ORDER BY version) FROM ci_migrate.applied_migrations"),
            Is.EqualTo("20250208000001,20250208000002"));
    }

    [Test]
    public async Task Mirror_supabase_history_false_leaves_the_table_alone()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Environment("staging", """{ "databaseUrlEnv": "STAGING_DATABASE_URL", "mirrorSupabaseHistory": false }""");
        repo.Up("20250208000001", "create_budgets", Budgets);

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM supabase_migrations.schema_migrations"), Is.EqualTo(0));
    }

    [Test]
    public async Task Baseline_from_supabase_adopts_rows_whose_version_and_name_match_and_lists_the_collisions()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        await repo.Staging.ExecuteAsync(
            "INSERT INTO supabase_migrations.schema_migrations (version, name) VALUES " +
            "('20250208000001', 'create_budgets'), ('20250208000002', 'home_rooms'), ('20250101000000', 'older_app')");
        await repo.Staging.ExecuteAsync("CREATE SCHEMA money_tracker; CREATE TABLE money_tracker.budgets (id int);");
        repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Up("20250208000002", "create_goals", "SET search_path TO money_tracker;\nCREATE TABLE goals (id int);\n");

        var run = await repo.RunAsync("baseline", "--env", "staging", "--from-supabase");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("marked 20250208000001_create_budgets as applied without running it (baseline)"));
        Assert.That(run.Output, Does.Contain(
            "left supabase_migrations.schema_migrations row 20250208000002 'home_rooms': its name and statements differ from the file of version 20250208000002"));
        Assert.That(run.Output, Does.Contain("marked 1 migration(s) as applied"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(version, ',') FROM ci_migrate.applied_migrations"),
            Is.EqualTo("20250208000001"));
    }
}
