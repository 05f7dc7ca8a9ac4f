using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Lint;

sealed class LintFixTests
{
    const string Before = """
        SET search_path TO money_tracker;

        CREATE TABLE budgets (id uuid PRIMARY KEY, user_id uuid);
            CREATE POLICY "Own budgets" ON money_tracker.budgets FOR SELECT USING (auth.uid() = user_id);
        ALTER TABLE budgets ADD COLUMN note text, ADD COLUMN IF NOT EXISTS tag text;
        DROP INDEX CONCURRENTLY idx_old;
        CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
        INSERT INTO budgets VALUES (gen_random_uuid());

        """;

    const string After = """
        SET search_path TO money_tracker;

        CREATE TABLE IF NOT EXISTS budgets (id uuid PRIMARY KEY, user_id uuid);
            DROP POLICY IF EXISTS "Own budgets" ON money_tracker.budgets;
            CREATE POLICY "Own budgets" ON money_tracker.budgets FOR SELECT USING (auth.uid() = user_id);
        ALTER TABLE budgets ADD COLUMN IF NOT EXISTS note text, ADD COLUMN IF NOT EXISTS tag text;
        DROP INDEX CONCURRENTLY IF EXISTS idx_old;
        CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
        INSERT INTO budgets VALUES (gen_random_uuid());

        """;

    [Test]
    public async Task Fix_adds_the_guards_and_leaves_everything_else_as_written()
    {
        using var repo = new TempDirectory();
        var up = repo.File("supabase/migrations/20250101000000_init.sql", Before);

        await CliRun.RunAsync(repo.Path, "lint", "--fix");

        Assert.That(File.ReadAllText(up), Is.EqualTo(After));
    }

    [Test]
    public async Task Fix_twice_changes_nothing_the_second_time()
    {
        using var repo = new TempDirectory();
        var up = repo.File("supabase/migrations/20250101000000_init.sql", Before);
        repo.File("supabase/migrations/20250101000000_init_down.sql", "SET search_path TO money_tracker;\nDROP TABLE IF EXISTS budgets;\n");
        await CliRun.RunAsync(repo.Path, "lint", "--fix");
        var once = File.ReadAllText(up);

        var second = await CliRun.RunAsync(repo.Path, "lint", "--fix");

        Assert.That(File.ReadAllText(up), Is.EqualTo(once));
        Assert.That(second.Error, Does.Not.Contain("fixed"));
    }

    [Test]
    public async Task Fix_moves_a_down_file_beside_the_up_files_into_down()
    {
        using var repo = new TempDirectory();
        repo.File("supabase/migrations/20250101000000_init.sql", "SET search_path TO money_tracker;\nSELECT 1;\n");
        repo.File("supabase/migrations/20250101000000_init_down.sql", "SET search_path TO money_tracker;\nSELECT 2;\n");

        var run = await CliRun.RunAsync(repo.Path, "lint", "--fix");

        Assert.That(File.Exists(Path.Combine(repo.Path, "supabase/migrations/20250101000000_init_down.sql")), Is.False);
        Assert.That(File.ReadAllText(Path.Combine(repo.Path, "supabase/migrations/down/20250101000000_init.sql")),
            Is.EqualTo("SET search_path TO money_tracker;\nSELECT 2;\n"));
        Assert.That(run.Output, Does.EndWith("2 files linted: 0 errors, 0 warnings\n"));
    }

    [Test]
    public async Task Fix_guards_the_concurrent_build_and_adds_no_marker_the_file_runs_alone_without_it()
    {
        using var repo = new TempDirectory();
        var up = repo.File("supabase/migrations/20250101000000_index.sql", """
            SET search_path TO money_tracker;
            CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS u_email ON money_tracker.users (email);

            """);

        await CliRun.RunAsync(repo.Path, "lint", "--fix");
        var second = await CliRun.RunAsync(repo.Path, "lint", "--fix");

        Assert.That(File.ReadAllText(up), Is.EqualTo("""
            SET search_path TO money_tracker;
            DROP INDEX CONCURRENTLY IF EXISTS money_tracker.u_email;
            CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS u_email ON money_tracker.users (email);

            """));
        Assert.That(second.Error, Does.Not.Contain("fixed"));
    }
}
