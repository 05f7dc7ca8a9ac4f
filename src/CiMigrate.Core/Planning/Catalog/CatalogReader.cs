using Npgsql;

namespace CiMigrate.Planning.Catalog;

/// <summary>
/// Reads a <see cref="CatalogSnapshot"/> from pg_catalog: read-only queries, one per object kind, sent together in
/// one round trip inside a read-only transaction, so the snapshot is consistent and costs the same for ten objects
/// or ten thousand.
/// </summary>
public static class CatalogReader
{
    /// <summary>A snapshot of the given schemas (those that do not exist are simply empty).</summary>
    public static async Task<CatalogSnapshot> ReadAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> schemas,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, schemas, cancellationToken);
    }

    /// <summary>A snapshot of every schema but PostgreSQL's own and ci-migrate's (the isolation check's view).</summary>
    public static async Task<CatalogSnapshot> ReadAllAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, await UserSchemasAsync(connection, cancellationToken), cancellationToken);
    }

    /// <summary>Every schema but PostgreSQL's own and ci-migrate's, in name order.</summary>
    internal static async Task<List<string>> UserSchemasAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var schemas = new List<string>();
        await using var command = new NpgsqlCommand(CatalogQueries.UserSchemas, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            schemas.Add(reader.GetString(0));
        return schemas;
    }

    /// <summary>A snapshot of the given schemas on an open connection (diff's session on the target).</summary>
    public static async Task<CatalogSnapshot> ReadAsync(NpgsqlConnection connection, IReadOnlyList<string> schemas,
        CancellationToken cancellationToken = default)
    {
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var batch = ReadOnlyBatch(connection, transaction);
        foreach (var (_, sql) in CatalogQueries.All)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = schemas.ToArray() });
            batch.BatchCommands.Add(command);
        }

        var objects = new List<CatalogObject>();
        var rows = new CatalogObjectReader();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            // The two SET commands return no result set; the reader starts at the first query's.
            foreach (var (kind, _) in CatalogQueries.All)
            {
                while (await reader.ReadAsync(cancellationToken))
                    objects.Add(rows.Read(kind, reader));
                await reader.NextResultAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new CatalogSnapshot([.. schemas.Order(StringComparer.Ordinal)], objects);
    }

    /// <summary>
    /// A batch in <paramref name="transaction"/> (repeatable read: one consistent view of the catalog) that makes it read
    /// only and prints names schema-qualified whatever the role's search_path is; its two commands return no result set.
    /// </summary>
    internal static NpgsqlBatch ReadOnlyBatch(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET TRANSACTION READ ONLY"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(CatalogQueries.QualifiedNames));
        return batch;
    }
}
