using CiMigrate.Diagnostics;

namespace CiMigrate.Planning;

/// <summary>
/// What <c>ci-migrate diff</c> found for one app: the pending migrations, what they change in the schema, what is
/// risky about it, how the target differs from its migrations, and lint's findings. Renderers in
/// <c>Reporting/Plan*</c> turn it into text, JSON (docs/plan-json.md) and the pull-request comment.
/// </summary>
public sealed record Plan
{
    public required string App { get; init; }

    /// <summary>The schema the app owns.</summary>
    public required string Schema { get; init; }

    /// <summary>The target environment, or null when planned against an empty history.</summary>
    public string? Environment { get; init; }

    /// <summary>SHA-256 over app, environment and the pending versions with checksums (<see cref="PlanHash"/>).</summary>
    public required string PlanHash { get; init; }

    public IReadOnlyList<PendingMigration> Pending { get; init; } = [];

    /// <summary>Every change the pending migrations make, in any schema, ordered by schema and table.</summary>
    public IReadOnlyList<SchemaChange> Changes { get; init; } = [];

    public IReadOnlyList<Hazard> Hazards { get; init; } = [];

    /// <summary>
    /// How the target's schema differs from what its applied migrations produce (before: from the migrations;
    /// after: on the target). Null when there is no target to check.
    /// </summary>
    public IReadOnlyList<SchemaChange>? Drift { get; init; }

    /// <summary>
    /// With <c>diff --declared</c>: how the declared schema (<c>supabase/schemas</c>) differs from what all the app's
    /// migrations give (before: from the migrations; after: declared). Empty: the migrations reach it. Null: not checked.
    /// </summary>
    public IReadOnlyList<SchemaChange>? Declared { get; init; }

    /// <summary>Lint findings of the files the plan applies (and of files it does not know): they gate the verdict.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>
    /// Lint findings of migrations the target has applied already: listed apart, and never part of the verdict (a
    /// clean new migration is not DANGER because of a file applied long ago).
    /// </summary>
    public IReadOnlyList<Finding> AppliedFindings { get; init; } = [];

    /// <summary>Tables added or changed, with their columns and foreign keys, for the diagram.</summary>
    public EntityDiagram Diagram { get; init; } = EntityDiagram.Empty;

    /// <summary>Things the reviewer should know that are not hazards (an applied migration missing locally, ...).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool HasDestructiveChanges => Changes.Any(c => c.IsDestructive);

    public bool HasDrift => Drift is { Count: > 0 };

    /// <summary>The migrations do not reach the declared schema.</summary>
    public bool MissesDeclared => Declared is { Count: > 0 };

    public PlanVerdict Verdict => PlanVerdict.Of(this);
}
