namespace CiMigrate.Copying;

/// <summary>How the foreign keys between copied tables are satisfied while the rows arrive.</summary>
public enum ConstraintHandling
{
    /// <summary>Tables are loaded referenced-first; deferrable keys are also deferred to the commit.</summary>
    Ordered,

    /// <summary>
    /// A cycle of keys that are not deferrable and stay on their tables during the load (a key with a comment): the
    /// copy's transaction sets <c>session_replication_role = replica</c> (a superuser's setting), so no key is
    /// checked while loading. The last resort: the rows are the source's, which
    /// satisfied the same keys in the same snapshot, and the checksums prove the rows are those rows.
    /// </summary>
    ReplicationRole,
}
