using CiMigrate.Execution.Events;
using CiMigrate.Migrations;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// One file to run with the ledger command that records it: an up file and its <c>apply</c> row, or a down file
/// and the removal of its row. Both go in the same transaction.
/// </summary>
sealed record MigrationStep(Migration Migration, MigrationFile File, Func<NpgsqlBatchCommand> Record, bool Forward)
{
    /// <summary>The event that says the step ran.</summary>
    public ExecutionEvent Done(TimeSpan duration) => Forward
        ? new MigrationApplied(Migration.Version, Migration.Name, File.DisplayPath, duration)
        : new MigrationRolledBack(Migration.Version, Migration.Name, File.DisplayPath, duration);
}
