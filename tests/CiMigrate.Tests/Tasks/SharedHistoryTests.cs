using CiMigrate.Cli;
using CiMigrate.Tests.Execution;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Tasks;

/// <summary>
/// Apps that share a database share supabase_migrations.schema_migrations, keyed by the version alone (issue 25,
/// finding 3): new never reuses a version of another app, rollback removes only the rows ci-migrate wrote for the app,
/// baseline --from-supabase adopts only what is the app's and there, matching rows by their statements too.
/// </summary>
public sealed class SharedHistoryTests
{
    const string Rows = "SELECT string_agg(version || ' ' || name, ', ' ORDER BY version) FROM supabase_migrations.schema_migrations";

    static string Init(string schema) => $"SET search_path TO {schema};\nCREATE TABLE IF NOT EXISTS items (id int);\n";

    [Test]
    public async Task New_in_the_same_second_gives_each_app_its_own_version()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        foreach (var app in new[] { "money-tracker", "home-portal", "recipe-box" })
            Directory.CreateDirectory(repo.PathOf($"apps/{app}/supabase/migrations"));
        repo.WriteSettings();
        var clock = new SettableClock { Now = new DateTimeOffset(2025, 2, 8, 10, 0, 0, TimeSpan.Zero) };
        var tasks = CiMigrate.Tasks.TaskCatalog.Create().Where(t => t.Name != "new").Append(new CiMigrate.Tasks.NewTask(clock)).ToList();

        var versions = new List<string>();
        foreach (var app in new[] { "money-tracker", "home-portal", "recipe-box" })
        {
            var code = await new CliApp(tasks).RunAsync(["new", "--app", app, "init"], new StringWriter(), new StringWriter(), repo.Variables, repo.Root);
            Assert.That(code, Is.EqualTo(0));
            versions.Add(Path.GetFileName(Directory.GetFiles(repo.PathOf($"apps/{app}/supabase/migrations"), "*.sql").Single())[..14]);
        }

        Assert.That(versions, Is.EqualTo(new[] { "20250208100000", "20250208100001", "20250208100002" }));
    }

    [Test]
    public async Task The_template_of_new_does_not_switch_off_the_breaking_change_rule()
    {
        using var repo = new TempDirectory();
        repo.Folder("supabase/migrations");
        await CliRun.RunAsync(repo.Path, "new", "drop_note", "--schema", "money_tracker");
        var up = Directory.GetFiles(Path.Combine(repo.Path, "supabase/migrations"), "*.sql").Single();
        File.AppendAllText(up, "ALTER TABLE budgets DROP COLUMN note;\n");

        var lint = await CliRun.RunAsync(repo.Path, "lint", "--schema", "money_tracker");

        Assert.That(lint.Output, Does.Contain("breaking-change"));
    }

    [Test]
    public async Task Rollback_of_one_app_leaves_the_row_another_app_wrote_under_the_same_version_and_name()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "init", Init("home_portal"), "home-portal");
        repo.Up("20250208000001", "init", Init("recipe_box"), "recipe-box");
        repo.Down("20250208000001", "init", "SET search_path TO recipe_box;\nDROP TABLE items;\n", "recipe-box");
        await repo.RunAsync("stage-apply", "--app", "home-portal");
        await repo.RunAsync("stage-apply", "--app", "recipe-box");

        var rollback = await repo.RunAsync("rollback", "--env", "staging", "--app", "recipe-box");

        Assert.That(rollback.ExitCode, Is.EqualTo(0), rollback.Error);
        Assert.That(await repo.Staging.ScalarAsync(Rows), Is.EqualTo("20250208000001 init"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT app FROM ci_migrate.supabase_history_rows"), Is.EqualTo("home-portal"));
    }

    [Test]
    public async Task Rollback_removes_the_row_it_wrote()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "init", Init("recipe_box"), "recipe-box");
        repo.Down("20250208000001", "init", "SET search_path TO recipe_box;\nDROP TABLE items;\n", "recipe-box");
        await repo.RunAsync("stage-apply", "--app", "recipe-box");
        var written = await repo.Staging.ScalarAsync("SELECT app || ' ' || version FROM ci_migrate.supabase_history_rows");

        var rollback = await repo.RunAsync("rollback", "--env", "staging", "--app", "recipe-box");

        Assert.That(rollback.ExitCode, Is.EqualTo(0), rollback.Error);
        Assert.That(written, Is.EqualTo("recipe-box 20250208000001"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM supabase_migrations.schema_migrations"), Is.EqualTo(0));
    }

    [Test]
    public async Task Baseline_from_supabase_leaves_another_apps_row_and_a_row_whose_objects_are_missing()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "init", Init("money_tracker"));
        repo.Up("20250208000001", "init", Init("recipe_box"), "recipe-box");
        await repo.RunAsync("stage-apply", "--app", "money-tracker");

        var run = await repo.RunAsync("baseline", "--env", "staging", "--app", "recipe-box", "--from-supabase");
        var apply = await repo.RunAsync("stage-apply", "--app", "recipe-box");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("left supabase_migrations.schema_migrations row 20250208000001 'init': version 20250208000001 belongs to money-tracker"));
        Assert.That(run.Output, Does.Contain("nothing to do"));
        Assert.That(apply.Output, Does.Contain("applied 1 migration(s)"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM recipe_box.items"), Is.EqualTo(0));
    }

    [Test]
    public async Task Baseline_from_supabase_refuses_a_row_whose_table_the_schema_lacks()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        await repo.Staging.ExecuteAsync("INSERT INTO supabase_migrations.schema_migrations (version, name) VALUES ('20250208000001', 'init')");
        repo.Up("20250208000001", "init", Init("recipe_box"), "recipe-box");

        var run = await repo.RunAsync("baseline", "--env", "staging", "--app", "recipe-box", "--from-supabase");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain(
            "left supabase_migrations.schema_migrations row 20250208000001 'init': it matches 20250208000001_init by version and name, " +
            "but the database lacks table recipe_box.items that the file creates"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(0));
    }

    [Test]
    public async Task Baseline_from_supabase_matches_a_row_under_a_wall_clock_version_by_its_statements()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        await repo.Staging.ExecuteAsync("CREATE SCHEMA recipe_box; CREATE TABLE recipe_box.items (id int);");
        await repo.Staging.ExecuteAsync(
            "INSERT INTO supabase_migrations.schema_migrations (version, name, statements) VALUES " +
            "('20251107153012', 'create items', ARRAY['set search_path to recipe_box', 'CREATE TABLE IF NOT EXISTS items (id   int)']), " +
            "('20251107153999', 'something_else', ARRAY['SELECT 1'])");
        repo.Up("20250208000001", "init", "-- the app's first table\n" + Init("recipe_box"), "recipe-box");

        var run = await repo.RunAsync("baseline", "--env", "staging", "--app", "recipe-box", "--from-supabase");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain(
            "supabase_migrations.schema_migrations row 20251107153012 'create items' matched 20250208000001_init by its statements"));
        Assert.That(run.Output, Does.Contain(
            "left supabase_migrations.schema_migrations row 20251107153999 'something_else': no file of this app has its version and name or its statements"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(app || ' ' || version, ',') FROM ci_migrate.applied_migrations"),
            Is.EqualTo("recipe-box 20250208000001"));
    }
}
