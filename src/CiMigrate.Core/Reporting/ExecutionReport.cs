using CiMigrate.Execution;
using CiMigrate.Execution.Events;

namespace CiMigrate.Reporting;

/// <summary>
/// What a run of apply, rollback, baseline or repair did, for the renderers: the events in order and the verdict.
/// The JSON shape (<c>--format json</c>) is this record in camelCase, each event with a <c>type</c>.
/// </summary>
public sealed record ExecutionReport(
    string Command,
    string App,
    string Environment,
    string Target,
    bool DryRun,
    string? PlanHash,
    int Pending,
    IReadOnlyList<ExecutionEvent> Events)
{
    /// <summary>Nothing failed and nothing was refused: read from the events, so a report cannot say otherwise.</summary>
    public bool Succeeded => new ExecutionOutcome(Events).Succeeded;
}
