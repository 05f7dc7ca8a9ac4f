using CiMigrate.Planning;

namespace CiMigrate.Reporting;

/// <summary>Short labels shared by the plan renderers (and the JSON, where they are part of the documented schema).</summary>
public static class PlanLabels
{
    /// <summary><c>data-loss</c>, <c>rewrite</c>, <c>lock</c>, <c>breaking</c>, <c>isolation</c>, <c>fails-on-target</c>, <c>fails-on-shadow</c>.</summary>
    public static string Of(HazardKind kind) => kind switch
    {
        HazardKind.DataLoss => "data-loss",
        HazardKind.FailsOnTarget => "fails-on-target",
        HazardKind.FailsOnShadow => "fails-on-shadow",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Of(ChangeType change) => change.ToString().ToLowerInvariant();

    public static string Sign(ChangeType change) => change switch
    {
        ChangeType.Added => "+",
        ChangeType.Removed => "-",
        ChangeType.Renamed => ">",
        _ => "~",
    };
}
