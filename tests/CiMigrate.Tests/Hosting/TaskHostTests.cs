using CiMigrate.Cli;
using CiMigrate.Hosting;
using CiMigrate.Reporting;
using CiMigrate.Secrets;

namespace CiMigrate.Tests.Hosting;

public class TaskHostTests
{
    /// <summary>A task that writes its name to a shared journal and returns a chosen exit code.</summary>
    abstract class JournalTask(string name, int exitCode, params Type[] dependencies) : ITask
    {
        public static readonly List<string> Journal = [];
        public string Name => name;
        public string Description => $"the {name} task";
        public IReadOnlyList<Type> Dependencies => dependencies;
        public virtual bool RunsAfterFindings => false;

        public Task<int> RunAsync(TaskContext context)
        {
            Journal.Add(name);
            return Task.FromResult(exitCode);
        }
    }

    sealed class Lint(int exitCode = 0) : JournalTask("lint", exitCode);
    sealed class Diff(int exitCode = 0) : JournalTask("diff", exitCode, typeof(Lint))
    {
        public override bool RunsAfterFindings => true;
    }

    sealed class Apply() : JournalTask("apply", 0, typeof(Diff), typeof(Lint));
    sealed class Ping() : JournalTask("ping", 0, typeof(Pong));
    sealed class Pong() : JournalTask("pong", 0, typeof(Ping));
    sealed class Failing() : JournalTask("failing", ExitCodes.Execution);
    sealed class AfterFailing() : JournalTask("after", 0, typeof(Failing));

    [SetUp]
    public void ClearJournal() => JournalTask.Journal.Clear();

    static TaskContext Context()
    {
        var parse = new System.CommandLine.RootCommand().Parse([]);
        return new TaskContext(parse, new GlobalOptions(), TextWriter.Null, TextWriter.Null,
            new Dictionary<string, string?>(), new SecretMasker(), CancellationToken.None);
    }

    [Test]
    public void Dependencies_run_first_and_each_task_once()
    {
        var apply = new Apply();
        var host = new TaskHost([new Lint(), new Diff(), apply]);

        Assert.That(host.Order(apply).Select(t => t.Name), Is.EqualTo(new[] { "lint", "diff", "apply" }));
    }

    [Test]
    public void A_cycle_is_rejected_naming_it()
    {
        var host = new TaskHost([new Ping(), new Pong()]);

        var error = Assert.Throws<InvalidOperationException>(host.Validate)!;

        Assert.That(error.Message, Is.EqualTo("Task dependencies form a cycle: ping -> pong -> ping."));
    }

    [Test]
    public async Task Findings_stop_tasks_that_do_not_run_after_findings()
    {
        var apply = new Apply();
        var host = new TaskHost([new Lint(ExitCodes.Findings), new Diff(), apply]);

        var exitCode = await host.RunAsync(apply, Context());

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Findings));
        Assert.That(JournalTask.Journal, Is.EqualTo(new[] { "lint", "diff" }));
    }

    [Test]
    public async Task A_failure_stops_the_run()
    {
        var after = new AfterFailing();
        var host = new TaskHost([new Failing(), after]);

        var exitCode = await host.RunAsync(after, Context());

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Execution));
        Assert.That(JournalTask.Journal, Is.EqualTo(new[] { "failing" }));
    }

    [Test]
    public void The_tree_lists_what_would_run_in_order()
    {
        var diff = new Diff();
        var host = new TaskHost([new Lint(), diff, new Apply()]);

        Assert.That(host.Tree(diff), Is.EqualTo(new[]
        {
            "1. lint         the lint task",
            "2. diff         the diff task",
        }));
    }
}
