using Npgsql;

namespace CiMigrate.Copying;

/// <summary>What a copy needs to know about one schema, read from PostgreSQL's catalog on the connection given.</summary>
static class SchemaCatalog
{
    // Ordinary tables only: a partitioned table's rows live in its partitions, which are ordinary tables themselves.
    const string ColumnsSql = """
        SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attgenerated <> '',
               t.typtype = 'c' OR (t.typcategory = 'A' AND t.typelem >= 16384)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        JOIN pg_type t ON t.oid = a.atttypid
        WHERE n.nspname = $1 AND c.relkind = 'r'
        ORDER BY c.relname, a.attnum
        """;

    static readonly string ForeignKeysSql = $"""
        SELECT c.relname, con.conname, rn.nspname, r.relname, con.condeferrable, NOT ({DeferredIndexes.DeferredKey})
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_class r ON r.oid = con.confrelid
        JOIN pg_namespace rn ON rn.oid = r.relnamespace
        WHERE con.contype = 'f' AND n.nspname = $1
        ORDER BY c.relname, con.conname
        """;

    const string SequencesSql = """
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind = 'S' ORDER BY c.relname
        """;

    // Everything a schema can hold that a copy would collide with; array and row types come with their objects.
    const string ObjectsSql = """
        SELECT kind || ' ' || name FROM (
            SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view'
                WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' END AS kind,
                c.relname::text AS name
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
            UNION ALL
            SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
                p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1
            UNION ALL
            SELECT 'type', t.typname::text
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = $1 AND t.typtype IN ('e', 'd', 'r', 'c')
              AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
        ) objects ORDER BY 1
        """;

    /// <summary>The schema's tables with their columns; rows counted when <paramref name="countRows"/>.</summary>
    public static async Task<IReadOnlyList<CopyTable>> TablesAsync(NpgsqlConnection connection, string schema, bool countRows,
        CancellationToken cancellationToken)
    {
        var columns = new List<(string Table, CopyColumn Column)>();
        await using (var command = Command(connection, ColumnsSql, schema))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add((reader.GetString(0),
                    new CopyColumn(reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4))));
            }
        }

        var tables = new List<CopyTable>();
        foreach (var group in columns.GroupBy(c => c.Table))
        {
            var rows = countRows ? await CountAsync(connection, schema, group.Key, cancellationToken) : 0;
            tables.Add(new CopyTable(group.Key, [.. group.Select(c => c.Column)], rows));
        }

        return tables;
    }

    public static async Task<IReadOnlyList<ForeignKey>> ForeignKeysAsync(NpgsqlConnection connection, string schema,
        CancellationToken cancellationToken)
    {
        var keys = new List<ForeignKey>();
        await using var command = Command(connection, ForeignKeysSql, schema);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(new ForeignKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4),
                    reader.GetBoolean(5)));
            }
        return keys;
    }

    /// <summary>The schema's sequences and their current state (sequences are read outside MVCC: their state now).</summary>
    public static async Task<IReadOnlyList<SequenceValue>> SequencesAsync(NpgsqlConnection connection, string schema,
        CancellationToken cancellationToken)
    {
        var names = await StringsAsync(connection, SequencesSql, schema, cancellationToken);
        var values = new List<SequenceValue>();
        foreach (var name in names)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT last_value, is_called FROM {SqlNames.Qualified(schema, name)}", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            values.Add(new SequenceValue(name, reader.GetInt64(0), reader.GetBoolean(1)));
        }

        return values;
    }

    /// <summary>What the schema holds, one line per object (<c>table budgets</c>); empty when it is empty or missing.</summary>
    public static Task<IReadOnlyList<string>> ObjectsAsync(NpgsqlConnection connection, string schema,
        CancellationToken cancellationToken) =>
        StringsAsync(connection, ObjectsSql, schema, cancellationToken);

    static async Task<long> CountAsync(NpgsqlConnection connection, string schema, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {SqlNames.Qualified(schema, table)}", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    static async Task<IReadOnlyList<string>> StringsAsync(NpgsqlConnection connection, string sql, string schema,
        CancellationToken cancellationToken)
    {
        var values = new List<string>();
        await using var command = Command(connection, sql, schema);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            values.Add(reader.GetString(0));
        return values;
    }

    static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string schema)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new() { Value = schema });
        return command;
    }
}
