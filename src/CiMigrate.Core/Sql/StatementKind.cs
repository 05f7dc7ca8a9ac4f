namespace CiMigrate.Sql;

/// <summary>
/// What a statement does, from its leading keywords. ALTER TABLE has one kind per action; a statement with
/// several actions takes the kind of its first (see <see cref="SqlStatement.Actions"/> for all).
/// </summary>
public enum StatementKind
{
    Other,

    CreateTable,
    CreateTableAs,
    DropTable,

    /// <summary>An ALTER TABLE action not listed below (SET (...), OWNER TO, CLUSTER ON, ...).</summary>
    AlterTable,
    AlterTableAddColumn,
    AlterTableDropColumn,
    AlterTableRenameColumn,
    /// <summary><c>ALTER TABLE x RENAME TO y</c>.</summary>
    AlterTableRename,
    AlterTableAlterColumnType,
    AlterTableSetNotNull,
    AlterTableDropNotNull,
    AlterTableSetDefault,
    AlterTableDropDefault,
    /// <summary>Another <c>ALTER [COLUMN] x ...</c> action (SET STATISTICS, ADD GENERATED, ...).</summary>
    AlterTableAlterColumn,
    AlterTableAddConstraint,
    AlterTableDropConstraint,
    AlterTableValidateConstraint,
    AlterTableEnableRls,
    AlterTableDisableRls,
    AlterTableForceRls,
    AlterTableNoForceRls,
    AlterTableSetSchema,
    AlterTableOwner,
    AlterTableEnableTrigger,
    AlterTableDisableTrigger,
    AlterTableAttachPartition,
    AlterTableDetachPartition,

    CreateIndex,
    DropIndex,
    AlterIndex,
    Reindex,

    CreatePolicy,
    AlterPolicy,
    DropPolicy,

    CreateFunction,
    CreateProcedure,
    DropFunction,
    DropProcedure,
    AlterFunction,
    CreateTrigger,
    DropTrigger,
    CreateView,
    CreateMaterializedView,
    RefreshMaterializedView,
    DropView,
    DropMaterializedView,
    AlterView,

    CreateSchema,
    DropSchema,
    AlterSchema,
    CreateSequence,
    AlterSequence,
    DropSequence,
    CreateExtension,
    DropExtension,
    AlterExtension,
    CreateType,
    AlterType,
    DropType,
    CreateDomain,
    AlterDomain,
    DropDomain,
    CreateRole,
    AlterRole,
    DropRole,
    CreateDatabase,
    DropDatabase,
    AlterDatabase,
    CreatePublication,
    AlterPublication,

    /// <summary>Another CREATE statement (CREATE CAST, CREATE RULE, ...).</summary>
    Create,

    /// <summary>Another ALTER statement.</summary>
    Alter,

    /// <summary>Another DROP statement (DROP CAST, DROP RULE, DROP OWNED, ...).</summary>
    Drop,

    Insert,
    Update,
    Delete,
    Truncate,
    Merge,
    Copy,
    Select,

    Grant,
    Revoke,
    AlterDefaultPrivileges,

    /// <summary><c>SET search_path</c>: <see cref="SqlStatement.Objects"/> are the schemas, in order.</summary>
    SetSearchPath,

    /// <summary>SET of anything else, SET ROLE, SET LOCAL ..., SET CONSTRAINTS, SET TRANSACTION.</summary>
    Set,
    Reset,

    /// <summary>BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, SAVEPOINT, RELEASE, ABORT, PREPARE TRANSACTION.</summary>
    TransactionControl,

    Do,
    Call,
    Comment,
    Vacuum,
    Analyze,
    Cluster,
    Lock,
    Notify,
    Listen,
    Explain,
    SecurityLabel,
}
