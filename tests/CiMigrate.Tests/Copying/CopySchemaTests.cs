using CiMigrate.Copying;

namespace CiMigrate.Tests.Copying;

/// <summary>copy-schema between two real servers: sandbox on the suite's server, production on a second one.</summary>
sealed class CopySchemaTests
{
    const int Entries = 100_000;

    static async Task<CopyRepository> SandboxWithDataAsync()
    {
        var repo = await CopyRepository.CreateAsync();
        CopyWorkload.WriteMigrations(repo);
        var apply = await repo.RunAsync("stage-apply", "--env", "sandbox");
        Assert.That(apply.ExitCode, Is.EqualTo(0), apply.Output + apply.Error);
        await repo.Sandbox.ExecuteAsync(CopyWorkload.FillSql(Entries));
        return repo;
    }

    static string Fingerprint(string schema) => string.Format(CopyWorkload.FingerprintSql, schema);

    [Test]
    public async Task Copy_with_data_replays_the_history_and_moves_every_row_with_its_sequences()
    {
        await using var repo = await SandboxWithDataAsync();

        var run = await repo.RunAsync("copy-schema", "--from", "sandbox", "--to", "production", "--app", CopyRepository.App, "--data");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("copied 100,101 row(s) in 2 table(s)"));
        Assert.That(run.Output, Does.Contain("every table's rows and checksum match"));
        Assert.That(run.Output, Does.Match(@"proven entries +100,000 rows  md5 [0-9a-f]{32}"));
        Assert.That(await repo.Production.ScalarAsync(Fingerprint("money_tracker")),
            Is.EqualTo(await repo.Sandbox.ScalarAsync(Fingerprint("money_tracker"))));
        Assert.That(await repo.Production.ScalarAsync(
                "SELECT string_agg(version || ' ' || checksum, ',' ORDER BY version) FROM ci_migrate.applied_migrations WHERE app = 'money-tracker'"),
            Is.EqualTo(await repo.Sandbox.ScalarAsync(
                "SELECT string_agg(version || ' ' || checksum, ',' ORDER BY version) FROM ci_migrate.applied_migrations WHERE app = 'money-tracker'")));
        // The identity and the sequence continue where the source's stopped.
        const string next = "INSERT INTO money_tracker.entries (category_id, amount) VALUES (2, 1) RETURNING id || ' ' || invoice";
        Assert.That(await repo.Production.ScalarAsync(next), Is.EqualTo(await repo.Sandbox.ScalarAsync(next)));
        const string nextCategory = "INSERT INTO money_tracker.categories (name) VALUES ('new') RETURNING id";
        Assert.That(await repo.Production.ScalarAsync(nextCategory), Is.EqualTo(await repo.Sandbox.ScalarAsync(nextCategory)));
        Assert.That(await repo.Production.ScalarAsync("SELECT to_regclass('money_tracker.entries_category') IS NOT NULL"), Is.True);
    }

    [Test]
    public async Task Copy_with_rename_moves_every_name_and_records_the_history_for_the_new_app()
    {
        await using var repo = await SandboxWithDataAsync();

        var run = await repo.RunAsync("copy-schema", "--from", "sandbox", "--to", "production", "--app", CopyRepository.App,
            "--rename", "budget_app", "--data");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("rename: schema money_tracker -> budget_app, ledger app money-tracker -> budget-app"));
        Assert.That(await repo.Production.ScalarAsync(Fingerprint("budget_app")),
            Is.EqualTo(await repo.Sandbox.ScalarAsync(Fingerprint("money_tracker"))));
        Assert.That(await repo.Production.ScalarAsync("SELECT to_regnamespace('money_tracker') IS NULL"), Is.True);
        Assert.That(await repo.Production.ScalarAsync(
                "SELECT string_agg(app || ' ' || version, ',' ORDER BY version) FROM ci_migrate.applied_migrations"),
            Is.EqualTo("budget-app 20250101000001,budget-app 20250101000002,budget-app 20250101000003"));
        // The trigger, its function and the sequence default all live in the new schema.
        Assert.That(await repo.Production.ScalarAsync(
                "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'budget_app.entries'::regclass AND adnum = 5"),
            Is.EqualTo("nextval('budget_app.invoice_number_seq'::regclass)"));
        Assert.That(await repo.Production.ScalarAsync(
                "INSERT INTO budget_app.entries (category_id, amount) VALUES (2, 1) RETURNING updated_at IS NOT NULL"), Is.True);
        // Data is never rewritten: a row holding the old schema's name keeps it.
        Assert.That(await repo.Production.ScalarAsync("SELECT count(*) FROM budget_app.categories WHERE name = 'seeded by the migration'"),
            Is.EqualTo(1));
    }

    [Test]
    public async Task Dry_run_prints_the_plan_and_changes_nothing()
    {
        await using var repo = await SandboxWithDataAsync();

        var run = await repo.RunAsync("copy-schema", "--from", "sandbox", "--to", "production", "--app", CopyRepository.App,
            "--rename", "budget_app", "--data", "--dry-run");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("replay 3 migration(s) applied on sandbox, recorded for budget-app"));
        Assert.That(run.Output, Does.Match(@"1\. categories +101 rows  \(text COPY\)\n +2\. entries +100,000 rows"));
        Assert.That(run.Output, Does.Contain("invoice_number_seq = 100999"));
        Assert.That(run.Output, Does.EndWith("dry run: nothing was changed.\n"));
        Assert.That(await repo.Production.ScalarAsync(
            "SELECT to_regnamespace('budget_app') IS NULL AND to_regnamespace('ci_migrate') IS NULL"), Is.True);
    }

    [Test]
    public async Task A_target_schema_with_objects_is_refused_unless_replace_which_says_what_it_drops()
    {
        await using var repo = await SandboxWithDataAsync();
        await repo.Production.ExecuteAsync("CREATE SCHEMA money_tracker; CREATE TABLE money_tracker.old_stuff (id int); INSERT INTO money_tracker.old_stuff VALUES (1)");

        var refused = await repo.RunAsync("copy-schema", "--from", "sandbox", "--to", "production", "--app", CopyRepository.App, "--data");
        var rowsAfterRefusal = await repo.Production.ScalarAsync("SELECT count(*) FROM money_tracker.old_stuff");
        var replaced = await repo.RunAsync("copy-schema", "--from", "sandbox", "--to", "production", "--app", CopyRepository.App, "--data",
            "--replace");

        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.Output + refused.Error);
        Assert.That(refused.Output, Does.Contain("refused: The schema money_tracker on production is not empty (table old_stuff)"));
        Assert.That(rowsAfterRefusal, Is.EqualTo(1));
        Assert.That(replaced.ExitCode, Is.EqualTo(0), replaced.Output + replaced.Error);
        Assert.That(replaced.Output, Does.Contain("--replace drops: schema money_tracker with table old_stuff"));
        Assert.That(await repo.Production.ScalarAsync("SELECT to_regclass('money_tracker.old_stuff') IS NULL"), Is.True);
    }

    [Test]
    public async Task A_row_changed_during_the_copy_rolls_the_target_back_and_names_the_table()
    {
        await using var repo = await SandboxWithDataAsync();
        var hooks = new CopyHooks
        {
            AfterTableCopied = async (table, target, cancellationToken) =>
            {
                if (table != "entries")
                    return;
                await using var change = new Npgsql.NpgsqlCommand("UPDATE budget_app.entries SET amount = amount + 0.01 WHERE id = 5000", target);
                await change.ExecuteNonQueryAsync(cancellationToken);
            },
        };

        var outcome = await repo.CopyAsync(hooks, rename: "budget_app");

        Assert.That((outcome.Status, outcome.Table), Is.EqualTo((CopyStatus.Failed, "entries")));
        Assert.That(outcome.Message, Does.StartWith("The copy of budget_app.entries differs from the source (entries: 100000 rows on both sides, checksum"));
        Assert.That(outcome.Proofs.Where(p => !p.Matches).Select(p => p.Table), Is.EqualTo(new[] { "entries" }));
        Assert.That(await repo.Production.ScalarAsync(
            "SELECT to_regnamespace('budget_app') IS NULL AND NOT EXISTS (SELECT FROM ci_migrate.applied_migrations)"), Is.True);
    }

    [Test]
    public async Task A_failing_table_rolls_the_target_back_and_names_it()
    {
        await using var repo = await SandboxWithDataAsync();
        // A key to a table outside the schema: the copy does not bring auth.users, and production has no such user.
        repo.Up("20250101000004", "create_profiles", """
            SET search_path TO money_tracker;
            CREATE TABLE profiles (user_id uuid PRIMARY KEY REFERENCES auth.users (id), name text);
            """);
        await repo.RunAsync("stage-apply", "--env", "sandbox");
        await repo.Sandbox.ExecuteAsync(
            "INSERT INTO auth.users (id) VALUES ('00000000-0000-0000-0000-000000000001'); " +
            "INSERT INTO money_tracker.profiles VALUES ('00000000-0000-0000-0000-000000000001', 'ann')");

        var run = await repo.RunAsync("copy-schema", "--from", "sandbox", "--to", "production", "--app", CopyRepository.App, "--data");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("note: profiles references auth.users (not copied): the referenced rows must exist on the target"));
        Assert.That(run.Output, Does.Contain("failed: Copying table money_tracker.profiles failed: insert or update on table \"profiles\" violates foreign key"));
        Assert.That(run.Output, Does.Contain("The target was rolled back: nothing was copied."));
        Assert.That(await repo.Production.ScalarAsync("SELECT to_regnamespace('money_tracker') IS NULL"), Is.True);
    }

    [Test]
    public async Task A_schema_without_migrations_is_copied_from_the_catalog()
    {
        await using var repo = await CopyRepository.CreateAsync();
        await repo.Sandbox.ExecuteAsync("""
            CREATE SCHEMA money_tracker;
            CREATE TABLE money_tracker.accounts (id serial PRIMARY KEY, name text NOT NULL);
            CREATE TABLE money_tracker.moves (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                account int NOT NULL REFERENCES money_tracker.accounts (id), amount numeric NOT NULL);
            CREATE VIEW money_tracker.balances AS SELECT account, sum(amount) FROM money_tracker.moves GROUP BY account;
            INSERT INTO money_tracker.accounts (name) SELECT 'a' || g FROM generate_series(1, 10) g;
            INSERT INTO money_tracker.moves (account, amount) SELECT 1 + g % 10, g FROM generate_series(1, 1000) g;
            """);

        var run = await repo.RunAsync("copy-schema", "--from", "sandbox", "--to", "production", "--app", CopyRepository.App,
            "--rename", "ledger_app", "--data");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("structure: from the catalog of sandbox"));
        Assert.That(await repo.Production.ScalarAsync("SELECT sum(sum) || ' ' || nextval('ledger_app.accounts_id_seq') FROM ledger_app.balances"),
            Is.EqualTo("500500 11"));
        Assert.That(await repo.Production.ScalarAsync("SELECT to_regclass('ci_migrate.applied_migrations') IS NULL " +
            "OR NOT EXISTS (SELECT FROM ci_migrate.applied_migrations)"), Is.True);
    }

    [Test]
    public async Task A_name_in_dynamic_sql_refuses_a_renamed_copy_before_anything_changes()
    {
        await using var repo = await CopyRepository.CreateAsync();
        repo.Up("20250101000001", "cleanup", """
            SET search_path TO money_tracker;
            CREATE TABLE IF NOT EXISTS t (id int);
            CREATE OR REPLACE FUNCTION money_tracker.wipe() RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                EXECUTE 'TRUNCATE money_tracker.t';
            END
            $$;
            """);
        await repo.RunAsync("stage-apply", "--env", "sandbox");

        var run = await repo.RunAsync("copy-schema", "--from", "sandbox", "--to", "production", "--app", CopyRepository.App,
            "--rename", "other_app");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain(
            "apps/money-tracker/supabase/migrations/20250101000001_cleanup.sql:5:13: the schema name money_tracker appears inside a string"));
        Assert.That(await repo.Production.ScalarAsync("SELECT to_regnamespace('other_app') IS NULL"), Is.True);
    }
}
