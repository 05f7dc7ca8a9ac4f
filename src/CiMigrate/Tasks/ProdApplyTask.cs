using System.CommandLine;
using CiMigrate.Hosting;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>prod-apply</c>: <c>apply --env production</c> behind the gates: the promotion gate (<c>requires</c>), the
/// reviewed plan (<c>--expect-plan</c>), the expand-contract gate (<c>contractAfter</c>) and the environment's approval.
/// </summary>
sealed class ProdApplyTask(TimeProvider? clock = null) : ITask
{
    public const string DefaultEnvironment = "production";

    readonly ApplyTaskOptions _options = new();
    readonly ContractGate _contractGate = new(clock ?? TimeProvider.System);

    public string Name => "prod-apply";
    public string Description => "Apply pending migrations to production, behind the gates";
    public bool RunsPerApp(TaskContext context) => true;
    public IReadOnlyList<Option> Options => _options.All;

    public Task<int> RunAsync(TaskContext context) => ApplyRunner.RunAsync(context, Name, DefaultEnvironment, _options, _contractGate);
}
