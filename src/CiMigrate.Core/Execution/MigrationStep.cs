using CiMigrate.Execution.Events;
using CiMigrate.Migrations;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// One file to run with the commands that record it: an up file and its <c>apply</c> row (and its row in the Supabase
/// CLI's history), or a down file and the removal of its rows. All go in the same transaction (for a file that runs in
/// segments, the last segment's).
/// </summary>
sealed record MigrationStep(Migration Migration, MigrationFile File, Func<IReadOnlyList<NpgsqlBatchCommand>> Record, bool Forward)
{
    /// <summary>
    /// Whether the file runs statement by statement: marked <c>-- ci-migrate:no-transaction</c>, or replayed on the
    /// shadow after the target applied it that way without the marker.
    /// </summary>
    public bool OutsideTransaction { get; init; } = File.Script.TransactionMode == TransactionMode.NoTransaction;

    /// <summary>The segments already committed by an earlier run (their progress rows matched the file): where this run starts.</summary>
    public int Resume { get; init; }

    /// <summary>
    /// The parts of the file that commit on their own, each with its progress record (<see cref="SqlScript.Segments"/>).
    /// Not kept: a run builds every step first, and a step holding its segments would hold its parsed file to the end
    /// (the framework-dependent build applying 1,000 files peaked at 103 MiB with it kept, 81 without).
    /// </summary>
    public IReadOnlyList<TransactionSegment> Segments => OutsideTransaction && File.Script.TransactionMode != TransactionMode.NoTransaction
        ? TransactionSegments.Alone(File.Script.StatementsToRun, "the target applied it statement by statement")
        : File.Script.Segments;

    /// <summary>Whether the step runs in segments (<see cref="SegmentedRun"/>) rather than as one transaction.</summary>
    public bool InSegments => OutsideTransaction || Resume > 0 || Segments.Count > 1 || Segments[0].Kind != SegmentKind.Transaction;

    /// <summary>The event that says the step ran.</summary>
    public ExecutionEvent Done(TimeSpan duration) => Forward
        ? new MigrationApplied(Migration.Version, Migration.Name, File.DisplayPath, duration)
        : new MigrationRolledBack(Migration.Version, Migration.Name, File.DisplayPath, duration);
}
