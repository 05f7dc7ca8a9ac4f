using System.CommandLine;
using CiMigrate.Configuration;
using CiMigrate.Hosting;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>stage-apply</c>: <c>apply --env staging</c> (another environment with <c>--env</c>). The gates are the
/// environment's: <c>stage-apply --env production</c> meets production's as <c>prod-apply</c> does.
/// </summary>
sealed class StageApplyTask(TimeProvider? clock = null) : ITask
{
    public const string DefaultEnvironment = Workspace.DefaultEnvironment;

    readonly ApplyTaskOptions _options = new();
    readonly ContractGate _contractGate = new(clock ?? TimeProvider.System);

    public string Name => "stage-apply";
    public string Description => "Apply pending migrations to staging";
    public IReadOnlyList<Option> Options => _options.All;

    public Task<int> RunAsync(TaskContext context) => ApplyRunner.RunAsync(context, Name, DefaultEnvironment, _options, _contractGate);
}
