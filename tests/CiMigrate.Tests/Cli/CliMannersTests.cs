using System.Diagnostics;
using System.Text.RegularExpressions;
using CiMigrate.Cli;
using CiMigrate.History;
using CiMigrate.Reporting;
using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Cli;

/// <summary>The command line as a person meets it: help per task, formats, progress, colours, status columns.</summary>
sealed class CliMannersTests
{
    static TempDirectory Repository()
    {
        var repo = new TempDirectory();
        repo.File("supabase/migrations/20250101000000_first.sql", "SET search_path TO money_tracker;\nDELETE FROM budgets;\n");
        repo.File("supabase/migrations/down/20250101000000_first.sql", "SET search_path TO money_tracker;\n");
        return repo;
    }

    static IEnumerable<string> Tasks() => new CliApp().Host.Tasks.Select(t => t.Name);

    [TestCaseSource(nameof(Tasks))]
    public async Task Help_of_each_task_ends_with_examples_and_exit_codes(string task)
    {
        using var repo = new TempDirectory();

        var run = await CliRun.RunAsync(repo.Path, task, "--help");

        Assert.That(run.ExitCode, Is.EqualTo(0));
        var examples = run.Output[run.Output.IndexOf("Examples:\n", StringComparison.Ordinal)..].Split('\n').Skip(1)
            .TakeWhile(line => line.Length > 0).ToList();
        Assert.That(examples, Has.Count.InRange(2, 3));
        Assert.That(examples, Has.All.StartWith($"  ci-migrate {task}"));
        Assert.That(run.Output, Does.Contain("Exit codes:\n  0  ").And.Contain("\n  2  bad command line"));
    }

    [TestCase("new", "--database-url", "--env", "--format", "--fix", "--kubeconfig")]
    [TestCase("status", "--fix", "--only-changed")]
    [TestCase("diff", "--fix", "sarif")]
    [TestCase("lint", "--env", "--database-url")]
    public async Task Help_lists_only_the_options_the_task_reads(string task, params string[] absent)
    {
        using var repo = new TempDirectory();

        var run = await CliRun.RunAsync(repo.Path, task, "--help");

        var options = run.Output[..run.Output.IndexOf("Examples:", StringComparison.Ordinal)];
        foreach (var text in absent)
            Assert.That(options, Does.Not.Contain(text), text);
    }

    [TestCaseSource(nameof(Tasks))]
    public async Task Help_lists_the_shared_options_the_task_declares_it_reads_and_no_other(string name)
    {
        using var repo = new TempDirectory();
        var task = new CliApp().Host.Tasks.Single(t => t.Name == name);
        var shared = GlobalOptions.Repository.Concat(GlobalOptions.Target).Concat(GlobalOptions.Always).Select(o => o.Name).ToList();
        var own = task.Options.Select(o => o.Name).ToHashSet();

        var run = await CliRun.RunAsync(repo.Path, name, "--help");

        var options = run.Output[..run.Output.IndexOf("Examples:", StringComparison.Ordinal)];
        var listed = shared.Where(option => !own.Contains(option)
            && Regex.IsMatch(options, $@"^\s+(?:-\w+, )*{Regex.Escape(option)}(?:[ ,]|$)", RegexOptions.Multiline));
        Assert.That(listed, Is.EquivalentTo(task.Reads.Concat(GlobalOptions.Always).Select(o => o.Name).Where(o => !own.Contains(o)).Distinct()));
    }

    [Test]
    public void Tasks_on_files_only_read_no_target_and_tasks_on_a_database_read_one()
    {
        var reads = new CliApp().Host.Tasks.ToDictionary(t => t.Name, t => t.Reads.Select(o => o.Name).ToList());

        foreach (var task in new[] { "lint", "new", "generate", "inspect", "copy-schema", "apps" })
            Assert.That(reads[task], Has.None.AnyOf("--env", "--database-url", "--kubeconfig"), task);
        foreach (var task in new[] { "diff", "stage-apply", "prod-apply", "rollback", "status", "baseline", "repair", "doctor" })
            Assert.That(reads[task], Is.SupersetOf(new[] { "--env", "--database-url", "--kubeconfig" }), task);
        Assert.That(reads["apps"], Is.EqualTo(new[] { "--config", "--app" }));
    }

    [TestCase("doctor", "--format", "sarif", "doctor does not write sarif: --format text|json.")]
    [TestCase("diff", "--format", "sarif", "diff does not write sarif: --format text|json|markdown|github.")]
    [TestCase("lint", "--format", "xml", "lint does not write xml: --format")]
    [TestCase("status", "--format", "xml", "status does not write xml: --format text|json|markdown|github|sarif.")]
    [TestCase("new", "--format", "json", "Unrecognized command or argument")]
    public async Task A_format_the_task_does_not_write_is_a_usage_error(string task, string option, string value, string message)
    {
        using var repo = Repository();

        var run = await CliRun.RunAsync(repo.Path, task, option, value);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(message));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public async Task Lint_text_is_coloured_on_a_terminal_only_and_never_with_NO_COLOR()
    {
        using var repo = Repository();

        async Task<string> LintAsync(bool terminal, string? noColor)
        {
            var output = new StringWriter();
            var environment = new Dictionary<string, string?> { ["NO_COLOR"] = noColor };
            await new CliApp().RunAsync(["lint"], output, new StringWriter(), environment, repo.Path, terminal: terminal);
            return output.ToString();
        }

        Assert.That(await LintAsync(terminal: true, noColor: null), Does.Contain(": \u001b[31merror\u001b[0m[unbounded-delete-update]"));
        Assert.That(await LintAsync(terminal: true, noColor: "1"), Does.Contain(": error[unbounded-delete-update]").And.Not.Contain("\u001b["));
        Assert.That(await LintAsync(terminal: false, noColor: null), Does.Contain(": error[unbounded-delete-update]").And.Not.Contain("\u001b["));
    }

    [Test]
    public async Task Diff_with_verbose_shows_its_steps_on_stderr_and_keeps_stdout_for_the_plan()
    {
        using var repo = new TempDirectory();
        repo.File("supabase/migrations/20250101000000_first.sql", "SET search_path TO money_tracker;\nSELECT 1;\n");
        repo.File("supabase/migrations/20250102000000_second.sql", "SET search_path TO money_tracker;\nSELECT 2;\n");
        var shadow = (await PostgresServer.GetClusterAsync()).ConnectionString();

        var run = await CliRun.RunAsync(repo.Path, "diff", "--format", "json", "--verbose", "--shadow-url", shadow);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Error.Split('\n').Where(l => l.EndsWith(" ...", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "starting the shadow database ...",
            "replaying 1 of 2: supabase/migrations/20250101000000_first.sql ...",
            "replaying 2 of 2: supabase/migrations/20250102000000_second.sql ...",
            "comparing the schemas ...",
        }));
        Assert.That(run.Output.TrimStart(), Does.StartWith("{"));
    }

    [Test]
    public void A_step_shows_once_it_runs_longer_than_the_threshold()
    {
        var error = new StringWriter();
        using var progress = new StepProgress(TextWriter.Synchronized(error), verbose: false, threshold: TimeSpan.Zero);

        progress.Step("starting the shadow database ...");

        var deadline = Stopwatch.StartNew();
        while (!error.ToString().Contains("starting the shadow database ...", StringComparison.Ordinal))
        {
            Assert.That(deadline.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the slow step was never shown");
            Thread.Yield();
        }
    }

    [Test]
    public void A_step_that_ends_before_the_threshold_shows_nothing()
    {
        var error = new StringWriter();
        using (var progress = new StepProgress(error, verbose: false, threshold: TimeSpan.FromHours(1)))
        {
            progress.Step("replaying 1 of 1 ...");
            progress.End();
        }

        Assert.That(error.ToString(), Is.Empty);
    }

    [Test]
    public void Status_text_has_a_header_and_aligned_columns()
    {
        var report = new StatusReport("money-tracker", "staging", "db:5432/postgres", "abc",
        [
            new("20250101000000", "create_budgets", MigrationState.Applied, "f.sql", "c", "c", new DateTimeOffset(2025, 1, 2, 3, 4, 0, TimeSpan.Zero), "octocat"),
            new("20250102000000", "add_note", MigrationState.MissingLocally, null, null, "c", null, null),
            new("20250103000000", "x", MigrationState.Pending, "g.sql", "c", null, null, null),
        ], []);

        var lines = StatusRenderer.Render(report, OutputFormat.Text).Split('\n');

        Assert.That(lines[..5], Is.EqualTo(new[]
        {
            "money-tracker on staging (db:5432/postgres):",
            "  STATE            VERSION         NAME            APPLIED            BY",
            "  applied          20250101000000  create_budgets  2025-01-02 03:04Z  octocat",
            "  missing locally  20250102000000  add_note",
            "  pending          20250103000000  x",
        }));
    }

    [Test]
    public async Task Example_script_keeps_its_app_when_given_other_arguments()
    {
        async Task<string> ShowAsync(params string[] args)
        {
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, Environment = { ["EXAMPLE_SHOW"] = "1" } };
            start.ArgumentList.Add(TestRepository.Combine("build", "example.sh"));
            foreach (var arg in args)
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(timeout.Token);
            return output.Trim();
        }

        Assert.That(await ShowAsync("--format", "markdown"),
            Is.EqualTo("ci-migrate diff --config examples/ci-migrate.json --app money-tracker --format markdown"));
        Assert.That(await ShowAsync(), Is.EqualTo("ci-migrate diff --config examples/ci-migrate.json --app money-tracker"));
        Assert.That(await ShowAsync("--app", "home-portal"), Is.EqualTo("ci-migrate diff --config examples/ci-migrate.json --app home-portal"));
    }
}
