using CiMigrate.Execution;
using CiMigrate.History;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Doctor;

/// <summary>
/// Whether the server itself keeps the app's migrations to its schema: the schema guard's event triggers are in
/// place, and the app's role (when set) may be taken by the login, owns the app's schema, and can neither write the
/// ledger nor create in or write to another app's schema.
/// </summary>
sealed class IsolationChecks(Checklist checklist, CancellationToken cancellationToken)
{
    public async Task RunAsync(NpgsqlConnection connection, AppIsolation isolation)
    {
        if (isolation.Guarded)
            await GuardAsync(connection);
        if (isolation.Role is { } role && await RoleAsync(connection, isolation, role))
            await ProbeAsync(connection, isolation, role);
    }

    /// <summary>
    /// Applies a probe migration as apply would, in a transaction rolled back: the guard open, the file's DDL under
    /// the role, the role reset, the guard's close. Green then means a migration works in this setup, not only that
    /// the grants read right.
    /// </summary>
    async Task ProbeAsync(NpgsqlConnection connection, AppIsolation isolation, string role)
    {
        var guarded = isolation.Guarded && await ScalarAsync<bool>(connection,
            "SELECT to_regprocedure('ci_migrate.guard_open(text[], boolean, boolean, text)') IS NOT NULL " +
            "AND EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtname = 'ci_migrate_guard_ddl' AND evtenabled <> 'D')");
        await using (var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", connection))
        {
            exists.Parameters.Add(new() { Value = isolation.Schema });
            // A schema the first apply creates: nothing to probe in yet (the role check said who will own it).
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
                return;
        }

        var secret = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (guarded)
            batch.BatchCommands.Add(new("SELECT ci_migrate.guard_open($1, true, false, $2)") { Parameters = { new() { Value = new[] { isolation.Schema } }, new() { Value = secret } } });
        batch.BatchCommands.Add(new($"SET LOCAL ROLE {Identifiers.Quote(role)}"));
        batch.BatchCommands.Add(new($"CREATE TABLE {Identifiers.Quote(isolation.Schema)}.ci_migrate_doctor_probe (id bigint PRIMARY KEY)"));
        batch.BatchCommands.Add(new("RESET ROLE"));
        if (guarded)
            batch.BatchCommands.Add(new("SELECT ci_migrate.guard_close($1)") { Parameters = { new() { Value = secret } } });
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            checklist.Pass("probe migration", $"a probe migration ran under {role}{(guarded ? " inside the schema guard" : "")} and was rolled back");
        }
        catch (PostgresException ex)
        {
            checklist.Fail("probe migration", $"a probe migration under {role} failed: {ex.MessageText}",
                "Fix what the error names: every migration of this app would fail the same way.", blocks: true);
        }
        finally
        {
            await transaction.RollbackAsync(cancellationToken);
        }
    }



    async Task GuardAsync(NpgsqlConnection connection)
    {
        var triggers = await ScalarAsync<long>(connection,
            "SELECT count(*) FROM pg_event_trigger WHERE evtname IN ('ci_migrate_guard_ddl', 'ci_migrate_guard_drop') AND evtenabled <> 'D'");
        var superuser = await ScalarAsync<bool>(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
        if (triggers == 2)
            checklist.Pass("schema guard", "the event triggers that stop DDL outside the app's schema are in place");
        else if (superuser)
            checklist.Warn("schema guard", "the event triggers are not there yet", "Nothing to fix: the next apply creates them.");
        else
            checklist.Warn("schema guard", $"the event triggers are missing, and {connection.UserName} may not be able to create them",
                "Run ci-migrate once as a superuser (on Supabase: the postgres role, through supautils), or set apps.<name>.role: " +
                "the ledger stays guarded either way.");
    }

    /// <summary>Checks the role's grants; true when they are right.</summary>
    async Task<bool> RoleAsync(NpgsqlConnection connection, AppIsolation isolation, string role)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT r.rolsuper OR r.rolbypassrls,
                   pg_has_role(current_user, r.oid, 'MEMBER'),
                   coalesce((SELECT n.nspowner = r.oid FROM pg_namespace n WHERE n.nspname = $2), false),
                   to_regclass('{LedgerSchema.AppliedMigrations}') IS NOT NULL
                       AND (has_table_privilege(r.oid, '{LedgerSchema.AppliedMigrations}', 'INSERT,UPDATE,DELETE,TRUNCATE')
                            OR has_table_privilege(r.oid, '{LedgerSchema.Events}', 'INSERT,UPDATE,DELETE,TRUNCATE')),
                   array(SELECT n.nspname FROM pg_namespace n WHERE n.nspname = ANY ($3)
                         AND (has_schema_privilege(r.oid, n.oid, 'CREATE') OR n.nspowner = r.oid
                              OR EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p')
                                         AND has_table_privilege(r.oid, c.oid, 'INSERT,UPDATE,DELETE,TRUNCATE'))))
            FROM pg_roles r WHERE r.rolname = $1
            """, connection);
        command.Parameters.Add(new() { Value = role });
        command.Parameters.Add(new() { Value = isolation.Schema });
        command.Parameters.Add(new() { Value = isolation.OtherSchemas.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            checklist.Fail("app role", $"the role {role} does not exist",
                $"CREATE ROLE {role} NOLOGIN; ALTER SCHEMA {isolation.Schema} OWNER TO {role}; GRANT {role} TO {connection.UserName};", blocks: false);
            return false;
        }

        var (privileged, member, owns, writesLedger) = (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3));
        var neighbours = reader.GetFieldValue<string[]>(4);
        List<string> problems = [];
        if (privileged)
            problems.Add($"{role} is a superuser or bypasses row level security, so SET ROLE confines nothing");
        if (!member)
            problems.Add($"{connection.UserName} may not SET ROLE {role} (GRANT {role} TO {connection.UserName})");
        if (!owns)
            problems.Add($"{role} does not own schema {isolation.Schema} (ALTER SCHEMA {isolation.Schema} OWNER TO {role})");
        if (writesLedger)
            problems.Add($"{role} may write the ledger (REVOKE ALL ON ALL TABLES IN SCHEMA ci_migrate FROM {role})");
        if (neighbours.Length > 0)
            problems.Add($"{role} may create in or write to other apps' schemas: {string.Join(", ", neighbours)}");
        if (problems.Count > 0)
        {
            checklist.Fail("app role", string.Join("; ", problems), "Fix the grants named above: the role must own the app's schema and nothing else.",
                blocks: false);
            return false;
        }

        checklist.Pass("app role", $"{role} owns {isolation.Schema}, can be taken by {connection.UserName}, and reaches neither the ledger nor other apps");
        return true;
    }

    async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
