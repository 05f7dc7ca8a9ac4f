namespace CiMigrate.Copying;

/// <summary>How a copy ended.</summary>
public enum CopyStatus
{
    /// <summary><c>--dry-run</c>: the plan was made, nothing changed.</summary>
    Planned,

    /// <summary>Committed on the target, every table proven equal.</summary>
    Copied,

    /// <summary>Stopped before changing anything (the target schema holds objects, a name cannot be rewritten).</summary>
    Refused,

    /// <summary>Something failed or a proof differed: the target's transaction was rolled back.</summary>
    Failed,
}
