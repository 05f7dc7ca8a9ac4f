using System.CommandLine;
using CiMigrate.Configuration;
using CiMigrate.Hosting;

namespace CiMigrate.Tasks;

/// <summary><c>stage-apply</c>: <c>apply --env staging</c> (another environment with <c>--env</c>).</summary>
sealed class StageApplyTask : ITask
{
    public const string DefaultEnvironment = Workspace.DefaultEnvironment;

    readonly ApplyTaskOptions _options = new();

    public string Name => "stage-apply";
    public string Description => "Apply pending migrations to staging";
    public bool RunsPerApp(TaskContext context) => true;
    public IReadOnlyList<Option> Options => _options.All;

    public Task<int> RunAsync(TaskContext context) => ApplyRunner.RunAsync(context, Name, DefaultEnvironment, _options);
}
