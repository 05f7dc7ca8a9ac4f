using CiMigrate.Planning;

namespace CiMigrate.Reporting;

/// <summary>
/// The hazards of one statement, so a statement with several (an <c>ALTER ... TYPE</c> that loses data, rewrites the
/// table and breaks the running app) is shown once with all of them; a hazard that names no statement stands alone.
/// </summary>
/// <param name="Statement">A hazard of the statement whose file, line and excerpt (when one has it) are the statement's; null for no statement.</param>
public sealed record PlanStatementHazards(Hazard? Statement, IReadOnlyList<Hazard> Hazards)
{
    /// <summary>Statements in file and line order, then the hazards without one in their order.</summary>
    public static IReadOnlyList<PlanStatementHazards> Of(IEnumerable<Hazard> hazards)
    {
        var all = hazards.ToList();
        return
        [
            .. all.Where(h => h.HasLocation)
                .GroupBy(h => (h.File!, h.Line))
                .OrderBy(g => g.Key.Item1, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Line)
                .Select(g => new PlanStatementHazards(g.FirstOrDefault(h => h.Excerpt is not null) ?? g.First(), [.. g.OrderBy(h => h.IsError ? 0 : 1).ThenBy(h => h.Kind)])),
            .. all.Where(h => !h.HasLocation).Select(h => new PlanStatementHazards(null, [h])),
        ];
    }
}
