using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Execution;

/// <summary>
/// A failed <c>CREATE INDEX CONCURRENTLY</c> leaves an invalid index that <c>IF NOT EXISTS</c> keeps: it must never be
/// recorded as applied, and status and doctor must say so.
/// </summary>
public sealed class InvalidIndexTests
{
    const string Users = "SET search_path TO money_tracker;\nCREATE TABLE u (id int, email text);\nINSERT INTO u VALUES (1, 'a@x'), (2, 'a@x');\n";
    const string UniqueEmail = "-- ci-migrate:no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS u_email ON money_tracker.u (email);\n";
    const string IndexFile = "apps/money-tracker/supabase/migrations/20250208000002_unique_email.sql";

    [Test]
    public async Task An_invalid_index_the_file_would_create_stops_the_rerun_until_the_file_drops_it()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "users", Users);
        var path = repo.Up("20250208000002", "unique_email", UniqueEmail);

        var failed = await repo.RunAsync("stage-apply");
        await repo.Staging.ExecuteAsync("DELETE FROM money_tracker.u WHERE id = 2");
        var refused = await repo.RunAsync("stage-apply");

        Assert.That(failed.ExitCode, Is.EqualTo(3));
        Assert.That(failed.Output, Does.Contain($"{IndexFile}:2:1: error: could not create unique index \"u_email\""));
        Assert.That(refused.ExitCode, Is.EqualTo(3));
        Assert.That(refused.Error, Does.Contain(
            $"{IndexFile}:2:1: refused (invalid-index): the index money_tracker.u_email exists but is invalid (indisvalid = false): an earlier " +
            "CREATE INDEX CONCURRENTLY of it failed or was interrupted, and IF NOT EXISTS would keep the invalid index\n" +
            "  Drop it first: put 'DROP INDEX CONCURRENTLY IF EXISTS \"money_tracker\".\"u_email\";' before this statement"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(version, ',') FROM ci_migrate.applied_migrations"),
            Is.EqualTo("20250208000001"));
        Assert.That(await IndexIsValidAsync(repo), Is.False);

        var status = await repo.RunAsync("status", "--env", "staging");
        // Doctor checks TCP and TLS, so it gets the server's TCP address rather than the test's socket.
        var tcp = (await PostgresServer.GetClusterAsync()).TcpPort;
        var doctor = await repo.RunAsync("doctor", "--database-url", $"postgresql://postgres@127.0.0.1:{tcp}/{repo.Staging.Name}",
            "--schema", "money_tracker");
        Assert.That(status.Output, Does.Contain(
            "invalid indexes in money-tracker's schema (indisvalid = false, a failed CREATE INDEX CONCURRENTLY): u_email;"));
        Assert.That(doctor.Output, Does.Contain("✗ invalid indexes  invalid (indisvalid = false) in schema money_tracker: u_email"));

        File.WriteAllText(path, "-- ci-migrate:no-transaction\nDROP INDEX CONCURRENTLY IF EXISTS money_tracker.u_email;\n" +
            UniqueEmail["-- ci-migrate:no-transaction\n".Length..]);
        var fixedRun = await repo.RunAsync("stage-apply");

        Assert.That(fixedRun.ExitCode, Is.EqualTo(0), fixedRun.Error + fixedRun.Output);
        Assert.That(await IndexIsValidAsync(repo), Is.True);
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(2));
        Assert.That(() => repo.Staging.ExecuteAsync("INSERT INTO money_tracker.u VALUES (3, 'a@x')"),
            Throws.InstanceOf<Npgsql.PostgresException>().With.Property("SqlState").EqualTo("23505"));
    }

    [Test]
    public async Task A_no_transaction_file_that_leaves_an_index_invalid_is_failed_and_not_recorded()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "users", Users);
        // A superuser can mark an index invalid: the one way to have every statement succeed and the index invalid.
        repo.Up("20250208000002", "unique_email", "-- ci-migrate:no-transaction\n" +
            "CREATE INDEX CONCURRENTLY u_email ON money_tracker.u (email);\n" +
            "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'money_tracker.u_email'::regclass;\n");

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Output, Does.Contain(
            $"{IndexFile}:2:1: error: the file ran, but the index money_tracker.u_email is invalid (indisvalid = false), " +
            "so the migration is not recorded"));
        Assert.That(run.Output, Does.Contain(
            "  hint: Drop it (DROP INDEX CONCURRENTLY IF EXISTS \"money_tracker\".\"u_email\";), fix what made the build fail, and run again."));
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(version, ',') FROM ci_migrate.applied_migrations"),
            Is.EqualTo("20250208000001"));
        Assert.That(await repo.Staging.ScalarAsync(
            "SELECT string_agg(kind || ' ' || version, ',' ORDER BY id) FROM ci_migrate.events"),
            Is.EqualTo("apply 20250208000001,failure 20250208000002"));
    }

    static async Task<bool> IndexIsValidAsync(MigrationRepository repo) =>
        (bool)(await repo.Staging.ScalarAsync("SELECT indisvalid FROM pg_index WHERE indexrelid = 'money_tracker.u_email'::regclass"))!;
}
