using Npgsql;

namespace CiMigrate.Planning.Catalog;

/// <summary>
/// A table that belongs to an extension (pg_depend deptype 'e'), such as the queue and archive tables pgmq's
/// <c>create()</c> makes: the snapshots leave it out with its columns, constraints, indexes, policies, triggers, grants
/// and sequences (the extension stands for them), and the plan names it so the reviewer knows.
/// </summary>
public sealed record ExtensionTable(string Schema, string Table, string Extension)
{
    /// <summary>The extension tables of <paramref name="schemas"/>, in schema and name order.</summary>
    public static async Task<IReadOnlyList<ExtensionTable>> ReadAsync(NpgsqlConnection connection, IReadOnlyList<string> schemas,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(CatalogQueries.ExtensionTables, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schemas.ToArray() });
        var tables = new List<ExtensionTable>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            tables.Add(new ExtensionTable(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return tables;
    }

    /// <summary>The plan's note for extension tables that the pending migrations created or dropped; none when there are none.</summary>
    public static IReadOnlyList<string> Notes(IReadOnlyList<ExtensionTable> leftOut) =>
        leftOut.Count == 0
            ? []
            : [$"Left out of the plan, as their extension stands for them: {string.Join(", ", leftOut.Select(t => $"{t.Schema}.{t.Table} ({t.Extension})"))}" +
                ", with their columns, constraints, indexes, policies, triggers, grants and sequences."];
}
