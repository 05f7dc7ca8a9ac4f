using CiMigrate.Execution.Events;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary><c>NOTIFY pgrst, 'reload schema'</c>: PostgREST reloads its schema cache after DDL (<c>notifyPostgrest</c>).</summary>
public sealed class PostgrestReload : IAfterApplyHook
{
    public async Task RunAsync(MigrationSession session, ExecutionLog log, CancellationToken cancellationToken)
    {
        if (!session.Environment.NotifyPostgrest)
            return;
        await using var command = new NpgsqlCommand("NOTIFY pgrst, 'reload schema'", session.Connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        log.Add(new PostgrestNotified());
    }
}
