using CiMigrate.Execution.Events;
using CiMigrate.Planning;

namespace CiMigrate.Reporting;

/// <summary>The progress lines of diff and apply (<see cref="StepProgress"/>), from the steps and events as data.</summary>
public static class ProgressText
{
    public static string Of(PlanProgress progress) => progress.Stage switch
    {
        PlanStage.StartingShadow => "starting the shadow database ...",
        PlanStage.ReplayingApplied => $"replaying the {progress.Total} applied migration(s) ...",
        PlanStage.ReplayingPending => $"replaying {progress.Done + 1} of {progress.Total}: {progress.File} ...",
        PlanStage.ReadingTarget => "reading the target's schema ...",
        _ => "comparing the schemas ...",
    };

    /// <summary>The events of apply that start a step worth showing; null for the others.</summary>
    public static string? Of(ExecutionEvent executionEvent) => executionEvent switch
    {
        LockWaiting wait => $"waiting for the migration lock of {wait.App} ...",
        MigrationStarted started => $"applying {started.File} ...",
        _ => null,
    };
}
