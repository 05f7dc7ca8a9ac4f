namespace CiMigrate.Planning;

/// <summary>The steps of a plan, in the order they run.</summary>
public enum PlanStage
{
    StartingShadow,
    ReplayingApplied,
    ReplayingPending,
    ReadingTarget,
    Comparing,
}
