using CiMigrate.Execution;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Copying;

/// <summary>
/// The source's half of the proof, computed on a second source connection while the rows load: it imports the copy's
/// snapshot (<c>SET TRANSACTION SNAPSHOT</c>), so it reads exactly the rows the COPY reads, whatever commits on the
/// source meanwhile, and its scans run beside the target's load instead of after it.
/// </summary>
sealed class SourceChecksums : IAsyncDisposable
{
    readonly NpgsqlConnection _connection;
    readonly CancellationTokenSource _stop;
    readonly Task<IReadOnlyList<(long Rows, string Checksum)>> _running;

    SourceChecksums(NpgsqlConnection connection, CancellationTokenSource stop, Task<IReadOnlyList<(long Rows, string Checksum)>> running)
    {
        _connection = connection;
        _stop = stop;
        _running = running;
    }

    /// <summary>The first transaction's snapshot, to be shared: call in the source's REPEATABLE READ transaction.</summary>
    public static async Task<string> ExportAsync(NpgsqlConnection source, NpgsqlTransaction snapshot, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_export_snapshot()", source, snapshot);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Starts checksumming <paramref name="plan"/>'s tables in the exported snapshot, in load order.</summary>
    public static async Task<SourceChecksums> StartAsync(MigrationSession source, string snapshot, CopyPlan plan,
        CancellationToken cancellationToken)
    {
        var connection = await source.OpenSiblingAsync(cancellationToken);
        try
        {
            await using (var setUp = new NpgsqlCommand(
                             $"{SchemaCopier.SourceSessionSettings}; " +
                             "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; " +
                             $"SET TRANSACTION SNAPSHOT '{snapshot.Replace("'", "''")}'; " +
                             $"SET LOCAL search_path TO {Identifiers.Quote(plan.Schema)}", connection))
                await setUp.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        return new SourceChecksums(connection, stop, ComputeAsync(connection, plan, stop.Token));
    }

    /// <summary>Row count and checksum of each table, in the plan's order.</summary>
    public Task<IReadOnlyList<(long Rows, string Checksum)>> Result => _running;

    static async Task<IReadOnlyList<(long Rows, string Checksum)>> ComputeAsync(NpgsqlConnection connection, CopyPlan plan,
        CancellationToken cancellationToken)
    {
        var sums = new List<(long, string)>();
        foreach (var table in plan.Tables)
            sums.Add(await TableChecksum.ComputeAsync(connection, plan.Schema, table, cancellationToken));
        return sums;
    }

    /// <summary>Stops a computation the copy no longer needs (it failed first; its own error is the one reported).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await ((Task)_running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        await _connection.DisposeAsync();
    }
}
