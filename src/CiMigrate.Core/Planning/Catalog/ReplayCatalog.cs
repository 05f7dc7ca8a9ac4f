using Npgsql;

namespace CiMigrate.Planning.Catalog;

/// <summary>
/// The shadow's catalog before and after the pending migrations, compared on the server. The rows before stay there
/// (temporary tables of one session: the snapshot queries only read user schemas, so they never see them); after the
/// pending files the server says which objects differ, and only those, with what the plan looks up around them, are
/// read. With ten thousand migrations behind, that is a few hundred objects instead of a few hundred thousand.
/// </summary>
/// <remarks>
/// The narrowed snapshots give <see cref="CatalogComparer"/> the result the full ones would: an object left out is
/// identical (identity and text) before and after, so it would only have been paired with itself, and the order of
/// what is kept is the order of the full snapshots. Left in, because the plan looks them up: every table (ChangeHazards,
/// LockHazards, DataLoss), the columns and constraints of the tables a change touches and of the tables their foreign
/// keys reference (EntityDiagramBuilder), and the indexes a DROP INDEX names (LockHazards).
/// </remarks>
public sealed class ReplayCatalog : IAsyncDisposable
{
    const string Before = "pg_temp.ci_migrate_catalog_before";
    const string After = "pg_temp.ci_migrate_catalog_after";
    const string Changed = "pg_temp.ci_migrate_catalog_changed";
    const string Tables = "pg_temp.ci_migrate_catalog_tables";

    const string DropTables = $"drop table if exists {Before}, {After}, {Changed}, {Tables}";

    readonly NpgsqlConnection _connection;

    // CREATE TEMP TABLE takes the name without its schema; everything else names pg_temp, so no user table can stand in.
    static string Bare(string table) => table["pg_temp.".Length..];

    readonly List<string> _schemas;
    readonly IReadOnlyList<ExtensionTable> _extensionTables;

    ReplayCatalog(NpgsqlConnection connection, List<string> schemas, IReadOnlyList<ExtensionTable> extensionTables) =>
        (_connection, _schemas, _extensionTables) = (connection, schemas, extensionTables);

    /// <summary>Keeps the catalog as it is now on the server, on a session of its own held until disposed.</summary>
    public static async Task<ReplayCatalog> KeepBeforeAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var schemas = await CatalogReader.UserSchemasAsync(connection, cancellationToken);
            await ExecuteAsync(connection, cancellationToken,
                // A pooled session that lost an earlier plan midway may still hold them.
                (DropTables, null),
                ($"create temp table {Bare(Before)} (k int, ord bigint, schema text, parent text, parent_kind text, name text, identity text, attributes text, digest text)", null),
                ($"insert into {Before} {CatalogRows.Select}", schemas.ToArray()),
                ($"analyze {Before}", null));
            return new ReplayCatalog(connection, schemas, await ExtensionTable.ReadAsync(connection, schemas, cancellationToken));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>How many objects the last <see cref="ChangedAsync"/> read, before and after (tests show what is left out).</summary>
    public int Materialised { get; private set; }

    /// <summary>
    /// The extensions' tables (<see cref="ExtensionTable"/>) the pending migrations created or dropped, as of the last
    /// <see cref="ChangedAsync"/>: left out of both snapshots, and the plan says so.
    /// </summary>
    public IReadOnlyList<ExtensionTable> ExtensionTablesLeftOut { get; private set; } = [];

    /// <summary>
    /// Reads the catalog after the pending migrations on the server and returns, for both sides, what differs and
    /// what the plan looks up around it.
    /// </summary>
    /// <param name="droppedIndexes">The names DROP INDEX statements of the pending migrations name.</param>
    public async Task<(CatalogSnapshot Before, CatalogSnapshot After)> ChangedAsync(IReadOnlyCollection<string> droppedIndexes,
        CancellationToken cancellationToken = default)
    {
        var schemas = await CatalogReader.UserSchemasAsync(_connection, cancellationToken);
        var (table, column, constraint, index) = (CatalogRows.Code(ObjectKind.Table), CatalogRows.Code(ObjectKind.Column),
            CatalogRows.Code(ObjectKind.Constraint), CatalogRows.Code(ObjectKind.Index));
        await ExecuteAsync(_connection, cancellationToken,
            ($"create temp table {Bare(After)} (like {Before})", null),
            ($"insert into {After} {CatalogRows.Select}", schemas.ToArray()),
            ($"analyze {After}", null),
            // Identity pairs objects within one database: same identity, same digest is the same object, unchanged.
            ($"""
             create temp table {Bare(Changed)} as
             select coalesce(b.k, a.k) as k, coalesce(b.identity, a.identity) as identity
             from {Before} b full join {After} a on a.k = b.k and a.identity = b.identity
             where b.digest is distinct from a.digest
             """, null),
            ($"""
             create temp table {Bare(Tables)} as
             select distinct s.schema, case when s.k = {table} then s.name else s.parent end as name
             from (select k, identity, schema, parent, parent_kind, name from {Before}
                   union all select k, identity, schema, parent, parent_kind, name from {After}) s
             join {Changed} c on c.k = s.k and c.identity = s.identity
             where s.k = {table} or s.parent_kind = 'table'
             """, null),
            // The tables the touched tables' foreign keys reference: the diagram shows their primary key.
            ($"""
             insert into {Tables}
             select distinct split_part(f.ref, '.', 1), substr(f.ref, strpos(f.ref, '.') + 1)
             from (select a.attributes::json ->> 'references' as ref
                   from {After} a join {Tables} t on t.schema = a.schema and t.name = a.parent
                   where a.k = {constraint} and a.parent_kind = 'table') f
             where f.ref is not null
             """, null));

        var indexes = droppedIndexes.Distinct().ToArray();
        var before = await NeededAsync(Before, indexes, table, column, constraint, index, cancellationToken);
        var after = await NeededAsync(After, indexes, table, column, constraint, index, cancellationToken);
        Materialised = before.Count + after.Count;
        var extensionTables = await ExtensionTable.ReadAsync(_connection, schemas, cancellationToken);
        ExtensionTablesLeftOut = [.. extensionTables.Except(_extensionTables).Concat(_extensionTables.Except(extensionTables))];
        return (new CatalogSnapshot([.. _schemas.Order(StringComparer.Ordinal)], before),
            new CatalogSnapshot([.. schemas.Order(StringComparer.Ordinal)], after));
    }

    async Task<List<CatalogObject>> NeededAsync(string side, string[] indexes, int table, int column, int constraint, int index,
        CancellationToken cancellationToken)
    {
        var sql = $"""
            select {CatalogRows.Columns} from {side} x
            where x.k = {table}
               or exists (select 1 from {Changed} c where c.k = x.k and c.identity = x.identity)
               or (x.k in ({column}, {constraint}) and x.parent_kind = 'table'
                   and exists (select 1 from {Tables} t where t.schema = x.schema and t.name = x.parent))
               or (x.k = {index} and x.name = any($1))
            order by x.k, x.ord
            """;
        return await ReadAsync(_connection, sql, [indexes], cancellationToken);
    }

    /// <summary>
    /// The app's schema before the pending migrations (what they expect to find) and on the target, each narrowed to
    /// the groups (<see cref="CatalogRows.Group"/>) whose digests differ: the target's server computes its digests and
    /// returns only its rows of those groups, and which of the shadow's groups it did not find equal.
    /// </summary>
    public async Task<(CatalogSnapshot Expected, CatalogSnapshot Live)> DriftAsync(NpgsqlConnection target, string schema,
        CancellationToken cancellationToken = default)
    {
        var (groups, digests) = (new List<string>(), new List<string?>());
        await using (var command = new NpgsqlCommand(
            $"select {CatalogRows.Group}, {CatalogRows.GroupDigest} from {Before} where schema = $1 group by 1", _connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = schema });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                groups.Add(reader.GetString(0));
                digests.Add(reader.IsDBNull(1) ? null : reader.GetString(1));
            }
        }

        var (live, differing) = await TargetCatalog.DifferingAsync(target, schema, groups, digests, cancellationToken);
        var expected = await ReadAsync(_connection,
            $"select {CatalogRows.Columns} from {Before} where schema = $1 and {CatalogRows.Group} = any($2) order by k, ord",
            [schema, differing.ToArray()], cancellationToken);
        return (new CatalogSnapshot([.. _schemas.Where(s => s == schema).Order(StringComparer.Ordinal)], expected), live);
    }

    static async Task<List<CatalogObject>> ReadAsync(NpgsqlConnection connection, string sql, IReadOnlyList<object> parameters,
        CancellationToken cancellationToken)
    {
        var objects = new List<CatalogObject>();
        var rows = new CatalogObjectReader();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            objects.Add(rows.Read(CatalogQueries.All[reader.GetInt32(0)].Kind, reader, 1));
        return objects;
    }

    /// <summary>Runs the statements in one transaction, names printed schema-qualified (as <see cref="CatalogReader"/> reads them).</summary>
    static async Task ExecuteAsync(NpgsqlConnection connection, CancellationToken cancellationToken,
        params (string Sql, string[]? Schemas)[] statements)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(CatalogQueries.QualifiedNames));
        foreach (var (sql, schemas) in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            if (schemas is not null)
                command.Parameters.Add(new NpgsqlParameter { Value = schemas });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // The session may go back to a pool: its tables go now. A broken session takes them with it.
        if (_connection.State == System.Data.ConnectionState.Open)
        {
            await using var command = new NpgsqlCommand(DropTables, _connection);
            await command.ExecuteNonQueryAsync();
        }

        await _connection.DisposeAsync();
    }
}
