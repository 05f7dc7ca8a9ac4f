namespace CiMigrate.Tests.Execution;

/// <summary>
/// Isolation enforced by PostgreSQL (issue 14, item 4): lint-clean migrations of one app that reach another app's
/// schema or the ledger are stopped by the schema guard and rolled back; explicit exceptions pass; an app's role
/// confines its migrations by the server's own privileges.
/// </summary>
public sealed class SchemaGuardTests
{
    const string HomePortalLog = """
        SET search_path TO home_portal;
        CREATE TABLE IF NOT EXISTS log (id bigint PRIMARY KEY, line text NOT NULL);
        INSERT INTO log (id, line) VALUES (1, 'kept') ON CONFLICT (id) DO NOTHING;
        """;

    static async Task<MigrationRepository> TwoAppsAsync()
    {
        var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250101000000", "create_log", HomePortalLog, app: "home-portal");
        var first = await repo.RunAsync("stage-apply", "--app", "home-portal", "--skip-lint");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Error + first.Output);
        return repo;
    }

    [Test]
    public async Task Dynamic_sql_that_deletes_another_apps_ledger_rows_is_stopped_and_rolled_back()
    {
        await using var repo = await TwoAppsAsync();
        repo.Up("20250208000001", "sneaky", """
            SET search_path TO money_tracker;
            CREATE TABLE IF NOT EXISTS budgets (id bigint PRIMARY KEY);
            DO $$ BEGIN EXECUTE 'DELETE FROM ci_migrate.applied_migrations WHERE app = ''home-portal'''; END $$;
            """);

        var run = await repo.RunAsync("stage-apply", "--app", "money-tracker", "--skip-lint");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Output);
        Assert.That(run.Error + run.Output, Does.Contain("20250208000001_sneaky.sql:3:1"));
        Assert.That(run.Error + run.Output, Does.Contain("DELETE on ci_migrate.applied_migrations by a migration: the ledger is ci-migrate's own"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations WHERE app = 'home-portal'"), Is.EqualTo(1L));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations WHERE app = 'money-tracker'"), Is.EqualTo(0L));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NULL"), Is.True, "rolled back whole");
    }

    [Test]
    public async Task A_search_path_set_by_a_function_does_not_let_a_migration_drop_another_apps_table()
    {
        await using var repo = await TwoAppsAsync();
        repo.Up("20250208000001", "drop_log", """
            SET search_path TO money_tracker;
            SELECT set_config('search_path', 'home_portal', true);
            DROP TABLE IF EXISTS log;
            """);

        var run = await repo.RunAsync("stage-apply", "--app", "money-tracker", "--skip-lint");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Output);
        Assert.That(run.Error + run.Output, Does.Contain("20250208000001_drop_log.sql:3:1"));
        Assert.That(run.Error + run.Output, Does.Contain(
            "DROP of table home_portal.log in schema home_portal, outside the schemas this migration may change (money_tracker)"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT line FROM home_portal.log WHERE id = 1"), Is.EqualTo("kept"));
    }

    [Test]
    public async Task DDL_in_another_schema_needs_an_explicit_allow_schema_with_its_reason()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        const string Policy = """
            SET search_path TO money_tracker;
            DROP POLICY IF EXISTS "receipts readable by owner" ON storage.objects;
            CREATE POLICY "receipts readable by owner" ON storage.objects FOR SELECT TO authenticated
                USING (bucket_id = 'receipts' AND owner = auth.uid());
            """;
        var file = repo.Up("20250208000001", "receipts_policy", Policy);

        var refused = await repo.RunAsync("stage-apply", "--skip-lint");
        Assert.That(refused.ExitCode, Is.EqualTo(3), refused.Output);
        Assert.That(refused.Error + refused.Output, Does.Contain("CREATE POLICY"));
        Assert.That(refused.Error + refused.Output, Does.Contain("changes schema storage, outside the schemas this migration may change (money_tracker)"));
        Assert.That(refused.Error + refused.Output, Does.Contain("-- ci-migrate:allow-schema storage <reason>"));

        File.WriteAllText(file, "-- ci-migrate:allow-schema storage\n" + Policy);
        var noReason = await repo.RunAsync("stage-apply", "--skip-lint");
        Assert.That(noReason.ExitCode, Is.EqualTo(2), noReason.Output);
        Assert.That(noReason.Error + noReason.Output, Does.Contain(
            "20250208000001_receipts_policy.sql:1:1: refused (allow-schema-without-reason): '-- ci-migrate:allow-schema' needs a schema and a reason"));

        File.WriteAllText(file, "-- ci-migrate:allow-schema storage the app's own bucket, policies scoped to it\n" + Policy);
        var allowed = await repo.RunAsync("stage-apply", "--skip-lint");
        Assert.That(allowed.ExitCode, Is.EqualTo(0), allowed.Error + allowed.Output);
        Assert.That(await repo.Staging.ScalarAsync(
            "SELECT count(*) FROM pg_policies WHERE schemaname = 'storage' AND policyname = 'receipts readable by owner'"), Is.EqualTo(1L));
        var lint = await repo.RunAsync("lint", file);
        Assert.That(lint.Output, Does.Not.Contain("foreign-schema"), "lint accepts the same explicit exception");
    }

    [Test]
    public async Task A_migration_that_turns_the_guard_off_itself_is_stopped()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "unguard", """
            SET search_path TO money_tracker;
            SELECT set_config('ci_migrate.guard_schemas', '', true);
            CREATE TABLE IF NOT EXISTS public.stray (id int);
            """);

        var run = await repo.RunAsync("stage-apply", "--skip-lint");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Output);
        Assert.That(run.Error + run.Output, Does.Contain("the migration changed the settings of ci-migrate's schema guard"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('public.stray') IS NULL"), Is.True);
    }

    [Test]
    public async Task The_guard_holds_outside_a_transaction_and_leaves_the_session_clean_after_a_failure()
    {
        await using var repo = await TwoAppsAsync();
        repo.Up("20250208000001", "index_elsewhere", """
            -- ci-migrate:no-transaction
            SET search_path TO money_tracker;
            CREATE INDEX CONCURRENTLY IF NOT EXISTS log_line ON home_portal.log (line);
            """);

        var run = await repo.RunAsync("stage-apply", "--app", "money-tracker", "--skip-lint");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Output);
        Assert.That(run.Error + run.Output, Does.Contain("changes schema home_portal"));
        // The failure itself was recorded: the guard was closed before the event row was written.
        Assert.That(await repo.Staging.ScalarAsync(
            "SELECT count(*) FROM ci_migrate.events WHERE app = 'money-tracker' AND kind = 'failure'"), Is.EqualTo(1L));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations WHERE app = 'money-tracker'"), Is.EqualTo(0L));
    }

    [Test]
    public async Task Under_the_apps_role_the_server_refuses_what_the_role_may_not_do_and_the_ledger_is_written_as_the_login()
    {
        await using var repo = await TwoAppsAsync();
        await repo.Staging.ExecuteAsync("""
            CREATE ROLE mt_owner_guard_test NOLOGIN;
            CREATE SCHEMA money_tracker AUTHORIZATION mt_owner_guard_test;
            """);
        repo.AppSettings["money-tracker"] = "\"role\": \"mt_owner_guard_test\", \"schemaGuard\": false";
        repo.Up("20250208000001", "budgets", """
            SET search_path TO money_tracker;
            CREATE TABLE IF NOT EXISTS budgets (id bigint PRIMARY KEY);
            """);

        var applied = await repo.RunAsync("stage-apply", "--app", "money-tracker", "--skip-lint");
        Assert.That(applied.ExitCode, Is.EqualTo(0), applied.Error + applied.Output);
        Assert.That(await repo.Staging.ScalarAsync("SELECT tableowner FROM pg_tables WHERE schemaname = 'money_tracker' AND tablename = 'budgets'"),
            Is.EqualTo("mt_owner_guard_test"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations WHERE app = 'money-tracker'"), Is.EqualTo(1L));

        repo.Up("20250208000002", "reach_over", """
            SET search_path TO money_tracker;
            INSERT INTO home_portal.log (id, line) VALUES (2, 'written by money-tracker');
            """);
        var refused = await repo.RunAsync("stage-apply", "--app", "money-tracker", "--skip-lint");
        Assert.That(refused.ExitCode, Is.EqualTo(3), refused.Output);
        Assert.That(refused.Error + refused.Output, Does.Contain("permission denied for schema home_portal"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM home_portal.log"), Is.EqualTo(1L));

        var doctor = await repo.RunAsync("doctor", "--env", "staging", "--app", "money-tracker");
        Assert.That(doctor.Output, Does.Contain("mt_owner_guard_test owns money_tracker"), doctor.Output + doctor.Error);
        await repo.Staging.ExecuteAsync("GRANT INSERT ON ci_migrate.applied_migrations TO mt_owner_guard_test");
        var loose = await repo.RunAsync("doctor", "--env", "staging", "--app", "money-tracker");
        Assert.That(loose.Output, Does.Contain("mt_owner_guard_test may write the ledger"), loose.Output + loose.Error);
        Assert.That(loose.ExitCode, Is.EqualTo(1));
        await repo.Staging.ExecuteAsync("REVOKE INSERT ON ci_migrate.applied_migrations FROM mt_owner_guard_test; DROP OWNED BY mt_owner_guard_test CASCADE; DROP ROLE mt_owner_guard_test");
    }

    [Test]
    public async Task A_login_that_may_not_create_event_triggers_is_warned_and_the_ledger_stays_guarded()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        await repo.Staging.ExecuteAsync($"""
            CREATE ROLE deployer_guard_test LOGIN;
            GRANT CREATE ON DATABASE {repo.Staging.Name} TO deployer_guard_test;
            """);
        repo.Variables["STAGING_DATABASE_URL"] = new Npgsql.NpgsqlConnectionStringBuilder(repo.Staging.ConnectionString)
        {
            Username = "deployer_guard_test",
        }.ConnectionString;
        repo.Up("20250208000001", "budgets", """
            SET search_path TO money_tracker;
            CREATE TABLE IF NOT EXISTS budgets (id bigint PRIMARY KEY);
            """);
        repo.Up("20250208000002", "forget_history", """
            SET search_path TO money_tracker;
            DO $$ BEGIN EXECUTE 'DELETE FROM ci_migrate.applied_migrations'; END $$;
            """);

        var run = await repo.RunAsync("stage-apply", "--skip-lint");

        Assert.That(run.Output, Does.Contain("warning: the schema guard cannot watch DDL here: deployer_guard_test may not create event triggers"));
        Assert.That(run.ExitCode, Is.EqualTo(3), run.Output);
        Assert.That(run.Error + run.Output, Does.Contain("DELETE on ci_migrate.applied_migrations by a migration"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(1L));
        var github = await repo.RunAsync("stage-apply", "--skip-lint", "--format", "github");
        Assert.That(github.Output, Does.Contain("::warning title=schema guard cannot watch DDL::warning: the schema guard cannot watch DDL here"));
        await repo.Staging.ExecuteAsync($"""
            DROP SCHEMA ci_migrate CASCADE; DROP SCHEMA money_tracker CASCADE;
            REVOKE CREATE ON DATABASE {repo.Staging.Name} FROM deployer_guard_test; DROP ROLE deployer_guard_test;
            """);
    }
}
