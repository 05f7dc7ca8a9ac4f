using CiMigrate.Configuration;

namespace CiMigrate.Execution;

/// <summary>
/// One environment of a run, resolved once from settings, flags and action inputs (<c>Tasks.Environments</c> builds
/// it): the way in to its database, what runs there after DDL, and its policy. Gates ask the environment, never the
/// task's name, so <c>stage-apply --env production</c> meets every gate <c>prod-apply</c> does.
/// </summary>
public sealed record DeploymentEnvironment
{
    public required EnvironmentSettings Settings { get; init; }

    public string Name => Settings.Name;

    /// <summary>The way in to its database. For the run's own environment <c>--database-url</c> is it; for another one, never.</summary>
    public required IDatabaseTarget Database { get; init; }

    /// <summary>What runs after DDL here: PostgREST's reload, the grant check, a rollout restart through Kubernetes.</summary>
    public required IReadOnlyList<IAfterApplyHook> AfterApply { get; init; }

    /// <summary>
    /// The approval a run here needs (<see cref="NoApprovalGate"/> when none); made when asked, since asking GitHub
    /// needs a token that only a run reaching the gate must have.
    /// </summary>
    public required Func<IApprovalGate> Approval { get; init; }

    /// <summary><c>requires</c>: the proof that pending migrations passed through another environment first; null when none is required.</summary>
    public IPromotionEvidence? Promotion { get; init; }

    /// <summary>How long a contract migration waits after its expand migration here; null when it does not wait.</summary>
    public TimeSpan? ContractWait => Settings.WaitsBeforeContract ? Settings.ContractAfter : null;

    /// <summary>The plan hash the pending migrations must have (<c>--expect-plan</c>, the action's <c>expect-plan</c>); null: any.</summary>
    public string? ExpectedPlan { get; init; }
}
