using System.Text.Json;
using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Planning;

/// <summary>
/// Tables an extension owns (pgmq's queues, made by <c>pgmq.create</c> and added to the extension) are left out with
/// everything that is theirs, in the plan, in drift and in generate, and the plan says so in every format.
/// </summary>
public sealed class ExtensionTablesTests
{
    TempDirectory _repo = null!;

    [SetUp]
    public void CreateRepository()
    {
        _repo = new TempDirectory();
        _repo.File("ci-migrate.json", $$"""{ "apps": { "app": { "schema": "app" } }, "lint": {{LenientLint.SettingsJson}} }""");
        _repo.File("supabase/migrations/20250101000000_app.sql", "SET search_path TO app;\nCREATE TABLE IF NOT EXISTS app.jobs (id bigint PRIMARY KEY);\n");
        _repo.File("supabase/migrations/20250102000000_queue.sql",
            "SET search_path TO app;\nCREATE EXTENSION IF NOT EXISTS pgmq;\nSELECT pgmq.create('mail');\n");
    }

    [TearDown]
    public void DeleteRepository() => _repo.Dispose();

    static async Task<string> ShadowUrlAsync() => (await PostgresServer.GetClusterAsync()).ConnectionString();

    [Test]
    public async Task A_queue_s_tables_indexes_constraints_and_grants_are_not_in_the_plan_which_names_them()
    {
        var run = await CliRun.RunAsync(_repo.Path, "diff", "--format", "json", "--shadow-url", await ShadowUrlAsync());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        using var json = JsonDocument.Parse(run.Output);
        // Before: the queue's index, primary key, sequence and grants were listed, without their table.
        var changes = json.RootElement.GetProperty("changes").GetRawText();
        Assert.That(changes, Does.Not.Contain("q_mail").And.Not.Contain("a_mail").And.Contain("\"jobs\""));
        var notes = json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.That(notes, Has.One.StartsWith("Left out of the plan, as their extension stands for them: pgmq.a_mail (pgmq), pgmq.meta (pgmq), pgmq.q_mail (pgmq)"));
    }

    [Test]
    public async Task Text_and_markdown_plans_also_name_the_extension_s_tables()
    {
        foreach (var format in new[] { "text", "markdown" })
        {
            var run = await CliRun.RunAsync(_repo.Path, "diff", "--format", format, "--shadow-url", await ShadowUrlAsync());

            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(run.Output, Does.Contain("Left out of the plan, as their extension stands for them: pgmq.a_mail (pgmq), pgmq.meta (pgmq), pgmq.q_mail (pgmq)"), format);
            Assert.That(run.Output, Does.Not.Contain("q_mail_vt_idx").And.Not.Contain("pgmq.q_mail.msg_id"), format);
        }
    }

    [Test]
    public async Task Generate_is_not_refused_for_an_app_that_uses_a_queue()
    {
        _repo.File("supabase/schemas/app.sql", """
            CREATE SCHEMA IF NOT EXISTS app;
            CREATE TABLE app.jobs (id bigint PRIMARY KEY, note text);
            CREATE EXTENSION IF NOT EXISTS pgmq;
            SELECT pgmq.create('mail');
            """);

        var run = await CliRun.RunAsync(_repo.Path, "generate", "note", "--shadow-url", await ShadowUrlAsync());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        var written = Directory.EnumerateFiles(Path.Combine(_repo.Path, "supabase/migrations"), "*_note.sql").Single();
        Assert.That(await File.ReadAllTextAsync(written), Does.Contain("ADD COLUMN IF NOT EXISTS note text"));
    }
}
