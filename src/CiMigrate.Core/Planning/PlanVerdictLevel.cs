namespace CiMigrate.Planning;

/// <summary>How a plan reads at a glance.</summary>
public enum PlanVerdictLevel
{
    /// <summary>Nothing risky.</summary>
    Safe,

    /// <summary>Hazards or warnings to read before merging.</summary>
    Review,

    /// <summary>Data loss, another schema touched, drift on the target, or lint errors.</summary>
    Danger,
}
