using CiMigrate.Planning;

namespace CiMigrate.Reporting;

/// <summary>The hazards of one kind on one object: one row of the comment's hazard table, however many statements.</summary>
public sealed record PlanHazardGroup(HazardKind Kind, string Object, IReadOnlyList<Hazard> Hazards)
{
    public Hazard First => Hazards[0];

    /// <summary>Grouped by kind (errors first, in the order of <see cref="HazardKind"/>), then by object.</summary>
    public static IReadOnlyList<PlanHazardGroup> Of(IEnumerable<Hazard> hazards) =>
    [
        .. hazards
            .GroupBy(h => (h.Kind, h.Object))
            .Select(g => new PlanHazardGroup(g.Key.Kind, g.Key.Object, [.. g]))
            .OrderBy(g => g.First.IsError ? 0 : 1)
            .ThenBy(g => g.Kind)
            .ThenBy(g => g.Object, StringComparer.Ordinal),
    ];
}
