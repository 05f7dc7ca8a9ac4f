using CiMigrate.Sql;

namespace CiMigrate.History;

/// <summary>The expand-contract pairs of an app on a target, from the files' directives and the target's ledger.</summary>
public static class ExpandContractPairs
{
    public static IReadOnlyList<ExpandContractPair> Of(HistoryComparison comparison, TimeSpan contractAfter)
    {
        var byVersion = comparison.Entries.ToDictionary(e => e.Version, StringComparer.Ordinal);
        var contracts = comparison.Entries
            .Where(e => e.Local?.Up.Phase is { Phase: MigrationPhase.Contract })
            .ToDictionary(e => e.Local!.Up.Phase.ExpandVersion!, StringComparer.Ordinal);
        var expands = comparison.Entries
            .Where(e => e.Local?.Up.Phase.Phase == MigrationPhase.Expand)
            .Select(e => e.Version)
            .Union(contracts.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var pairs = new List<ExpandContractPair>();
        foreach (var version in expands)
        {
            var expand = byVersion.GetValueOrDefault(version);
            var contract = contracts.GetValueOrDefault(version);
            var expandedAt = expand?.Applied?.AppliedAt;
            pairs.Add(new ExpandContractPair(version, expand?.Local?.Up.DisplayPath, expandedAt, contract?.Version, contract?.Local?.Up.DisplayPath,
                contract?.Applied is not null, expandedAt + contractAfter));
        }

        return pairs;
    }
}
