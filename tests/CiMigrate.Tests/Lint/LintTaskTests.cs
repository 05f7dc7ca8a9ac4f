using System.Text.Json;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Lint;

sealed class LintTaskTests
{
    const string Clean = "SET search_path TO money_tracker;\nALTER TABLE budgets ADD COLUMN IF NOT EXISTS note text;\n";
    const string Unsafe = "SET search_path TO money_tracker;\nDELETE FROM budgets;\n";

    static TempDirectory Repository(string upText)
    {
        var repo = new TempDirectory();
        repo.File("supabase/migrations/20250101000000_first.sql", upText);
        repo.File("supabase/migrations/down/20250101000000_first.sql", "SET search_path TO money_tracker;\n");
        return repo;
    }

    [Test]
    public async Task Error_finding_exits_1_and_text_shows_place_rule_help_and_excerpt()
    {
        using var repo = Repository(Unsafe);

        var run = await CliRun.RunAsync(repo.Path, "lint");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.EqualTo(
            "supabase/migrations/20250101000000_first.sql:2:1: error[unbounded-delete-update] DELETE on budgets without WHERE changes every row and locks them all until the migration commits.\n" +
            "  help: Add a WHERE that says which rows (`WHERE description IS NULL` for a backfill); for a big table backfill in batches.\n" +
            "   | DELETE FROM budgets\n" +
            "\n" +
            "2 files linted: 1 error, 0 warnings\n"));
    }

    [Test]
    public async Task Warnings_only_exit_0()
    {
        using var repo = new TempDirectory();
        repo.File("supabase/migrations/20250101000000_first.sql", Clean);

        var run = await CliRun.RunAsync(repo.Path, "lint");

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Does.Contain("warning[missing-down-migration]"));
    }

    [Test]
    public async Task Json_has_the_file_count_and_one_object_per_finding()
    {
        using var repo = Repository(Unsafe);

        var run = await CliRun.RunAsync(repo.Path, "lint", "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("files").GetInt32(), Is.EqualTo(2));
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single();
        Assert.That(finding.EnumerateObject().Select(p => p.Name),
            Is.EqualTo(new[] { "file", "line", "column", "rule", "severity", "message", "help", "docs" }));
        Assert.That(finding.GetProperty("docs").GetString(),
            Is.EqualTo("https://github.com/tower-fleet/ci-migrate/blob/v0.1.0/docs/rules/unbounded-delete-update.md"));
        Assert.That((finding.GetProperty("file").GetString(), finding.GetProperty("line").GetInt32(), finding.GetProperty("rule").GetString(), finding.GetProperty("severity").GetString()),
            Is.EqualTo(("supabase/migrations/20250101000000_first.sql", 2, "unbounded-delete-update", "error")));
    }

    [Test]
    public async Task Github_format_writes_one_workflow_command_per_finding()
    {
        using var repo = Repository(Unsafe);

        var run = await CliRun.RunAsync(repo.Path, "lint", "--format", "github");

        Assert.That(run.Output.Split('\n')[0], Is.EqualTo(
            "::error file=supabase/migrations/20250101000000_first.sql,line=2,col=1,title=unbounded-delete-update::DELETE on budgets without WHERE changes every row and locks them all until the migration commits."));
    }

    [Test]
    public async Task Sarif_describes_every_rule_with_its_docs_page_and_places_each_result()
    {
        using var repo = Repository(Unsafe);

        var run = await CliRun.RunAsync(repo.Path, "lint", "--format", "sarif");

        using var sarif = JsonDocument.Parse(run.Output);
        Assert.That(sarif.RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
        var sarifRun = sarif.RootElement.GetProperty("runs")[0];
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var rule = rules.Single(r => r.GetProperty("id").GetString() == "unbounded-delete-update");
        Assert.That(rule.GetProperty("helpUri").GetString(), Does.EndWith("/docs/rules/unbounded-delete-update.md"));
        Assert.That(rules.Select(r => r.GetProperty("id").GetString()), Does.Contain("require-lock-timeout").And.Contain("syntax-error"));
        var result = sarifRun.GetProperty("results")[0];
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.That((result.GetProperty("ruleId").GetString(), result.GetProperty("level").GetString(),
                location.GetProperty("artifactLocation").GetProperty("uri").GetString(), location.GetProperty("region").GetProperty("startLine").GetInt32()),
            Is.EqualTo(("unbounded-delete-update", "error", "supabase/migrations/20250101000000_first.sql", 2)));
    }

    [Test]
    public async Task Markdown_is_the_pull_request_section_with_a_row_per_finding()
    {
        using var repo = Repository(Unsafe);

        var run = await CliRun.RunAsync(repo.Path, "lint", "--format", "markdown");

        var lines = run.Output.Split('\n');
        Assert.That(lines[0], Is.EqualTo("### Lint ❌ 2 files linted: 1 error, 0 warnings"));
        Assert.That(lines[4], Does.StartWith("| ❌ | [`unbounded-delete-update`](https://").And.Contain("| `supabase/migrations/20250101000000_first.sql:2:1` |"));
    }

    [Test]
    public async Task A_file_named_as_no_migration_is_skipped_only_inside_a_migrations_folder()
    {
        using var repo = new TempDirectory();
        repo.File("scripts/cleanup.sql", Clean);
        repo.File("db/migrations/cleanup.sql", Clean);

        var run = await CliRun.RunAsync(repo.Path, "lint", "scripts", "db/migrations/cleanup.sql", "--schema", "money_tracker");

        Assert.That(run.Output, Does.Contain("db/migrations/cleanup.sql:1:1: warning[skipped-file] cleanup.sql is skipped: the name does not match"));
        Assert.That(run.Output, Does.Not.Contain("scripts/cleanup.sql:1:1: warning[skipped-file]"));
    }

    [Test]
    public async Task A_missing_path_is_a_usage_error()
    {
        using var repo = new TempDirectory();

        var run = await CliRun.RunAsync(repo.Path, "lint", "nowhere.sql");

        Assert.That((run.ExitCode, run.Error), Is.EqualTo((2, "error: nowhere.sql: no such file or folder.\n")));
    }

    [Test]
    public async Task Only_changed_lints_the_files_added_or_modified_since_the_base()
    {
        using var repo = Repository(Clean);
        Git.Run(repo.Path, "init", "-q", "-b", "main");
        Git.Run(repo.Path, "add", "-A");
        Git.Run(repo.Path, "commit", "-q", "-m", "base");
        Git.Run(repo.Path, "checkout", "-q", "-b", "feature");
        repo.File("supabase/migrations/20250102000000_second.sql", Unsafe);
        repo.File("supabase/migrations/down/20250102000000_second.sql", "SET search_path TO money_tracker;\n");
        Git.Run(repo.Path, "add", "-A");
        Git.Run(repo.Path, "commit", "-q", "-m", "feature");

        var run = await CliRun.RunAsync(repo.Path, "lint", "--only-changed", "main", "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("files").GetInt32(), Is.EqualTo(2));
        Assert.That(json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("file").GetString()).Distinct(),
            Is.EqualTo(new[] { "supabase/migrations/20250102000000_second.sql" }));
    }

    [Test]
    public async Task Only_changed_with_an_unknown_base_is_a_usage_error()
    {
        using var repo = Repository(Clean);
        Git.Run(repo.Path, "init", "-q", "-b", "main");

        var run = await CliRun.RunAsync(repo.Path, "lint", "--only-changed", "no-such-ref");

        Assert.That((run.ExitCode, run.Error), Is.EqualTo((2, run.Error)));
        Assert.That(run.Error, Does.StartWith("error: --only-changed: git diff"));
    }

    [Test]
    public async Task New_creates_a_migration_and_its_down_file_that_pass_lint()
    {
        using var repo = new TempDirectory();
        repo.Folder("supabase/migrations");

        var created = await CliRun.RunAsync(repo.Path, "new", "add_budgets", "--schema", "money_tracker");
        var lint = await CliRun.RunAsync(repo.Path, "lint", "--schema", "money_tracker");

        Assert.That(created.ExitCode, Is.EqualTo(0), created.Error);
        var up = Directory.GetFiles(Path.Combine(repo.Path, "supabase/migrations"), "*.sql").Single();
        Assert.That(Path.GetFileName(up), Does.Match(@"^\d{14}_add_budgets\.sql$"));
        Assert.That(File.ReadAllText(up), Does.Contain("\nSET search_path TO money_tracker;\n").And.Contain("-- What:").And.Contain("-- Why:"));
        Assert.That(File.Exists(Path.Combine(repo.Path, "supabase/migrations/down", Path.GetFileName(up))), Is.True);
        Assert.That((lint.ExitCode, lint.Output), Is.EqualTo((0, "2 files linted: 0 errors, 0 warnings\n")));
    }

    [Test]
    public async Task New_rejects_a_name_that_is_not_a_file_name()
    {
        using var repo = new TempDirectory();
        repo.Folder("supabase/migrations");

        var run = await CliRun.RunAsync(repo.Path, "new", "add budgets!", "--schema", "money_tracker");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(Directory.GetFiles(Path.Combine(repo.Path, "supabase/migrations")), Is.Empty);
    }
}
