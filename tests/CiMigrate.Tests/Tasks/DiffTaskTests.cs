using System.Text.Json;
using CiMigrate.Configuration;
using CiMigrate.History;
using CiMigrate.Migrations;
using CiMigrate.Planning;
using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Tasks;

/// <summary>ci-migrate diff as a user runs it, replaying on the test cluster through --shadow-url.</summary>
public sealed class DiffTaskTests
{
    TempDirectory _repo = null!;

    [SetUp]
    public void CreateRepository()
    {
        _repo = new TempDirectory();
        _repo.File("supabase/migrations/20250101000000_budgets.sql",
            """
            SET search_path TO money_tracker;
            CREATE TABLE IF NOT EXISTS budgets (id int PRIMARY KEY, note text);
            ALTER TABLE budgets ENABLE ROW LEVEL SECURITY;
            GRANT ALL ON budgets TO postgres, authenticated, service_role;
            GRANT SELECT ON budgets TO anon;
            """);
        _repo.File("supabase/migrations/20250102000000_drop_note.sql",
            """
            SET search_path TO money_tracker;
            -- BREAKING CHANGE: apps stop reading budgets.note
            ALTER TABLE budgets DROP COLUMN IF EXISTS note;
            """);
    }

    [TearDown]
    public void DeleteRepository() => _repo.Dispose();

    static async Task CreateLedgerAsync(TestDatabase target)
    {
        await using var connection = await target.DataSource.OpenConnectionAsync();
        await LedgerSchema.EnsureAsync(connection, CancellationToken.None);
    }

    static async Task<string> ShadowUrlAsync() => (await PostgresServer.GetClusterAsync()).ConnectionString();

    [Test]
    public async Task Json_plan_against_an_empty_history_lists_every_migration_as_pending()
    {
        var run = await CliRun.RunAsync(_repo.Path, "diff", "--format", "json", "--shadow-url", await ShadowUrlAsync());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("pending").EnumerateArray().Select(p => p.GetProperty("version").GetString()),
            Is.EqualTo(new[] { "20250101000000", "20250102000000" }));
        Assert.That(json.RootElement.GetProperty("environment").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Target_ledger_decides_what_is_pending_and_hand_changes_show_as_drift()
    {
        await using var target = await PostgresServer.CreateDatabaseAsync();
        await target.ExecuteAsync("""
            CREATE SCHEMA money_tracker;
            CREATE TABLE money_tracker.budgets (id int PRIMARY KEY, note text, hotfix text);
            ALTER TABLE money_tracker.budgets ENABLE ROW LEVEL SECURITY;
            GRANT ALL ON money_tracker.budgets TO postgres, authenticated, service_role;
            GRANT SELECT ON money_tracker.budgets TO anon;
            """);
        await CreateLedgerAsync(target);
        await target.ExecuteAsync("""
            INSERT INTO ci_migrate.applied_migrations (app, version, name, checksum)
            VALUES ('supabase', '20250101000000', 'budgets', 'x'), ('other-app', '20250102000000', 'other', 'y');
            """);

        var run = await CliRun.RunAsync(_repo.Path, "diff", "--format", "json", "--shadow-url", await ShadowUrlAsync(),
            "--database-url", target.ConnectionString, "--app", "supabase");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("pending").EnumerateArray().Select(p => p.GetProperty("version").GetString()),
            Is.EqualTo(new[] { "20250102000000" }));
        Assert.That(json.RootElement.GetProperty("drift").EnumerateArray().Select(d => d.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "hotfix" }));
        Assert.That(json.RootElement.GetProperty("hasDestructiveChanges").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Ledger_states_become_notes_and_another_apps_rows_are_ignored()
    {
        await using var target = await PostgresServer.CreateDatabaseAsync();
        await CreateLedgerAsync(target);
        await target.ExecuteAsync("""
            INSERT INTO ci_migrate.applied_migrations (app, version, name, checksum) VALUES
                ('supabase', '20250101000000', 'budgets', 'edited-since'),
                ('supabase', '20241231000000', 'gone', 'z'),
                ('other-app', '20250102000000', 'other', 'y');
            """);

        var run = await CliRun.RunAsync(_repo.Path, "diff", "--format", "json", "--shadow-url", await ShadowUrlAsync(),
            "--database-url", target.ConnectionString, "--app", "supabase");

        using var json = JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("pending").EnumerateArray().Select(p => p.GetProperty("version").GetString()),
            Is.EqualTo(new[] { "20250102000000" }), run.Error);
        Assert.That(json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()), Is.EqualTo(new[]
        {
            "supabase/migrations/20250101000000_budgets.sql was edited after it was applied to staging: the replay uses the file as it is now.",
            "staging has applied 20241231000000, which is not in the repository: the replay cannot include it.",
        }));
    }

    [Test]
    public async Task Dry_run_on_target_reports_a_migration_that_fails_only_there_and_changes_nothing()
    {
        _repo.File("supabase/migrations/20250103000000_categories.sql",
            "SET search_path TO money_tracker;\nCREATE TABLE categories (id int PRIMARY KEY);\n");
        await using var target = await PostgresServer.CreateDatabaseAsync();
        var set = MigrationSet.Load(new AppSettings("supabase", "money_tracker", Path.Combine(_repo.Path, "supabase", "migrations")), _repo.Path);
        await using (var runner = await ShadowMigrationRunner.OpenAsync(target.ConnectionString, set.App, CancellationToken.None))
            await runner.ApplyAsync([set.Migrations[0]], alreadyApplied: false, CancellationToken.None);
        await target.ExecuteAsync("CREATE TABLE money_tracker.categories (id int PRIMARY KEY, made_by_hand text);");
        const string Ledger = "SELECT (SELECT string_agg(app || ' ' || version, ',' ORDER BY version) FROM ci_migrate.applied_migrations) || ' / ' || " +
            "(SELECT count(*) FROM ci_migrate.events)";
        const string Columns = "SELECT string_agg(table_name || '.' || column_name, ',' ORDER BY table_name, column_name) " +
            "FROM information_schema.columns WHERE table_schema = 'money_tracker'";
        var ledgerBefore = await target.ScalarAsync(Ledger);
        var columnsBefore = await target.ScalarAsync(Columns);

        var run = await CliRun.RunAsync(_repo.Path, "diff", "--format", "json", "--shadow-url", await ShadowUrlAsync(),
            "--database-url", target.ConnectionString, "--app", "supabase", "--dry-run-on-target");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var hazard = json.RootElement.GetProperty("hazards").EnumerateArray()
            .Single(h => h.GetProperty("kind").GetString() == "fails-on-target");
        Assert.That((hazard.GetProperty("file").GetString(), hazard.GetProperty("line").GetInt32(), hazard.GetProperty("column").GetInt32()),
            Is.EqualTo(("supabase/migrations/20250103000000_categories.sql", 2, 1)));
        Assert.That(hazard.GetProperty("message").GetString(), Does.Contain("relation \"categories\" already exists"));
        Assert.That(await target.ScalarAsync(Ledger), Is.EqualTo(ledgerBefore));
        // The pending drop of budgets.note ran before the failure and was rolled back with it.
        Assert.That(await target.ScalarAsync(Columns), Is.EqualTo(columnsBefore));
        Assert.That(columnsBefore, Does.Contain("budgets.note"));
    }

    [Test]
    public async Task Dry_run_on_target_that_applies_cleanly_adds_no_hazard()
    {
        await using var target = await PostgresServer.CreateDatabaseAsync();

        var run = await CliRun.RunAsync(_repo.Path, "diff", "--format", "json", "--shadow-url", await ShadowUrlAsync(),
            "--database-url", target.ConnectionString, "--app", "supabase", "--dry-run-on-target");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("hazards").EnumerateArray().Select(h => h.GetProperty("kind").GetString()),
            Does.Not.Contain("fails-on-target"));
        Assert.That(await target.ScalarAsync("SELECT to_regnamespace('ci_migrate') IS NULL"), Is.True, "the dry run leaves no ledger behind");
        Assert.That(await target.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NULL"), Is.True);
    }

    [Test]
    public async Task Lint_findings_are_part_of_the_plan_and_fail_the_check()
    {
        _repo.File("supabase/migrations/20250103000000_reset_notes.sql",
            "SET search_path TO money_tracker;\nUPDATE budgets SET id = id;\n");

        var run = await CliRun.RunAsync(_repo.Path, "diff", "--format", "json", "--shadow-url", await ShadowUrlAsync());

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("rule").GetString(), f.GetProperty("line").GetInt32())),
            Does.Contain(("unbounded-delete-update", 2)));
        Assert.That(run.Error, Does.Contain("error[unbounded-delete-update]"));
    }

    [Test]
    public async Task Against_a_target_findings_in_applied_files_are_listed_apart_and_do_not_gate_the_plan()
    {
        // Applied long ago, before RLS was the rule: an error finding today.
        const string legacy = "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS legacy (id int);\n";
        var legacyPath = _repo.File("supabase/migrations/20241201000000_legacy.sql", legacy);
        var budgetsPath = Path.Combine(_repo.Path, "supabase/migrations/20250101000000_budgets.sql");
        await using var target = await PostgresServer.CreateDatabaseAsync();
        await target.ExecuteAsync("CREATE SCHEMA money_tracker;");
        await target.ExecuteAsync(legacy);
        await target.ExecuteAsync(await File.ReadAllTextAsync(budgetsPath));
        await CreateLedgerAsync(target);
        await target.ExecuteAsync($"""
            INSERT INTO ci_migrate.applied_migrations (app, version, name, checksum) VALUES
                ('supabase', '20241201000000', 'legacy', '{MigrationFile.Read(legacyPath, _repo.Path).Checksum}'),
                ('supabase', '20250101000000', 'budgets', '{MigrationFile.Read(budgetsPath, _repo.Path).Checksum}');
            """);

        var run = await CliRun.RunAsync(_repo.Path, "diff", "--format", "json", "--shadow-url", await ShadowUrlAsync(),
            "--database-url", target.ConnectionString, "--app", "supabase");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("pending").EnumerateArray().Select(p => p.GetProperty("version").GetString()),
            Is.EqualTo(new[] { "20250102000000" }));
        Assert.That(json.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("severity").GetString() == "error"), Is.Empty);
        Assert.That(json.RootElement.GetProperty("appliedFindings").EnumerateArray()
            .Select(f => (f.GetProperty("file").GetString(), f.GetProperty("rule").GetString(), f.GetProperty("severity").GetString())),
            Does.Contain(("supabase/migrations/20241201000000_legacy.sql", "new-table-rls", "error")));
    }

    [Test]
    public async Task Objects_created_outside_the_app_schema_that_the_target_has_are_collisions_naming_their_owner()
    {
        _repo.File("supabase/migrations/20250103000000_messages.sql", """
            SET search_path TO money_tracker;
            CREATE TABLE IF NOT EXISTS public.messages (id int PRIMARY KEY, body text);
            CREATE TABLE IF NOT EXISTS public.fresh (id int);
            CREATE OR REPLACE FUNCTION public."say.hi"() RETURNS text LANGUAGE sql AS $$ SELECT 'hi' $$;
            """);
        await using var target = await PostgresServer.CreateDatabaseAsync();
        await target.ExecuteAsync("""
            CREATE TABLE public.messages (id bigint PRIMARY KEY, sender uuid, body text);
            CREATE FUNCTION public."say.hi"() RETURNS text LANGUAGE sql AS $$ SELECT 'hello' $$;
            """);
        await CreateLedgerAsync(target);
        await target.ExecuteAsync("""
            INSERT INTO ci_migrate.applied_migrations (app, version, name, checksum, schema)
            VALUES ('chat', '20240101000000', 'messages', 'x', 'public');
            """);

        var run = await CliRun.RunAsync(_repo.Path, "diff", "--format", "json", "--shadow-url", await ShadowUrlAsync(),
            "--database-url", target.ConnectionString, "--app", "supabase");

        using var json = JsonDocument.Parse(run.Output);
        var collisions = json.RootElement.GetProperty("hazards").EnumerateArray()
            .Where(h => h.GetProperty("kind").GetString() == "collides-on-target")
            .Select(h => (h.GetProperty("object").GetString(), h.GetProperty("line").GetInt32(), h.GetProperty("message").GetString()))
            .ToList();
        Assert.That(collisions, Is.EqualTo(new[]
        {
            ("public.messages", 2, "CREATE TABLE public.messages: staging already has it (schema public belongs to app 'chat'); " +
                "the shadow, which starts empty, cannot tell what this does to it."),
            ("public.\"say.hi\"", 4, "CREATE FUNCTION public.\"say.hi\": staging already has it (schema public belongs to app 'chat'); " +
                "the shadow, which starts empty, cannot tell what this does to it."),
        }), run.Error);
        Assert.That(json.RootElement.GetProperty("verdict").GetProperty("level").GetString(), Is.EqualTo("danger"));
    }

    [Test]
    public async Task Markdown_goes_to_the_out_file()
    {
        var run = await CliRun.RunAsync(_repo.Path, "diff", "--app", "supabase", "--format", "markdown", "--out", "plan.md", "--shadow-url", await ShadowUrlAsync());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Is.Empty);
        Assert.That(File.ReadAllText(Path.Combine(_repo.Path, "plan.md")), Does.StartWith("<!-- ci-migrate:plan app=supabase -->\n"));
    }

    [Test]
    public async Task A_target_schema_with_objects_and_no_history_is_the_refusal_apply_would_give_without_starting_a_shadow()
    {
        await using var target = await PostgresServer.CreateDatabaseAsync();
        await target.ExecuteAsync("CREATE SCHEMA money_tracker; CREATE TABLE money_tracker.budgets (id int PRIMARY KEY);");

        // A shadow this diff started would fail to connect here.
        var run = await CliRun.RunAsync(_repo.Path, "diff", "--format", "json", "--shadow-url", "postgresql://nobody@127.0.0.1:1/none",
            "--database-url", target.ConnectionString, "--app", "supabase");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var hazard = json.RootElement.GetProperty("hazards").EnumerateArray().Single();
        Assert.That(hazard.GetProperty("kind").GetString(), Is.EqualTo("fails-on-target"));
        Assert.That(hazard.GetProperty("message").GetString(), Does.StartWith(
            "The schema money_tracker already holds 1 object(s) (budgets), but the ledger has no migration of app 'supabase' on staging"));
        Assert.That(json.RootElement.GetProperty("pending").GetArrayLength(), Is.EqualTo(2));
        Assert.That(await target.ScalarAsync("SELECT to_regnamespace('ci_migrate') IS NULL"), Is.True, "the plan only reads the target");
    }

    [Test]
    public async Task All_apps_matrix_needs_no_shadow()
    {
        var run = await CliRun.RunAsync(_repo.Path, "diff", "--all-apps", "--format", "json", "--shadow-url", "postgresql://nobody@127.0.0.1:1/none");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("include")[0].GetProperty("pending").GetInt32(), Is.EqualTo(2));
    }
}
