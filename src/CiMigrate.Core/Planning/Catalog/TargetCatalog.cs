using Npgsql;

namespace CiMigrate.Planning.Catalog;

/// <summary>
/// The target's side of drift: its server digests the app's schema group by group (<see cref="CatalogRows"/>), as the
/// shadow did, and returns only what does not match. Read-only, in one read-only transaction, like
/// <see cref="CatalogReader"/>.
/// </summary>
static class TargetCatalog
{
    // Groups are compared within the one schema; $2 and $3 are the shadow's groups and their digests. Rows with k = -1
    // name a shadow group found different (or missing); the others are the target's rows of groups not found equal.
    static readonly string Differing = $"""
        with r as ({CatalogRows.Select}),
        g as (select {CatalogRows.Group} as g, {CatalogRows.GroupDigest} as d from r group by 1),
        e as (select * from unnest($2::text[], $3::text[]) as e(g, d)),
        equal as (select g.g from g join e on e.g = g.g and e.d = g.d)
        select {CatalogRows.Columns} from (
            select r.k, r.ord, r.schema, r.parent, r.parent_kind, r.name, r.identity, r.attributes from r
            where not exists (select 1 from equal q where q.g = coalesce(r.parent, r.name))
            union all
            select -1, 0, null, null, null, e.g, null, null from e
            where not exists (select 1 from equal q where q.g = e.g)
        ) x
        order by x.k, x.ord
        """;

    /// <summary>The target's objects of <paramref name="schema"/> in groups that differ, and the shadow's groups that differ.</summary>
    public static async Task<(CatalogSnapshot Live, List<string> Differing)> DifferingAsync(NpgsqlConnection connection, string schema,
        IReadOnlyList<string> groups, IReadOnlyList<string?> digests, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var batch = CatalogReader.ReadOnlyBatch(connection, transaction);
        var command = new NpgsqlBatchCommand(Differing);
        command.Parameters.Add(new NpgsqlParameter { Value = new[] { schema } });
        command.Parameters.Add(new NpgsqlParameter { Value = groups.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = digests.ToArray() });
        batch.BatchCommands.Add(command);

        var (objects, differing) = (new List<CatalogObject>(), new List<string>());
        var rows = new CatalogObjectReader();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var k = reader.GetInt32(0);
                if (k < 0)
                    differing.Add(reader.GetString(4));
                else
                    objects.Add(rows.Read(CatalogQueries.All[k].Kind, reader, 1));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return (new CatalogSnapshot([schema], objects), differing);
    }
}
