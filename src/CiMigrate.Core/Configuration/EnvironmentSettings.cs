namespace CiMigrate.Configuration;

/// <summary>A target database (staging, production, ...) and how migrations are applied to it.</summary>
public sealed record EnvironmentSettings
{
    /// <summary>
    /// The environment prod-apply works on, whose policy is strict by default: an approval in Actions and the
    /// expand-contract wait, whichever task applies to it.
    /// </summary>
    public const string Production = "production";

    public required string Name { get; init; }

    public bool IsProduction => string.Equals(Name, Production, StringComparison.OrdinalIgnoreCase);

    /// <summary>A connection string or <c>postgresql://</c> URL written in settings (better: <see cref="DatabaseUrlEnv"/>).</summary>
    public string? DatabaseUrl { get; init; }

    /// <summary>The environment variable holding the connection, so the secret stays out of the repository.</summary>
    public string? DatabaseUrlEnv { get; init; }

    /// <summary>An environment whose ledger must already hold every migration applied here (promotion gate).</summary>
    public string? Requires { get; init; }

    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How often a migration that hit <c>lock_timeout</c> is tried again before the run fails.</summary>
    public int LockRetries { get; init; } = 3;

    /// <summary>How long to wait for another run of the same app to release its advisory lock.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Creates the app's schema when it does not exist yet, so a new app's first migration can set it.</summary>
    public bool CreateSchema { get; init; } = true;

    /// <summary>Sends <c>NOTIFY pgrst, 'reload schema'</c> after DDL so PostgREST sees new tables.</summary>
    public bool NotifyPostgrest { get; init; } = true;

    /// <summary>Grants the runbook's privileges on tables and sequences that lack them, instead of only reporting.</summary>
    public bool AutoGrant { get; init; }

    /// <summary>A <c>pg_dump</c> of the app's schema before applying.</summary>
    public bool Backup { get; init; }

    /// <summary>
    /// Apply mirrors each migration into <c>supabase_migrations.schema_migrations</c>, rollback removes it (null: on when
    /// the table exists).
    /// </summary>
    public bool? MirrorSupabaseHistory { get; init; }

    /// <summary>An approval of this environment in the workflow run is required (null: on for production in Actions).</summary>
    public bool? RequireApproval { get; init; }

    /// <summary>Whether a run here needs an approval: <see cref="RequireApproval"/>, else production's default in Actions.</summary>
    public bool RequiresApproval(bool inGitHubActions) => RequireApproval ?? (IsProduction && inGitHubActions);

    /// <summary><c>shadow</c>: <c>"throwaway"</c> (default) or <c>"scratch"</c>, a scratch database on this environment's server.</summary>
    public ShadowKind Shadow { get; init; }

    /// <summary>How long an expand migration must have been here before an apply runs its contract migration here.</summary>
    public TimeSpan ContractAfter { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Whether settings write <c>contractAfter</c> for this environment.</summary>
    public bool ContractAfterSet { get; init; }

    /// <summary>Whether apply holds a contract migration back for <see cref="ContractAfter"/>: on production, and where settings ask.</summary>
    public bool WaitsBeforeContract => IsProduction || ContractAfterSet;

    /// <summary>The <c>kubernetes</c> block: the database is reached through a port-forward; null for a direct connection.</summary>
    public KubernetesSettings? Kubernetes { get; init; }
}
