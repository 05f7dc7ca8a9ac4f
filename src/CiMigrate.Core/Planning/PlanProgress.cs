namespace CiMigrate.Planning;

/// <summary>
/// A step of <see cref="Planner"/> starting, as data: the planner reports through <see cref="PlanRequest.Progress"/>
/// and never prints; the task decides whether and where to show it.
/// </summary>
/// <param name="Done">For replays: how many migrations of <paramref name="Total"/> ran before this step.</param>
/// <param name="File">For a pending migration's replay: the file being replayed.</param>
public sealed record PlanProgress(PlanStage Stage, int Done = 0, int Total = 0, string? File = null);
