using CiMigrate.Execution.Events;

namespace CiMigrate.Execution;

/// <summary>
/// What a run did, as DbUp's upgrade result: the events in order and whether it succeeded. The executor returns
/// this instead of throwing for failures of the migrations themselves and for refusals; tasks decide exit codes and
/// rendering.
/// </summary>
public sealed record ExecutionOutcome(IReadOnlyList<ExecutionEvent> Events)
{
    public bool Succeeded => !Events.OfType<RunStop>().Any();
}
