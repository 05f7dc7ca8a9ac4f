namespace CiMigrate.Tests.Execution;

/// <summary>stage-apply on a real PostgreSQL: what is applied, what the ledger records, and what a failure leaves.</summary>
public sealed class ApplyTests
{
    const string Budgets = """
        SET search_path TO money_tracker;
        CREATE TABLE IF NOT EXISTS budgets (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), amount numeric(12, 2) NOT NULL);
        """;

    [Test]
    public async Task Pending_migrations_are_applied_with_their_ledger_rows()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Up("20250208000002", "add_note", "ALTER TABLE budgets ADD COLUMN IF NOT EXISTS note text;");
        repo.Variables["GITHUB_ACTOR"] = "octocat";
        repo.Variables["GITHUB_SHA"] = "0123abc";
        repo.Variables["GITHUB_SERVER_URL"] = "https://github.com";
        repo.Variables["GITHUB_REPOSITORY"] = "tower-fleet/money-tracker";
        repo.Variables["GITHUB_RUN_ID"] = "42";

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(run.Output, Does.Contain("applied apps/money-tracker/supabase/migrations/20250208000002_add_note.sql"));
        // The second file has no SET search_path: it ran in the app's schema anyway.
        Assert.That(await repo.Staging.ScalarAsync(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'money_tracker' AND table_name = 'budgets' AND column_name = 'note'"),
            Is.EqualTo(1));
        var rows = await repo.Staging.ScalarAsync(
            "SELECT string_agg(concat_ws('|', version, name, left(checksum, 8), environment, applied_by, git_sha, run_url), E'\\n' ORDER BY version) " +
            "FROM ci_migrate.applied_migrations");
        Assert.That(rows, Is.EqualTo(
            $"20250208000001|create_budgets|{Checksum(repo, "20250208000001_create_budgets")}|staging|octocat as postgres|0123abc|https://github.com/tower-fleet/money-tracker/actions/runs/42\n" +
            $"20250208000002|add_note|{Checksum(repo, "20250208000002_add_note")}|staging|octocat as postgres|0123abc|https://github.com/tower-fleet/money-tracker/actions/runs/42"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(kind || ' ' || version, ',' ORDER BY id) FROM ci_migrate.events"),
            Is.EqualTo("apply 20250208000001,apply 20250208000002"));
    }

    [Test]
    public async Task A_second_run_finds_nothing_pending_and_records_nothing()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        await repo.RunAsync("stage-apply");

        var again = await repo.RunAsync("stage-apply");

        Assert.That(again.ExitCode, Is.EqualTo(0), again.Error);
        Assert.That(again.Output, Does.Contain("nothing to do"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.events"), Is.EqualTo(1));
    }

    [Test]
    public async Task Failing_statement_rolls_back_its_migration_and_names_file_line_and_column()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Up("20250208000002", "broken", """
            SET search_path TO money_tracker;
            CREATE TABLE half_done (id int);
            INSERT INTO half_done
                SELECT lenght('x');
            """);
        repo.Up("20250208000003", "later", "CREATE TABLE later (id int);");

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Output, Does.Contain(
            "apps/money-tracker/supabase/migrations/20250208000002_broken.sql:4:12: error: function lenght(unknown) does not exist (SQLSTATE 42883)"));
        Assert.That(run.Output, Does.Contain("hint: No function matches the given name and argument types."));
        Assert.That(run.Output, Does.Contain("not applied: 20250208000003_later"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.half_done') IS NULL"), Is.True);
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(version, ',') FROM ci_migrate.applied_migrations"),
            Is.EqualTo("20250208000001"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT detail FROM ci_migrate.events WHERE kind = 'failure'"),
            Does.StartWith("apps/money-tracker/supabase/migrations/20250208000002_broken.sql:4:12: function lenght(unknown) does not exist"));
    }

    [Test]
    public async Task Edited_applied_migration_stops_the_run()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        var path = repo.Up("20250208000001", "create_budgets", Budgets);
        await repo.RunAsync("stage-apply");
        File.AppendAllText(path, "\nALTER TABLE budgets ADD COLUMN sneaky text;\n");
        repo.Up("20250208000002", "next", "CREATE TABLE next_one (id int);");

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("apps/money-tracker/supabase/migrations/20250208000001_create_budgets.sql was edited after it was applied to staging"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.next_one') IS NULL"), Is.True);
    }

    [Test]
    public async Task Each_ledger_row_keeps_its_schema_and_a_row_of_another_schema_stops_the_run()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        await repo.RunAsync("stage-apply");
        var recorded = await repo.Staging.ScalarAsync("SELECT schema FROM ci_migrate.applied_migrations");
        // As if the settings had pointed the app at another schema since: its rows say where it really lives.
        await repo.Staging.ExecuteAsync("UPDATE ci_migrate.applied_migrations SET schema = 'old_home'");
        repo.Up("20250208000002", "next", "CREATE TABLE next_one (id int);");

        var run = await repo.RunAsync("stage-apply");

        Assert.That(recorded, Is.EqualTo("money_tracker"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(
            "refused (schema-mismatch): The ledger on staging records 20250208000001 of app 'money-tracker' in schema old_home, " +
            "but the settings say its schema is money_tracker.\n" +
            "  Set the app's schema back to old_home, or give the app in schema money_tracker a name of its own."));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.next_one') IS NULL"), Is.True);
    }

    [Test]
    public async Task Out_of_order_pending_migration_is_refused_unless_allowed()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000002", "create_budgets", Budgets);
        await repo.RunAsync("stage-apply");
        repo.Up("20250208000001", "late_arrival", "CREATE TABLE late_arrival (id int);");

        var refused = await repo.RunAsync("stage-apply");
        var allowed = await repo.RunAsync("stage-apply", "--allow-out-of-order");

        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(refused.Error, Does.Contain("older than the newest applied one").And.Contain("20250208000001_late_arrival.sql"));
        Assert.That(allowed.ExitCode, Is.EqualTo(0), allowed.Error);
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(2));
    }

    [Test]
    public async Task Transaction_control_that_is_no_whole_block_is_an_error_before_anything_runs()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Up("20250208000002", "own_transaction", "SET search_path TO money_tracker;\nBEGIN;\nCREATE TABLE x (id int);\nROLLBACK;\nCOMMIT;\n");

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("apps/money-tracker/supabase/migrations/20250208000002_own_transaction.sql:4:1: refused (transaction-control): " +
            "'ROLLBACK' inside the BEGIN block at line 2: only COMMIT or END may close it"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NULL"), Is.True);
    }

    [Test]
    public async Task Concurrent_index_runs_on_its_own_without_a_marker_as_the_supabase_cli_runs_it()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Up("20250208000002", "index", "CREATE INDEX CONCURRENTLY IF NOT EXISTS budgets_amount ON money_tracker.budgets (amount);\n");

        var applied = await repo.RunAsync("stage-apply", "--verbose");

        Assert.That(applied.ExitCode, Is.EqualTo(0), applied.Error + applied.Output);
        Assert.That(applied.Output, Does.Contain(
            "apps/money-tracker/supabase/migrations/20250208000002_index.sql: segment 1 of 1 committed (CREATE INDEX CONCURRENTLY at line 1, outside a transaction)"));
        Assert.That(await repo.Staging.ScalarAsync(
            "SELECT indisvalid FROM pg_index WHERE indexrelid = 'money_tracker.budgets_amount'::regclass"), Is.True);
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(2));
    }

    [Test]
    public async Task Enum_value_used_in_the_file_that_adds_it_commits_before_its_use()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "mood", "SET search_path TO money_tracker;\nCREATE TYPE mood AS ENUM ('ok');\n");
        repo.Up("20250208000002", "add_value", """
            SET search_path TO money_tracker;
            ALTER TYPE mood ADD VALUE IF NOT EXISTS 'great';
            CREATE TABLE days (m mood DEFAULT 'great');
            """);

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(await repo.Staging.ScalarAsync("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'money_tracker.days'::regclass"),
            Is.EqualTo("'great'::money_tracker.mood"));
    }

    [Test]
    public async Task Dry_run_on_a_database_without_a_ledger_leaves_no_trace_and_says_what_would_apply()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Up("20250208000002", "add_note", "ALTER TABLE budgets ADD COLUMN note text;");

        var run = await repo.RunAsync("stage-apply", "--dry-run");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(run.Output, Does.Contain("would apply apps/money-tracker/supabase/migrations/20250208000001_create_budgets.sql (ran in "));
        Assert.That(run.Output, Does.Contain("would apply apps/money-tracker/supabase/migrations/20250208000002_add_note.sql (ran in "));
        Assert.That(run.Output, Does.Contain("dry run: 2 migration(s) ran in one transaction that was rolled back"));
        Assert.That(run.Output, Does.Contain("dry run OK, 2 migration(s) would apply"));
        Assert.That(run.Output, Does.Not.Contain("applied").And.Not.Contain("created the ledger"));
        Assert.That(await repo.Staging.ScalarAsync(
            "SELECT count(*) FROM pg_namespace WHERE nspname IN ('money_tracker', 'ci_migrate')"), Is.EqualTo(0));

        var applied = await repo.RunAsync("stage-apply");
        var dryRunAgain = await repo.RunAsync("stage-apply", "--dry-run");

        Assert.That(applied.ExitCode, Is.EqualTo(0), applied.Error);
        Assert.That(dryRunAgain.ExitCode, Is.EqualTo(0), dryRunAgain.Error);
        Assert.That(dryRunAgain.Output, Does.Contain("dry run OK, 0 migration(s) would apply"));
    }

    [Test]
    public async Task Dry_run_reports_a_failure_as_apply_would()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Up("20250208000002", "broken", "ALTER TABLE budgets ADD COLUMN note nosuchtype;");

        var run = await repo.RunAsync("stage-apply", "--dry-run");

        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Output, Does.Contain("20250208000002_broken.sql:1:37: error: type \"nosuchtype\" does not exist"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regnamespace('ci_migrate') IS NULL"), Is.True);
    }

    [Test]
    public async Task Atomic_run_applies_nothing_when_one_migration_fails()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Up("20250208000002", "broken", "ALTER TABLE nowhere ADD COLUMN note text;");

        var run = await repo.RunAsync("stage-apply", "--atomic");

        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Output, Does.Contain("not applied: 20250208000001_create_budgets (rolled back with the failing migration)"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NULL"), Is.True);
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(0));
    }

    [Test]
    public async Task Session_settings_of_one_migration_do_not_leak_into_the_next()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        // The schema guard would stop a table in public: this file says why it may make one.
        repo.Up("20250208000001", "public_helper",
            "-- ci-migrate:allow-schema public a helper shared by the apps\nSET search_path TO public;\nCREATE TABLE IF NOT EXISTS helper_marker (id int);\n");
        repo.Up("20250208000002", "in_app_schema", "CREATE TABLE unqualified (id int);");

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('public.helper_marker') IS NOT NULL"), Is.True);
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.unqualified') IS NOT NULL"), Is.True);
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('public.unqualified') IS NULL"), Is.True);
    }

    [Test]
    public async Task Lock_timeout_is_retried_then_fails_clearly()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Environment("staging", """{ "databaseUrlEnv": "STAGING_DATABASE_URL", "lockTimeout": "50ms", "lockRetries": 2 }""");
        repo.Up("20250208000001", "busy", "CREATE TABLE money_tracker.busy (id int);");
        await repo.RunAsync("stage-apply");
        repo.Up("20250208000002", "alter_busy", "ALTER TABLE money_tracker.busy ADD COLUMN note text;");
        await using var holder = await repo.Staging.DataSource.OpenConnectionAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockTable = new Npgsql.NpgsqlCommand("LOCK TABLE money_tracker.busy IN ACCESS SHARE MODE", holder, transaction))
            await lockTable.ExecuteNonQueryAsync();

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Output, Does.Contain("lock timeout in apps/money-tracker/supabase/migrations/20250208000002_alter_busy.sql (attempt 1 of 3)"));
        Assert.That(run.Output, Does.Contain("(attempt 2 of 3)"));
        Assert.That(run.Output, Does.Contain("20250208000002_alter_busy.sql:1:1: error: canceling statement due to lock timeout (tried 3 times; lock_timeout is 50 ms) (SQLSTATE 55P03)"));
    }

    [Test]
    public async Task Missing_grants_are_reported_by_name_or_granted_with_auto_grant()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Up("20250208000002", "granted", """
            SET search_path TO money_tracker;
            CREATE TABLE granted (id bigserial PRIMARY KEY);
            GRANT ALL ON granted TO postgres, authenticated, service_role;
            GRANT SELECT ON granted TO anon;
            GRANT ALL ON ALL SEQUENCES IN SCHEMA money_tracker TO postgres, authenticated, service_role;
            """);

        var reported = await repo.RunAsync("stage-apply");
        repo.Environment("production", """{ "databaseUrlEnv": "PRODUCTION_DATABASE_URL", "autoGrant": true }""");
        var granted = await repo.RunAsync("prod-apply");

        Assert.That(reported.ExitCode, Is.EqualTo(0), reported.Error);
        Assert.That(reported.Output, Does.Contain("missing grants"));
        Assert.That(reported.Output, Does.Contain("anon lacks SELECT on table budgets"));
        Assert.That(reported.Output, Does.Contain("authenticated lacks ALL on table budgets"));
        Assert.That(reported.Output, Does.Not.Contain("on table granted"));
        Assert.That(granted.ExitCode, Is.EqualTo(0), granted.Error);
        Assert.That(await repo.Production.ScalarAsync("SELECT has_table_privilege('anon', 'money_tracker.budgets', 'SELECT')"), Is.True);
        Assert.That(await repo.Staging.ScalarAsync("SELECT has_table_privilege('anon', 'money_tracker.budgets', 'SELECT')"), Is.False);
    }

    static string Checksum(MigrationRepository repo, string id) =>
        CiMigrate.Migrations.MigrationChecksum.Of(File.ReadAllText(repo.PathOf($"apps/money-tracker/supabase/migrations/{id}.sql")))[..8];
}
