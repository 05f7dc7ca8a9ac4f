namespace CiMigrate.Tests.Execution;

/// <summary>
/// The no-transaction marker is read once, by the SQL layer, so lint and apply give one answer: a marker among the
/// comments before the first statement counts in any case; anywhere else it marks nothing, for both.
/// </summary>
public sealed class NoTransactionMarkerTests
{
    const string Budgets = """
        SET search_path TO money_tracker;
        CREATE TABLE IF NOT EXISTS budgets (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), amount numeric(12, 2) NOT NULL);
        """;

    const string IndexValid = "SELECT indisvalid FROM pg_index WHERE indexrelid = 'money_tracker.budgets_amount'::regclass";

    [Test]
    public async Task Upper_case_marker_at_the_top_passes_lint_and_applies_outside_a_transaction()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.LintSettings = null;
        repo.Up("20250208000001", "create_budgets", Budgets);
        var index = repo.Up("20250208000002", "index", """
            -- CI-MIGRATE:NO-TRANSACTION
            SET search_path TO money_tracker;
            DROP INDEX CONCURRENTLY IF EXISTS budgets_amount;
            CREATE INDEX CONCURRENTLY IF NOT EXISTS budgets_amount ON budgets (amount);
            """);

        var lint = await repo.RunAsync("lint", index);
        var apply = await repo.RunAsync("stage-apply", "--skip-lint");

        Assert.That(lint.ExitCode, Is.EqualTo(0), lint.Output);
        Assert.That(lint.Output, Does.Not.Contain("concurrently-in-transaction"));
        Assert.That(apply.ExitCode, Is.EqualTo(0), apply.Error + apply.Output);
        Assert.That(await repo.Staging.ScalarAsync(IndexValid), Is.True);
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(2));
    }

    [Test]
    public async Task Marker_in_a_trailing_comment_marks_nothing_the_statement_runs_alone_and_lint_says_so()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.LintSettings = null;
        repo.Up("20250208000001", "create_budgets", Budgets);
        var index = repo.Up("20250208000002", "index", """
            SET search_path TO money_tracker;
            ALTER TABLE budgets ADD COLUMN IF NOT EXISTS note text;
            CREATE INDEX CONCURRENTLY IF NOT EXISTS budgets_amount ON budgets (amount); -- ci-migrate:no-transaction
            """);

        var lint = await repo.RunAsync("lint", index);
        var apply = await repo.RunAsync("stage-apply", "--skip-lint");

        Assert.That(lint.Output, Does.Not.Contain("error[concurrently-in-transaction]"));
        Assert.That(lint.Output, Does.Contain(
            "apps/money-tracker/supabase/migrations/20250208000002_index.sql:3:1: warning[concurrently-in-transaction] " +
            "CREATE INDEX CONCURRENTLY cannot run inside a transaction block, so the file runs in 2 segments"));
        Assert.That(lint.Output, Does.Contain("only a marker among the comments before the first statement counts"));
        Assert.That(apply.ExitCode, Is.EqualTo(0), apply.Error + apply.Output);
        Assert.That(await repo.Staging.ScalarAsync(IndexValid), Is.True);
    }
}
