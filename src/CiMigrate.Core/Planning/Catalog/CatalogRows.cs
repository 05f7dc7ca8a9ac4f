namespace CiMigrate.Planning.Catalog;

/// <summary>
/// The catalog queries as one row set the server can keep, digest and filter: every row of
/// <see cref="CatalogQueries.All"/> with its query's index (<c>k</c>), its position in that query's order (<c>ord</c>),
/// its attributes as JSON text and a digest of everything but its identity. Two rows with the same digest read as the
/// same object, so the server can tell what changed and the client reads only that.
/// </summary>
static class CatalogRows
{
    /// <summary>The columns every row set here returns, in the order <see cref="CatalogObjectReader"/> reads them.</summary>
    public const string Columns = "k, schema, parent, parent_kind, name, identity, attributes";

    /// <summary>
    /// All rows of the schemas in <c>$1</c>. A query's ORDER BY survives the subquery: row_number numbers rows as they come.
    /// Every column is cast to text in every branch: UNION ALL gives a column the first branch's type when the others
    /// convert to it, and the first branch's <c>name</c> would cut a function's signature to 63 bytes.
    /// </summary>
    public static string Select { get; } = $"""
        select r.k, r.ord, r.schema, r.parent, r.parent_kind, r.name, r.identity, r.attributes::text as attributes,
            md5(row(r.k, r.schema, r.parent, r.parent_kind, r.name, r.attributes::text)::text) as digest
        from (
        {string.Join("\nunion all\n", CatalogQueries.All.Select((q, k) =>
            $"select {k} as k, row_number() over () as ord, q.schema::text, q.parent::text, q.parent_kind::text, q.name::text, " +
            $"q.identity::text, q.attributes from (\n{q.Sql}\n) as q(schema, parent, parent_kind, name, identity, attributes)"))}
        ) r
        """;

    /// <summary>
    /// The group a row belongs to within its schema: a table with its columns, constraints, indexes, policies, triggers,
    /// grants and owned sequences; a view, a function, a type with their grants; the schema with its grants. Objects
    /// with the same key always share a group.
    /// </summary>
    public const string Group = "coalesce(parent, name)";

    /// <summary>
    /// A group's digest: the same set of rows gives the same digest. A group holding two objects with one key gets none
    /// (never equal), so the comparison sees it whole, as it always has.
    /// </summary>
    public const string GroupDigest =
        "case when count(*) = count(distinct (k, parent, name)) then md5(string_agg(digest, ',' order by digest)) end";

    /// <summary>The <c>k</c> of a kind: the index of its query.</summary>
    public static int Code(ObjectKind kind)
    {
        for (var k = 0; k < CatalogQueries.All.Count; k++)
        {
            if (CatalogQueries.All[k].Kind == kind)
                return k;
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, "No catalog query reads this kind.");
    }
}
