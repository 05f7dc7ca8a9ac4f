namespace CiMigrate.Generation;

/// <summary>
/// Where a statement goes in a generated file: removals first, dependents before what they depend on; then
/// creations, types before tables, tables before foreign keys, functions before the triggers and policies that call
/// them, views after what they select. A down file runs the same steps in reverse, so a removed object's grants,
/// comments and policies (restored by the down file) come back after the object itself.
/// </summary>
public enum DdlPhase
{
    RemovedDependents,
    DropPolicy,
    DropTrigger,
    DropView,
    DropForeignKey,
    DropConstraint,
    DropIndex,
    DropColumn,
    DropTable,
    DropFunction,
    DropSequence,
    DropType,
    CreateType,
    CreateSequence,
    CreateTable,
    AlterColumn,
    OwnSequence,
    CreateFunction,
    CreateConstraint,
    CreateForeignKey,
    CreateIndex,
    CreateView,
    CreateTrigger,
    CreatePolicy,
    RowLevelSecurity,
    Grant,
    Comment,

    /// <summary>Last: a default privilege acts on objects created after it, and the generated ones get their grants stated.</summary>
    DefaultPrivilege,
}
