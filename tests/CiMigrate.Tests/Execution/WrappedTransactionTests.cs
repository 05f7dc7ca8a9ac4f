namespace CiMigrate.Tests.Execution;

/// <summary>
/// A file wrapped in BEGIN ... COMMIT, as many teams write every file, runs as ci-migrate's one transaction with its
/// ledger row, without the wrapper; any other transaction control stays refused.
/// </summary>
public sealed class WrappedTransactionTests
{
    [Test]
    public async Task A_begin_commit_file_applies_in_one_transaction_with_its_ledger_row()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250101000000", "wrapped", """
            BEGIN;
            SET search_path TO money_tracker;
            CREATE TABLE IF NOT EXISTS budgets (id int);
            INSERT INTO budgets VALUES (1);
            COMMIT;
            """);

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(run.Output, Does.Contain("note: apps/money-tracker/supabase/migrations/20250101000000_wrapped.sql is wrapped in BEGIN ... COMMIT; " +
            "it runs without the wrapper, in one transaction with its ledger row"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM money_tracker.budgets"), Is.EqualTo(1));
        // One transaction: the table's catalog row and the ledger row carry the same transaction id.
        Assert.That(await repo.Staging.ScalarAsync(
            "SELECT (SELECT xmin::text FROM pg_class WHERE oid = 'money_tracker.budgets'::regclass) = " +
            "(SELECT xmin::text FROM ci_migrate.applied_migrations WHERE version = '20250101000000')"), Is.True);
    }

    [Test]
    public async Task A_failure_inside_a_begin_commit_file_leaves_nothing()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250101000000", "wrapped", """
            BEGIN;
            SET search_path TO money_tracker;
            CREATE TABLE IF NOT EXISTS budgets (id int);
            INSERT INTO budgets VALUES ('not a number');
            COMMIT;
            """);

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Error + run.Output);
        Assert.That(run.Error + run.Output, Does.Contain("20250101000000_wrapped.sql:4:29"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NULL"), Is.True);
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(0));
    }

    [Test]
    public async Task A_commit_outside_a_block_is_refused_before_anything_runs()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250101000000", "wrapped", """
            BEGIN;
            SET search_path TO money_tracker;
            CREATE TABLE IF NOT EXISTS budgets (id int);
            COMMIT;
            CREATE TABLE IF NOT EXISTS more (id int);
            COMMIT;
            """);

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error + run.Output);
        Assert.That(run.Error, Does.Contain("20250101000000_wrapped.sql:6:1: refused (transaction-control): 'COMMIT' outside a BEGIN ... COMMIT block of the file"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NULL"), Is.True);
    }
}
