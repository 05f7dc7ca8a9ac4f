using System.CommandLine;
using CiMigrate.Hosting;

namespace CiMigrate.Tasks;

/// <summary>
/// The apply under <c>stage-apply</c> and <c>prod-apply</c>: the two differ only in the environment a run without
/// <c>--env</c> goes to. The gates are the environment's, whichever task applies to it.
/// </summary>
/// <param name="defaultEnvironment">The environment without <c>--env</c>.</param>
/// <param name="clock">The clock of the expand-contract gate (tests set it).</param>
abstract class ApplyTask(string defaultEnvironment, TimeProvider? clock) : ITask
{
    readonly ApplyTaskOptions _options = new();
    readonly ContractGate _contractGate = new(clock ?? TimeProvider.System);

    public abstract string Name { get; }
    public abstract string Description { get; }
    public IReadOnlyList<Option> Options => _options.All;

    public bool RunsPerApp(TaskContext context) => true;

    public Task<int> RunAsync(TaskContext context) => ApplyRunner.RunAsync(context, Name, defaultEnvironment, _options, _contractGate);
}
