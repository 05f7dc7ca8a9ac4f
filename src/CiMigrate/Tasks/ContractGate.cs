using System.Globalization;
using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.History;
using CiMigrate.Sql;

namespace CiMigrate.Tasks;

/// <summary>
/// prod-apply's expand-contract gate: a pending <c>-- ci-migrate:contract &lt;version&gt;</c> migration runs only when its
/// expand migration has been applied to the environment for at least <c>contractAfter</c> (default 24h), so the apps
/// that write the new shape are deployed before the old shape goes. The clock is given, never read here.
/// </summary>
sealed class ContractGate(TimeProvider clock)
{
    /// <summary>Null when every pending contract may run now; else one refusal naming each early one and when it may run.</summary>
    public RunRefused? Check(HistoryComparison comparison, EnvironmentSettings environment)
    {
        var now = clock.GetUtcNow();
        var applied = comparison.Entries.Where(e => e.Applied is not null).ToDictionary(e => e.Version, e => e.Applied!, StringComparer.Ordinal);
        var early = new List<(string File, int Line, string Problem)>();
        foreach (var migration in comparison.Pending)
        {
            if (migration.Up.Script.Phase is not { Phase: MigrationPhase.Contract, ExpandVersion: { } expand } directive)
                continue;
            var file = migration.Up.DisplayPath;
            if (!applied.TryGetValue(expand, out var row))
            {
                early.Add((file, directive.Line, $"{file} contracts {expand}, which is not applied to {environment.Name} yet; it can run " +
                    $"{Durations.Describe(environment.ContractAfter)} after {expand} is"));
                continue;
            }

            var from = row.AppliedAt + environment.ContractAfter;
            if (now < from)
            {
                early.Add((file, directive.Line, $"{file} contracts {expand}, applied to {environment.Name} at {Utc(row.AppliedAt)}; it can " +
                    $"run from {Utc(from)} (in {Durations.Describe(from - now)}; contractAfter is {Durations.Describe(environment.ContractAfter)})"));
            }
        }

        if (early is not [var first, ..])
            return null;
        return new RunRefused(RefusalCodes.ContractTooEarly,
            $"Too early to contract on {environment.Name}: {string.Join("; ", early.Select(e => e.Problem))}. Nothing was applied.",
            "Apps must run on the expanded schema before the old shape goes: release the contract migration later, or apply the " +
            "migrations before it on their own first.", first.File, first.Line, 1);
    }

    static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
