using CiMigrate.Hosting;
using CiMigrate.Reporting;
using CiMigrate.Secrets;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Cli;

public class CliAppTests
{
    [Test]
    public async Task An_unknown_option_is_a_usage_error()
    {
        using var repo = new TempDirectory();

        var run = await CliRun.RunAsync(repo.Path, "lint", "--no-such-flag");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("--no-such-flag"));
    }

    [Test]
    public async Task Tree_shows_the_tasks_without_running_them()
    {
        using var repo = new TempDirectory();

        var run = await CliRun.RunAsync(repo.Path, "inspect", "never-read.sql", "--tree");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(run.Output, Does.StartWith("1. inspect"));
    }

    [Test]
    public async Task Help_lists_every_task()
    {
        using var repo = new TempDirectory();

        var run = await CliRun.RunAsync(repo.Path, "--help");

        foreach (var task in new[] { "lint", "diff", "stage-apply", "prod-apply", "rollback", "status", "inspect" })
            Assert.That(run.Output, Does.Contain($"  {task} "), task);
    }

    [Test]
    public void Secrets_split_across_writes_are_still_masked()
    {
        var masker = new SecretMasker();
        masker.Add("hunter2-password");
        var inner = new StringWriter();
        using (var writer = new MaskingTextWriter(inner, masker))
        {
            writer.Write("connecting with hunter2-");
            writer.Write("password to db\n");
            writer.Write("tail hunter2-password");
        }

        Assert.That(inner.ToString(), Is.EqualTo("connecting with *** to db\ntail ***"));
    }

    sealed class ThrowingTask : ITask
    {
        public string Name => "explode";
        public string Description => "fails with an unexpected exception that quotes a secret";

        public Task<int> RunAsync(TaskContext context) =>
            throw new InvalidOperationException($"could not use {context.Options.DatabaseUrl}");
    }

    [Test]
    public async Task An_unexpected_exception_exits_3_with_its_secrets_masked()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await new CiMigrate.Cli.CliApp([new ThrowingTask()]).RunAsync(
            ["explode", "--database-url", "postgresql://postgres:hunter2-secret@db:5432/postgres"], output, error,
            new Dictionary<string, string?>());

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Execution));
        Assert.That(error.ToString(), Does.StartWith("internal error: InvalidOperationException: could not use ***"));
        Assert.That(error.ToString() + output, Does.Not.Contain("hunter2"));
    }
}
