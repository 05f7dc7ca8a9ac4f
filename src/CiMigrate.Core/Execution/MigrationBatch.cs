using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// One migration file as one round trip: its preamble (for a dry run's first file, what the run creates in the same
/// transaction first: the app's schema, the ledger), its statements inside the schema guard, and its ledger commands.
/// Or one segment of a file, with the settings the file made before it and the segment's record.
/// It knows where the file's statements sit among its commands, so a failing command maps back to the file's statement,
/// and so to file:line:col.
/// </summary>
sealed class MigrationBatch : IAsyncDisposable
{
    readonly NpgsqlBatch _batch;
    readonly int _firstStatement;
    readonly List<SqlStatement> _statementOf = [];

    public MigrationBatch(MigrationStep step, MigrationSession session, NpgsqlTransaction transaction, IReadOnlyList<string> setup)
        : this(step, session, transaction, setup, [], step.File.Script.StatementsToRun, step.Record())
    {
    }

    /// <summary>One segment of a file (<see cref="SegmentedRun"/>): its statements, after the settings the file made before it, and its records.</summary>
    public MigrationBatch(MigrationStep step, MigrationSession session, NpgsqlTransaction transaction, IReadOnlyList<string> setup,
        IReadOnlyList<SqlStatement> carried, IReadOnlyList<SqlStatement> statements, IReadOnlyList<NpgsqlBatchCommand> records)
    {
        Step = step;
        _batch = new NpgsqlBatch(session.Connection, transaction);
        foreach (var command in setup)
            _batch.BatchCommands.Add(new(command));
        SessionPreamble.AddTo(_batch, session, local: true);
        session.Guard?.AddOpen(_batch, step.File, local: true);
        foreach (var setting in carried)
            _batch.BatchCommands.Add(new(setting.Text));
        _firstStatement = _batch.BatchCommands.Count;
        foreach (var statement in statements)
        {
            // A statement may come with the role switch around it (SchemaGuard.AddStatement) and, on the shadow, with the
            // mark that attributes its catalog changes to it (StatementMarks): each of its commands maps to it.
            var first = _batch.BatchCommands.Count;
            if (session.MarksStatements)
                _batch.BatchCommands.Add(StatementMarks.Command(step.Migration.Version, IndexIn(step.File.Script.StatementsToRun, statement), local: true));
            SchemaGuard.AddStatement(_batch, session.Guard, step.File, statement);
            for (var command = first; command < _batch.BatchCommands.Count; command++)
                _statementOf.Add(statement);
        }

        // A block's SET LOCAL ROLE lasts to its COMMIT, past the statements: the guard closes and the records are
        // written as the role that logged in, which owns ci_migrate.
        if (step.File.Script.Statements.Any(TransactionSegments.SetsRole))
            _batch.BatchCommands.Add(new("RESET ROLE"));
        SchemaGuard.AddClose(_batch, session.Guard);
        foreach (var record in records)
            _batch.BatchCommands.Add(record);
    }

    public MigrationStep Step { get; }

    /// <summary>
    /// After <see cref="ExecuteAsync"/> threw: the index of the file's statement that failed; the statement count when
    /// the ledger commands failed; null when the preamble failed or the server did not say which command it was.
    /// </summary>
    public int? FailedStatement { get; private set; }

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex)
        {
            var index = ex.BatchCommand is null ? -1 : _batch.BatchCommands.IndexOf(ex.BatchCommand);
            var toRun = Step.File.Script.StatementsToRun;
            FailedStatement = index < _firstStatement ? null
                : index - _firstStatement < _statementOf.Count ? IndexIn(toRun, _statementOf[index - _firstStatement])
                : toRun.Count;
            throw;
        }
    }

    /// <summary>Where <paramref name="statement"/> sits among the file's statements to run (by reference: a segment holds the file's own).</summary>
    internal static int IndexIn(IReadOnlyList<SqlStatement> toRun, SqlStatement statement)
    {
        for (var i = 0; i < toRun.Count; i++)
        {
            if (ReferenceEquals(toRun[i], statement))
                return i;
        }

        return toRun.Count;
    }

    public ValueTask DisposeAsync() => _batch.DisposeAsync();
}
