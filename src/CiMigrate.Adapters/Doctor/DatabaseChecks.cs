using System.Net;
using System.Net.Sockets;
using CiMigrate.Execution;
using CiMigrate.History;
using Npgsql;

namespace CiMigrate.Doctor;

/// <summary>
/// What doctor checks once it has a connection string: TCP, TLS mode, authentication, server version, the ledger
/// and the app schema, and whether session advisory locks hold (they do not behind a transaction-mode pooler).
/// </summary>
public sealed class DatabaseChecks(Checklist checklist, CancellationToken cancellationToken)
{
    /// <summary>The throwaway cluster that replays migrations for diff runs PostgreSQL 15, Supabase's version.</summary>
    public const int ShadowMajorVersion = 15;

    /// <summary>Supavisor's transaction-mode port on Supabase; 5432 is the session port.</summary>
    public const int TransactionPoolerPort = 6543;

    const string LockAdvice = "Connect to the session port (5432, direct or Supavisor session mode), not a transaction-mode pooler.";

    // One key for doctor's own probe, apart from the keys apply uses per app.
    const long ProbeLockKey = 0x63692d6d69677274;

    public async Task RunAsync(string connectionString, bool throughPortForward, string? schema, AppIsolation? isolation = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        // Known from the port alone, so it is said even when the server cannot be reached.
        var pooler = builder.Port == TransactionPoolerPort;
        if (pooler)
            checklist.Fail("advisory locks",
                $"port {TransactionPoolerPort} is Supavisor's transaction-mode pooler: session advisory locks do not hold there",
                LockAdvice, blocks: false);
        // A Unix socket (a host that is a folder) has no TCP or TLS to probe: authentication below is the first answer.
        if (!throughPortForward && builder.Host?.StartsWith('/') != true)
            await checklist.RunAsync("tcp", () => TcpAndTlsAsync(builder));
        await checklist.RunAsync("authentication", () => AuthenticationAsync(builder));
        await checklist.RunAsync("server version", () => VersionAsync(builder));
        await checklist.RunAsync("ledger", () => LedgerAsync(builder));
        await checklist.RunAsync("partly applied", () => PartlyAppliedAsync(builder));
        if (schema is not null)
        {
            await checklist.RunAsync("app schema", () => SchemaAsync(builder, schema));
            await checklist.RunAsync("invalid indexes", () => InvalidIndexesAsync(builder, schema));
        }
        if (!pooler)
            await checklist.RunAsync("advisory locks", () => AdvisoryLocksAsync(builder));
        if (isolation is not null)
            await checklist.RunAsync("isolation", async () =>
            {
                await using var connection = await OpenAsync(builder);
                await new IsolationChecks(checklist, cancellationToken).RunAsync(connection, isolation);
            });
    }

    /// <summary>Reports the TLS line from the server's answer to SSLRequest.</summary>
    public static void Tls(Checklist checklist, char answer, SslMode mode, bool throughPortForward, string host)
    {
        if (throughPortForward)
        {
            checklist.Pass("tls", answer == 'S'
                ? "SSL off through the port-forward (the API server tunnel is the encrypted hop; the server also offers TLS)"
                : "SSL off through the port-forward (the server offers no TLS there; the API server tunnel is the encrypted hop)");
            return;
        }

        var required = mode is SslMode.Require or SslMode.VerifyCA or SslMode.VerifyFull;
        if (answer == 'N' && required)
            checklist.Fail("tls", $"the server offers no TLS but the connection requires it (sslmode {mode})",
                "Behind a port-forward or on a private network use sslmode=disable; otherwise enable ssl on the server.");
        else if (answer == 'S')
            checklist.Pass("tls", $"the server offers TLS (sslmode {mode})");
        else if (mode == SslMode.Disable || IsLoopback(host))
            checklist.Pass("tls", $"SSL off (sslmode {mode}; the server offers no TLS)");
        else
            checklist.Warn("tls", $"the server offers no TLS and {host} is not local: the password and data travel unencrypted",
                "Use a port-forward or a private network, or enable ssl on the server.");
    }

    async Task TcpAndTlsAsync(NpgsqlConnectionStringBuilder builder)
    {
        var host = builder.Host ?? "localhost";
        char? answer;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(builder.Timeout));
            answer = await PostgresProbe.SslRequestAsync(host, builder.Port, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            checklist.Fail("tcp", $"cannot connect to {host}:{builder.Port}: {ex.Message}",
                "Check the host and port, and that a firewall lets the runner reach the database.");
            return;
        }

        if (answer is not ('S' or 'N'))
        {
            checklist.Fail("tcp", $"{host}:{builder.Port} accepted the connection but did not answer as PostgreSQL does",
                "Check that the port is PostgreSQL's (5432) and not another service's.");
            return;
        }

        checklist.Pass("tcp", $"PostgreSQL answers on {host}:{builder.Port}");
        Tls(checklist, answer.Value, builder.SslMode, throughPortForward: false, host);
    }

    async Task AuthenticationAsync(NpgsqlConnectionStringBuilder builder)
    {
        try
        {
            await using var connection = await OpenAsync(builder);
            checklist.Pass("authentication", $"logged in as {builder.Username} to database {builder.Database}");
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification)
        {
            checklist.Fail("authentication", $"the server refused {builder.Username}: {ex.MessageText}",
                "Check the user and the password (for Kubernetes: passwordSecret's name and key).");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            checklist.Fail("authentication", $"the database {builder.Database} does not exist", "Check the database name.");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            checklist.Fail("authentication", $"cannot open a connection: {ex.Message}",
                "Check the tls line above; behind a port-forward SSL must be off (sslmode=disable).");
        }
    }

    async Task VersionAsync(NpgsqlConnectionStringBuilder builder)
    {
        await using var connection = await OpenAsync(builder);
        await using var command = new NpgsqlCommand("SELECT current_setting('server_version_num')::int, current_setting('server_version')", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var major = reader.GetInt32(0) / 10000;
        var version = reader.GetString(1);
        if (major == ShadowMajorVersion)
            checklist.Pass("server version", $"PostgreSQL {version}, the shadow's major version ({ShadowMajorVersion})");
        else
            checklist.Warn("server version", $"PostgreSQL {version}, but the shadow runs {ShadowMajorVersion}",
                "diff replays migrations on the shadow: a different major version can hide or invent problems.");
    }

    async Task LedgerAsync(NpgsqlConnectionStringBuilder builder)
    {
        await using var connection = await OpenAsync(builder);
        await using var command = new NpgsqlCommand(
            $"SELECT to_regnamespace('{LedgerSchema.Name}') IS NOT NULL, to_regclass('{LedgerSchema.AppliedMigrations}') IS NOT NULL, " +
            "has_database_privilege(current_database(), 'CREATE')", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (schema, table, canCreate) = (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetBoolean(2));
        if (schema && table)
            checklist.Pass("ledger", $"{LedgerSchema.AppliedMigrations} is present");
        else if (canCreate)
            checklist.Warn("ledger", "the ci_migrate schema is not there yet",
                "Nothing to fix: the first apply creates it; for a database migrated by hand run baseline first.");
        else
            checklist.Fail("ledger", $"the ci_migrate schema is missing and {builder.Username} may not create schemas",
                $"GRANT CREATE ON DATABASE {builder.Database} TO {builder.Username}, or create the schema once as an owner.",
                blocks: false);
    }

    /// <summary>
    /// Migrations a run left between two segments (ci_migrate.segment_progress): their files are half done on this
    /// database, whatever app they belong to, until an apply resumes them or repair settles them.
    /// </summary>
    async Task PartlyAppliedAsync(NpgsqlConnectionStringBuilder builder)
    {
        await using var connection = await OpenAsync(builder);
        // Asked apart: a query naming the table fails to parse where it does not exist, whatever a CASE around it says.
        await using (var exists = new NpgsqlCommand($"SELECT to_regclass('{LedgerSchema.SegmentProgress}') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                checklist.Pass("partly applied", "no migration is partly applied (no ledger yet)");
                return;
            }
        }

        // Rows of a down file (a rollback stopped half-way) carry direction 'down' from ledger version 9 on; older rows are up files'.
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(string_agg(format('%s %s_%s (%s of %s segments%s)', app, version, name, committed, segments, " +
            "CASE WHEN direction = 'down' THEN ' of its down file: partly rolled back' ELSE '' END), ', ' ORDER BY app, version), '') " +
            "FROM (SELECT app, version, max(name) AS name, count(*) AS committed, max(segments) AS segments, direction " +
            "FROM (SELECT app, version, name, segments, coalesce(to_jsonb(s) ->> 'direction', 'up') AS direction " +
            $"FROM {LedgerSchema.SegmentProgress} s) AS s GROUP BY app, version, direction) AS p", connection);
        var partly = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        if (partly.Length == 0)
            checklist.Pass("partly applied", "no migration is partly applied");
        else
            checklist.Warn("partly applied", $"partly applied, stopped between two segments: {partly}",
                "Apply again: the run resumes at the first segment not committed (roll back again for a partly rolled back one). " +
                "Or settle an up file by hand: ci-migrate repair --partial <version> --to applied|not-applied --reason <why>.");
    }

    async Task SchemaAsync(NpgsqlConnectionStringBuilder builder, string schema)
    {
        await using var connection = await OpenAsync(builder);
        await using var command = new NpgsqlCommand("SELECT to_regnamespace(quote_ident(@schema)) IS NOT NULL", connection);
        command.Parameters.AddWithValue("schema", schema);
        if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            checklist.Pass("app schema", $"schema {schema} exists");
        else
            checklist.Warn("app schema", $"schema {schema} does not exist yet", "Nothing to fix: the first apply creates it.");
    }

    /// <summary>An invalid index (a failed CREATE INDEX CONCURRENTLY) answers no query and enforces no uniqueness.</summary>
    async Task InvalidIndexesAsync(NpgsqlConnectionStringBuilder builder, string schema)
    {
        await using var connection = await OpenAsync(builder);
        var invalid = await InvalidIndexes.FindAsync(connection, schema, cancellationToken);
        if (invalid.Count == 0)
        {
            checklist.Pass("invalid indexes", $"no invalid index in schema {schema}");
            return;
        }

        checklist.Fail("invalid indexes",
            $"invalid (indisvalid = false) in schema {schema}: {string.Join(", ", invalid)}",
            $"Drop each with DROP INDEX CONCURRENTLY IF EXISTS {schema}.<name>; and build it again (a migration with " +
            "the DROP before its CREATE INDEX CONCURRENTLY).", blocks: false);
    }

    /// <summary>
    /// Takes the probe lock on one session and checks a second session cannot take it and the first still holds it
    /// in a new transaction. A transaction-mode pooler hands each transaction to any backend, so the lock that keeps
    /// two runs of one app apart would not hold.
    /// </summary>
    async Task AdvisoryLocksAsync(NpgsqlConnectionStringBuilder builder)
    {
        await using var holder = await OpenAsync(builder);
        await using var other = await OpenAsync(builder);
        var holderPid = await ScalarAsync<int>(holder, "SELECT pg_backend_pid()");
        if (!await ScalarAsync<bool>(holder, $"SELECT pg_try_advisory_lock({ProbeLockKey})"))
        {
            checklist.Warn("advisory locks", "another session holds doctor's probe lock", "Run doctor again once the other doctor finished.");
            return;
        }

        try
        {
            var secondGotIt = await ScalarAsync<bool>(other, $"SELECT pg_try_advisory_lock({ProbeLockKey})");
            if (secondGotIt)
                await ScalarAsync<bool>(other, $"SELECT pg_advisory_unlock({ProbeLockKey})");
            var stillHeld = await ScalarAsync<bool>(holder,
                $"SELECT pg_backend_pid() = {holderPid} AND EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' " +
                "AND pid = pg_backend_pid() AND granted)");
            if (secondGotIt || !stillHeld)
                checklist.Fail("advisory locks",
                    "a session advisory lock did not hold across transactions: the connection goes through a transaction-mode pooler",
                    LockAdvice, blocks: false);
            else
                checklist.Pass("advisory locks", "a session lock holds across transactions and keeps other sessions out");
        }
        finally
        {
            await ScalarAsync<bool>(holder, $"SELECT pg_advisory_unlock({ProbeLockKey})");
        }
    }

    async Task<NpgsqlConnection> OpenAsync(NpgsqlConnectionStringBuilder builder)
    {
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
