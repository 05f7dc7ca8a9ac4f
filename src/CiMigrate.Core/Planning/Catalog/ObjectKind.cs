namespace CiMigrate.Planning.Catalog;

/// <summary>The kinds of schema objects a <see cref="CatalogSnapshot"/> holds.</summary>
public enum ObjectKind
{
    Schema,
    Extension,
    Table,
    Column,
    Constraint,
    Index,
    Policy,
    Trigger,
    Grant,
    View,
    Function,
    Sequence,
    Type,

    /// <summary>
    /// What <c>ALTER DEFAULT PRIVILEGES ... IN SCHEMA</c> gives one grantee on the objects one role creates there. Read for
    /// generate and <c>diff --declared</c> only (Generation's detailed reader), not for the plan's replay.
    /// </summary>
    DefaultPrivilege,
}
