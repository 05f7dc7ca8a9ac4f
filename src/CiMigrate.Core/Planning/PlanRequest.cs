using CiMigrate.Configuration;
using CiMigrate.Diagnostics;
using CiMigrate.Execution.Events;
using CiMigrate.Migrations;
using Npgsql;

namespace CiMigrate.Planning;

/// <summary>What <see cref="Planner"/> needs: the app, what is applied and pending, where to replay, the live database.</summary>
public sealed record PlanRequest
{
    public required AppSettings App { get; init; }

    /// <summary>The target's name, or null when planning against an empty history.</summary>
    public string? Environment { get; init; }

    /// <summary>Migrations the target has applied, in order: replayed first, they give the schema the pending ones meet.</summary>
    public IReadOnlyList<Migration> Applied { get; init; } = [];

    public required IReadOnlyList<Migration> Pending { get; init; }

    /// <summary>Per version, the segments of a pending migration an earlier run committed on the target (partly applied).</summary>
    public IReadOnlyDictionary<string, int> SegmentsCommitted { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// What apply would refuse on the target before running anything, decided by its ledger alone (a history it cannot
    /// follow): the plan reports the first and replays nothing. Empty without a target.
    /// </summary>
    public IReadOnlyList<RunRefused> Refusals { get; init; } = [];

    /// <summary>Starts the shadow; called only when a replay is needed, and the shadow is always disposed.</summary>
    public required Func<CancellationToken, Task<IShadowDatabase>> StartShadow { get; init; }

    /// <summary>An open connection to the database the plan is for, read only, for the drift check; null skips it.</summary>
    public NpgsqlConnection? LiveConnection { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Told when each step starts (diff shows slow steps on stderr); null tells no one.</summary>
    public Action<PlanProgress>? Progress { get; init; }
}
