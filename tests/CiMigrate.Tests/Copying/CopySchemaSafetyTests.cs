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

    /// <summary>
    /// The second signal: the source's statistics expect 5,000 entries, the copy's session sees 1,000 (here because
    /// 4,000 were deleted after the last ANALYZE, with autovacuum off for the table; a filtered view of the table
    /// looks the same to the copy). The proof matches, so the copy commits, and says loudly what it saw, in text and JSON.
    /// </summary>
    [Test]
    public async Task A_copy_far_below_the_sources_row_estimate_is_reported_loudly_in_text_and_json()
    {
        await using var repo = await SandboxWithDataAsync();
        await repo.Sandbox.ExecuteAsync("""
            ALTER TABLE money_tracker.entries SET (autovacuum_enabled = false);
            INSERT INTO money_tracker.entries (category_id, amount, note) SELECT 2, 1, 'gone soon' FROM generate_series(1, 4000);
            ANALYZE money_tracker.entries, money_tracker.categories;
            DELETE FROM money_tracker.entries WHERE note = 'gone soon';
            """);

        var text = await repo.RunAsync("copy-schema", "--from", "sandbox", "--to", "production", "--app", CopyRepository.App, "--data");
        var json = await repo.RunAsync("copy-schema", "--from", "sandbox", "--to", "production", "--app", CopyRepository.App, "--data",
            "--replace", "--format", "json");

        Assert.That(text.ExitCode, Is.EqualTo(0), text.Output + text.Error);
        Assert.That(text.Output, Does.Contain("warning: money_tracker.entries: 1,000 row(s) copied, but sandbox estimates 5,000 (pg_class.reltuples)"));
        Assert.That(text.Output, Does.Not.Contain("warning: money_tracker.categories"), "100 rows: too few for the estimate to mean much");
        Assert.That(json.ExitCode, Is.EqualTo(0), json.Output + json.Error);
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        var entries = document.RootElement.GetProperty("proofs").EnumerateArray().Single(p => p.GetProperty("table").GetString() == "entries");
        Assert.That(entries.GetProperty("sourceEstimate").GetInt64(), Is.EqualTo(5_000L));
        Assert.That(entries.GetProperty("warning").GetString(), Does.StartWith("money_tracker.entries: 1,000 row(s) copied"));
    }

    [Test]
    public async Task A_copy_that_matches_the_sources_row_estimate_warns_of_nothing()
    {
        await using var repo = await SandboxWithDataAsync();
        await repo.Sandbox.ExecuteAsync("INSERT INTO money_tracker.entries (category_id, amount) SELECT 2, 1 FROM generate_series(1, 4000); ANALYZE money_tracker.entries");

        var run = await repo.RunAsync("copy-schema", "--from", "sandbox", "--to", "production", "--app", CopyRepository.App, "--data");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("5,000 rows"));
        Assert.That(run.Output, Does.Not.Contain("warning:"));
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
