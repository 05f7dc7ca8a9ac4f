namespace CiMigrate.Sql;

/// <summary>Where a migration stands in an expand-contract change (the runbook's zero-downtime pattern).</summary>
public enum MigrationPhase
{
    /// <summary>An ordinary migration.</summary>
    None,

    /// <summary><c>-- ci-migrate:expand</c>: adds the new shape beside the old one; apps keep working.</summary>
    Expand,

    /// <summary><c>-- ci-migrate:contract &lt;expand version&gt;</c>: removes the old shape once apps use the new one.</summary>
    Contract,
}
