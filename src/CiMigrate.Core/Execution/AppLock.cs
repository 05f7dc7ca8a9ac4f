using System.Diagnostics;
using CiMigrate.Execution.Events;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// The app's session advisory lock: one run per app at a time, apps in parallel. A session lock (not a transaction
/// one) because it must outlive the per-migration transactions; it ends with the connection, also when the process
/// is killed. Waiting is bounded and polls <c>pg_try_advisory_lock</c> so that the wait can name the holder.
/// </summary>
static class AppLock
{
    // Two-key form: the first key says "ci-migrate", the second the app, so pg_locks shows them apart
    // (classid, objid, objsubid = 2) and other tools' single-key locks never collide with ours.
    const string Keys = "hashtext('ci-migrate'), hashtext($1)";

    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task AcquireAsync(NpgsqlConnection connection, string app, TimeSpan limit, ExecutionLog log,
        CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        int? reportedHolder = null;
        while (true)
        {
            if (await TryAsync(connection, app, cancellationToken))
            {
                log.Add(new LockAcquired(app, waited.Elapsed));
                return;
            }

            var holder = await HolderAsync(connection, app, cancellationToken);
            if (holder.Pid != reportedHolder)
            {
                log.Add(new LockWaiting(app, holder.ApplicationName, holder.Pid, holder.Since, limit));
                reportedHolder = holder.Pid;
            }

            if (waited.Elapsed >= limit)
            {
                var who = holder.Pid is null
                    ? "another session"
                    : $"'{holder.ApplicationName}' (pid {holder.Pid}, connected since {holder.Since:yyyy-MM-dd HH:mm:ss}Z)";
                throw new ExecutionException(
                    $"Another run of app '{app}' holds its migration lock: {who}. Gave up after waiting {Describe(limit)} " +
                    "(lockWait). Let that run finish, or end it, then run again.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    static async Task<bool> TryAsync(NpgsqlConnection connection, string app, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Keys})", connection);
        command.Parameters.Add(new() { Value = app });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    static async Task<(string? ApplicationName, int? Pid, DateTimeOffset? Since)> HolderAsync(NpgsqlConnection connection,
        string app, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT a.application_name, a.pid, a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid " +
            "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.database = " +
            "(SELECT oid FROM pg_database WHERE datname = current_database()) " +
            "AND l.classid = hashtext('ci-migrate')::oid AND l.objid = hashtext($1)::oid LIMIT 1", connection);
        command.Parameters.Add(new() { Value = app });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return (null, null, null);
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
    }

    static string Describe(TimeSpan limit) => limit.TotalSeconds < 120 ? $"{limit.TotalSeconds:0.#} s" : $"{limit.TotalMinutes:0.#} min";
}
