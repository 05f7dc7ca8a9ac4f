using Npgsql;

namespace CiMigrate.Tests.Copying;

/// <summary>
/// copy-schema proves what the source holds and never replaces what is not an app's (issue 26, item 5): a source
/// login that row-level security filters fails loudly, and --rename refuses system, ledger and Supabase schemas.
/// </summary>
sealed class CopySchemaSafetyTests
{
    const string Reader = "copy_rls_reader_test";

    static async Task<CopyRepository> SandboxWithDataAsync()
    {
        var repo = await CopyRepository.CreateAsync();
        CopyWorkload.WriteMigrations(repo);
        var apply = await repo.RunAsync("stage-apply", "--env", "sandbox");
        Assert.That(apply.ExitCode, Is.EqualTo(0), apply.Output + apply.Error);
        await repo.Sandbox.ExecuteAsync(CopyWorkload.FillSql(1_000));
        return repo;
    }

    [Test]
    public async Task A_source_login_that_row_level_security_filters_fails_loudly_instead_of_copying_fewer_rows()
    {
        await using var repo = await SandboxWithDataAsync();
        await repo.Sandbox.ExecuteAsync($"""
            DROP ROLE IF EXISTS {Reader};
            CREATE ROLE {Reader} LOGIN PASSWORD 'reader';
            GRANT USAGE ON SCHEMA money_tracker, ci_migrate TO {Reader};
            GRANT SELECT ON ALL TABLES IN SCHEMA money_tracker, ci_migrate TO {Reader};
            GRANT SELECT ON ALL SEQUENCES IN SCHEMA money_tracker TO {Reader};
            ALTER TABLE money_tracker.entries ENABLE ROW LEVEL SECURITY;
            CREATE POLICY half_of_them ON money_tracker.entries FOR SELECT TO {Reader} USING (id % 2 = 0);
            """);
        repo.Variables["SANDBOX_DATABASE_URL"] = new NpgsqlConnectionStringBuilder(repo.Sandbox.ConnectionString)
        {
            Username = Reader,
            Password = "reader",
        }.ConnectionString;
        try
        {
            var run = await repo.RunAsync("copy-schema", "--from", "sandbox", "--to", "production", "--app", CopyRepository.App, "--data");

            Assert.That(run.ExitCode, Is.Not.EqualTo(0), run.Output);
            Assert.That(run.Error + run.Output, Does.Contain("row-level security"));
            Assert.That(await repo.Production.ScalarAsync("SELECT count(*) FROM pg_class WHERE relname = 'entries' AND relnamespace = to_regnamespace('money_tracker')"),
                Is.EqualTo(0L), "nothing was committed");
        }
        finally
        {
            await repo.Sandbox.ExecuteAsync($"DROP POLICY half_of_them ON money_tracker.entries; DROP OWNED BY {Reader}; DROP ROLE {Reader}");
        }
    }

    [TestCase("information_schema", "that schema is never a copy's target: it is PostgreSQL's own")]
    [TestCase("pg_catalog", "that schema is never a copy's target: it is PostgreSQL's own")]
    [TestCase("ci_migrate", "that schema is never a copy's target: it is ci-migrate's ledger")]
    [TestCase("auth", "that schema is one Supabase's own services use, never a copy's target")]
    public async Task Rename_onto_a_system_ledger_or_supabase_schema_is_refused_and_nothing_changes(string schema, string reason)
    {
        await using var repo = await SandboxWithDataAsync();

        var run = await repo.RunAsync("copy-schema", "--from", "sandbox", "--to", "production", "--app", CopyRepository.App,
            "--rename", schema, "--replace", "--data");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Error + run.Output, Does.Contain($"--rename {schema}: {reason}. Nothing was copied."));
        Assert.That(await repo.Production.ScalarAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'information_schema'"),
            Is.GreaterThan(0L));
    }
}
