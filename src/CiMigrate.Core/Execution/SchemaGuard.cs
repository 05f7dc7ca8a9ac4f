using System.Security.Cryptography;
using CiMigrate.Execution.Events;
using CiMigrate.History;
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

    string _secret = "";

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
    /// The guard of a write session, checked on every run: creates the event triggers when they are missing and the
    /// login may, repairs them (<see cref="SchemaGuardRepaired"/>) when one was disabled or pointed elsewhere (ALTER
    /// EVENT TRIGGER ... DISABLE, an UPDATE of pg_event_trigger), and logs <see cref="SchemaGuardUnavailable"/> when
    /// the login may not create them (the ledger trigger and the role still apply then). A guard that was tampered
    /// with and cannot be repaired stops the run.
    /// </summary>
    public static async Task<SchemaGuard> EnsureAsync(NpgsqlConnection connection, string schema, string? role, bool enforce,
        ExecutionLog log, CancellationToken cancellationToken)
    {
        if (!enforce)
            return new SchemaGuard(schema, role, enforced: false);
        var (missing, tampered) = await InspectAsync(connection, cancellationToken);
        if (missing.Count == 0 && tampered.Count == 0)
            return new SchemaGuard(schema, role, enforced: true);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(new("SELECT pg_advisory_xact_lock(hashtext('ci-migrate:ledger'))"));
            foreach (var (name, on, function) in Triggers.Where(t => missing.Contains(t.Name) || tampered.Contains(t.Name)))
            {
                batch.BatchCommands.Add(new($"DROP EVENT TRIGGER IF EXISTS {name}"));
                batch.BatchCommands.Add(new($"CREATE EVENT TRIGGER {name} ON {on} EXECUTE FUNCTION {function}"));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (tampered.Count > 0)
                log.Add(new SchemaGuardRepaired(tampered));
            return new SchemaGuard(schema, role, enforced: true);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            if (tampered.Count > 0)
                throw new ExecutionException(
                    $"The schema guard's event trigger {string.Join(", ", tampered)} was disabled or changed, and " +
                    $"{connection.UserName} may not repair it ({ex.MessageText}). Nothing was run. A superuser (on Supabase, " +
                    "the postgres role) runs ci-migrate once to repair it, or drops the event triggers to run without the guard.");
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
            // A new secret for each file, sent as a parameter: the seal guard_close checks cannot be made in SQL, and a
            // secret that leaked after its file closed opens nothing.
            _secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            // Literals, not parameters, for what the file may change: the transcript of a run reads as the SQL it is.
            var schemas = string.Join(", ", AllowedSchemas(file).Select(Literal));
            var globalAllowed = file.Script.StatementsToRun.Any(GlobalDdl.IsAllowed);
            batch.BatchCommands.Add(new($"SELECT ci_migrate.guard_open(ARRAY[{schemas}], {(local ? "true" : "false")}, " +
                $"{(globalAllowed ? "true" : "false")}, $1)") { Parameters = { new() { Value = _secret } } });
        }

        if (Role is not null)
            batch.BatchCommands.Add(new($"SET ROLE {Identifiers.Quote(Role)}"));
    }

    /// <summary>
    /// Adds one of <paramref name="file"/>'s statements. Under the app's role, a statement on a schema the file's
    /// <c>allow-schema</c> directives name (a trigger on <c>auth.users</c>, a storage policy), or global DDL under its
    /// <c>allow-global</c>, runs as the login, which
    /// may change that schema while the app's role may not: <c>RESET ROLE</c> before it, <c>SET ROLE</c> after, in the
    /// same transaction and inside the guard, so the directive widens what one reviewed statement may do and nothing
    /// else. Statements whose schema their text does not name (dynamic SQL, unqualified names) stay under the role.
    /// </summary>
    public static void AddStatement(NpgsqlBatch batch, SchemaGuard? guard, Migrations.MigrationFile file, SqlStatement statement)
    {
        var asLogin = RunsAsLogin(guard, file, statement);
        if (asLogin)
            batch.BatchCommands.Add(new("RESET ROLE"));
        batch.BatchCommands.Add(new(statement.Text));
        if (asLogin)
            batch.BatchCommands.Add(new($"SET ROLE {Identifiers.Quote(guard!.Role!)}"));
    }

    /// <summary>Whether <paramref name="statement"/> runs as the login rather than the app's role (<see cref="AddStatement"/>).</summary>
    public static bool RunsAsLogin(SchemaGuard? guard, Migrations.MigrationFile file, SqlStatement statement)
    {
        if (guard?.Role is null)
            return false;
        // Global DDL with its reasoned allow-global is reviewed the same way, and an app's role may do none of it.
        if (GlobalDdl.IsAllowed(statement))
            return true;
        var allowed = file.Script.AllowedSchemas.Where(a => a.Reason.Length > 0 && a.Schema != guard.Schema).Select(a => a.Schema).ToHashSet();
        return allowed.Count > 0 && SchemasActedOn.Of(statement).Any(allowed.Contains);
    }

    /// <summary>
    /// The commands after the file's statements: the role resets (a migration may SET ROLE itself; the guard's check
    /// and the ledger row run as the role that logged in, which owns the ledger), then the guard (when
    /// <paramref name="guard"/> is open) checks it was left alone and closes.
    /// </summary>
    public static void AddClose(NpgsqlBatch batch, SchemaGuard? guard)
    {
        batch.BatchCommands.Add(new("RESET ROLE"));
        if (guard is { Enforced: true })
            batch.BatchCommands.Add(new("SELECT ci_migrate.guard_close($1)") { Parameters = { new() { Value = guard._secret } } });
    }

    /// <summary>After a failed statement outside a transaction: the session leaves the guard and the role behind it.</summary>
    public static async Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var reset = new NpgsqlCommand(
            "RESET ROLE; SELECT set_config('ci_migrate.guard_schemas', '', false), set_config('ci_migrate.guard_global', '', false), " +
            "set_config('ci_migrate.guard_token', '', false)",
            connection);
        await reset.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Allowances that name another app's schema (one that app's ledger rows record), each a refusal: apps never
    /// change each other's schemas, reason or not. A round trip only when a file allows a schema at all.
    /// </summary>
    public async Task<IReadOnlyList<RunRefused>> CheckAllowancesAsync(NpgsqlConnection connection, IEnumerable<Migrations.MigrationFile> files,
        CancellationToken cancellationToken)
    {
        var allowing = files.Where(f => f.Script.AllowedSchemas.Count > 0).ToList();
        if (!Enforced || allowing.Count == 0)
            return [];
        await using var command = new NpgsqlCommand(
            $"SELECT DISTINCT schema FROM {LedgerSchema.AppliedMigrations} WHERE schema IS NOT NULL AND schema <> $1", connection);
        command.Parameters.Add(new() { Value = Schema });
        var others = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                others.Add(reader.GetString(0));
        }

        return [.. allowing.SelectMany(file => file.Script.AllowedSchemas.Where(a => others.Contains(a.Schema)).Select(a => new RunRefused(
            RefusalCodes.AllowSchemaRefused, $"'-- {SchemaAllowance.Directive} {a.Schema}' allows another app's schema (the ledger records its migrations)",
            "Apps never change each other's schemas: that change belongs in the owner's migrations.", file.DisplayPath, a.Line, 1)))];
    }

    string[] AllowedSchemas(Migrations.MigrationFile file) =>
        [Schema, .. file.Script.AllowedSchemas.Select(a => a.Schema).Where(s => s.Length > 0 && s != Schema).Distinct()];

    static string Literal(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>The guard's event triggers that do not exist, and those that exist disabled, on another event or calling another function.</summary>
    static async Task<(List<string> Missing, List<string> Tampered)> InspectAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT t.name, e.evtname IS NULL, e.evtenabled = 'D' OR e.evtevent <> t.event OR e.evtfoid::regprocedure::text <> t.function " +
            "FROM unnest($1::text[], $2::text[], $3::text[]) AS t (name, event, function) " +
            "LEFT JOIN pg_event_trigger e ON e.evtname = t.name", connection);
        command.Parameters.Add(new() { Value = Triggers.Select(t => t.Name).ToArray() });
        command.Parameters.Add(new() { Value = Triggers.Select(t => t.Event).ToArray() });
        command.Parameters.Add(new() { Value = Triggers.Select(t => t.Function).ToArray() });
        List<string> missing = [], tampered = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetBoolean(1))
                missing.Add(reader.GetString(0));
            else if (reader.GetBoolean(2))
                tampered.Add(reader.GetString(0));
        }

        return (missing, tampered);
    }
}
