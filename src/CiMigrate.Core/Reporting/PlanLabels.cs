using CiMigrate.Planning;

namespace CiMigrate.Reporting;

/// <summary>Short labels shared by the plan renderers (and the JSON, where they are part of the documented schema).</summary>
public static class PlanLabels
{
    public static string Of(ChangeType change) => change.ToString().ToLowerInvariant();

    public static string Sign(ChangeType change) => change switch
    {
        ChangeType.Added => "+",
        ChangeType.Removed => "-",
        ChangeType.Renamed => ">",
        _ => "~",
    };
}
