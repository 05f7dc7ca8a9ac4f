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
}
