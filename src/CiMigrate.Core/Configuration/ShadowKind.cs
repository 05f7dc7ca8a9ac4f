namespace CiMigrate.Configuration;

/// <summary>Where <c>diff</c> replays migrations when it plans against an environment (<c>environments.&lt;name&gt;.shadow</c>).</summary>
public enum ShadowKind
{
    /// <summary>A PostgreSQL cluster of our own, started and deleted by the run, with stand-ins for missing extensions.</summary>
    Throwaway,

    /// <summary>A scratch database on the environment's own server (its extensions, its version), always dropped afterwards.</summary>
    Scratch,
}
