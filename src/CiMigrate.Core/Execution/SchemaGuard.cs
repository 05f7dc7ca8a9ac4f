using CiMigrate.Execution.Events;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// Makes PostgreSQL hold an app's migrations to the app's schema, whatever lint could read (dynamic SQL, a
/// search_path set by a function): each migration runs between <c>ci_migrate.guard_open</c> and
/// <c>ci_migrate.guard_close</c> (History/Sql/0003_schema_guard.sql), so the guard's event triggers stop DDL outside
/// the schemas the file may change and its ledger trigger stops any change to the ledger; and, with
/// <c>apps.&lt;name&gt;.role</c>, under <c>SET ROLE</c>, so the server's own privileges apply. The ledger row is
/// written after the guard closes and the role is reset.
/// </summary>
public sealed class SchemaGuard
{
    /// <summary>The event triggers this guard creates; event triggers are database-wide, hence the prefix.</summary>
    static readonly (string Name, string Event, string Function)[] Triggers =
    [
        ("ci_migrate_guard_ddl", "ddl_command_end", "ci_migrate.guard_ddl()"),
        ("ci_migrate_guard_drop", "sql_drop", "ci_migrate.guard_drop()"),
    ];

    SchemaGuard(string schema, string? role, bool enforced)
    {
        Schema = schema;
        Role = role;
        Enforced = enforced;
    }

    /// <summary>The app's schema: always allowed.</summary>
    public string Schema { get; }

    /// <summary>The role migrations run as (<c>SET ROLE</c>); null to run as the role that logged in.</summary>
    public string? Role { get; }

    /// <summary>Whether the guard is open around each migration (<c>apps.&lt;name&gt;.schemaGuard</c>).</summary>
    public bool Enforced { get; }

    /// <summary>
    /// The guard of a write session: creates the event triggers when they are missing and the role may, and logs
    /// <see cref="SchemaGuardUnavailable"/> when it may not (the ledger trigger and the role still apply then).
    /// </summary>
    public static async Task<SchemaGuard> EnsureAsync(NpgsqlConnection connection, string schema, string? role, bool enforce,
        ExecutionLog log, CancellationToken cancellationToken)
    {
        if (!enforce)
            return new SchemaGuard(schema, role, enforced: false);
        if (await InstalledAsync(connection, cancellationToken))
            return new SchemaGuard(schema, role, enforced: true);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(new("SELECT pg_advisory_xact_lock(hashtext('ci-migrate:ledger'))"));
            foreach (var (name, on, function) in Triggers)
            {
                batch.BatchCommands.Add(new(
                    $"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtname = '{name}') THEN " +
                    $"CREATE EVENT TRIGGER {name} ON {on} EXECUTE FUNCTION {function}; END IF; END $$"));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new SchemaGuard(schema, role, enforced: true);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            log.Add(new SchemaGuardUnavailable(connection.UserName ?? "", ex.MessageText));
            return new SchemaGuard(schema, role, enforced: true);
        }
    }

    /// <summary>The commands that open the guard for <paramref name="file"/>'s statements, then set the app's role.</summary>
    /// <param name="batch">Where the commands go, before the file's statements.</param>
    /// <param name="file">The file about to run: its <c>-- ci-migrate:allow-schema</c> comments widen the guard.</param>
    /// <param name="local">Whether the guard lasts to the end of the transaction (else until <see cref="AddClose"/>).</param>
    public void AddOpen(NpgsqlBatch batch, Migrations.MigrationFile file, bool local)
    {
        if (Enforced)
        {
            // Literals, not parameters: the transcript of a run reads as the SQL it is.
            var schemas = string.Join(", ", AllowedSchemas(file).Select(Literal));
            batch.BatchCommands.Add(new($"SELECT ci_migrate.guard_open(ARRAY[{schemas}], {(local ? "true" : "false")})"));
        }

        if (Role is not null)
            batch.BatchCommands.Add(new($"SET ROLE {Identifiers.Quote(Role)}"));
    }

    /// <summary>
    /// The commands after the file's statements: the guard (when <paramref name="guard"/> is open) checks it was left
    /// alone and closes; the role resets either way.
    /// </summary>
    public static void AddClose(NpgsqlBatch batch, SchemaGuard? guard)
    {
        if (guard is { Enforced: true })
            batch.BatchCommands.Add(new("SELECT ci_migrate.guard_close()"));
        // A migration may SET ROLE itself; the ledger row is written as the role that logged in.
        batch.BatchCommands.Add(new("RESET ROLE"));
    }

    /// <summary>After a failed statement outside a transaction: the session leaves the guard and the role behind it.</summary>
    public static async Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var reset = new NpgsqlCommand(
            "RESET ROLE; SELECT set_config('ci_migrate.guard_schemas', '', false), set_config('ci_migrate.guard_token', '', false)",
            connection);
        await reset.ExecuteNonQueryAsync(cancellationToken);
    }

    string[] AllowedSchemas(Migrations.MigrationFile file) =>
        [Schema, .. file.Script.AllowedSchemas.Select(a => a.Schema).Where(s => s.Length > 0 && s != Schema).Distinct()];

    static string Literal(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

    static async Task<bool> InstalledAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_event_trigger WHERE evtname = ANY ($1) AND evtenabled <> 'D'", connection);
        command.Parameters.Add(new() { Value = Triggers.Select(t => t.Name).ToArray() });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == Triggers.Length;
    }
}
