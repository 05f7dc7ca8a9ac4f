using CiMigrate.Configuration;
using CiMigrate.Planning;
using CiMigrate.Sql;

namespace CiMigrate.Reporting;

/// <summary>The expand-contract phase of a pending migration as the plan shows it: <c>contract of 20250208000004: waits 5h 12m</c>.</summary>
static class PlanPhase
{
    /// <summary>Null for an ordinary migration.</summary>
    public static string? Describe(PendingMigration migration) => migration.Phase switch
    {
        MigrationPhase.Expand => "expand",
        MigrationPhase.Contract => $"contract of {migration.ExpandVersion}: " + migration.ContractWait switch
        {
            null => "prod-apply waits until its expand has been applied there for contractAfter",
            { } wait when wait <= TimeSpan.Zero => "prod-apply may run it now",
            { } wait => $"prod-apply waits {Durations.Describe(wait)} more",
        },
        _ => null,
    };
}
