using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Copying;

/// <summary>
/// The target schema's indexes, primary keys, unique and exclusion constraints and foreign keys, taken off the tables
/// before their rows arrive and put back after, inside the copy's transaction: one sort per index and one join per
/// foreign key instead of an index insert and a key lookup for every row (what pg_restore does by its sections). The
/// definitions are the server's own (<c>pg_get_indexdef</c>, <c>pg_get_constraintdef</c>), so they come back as they
/// were; what such a definition would not carry (a comment, a statistics target, replica identity, CLUSTER, an index
/// of a partition, a key a table outside the schema holds) stays in place and is maintained row by row as before.
/// </summary>
sealed class DeferredIndexes
{
    /// <summary>A foreign key (<c>con</c>) taken off for the load: all but one with a comment or one a partition
    /// inherits (its parent's key owns it). <see cref="SchemaCatalog"/> reads it for the load order.</summary>
    internal const string DeferredKey = """
        con.contype = 'f' AND con.conparentid = 0
        AND NOT EXISTS (SELECT FROM pg_description d WHERE d.objoid = con.oid AND d.classoid = 'pg_constraint'::regclass)
        """;

    static readonly string KeysSql = $"""
        SELECT c.relname, con.conname, pg_get_constraintdef(con.oid)
        FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
        WHERE c.relnamespace = $1::regnamespace AND {DeferredKey}
        ORDER BY c.relname, con.conname
        """;

    static readonly string IndexesSql = $"""
        SELECT t.relname, coalesce(con.conname, ic.relname), con.oid IS NOT NULL,
               CASE WHEN con.oid IS NULL THEN pg_get_indexdef(i.indexrelid) ELSE pg_get_constraintdef(con.oid) END
        FROM pg_index i
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_class ic ON ic.oid = i.indexrelid
        LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
        WHERE t.relnamespace = $1::regnamespace AND t.relkind = 'r' AND NOT i.indisreplident AND NOT i.indisclustered
          AND NOT EXISTS (SELECT FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
          AND NOT EXISTS (SELECT FROM pg_description d WHERE (d.objoid = i.indexrelid AND d.classoid = 'pg_class'::regclass)
                                                          OR (d.objoid = con.oid AND d.classoid = 'pg_constraint'::regclass))
          AND NOT EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = i.indexrelid AND coalesce(a.attstattarget, -1) >= 0)
          AND NOT EXISTS (SELECT FROM pg_constraint con JOIN pg_class k ON k.oid = con.conrelid
                          WHERE con.conindid = i.indexrelid AND con.contype = 'f'
                            AND NOT (k.relnamespace = $1::regnamespace AND {DeferredKey}))
        ORDER BY t.relname, 2
        """;

    readonly NpgsqlConnection _target;
    readonly NpgsqlTransaction _transaction;
    readonly string _schema;
    readonly List<Definition> _keys = [];
    readonly List<Definition> _indexes = [];

    DeferredIndexes(NpgsqlConnection target, NpgsqlTransaction transaction, string schema)
    {
        _target = target;
        _transaction = transaction;
        _schema = schema;
    }

    /// <summary>Reads the definitions and drops them: foreign keys first, since they stand on the unique indexes.</summary>
    public static async Task<DeferredIndexes> DropAsync(NpgsqlConnection target, NpgsqlTransaction transaction, string schema,
        CancellationToken cancellationToken)
    {
        var deferred = new DeferredIndexes(target, transaction, schema);
        await deferred.ReadAsync(KeysSql, deferred._keys, reader => new Definition(reader.GetString(0), reader.GetString(1), true,
            reader.GetString(2)), cancellationToken);
        await deferred.ReadAsync(IndexesSql, deferred._indexes, reader => new Definition(reader.GetString(0), reader.GetString(1),
            reader.GetBoolean(2), reader.GetString(3)), cancellationToken);
        foreach (var definition in deferred._keys.Concat(deferred._indexes))
            await deferred.ExecuteAsync(definition.Drop(schema), cancellationToken);
        return deferred;
    }

    /// <summary>
    /// Builds the indexes, then adds the foreign keys, each checked by one query over the loaded rows. A violation
    /// names the table whose rows break the key.
    /// </summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        foreach (var definition in _indexes.Concat(_keys))
        {
            try
            {
                await ExecuteAsync(definition.Create(_schema), cancellationToken);
            }
            catch (PostgresException ex)
            {
                throw new CopyFailedException($"copying table {_schema}.{definition.Table} failed: {ex.MessageText}" +
                    (ex.Detail is null ? "" : $" ({ex.Detail})"), definition.Table, ex);
            }
        }
    }

    async Task ReadAsync(string sql, List<Definition> into, Func<NpgsqlDataReader, Definition> read, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _target, _transaction);
        command.Parameters.Add(new() { Value = _schema });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            into.Add(read(reader));
    }

    async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _target, _transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A constraint (<c>ALTER TABLE ... ADD CONSTRAINT name</c> + its definition) or a plain index (CREATE INDEX ...).</summary>
    sealed record Definition(string Table, string Name, bool IsConstraint, string Text)
    {
        public string Drop(string schema) => IsConstraint
            ? $"ALTER TABLE {SqlNames.Qualified(schema, Table)} DROP CONSTRAINT {Identifiers.Quote(Name)}"
            : $"DROP INDEX {SqlNames.Qualified(schema, Name)}";

        public string Create(string schema) => IsConstraint
            ? $"ALTER TABLE {SqlNames.Qualified(schema, Table)} ADD CONSTRAINT {Identifiers.Quote(Name)} {Text}"
            : Text;
    }
}
