namespace CiMigrate.Planning;

/// <summary>What happened to an object between two snapshots.</summary>
public enum ChangeType
{
    Added,
    Removed,
    Altered,

    /// <summary>The same object (same oid) under a new name; its attributes may have changed too.</summary>
    Renamed,
}
