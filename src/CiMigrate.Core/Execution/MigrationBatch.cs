using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// One migration file as one round trip: its preamble (for a dry run's first file, what the run creates in the same
/// transaction first: the app's schema, the ledger), its statements inside the schema guard, and its ledger commands.
/// It knows where the file's statements sit among its commands, so a failing command maps back to the file's statement,
/// and so to file:line:col.
/// </summary>
sealed class MigrationBatch : IAsyncDisposable
{
    readonly NpgsqlBatch _batch;
    readonly int _firstStatement;

    public MigrationBatch(MigrationStep step, MigrationSession session, NpgsqlTransaction transaction, IReadOnlyList<string> setup)
    {
        Step = step;
        _batch = new NpgsqlBatch(session.Connection, transaction);
        foreach (var command in setup)
            _batch.BatchCommands.Add(new(command));
        SessionPreamble.AddTo(_batch, session, local: true);
        session.Guard?.AddOpen(_batch, step.File, local: true);
        _firstStatement = _batch.BatchCommands.Count;
        foreach (var statement in step.File.Script.StatementsToRun)
            _batch.BatchCommands.Add(new(statement.Text));
        SchemaGuard.AddClose(_batch, session.Guard);
        foreach (var record in step.Record())
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
            FailedStatement = index < _firstStatement ? null : Math.Min(index - _firstStatement, Step.File.Script.StatementsToRun.Count);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _batch.DisposeAsync();
}
