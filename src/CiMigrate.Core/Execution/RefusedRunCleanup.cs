using CiMigrate.Execution.Events;
using CiMigrate.History;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// A run that was refused, or failed before any migration was applied, leaves nothing behind: not the app schema it
/// created (when still empty), not the ledger it created on a database that had none (when no table of it holds a
/// row; a failure recorded in the events keeps it).
/// </summary>
public static class RefusedRunCleanup
{
    public static async Task RunAsync(MigrationSession session, ExecutionLog log, CancellationToken cancellationToken)
    {
        var events = log.Events;
        if (events.OfType<MigrationApplied>().Any()
            || !events.OfType<RunStop>().Any())
            return;
        if (events.OfType<SchemaCreated>().FirstOrDefault() is { } created)
            await DropIfEmptyAsync(session.Connection, created.Schema, cancellationToken);
        if (session.CreatedLedger)
            await LedgerSchema.DropIfUnusedAsync(session.Connection, cancellationToken);
    }

    static async Task DropIfEmptyAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        // RESTRICT: a schema that holds anything stays.
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Identifiers.Quote(schema)} RESTRICT", connection);
        try
        {
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DependentObjectsStillExist)
        {
        }
    }
}
