using System.Text.Json;
using System.Text.RegularExpressions;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Lint;

/// <summary>
/// Lint and diff in a pull request's workflow (the event payload names the base commit): lint checks what the pull
/// request adds or changes; one diff step annotates each finding once, puts it in the plan, and fails at its end.
/// </summary>
sealed partial class PullRequestLintTests
{
    // The base branch's file has an error of its own (no grants), which a pull request that does not touch it must not
    // be blamed for; the pull request adds an unbounded DELETE.
    const string BaseFile = "supabase/migrations/20250101000000_first.sql";
    const string AddedFile = "supabase/migrations/20250102000000_second.sql";
    const string Header = "SET search_path TO money_tracker;\n";

    TempDirectory _repo = null!;
    string _baseSha = null!;

    [SetUp]
    public void CreatePullRequest()
    {
        _repo = new TempDirectory();
        _repo.File(BaseFile, Header + "CREATE TABLE IF NOT EXISTS budgets (id bigint PRIMARY KEY, note text);\n" +
            "ALTER TABLE budgets ENABLE ROW LEVEL SECURITY;\n");
        _repo.File("supabase/migrations/down/20250101000000_first.sql", Header + "DROP TABLE IF EXISTS budgets;\n");
        Git.Run(_repo.Path, "init", "-q", "-b", "main");
        Git.Run(_repo.Path, "add", "-A");
        Git.Run(_repo.Path, "commit", "-q", "-m", "base");
        _baseSha = Git.Run(_repo.Path, "rev-parse", "HEAD").Trim();
        Git.Run(_repo.Path, "checkout", "-q", "-b", "feature");
        _repo.File(AddedFile, Header + "DELETE FROM budgets;\n");
        _repo.File("supabase/migrations/down/20250102000000_second.sql", Header);
        Git.Run(_repo.Path, "add", "-A");
        Git.Run(_repo.Path, "commit", "-q", "-m", "feature");
    }

    [TearDown]
    public void DeletePullRequest() => _repo.Dispose();

    Dictionary<string, string?> PullRequestEvent(string baseSha)
    {
        var eventPath = _repo.File(".github-event.json", JsonSerializer.Serialize(new
        {
            action = "synchronize",
            pull_request = new { number = 7, @base = new { sha = baseSha, @ref = "main" }, head = new { @ref = "feature" } },
        }));
        return new()
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = eventPath,
            ["GITHUB_REPOSITORY"] = "tower-fleet/apps",
            ["GITHUB_STEP_SUMMARY"] = _repo.File(".summary.md", ""),
            ["GITHUB_OUTPUT"] = _repo.File(".output.txt", ""),
        };
    }

    static string[] Annotations(string output) => [.. AnnotationLine().Matches(output).Select(m => m.Value)];

    [Test]
    public async Task In_a_pull_request_lint_checks_the_files_it_adds_or_changes()
    {
        var run = await CliRun.RunAsync(_repo.Path, PullRequestEvent(_baseSha), "lint", "--format", "github");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(Annotations(run.Output), Is.EqualTo(new[]
        {
            $"::error file={AddedFile},line=2,col=1,title=unbounded-delete-update::",
        }));
    }

    [Test]
    public async Task All_files_lints_every_file_in_a_pull_request_too()
    {
        var run = await CliRun.RunAsync(_repo.Path, PullRequestEvent(_baseSha), "lint", "--format", "github", "--all-files");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(Annotations(run.Output), Is.EqualTo(new[]
        {
            $"::error file={BaseFile},line=2,col=1,title=new-table-grants::",
            $"::error file={AddedFile},line=2,col=1,title=unbounded-delete-update::",
        }));
    }

    [Test]
    public async Task A_base_commit_missing_from_a_shallow_clone_lints_every_file_with_a_warning()
    {
        var run = await CliRun.RunAsync(_repo.Path, PullRequestEvent("0123456789abcdef0123456789abcdef01234567"), "lint", "--format", "github");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(Annotations(run.Output), Has.Length.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("warning: lint checks every file, not only the pull request's: "));
        Assert.That(run.Error, Does.Contain("fetch-depth: 0"));
    }

    [Test]
    public async Task One_diff_step_annotates_each_finding_once_puts_it_in_the_plan_and_fails_at_its_end()
    {
        var environment = PullRequestEvent(_baseSha);

        var run = await CliRun.RunAsync(_repo.Path, environment, "diff", "--format", "github");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(Annotations(run.Output), Is.EqualTo(new[]
        {
            $"::error file={AddedFile},line=2,col=1,title=unbounded-delete-update::",
        }));
        var summary = File.ReadAllText(environment["GITHUB_STEP_SUMMARY"]!);
        Assert.That(summary, Does.Contain("unbounded-delete-update"), "the finding is in the plan");
        Assert.That(summary, Does.Not.Contain("new-table-grants"), "the base branch's finding is not the pull request's");
        Assert.That(summary, Does.Contain("20250102000000"), "the plan was made after the finding");
        Assert.That(File.ReadAllText(environment["GITHUB_OUTPUT"]!), Does.Contain("plan-hash<<"), "the plan's outputs are written");
    }

    [GeneratedRegex(@"^::(?:error|warning|notice) [^:]*::", RegexOptions.Multiline)]
    private static partial Regex AnnotationLine();
}
