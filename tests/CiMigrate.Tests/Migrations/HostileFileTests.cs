using CiMigrate.Tests.Execution;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Migrations;

/// <summary>Files no one means to write, read the way users see it: named where they are, nothing half-applied.</summary>
public sealed class HostileFileTests
{
    [Test]
    public async Task A_nul_byte_is_refused_when_reading_with_file_line_and_column_and_nothing_runs()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250101000000", "create_budgets", "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS budgets (id int);\n");
        var path = repo.Up("20250101000001", "nul", "");
        File.WriteAllBytes(path, [.. "SET search_path TO money_tracker;\nSELECT 'a"u8, 0, .. "b';\n"u8]);

        var apply = await repo.RunAsync("stage-apply");
        var lint = await repo.RunAsync("lint", path);

        Assert.That(apply.ExitCode, Is.EqualTo(2), apply.Error + apply.Output);
        Assert.That(apply.Error, Does.Contain(
            "apps/money-tracker/supabase/migrations/20250101000001_nul.sql:2:10: the file holds a NUL byte (0x00)"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NULL"), Is.True);
        Assert.That((lint.ExitCode, lint.Error), Is.EqualTo((2,
            "error: apps/money-tracker/supabase/migrations/20250101000001_nul.sql:2:10: the file holds a NUL byte (0x00), which PostgreSQL " +
            "cannot take in a statement. Remove it (a binary paste or a wrong encoding put it there).\n")));
    }

    [Test]
    public async Task An_upper_case_sql_file_is_warned_about_and_not_applied()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250101000000", "create_budgets", "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS budgets (id int);\n");
        File.WriteAllText(repo.PathOf("apps/money-tracker/supabase/migrations/20250101000001_fill.SQL"),
            "SET search_path TO money_tracker;\nINSERT INTO budgets VALUES (1);\n");

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(run.Error, Does.Contain(
            "Skipping migration apps/money-tracker/supabase/migrations/20250101000001_fill.SQL: it ends in .SQL, not .sql"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM money_tracker.budgets"), Is.EqualTo(0));
    }

    [Test]
    public async Task Lint_reads_each_file_once_through_a_symlink_loop()
    {
        using var repo = new TempDirectory();
        repo.File("db/a/one.sql", "SET search_path TO money_tracker;\nSELECT 1;\n");
        Directory.CreateSymbolicLink(Path.Combine(repo.Path, "db/a/loop"), Path.Combine(repo.Path, "db"));
        File.CreateSymbolicLink(Path.Combine(repo.Path, "db/a/same.sql"), Path.Combine(repo.Path, "db/a/one.sql"));

        var run = await CliRun.RunAsync(repo.Path, "lint", "db", "--schema", "money_tracker");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(run.Output, Does.EndWith("1 file linted: 0 errors, 0 warnings\n"));
    }

    const string Folder = "apps/money-tracker/supabase/migrations";

    [Test]
    public async Task A_migration_linked_to_a_file_outside_the_repository_is_refused_naming_the_link_and_nothing_of_its_target()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        using var outside = new TempDirectory();
        var target = outside.File("shadow", "root_secret_hash:$6$abc:19000:0:99999:7:::\n");
        repo.Up("20250101000000", "create_budgets", "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS budgets (id int);\n");
        File.CreateSymbolicLink(repo.PathOf($"{Folder}/20250101000001_linked.sql"), target);

        var apply = await repo.RunAsync("stage-apply");
        var lint = await repo.RunAsync("lint");

        foreach (var run in new[] { apply, lint })
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error + run.Output);
            Assert.That(run.Error, Does.Contain($"{Folder}/20250101000001_linked.sql: a symbolic link to {target}, outside the repository"));
            Assert.That(run.Error + run.Output, Does.Not.Contain("root_secret_hash"));
        }

        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NULL"), Is.True);
    }

    [Test]
    public async Task A_down_folder_linked_outside_the_repository_is_refused()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        using var outside = new TempDirectory();
        outside.File("20250101000000_create_budgets.sql", "DROP TABLE secret_down;\n");
        repo.Up("20250101000000", "create_budgets", "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS budgets (id int);\n");
        Directory.CreateSymbolicLink(repo.PathOf($"{Folder}/down"), outside.Path);

        var apply = await repo.RunAsync("stage-apply");

        Assert.That(apply.ExitCode, Is.EqualTo(2), apply.Error + apply.Output);
        Assert.That(apply.Error, Does.Contain($"{Folder}/down: a symbolic link to {outside.Path}, outside the repository"));
        Assert.That(apply.Error + apply.Output, Does.Not.Contain("secret_down"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NULL"), Is.True);
    }

    [Test]
    public async Task A_symlink_loop_in_the_migrations_folder_is_a_usage_error()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250101000000", "create_budgets", "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS budgets (id int);\n");
        File.CreateSymbolicLink(repo.PathOf($"{Folder}/20250101000001_loop.sql"), repo.PathOf($"{Folder}/20250101000001_loop.sql"));

        var apply = await repo.RunAsync("stage-apply");
        var lint = await repo.RunAsync("lint", Folder);

        foreach (var run in new[] { apply, lint })
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error + run.Output);
            Assert.That(run.Error, Does.Contain("20250101000001_loop.sql"));
            Assert.That(run.Error, Does.Not.Contain("internal error"));
        }

        Assert.That(apply.Error, Does.Contain("a symbolic link loop"));
    }

    [Test]
    public async Task Lint_of_the_file_system_root_is_a_usage_error()
    {
        using var repo = new TempDirectory();

        var run = await CliRun.RunAsync(repo.Path, "lint", "/");

        Assert.That((run.ExitCode, run.Error), Is.EqualTo((2,
            "error: /: the root of the file system is no migrations folder; name the migrations files or folders to lint.\n")));
    }
}
