using CiMigrate.Execution;
using Npgsql;

namespace CiMigrate.Planning;

/// <summary>
/// Event triggers on the shadow database (never on a target) that record, for every catalog change, the statement
/// that made it: <c>ddl_command_end</c> reads <c>pg_event_trigger_ddl_commands()</c>, <c>sql_drop</c>
/// <c>pg_event_trigger_dropped_objects()</c>, and both store the object with the session's
/// <see cref="StatementMarks"/> mark. A DO block's or a function's DDL carries the mark of the statement that ran it.
/// The table and functions live in the shadow's <c>ci_migrate</c> schema, which no catalog snapshot reads.
/// </summary>
public sealed class StatementRecorder
{
    const string Table = "ci_migrate.plan_statement_changes";

    // Installed after the history is kept for the cache, so a restored history never holds them; one batch, so a role
    // that may not create event triggers leaves nothing behind.
    static readonly string[] Install =
    [
        $"CREATE TABLE {Table} (seq bigint GENERATED ALWAYS AS IDENTITY, mark text NOT NULL, tag text NOT NULL, objid oid, objsubid int)",
        Function("plan_record_ddl", "command_tag, objid, objsubid FROM pg_catalog.pg_event_trigger_ddl_commands()"),
        Function("plan_record_drop", "'DROP', objid, objsubid FROM pg_catalog.pg_event_trigger_dropped_objects()"),
        "CREATE EVENT TRIGGER ci_migrate_plan_ddl ON ddl_command_end EXECUTE FUNCTION ci_migrate.plan_record_ddl()",
        "CREATE EVENT TRIGGER ci_migrate_plan_drop ON sql_drop EXECUTE FUNCTION ci_migrate.plan_record_drop()",
    ];

    // The setting is empty (RESET ALL) or missing outside a migration's statements: what the executor itself or the
    // catalog's session creates is no statement's.
    static string Function(string name, string select) => $"""
        CREATE FUNCTION ci_migrate.{name}() RETURNS event_trigger LANGUAGE plpgsql SET search_path = pg_catalog AS $$
        DECLARE
            mark text := pg_catalog.current_setting('{StatementMarks.Setting}', true);
        BEGIN
            IF mark <> '' THEN
                INSERT INTO {Table} (mark, tag, objid, objsubid) SELECT mark, {select};
            END IF;
        END $$
        """;

    readonly MigrationSession _session;

    StatementRecorder(MigrationSession session) => _session = session;

    /// <summary>
    /// Installs the triggers and has <paramref name="session"/> mark its statements; null when the shadow's role may not
    /// create event triggers (a scratch database on a server where it is no superuser): then nothing is attributed.
    /// </summary>
    public static async Task<StatementRecorder?> StartAsync(MigrationSession session, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(session.Connection);
        foreach (var command in Install)
            batch.BatchCommands.Add(new(command));
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            return null;
        }

        session.MarksStatements = true;
        return new StatementRecorder(session);
    }

    /// <summary>What the marked statements changed, in the order they changed it.</summary>
    public async Task<IReadOnlyList<StatementRecord>> ReadAsync(CancellationToken cancellationToken)
    {
        var records = new List<StatementRecord>();
        await using var command = new NpgsqlCommand($"SELECT mark, tag, objid, objsubid FROM {Table} ORDER BY seq", _session.Connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (StatementMarks.Parse(reader.GetString(0)) is not var (version, index))
                continue;
            records.Add(new StatementRecord(version, index, reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<uint>(2), reader.IsDBNull(3) ? 0 : reader.GetInt32(3)));
        }

        return records;
    }
}
