using CiMigrate.Execution.Events;
using CiMigrate.Migrations;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// One file to run with the commands that record it: an up file and its <c>apply</c> row (and its row in the Supabase
/// CLI's history), or a down file and the removal of its rows. All go in the same transaction.
/// </summary>
sealed record MigrationStep(Migration Migration, MigrationFile File, Func<IReadOnlyList<NpgsqlBatchCommand>> Record, bool Forward)
{
    /// <summary>
    /// Whether the file runs statement by statement: marked <c>-- ci-migrate:no-transaction</c>, or replayed on the
    /// shadow after the target applied it that way without the marker.
    /// </summary>
    public bool OutsideTransaction { get; init; } = File.Script.TransactionMode == TransactionMode.NoTransaction;

    /// <summary>The event that says the step ran.</summary>
    public ExecutionEvent Done(TimeSpan duration) => Forward
        ? new MigrationApplied(Migration.Version, Migration.Name, File.DisplayPath, duration)
        : new MigrationRolledBack(Migration.Version, Migration.Name, File.DisplayPath, duration);
}
