using System.Globalization;
using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.History;

namespace CiMigrate.Tasks;

/// <summary>
/// The expand-contract gate of an environment that waits (<see cref="DeploymentEnvironment.ContractWait"/>: production,
/// and any that sets <c>contractAfter</c>): a pending <c>-- ci-migrate:contract &lt;version&gt;</c> migration runs only when
/// its expand migration has been applied to the environment for at least <c>contractAfter</c> (default 24h), so the apps
/// that write the new shape are deployed before the old shape goes. The clock is given, never read here.
/// </summary>
sealed class ContractGate(TimeProvider clock)
{
    /// <summary>Null when every pending contract may run now; else one refusal naming each early one and when it may run.</summary>
    public RunRefused? Check(HistoryComparison comparison, DeploymentEnvironment deployment)
    {
        if (deployment.ContractWait is not { } wait)
            return null;
        var environment = deployment.Settings;
        var now = clock.GetUtcNow();
        var pending = comparison.Pending.Select(m => m.Version).ToHashSet(StringComparer.Ordinal);
        var early = new List<(string File, string Problem)>();
        foreach (var pair in ExpandContractPairs.Of(comparison, wait))
        {
            if (pair.ContractVersion is null || !pending.Contains(pair.ContractVersion) || pair.MayContract(now))
                continue;
            var file = pair.ContractFile!;
            early.Add((file, pair.ExpandedAt is { } at
                ? $"{file} contracts {pair.ExpandVersion}, applied to {environment.Name} at {Utc(at)}; it can run from " +
                  $"{Utc(pair.ContractOpensAt!.Value)} (in {Durations.Describe(pair.ContractOpensAt.Value - now)}; contractAfter is " +
                  $"{Durations.Describe(wait)})"
                : $"{file} contracts {pair.ExpandVersion}, which is not applied to {environment.Name} yet; it can run " +
                  $"{Durations.Describe(wait)} after {pair.ExpandVersion} is"));
        }

        if (early is not [var first, ..])
            return null;
        var line = comparison.Pending.First(m => m.Up.DisplayPath == first.File).Up.Script.Phase.Line;
        return new RunRefused(RefusalCodes.ContractTooEarly,
            $"Too early to contract on {environment.Name}: {string.Join("; ", early.Select(e => e.Problem))}. Nothing was applied.",
            "Apps must run on the expanded schema before the old shape goes: release the contract migration later, or apply the " +
            "migrations before it on their own first.", first.File, line, 1);
    }

    static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
