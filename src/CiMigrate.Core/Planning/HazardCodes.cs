using CiMigrate.Diagnostics;

namespace CiMigrate.Planning;

/// <summary>
/// The stable code of each hazard kind (its docs page is <c>docs/hazards/&lt;code&gt;.md</c>, and plan JSON's
/// <c>kind</c>), and how much it matters: what loses data, leaves the app's schema, fails on the target or opens a table's rows to the API is an error.
/// </summary>
public static class HazardCodes
{
    public static string Of(HazardKind kind) => kind switch
    {
        HazardKind.DataLoss => "data-loss",
        HazardKind.Rewrite => "rewrite",
        HazardKind.Lock => "lock",
        HazardKind.Breaking => "breaking",
        HazardKind.Isolation => "isolation",
        HazardKind.FailsOnTarget => "fails-on-target",
        HazardKind.FailsOnShadow => "fails-on-shadow",
        HazardKind.CollidesOnTarget => "collides-on-target",
        HazardKind.ShadowVersion => "shadow-version",
        HazardKind.ExposedWithoutRls => "exposed-without-rls",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static Severity SeverityOf(HazardKind kind) =>
        kind is HazardKind.DataLoss or HazardKind.Isolation or HazardKind.FailsOnTarget or HazardKind.FailsOnShadow or HazardKind.CollidesOnTarget
            or HazardKind.ExposedWithoutRls
            ? Severity.Error : Severity.Warning;

    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<HazardKind>().Select(Of)];
}
