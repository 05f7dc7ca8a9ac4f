using Npgsql;

namespace CiMigrate.Copying;

/// <summary>
/// Row count and checksum of a table, computed by the server holding it: the md5 of each row's text, the rows ordered
/// by that digest (a total order that needs no key, no collation and counts duplicates), folded chunk by chunk, so no
/// aggregate ever holds more than <see cref="ChunkRows"/> digests however large the table.
/// </summary>
static class TableChecksum
{
    const int ChunkRows = 50_000;

    /// <summary>
    /// The settings that fix each value's text (and COPY's text format) on both sides, set on both sessions before the
    /// copy: two servers with other defaults must still print the same row the same way.
    /// </summary>
    public const string SessionSettings =
        "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 1; " +
        "SET bytea_output = 'hex'; SET client_encoding = 'UTF8'";

    public static async Task<(long Rows, string Checksum)> ComputeAsync(NpgsqlConnection connection, string schema, CopyTable table,
        CancellationToken cancellationToken)
    {
        // The columns by name in the source's order: the target's own column order may differ after its history.
        var row = $"ROW({SqlNames.ColumnList(table.Columns)})::text";
        var sql = $"""
            SELECT coalesce(sum(rows), 0)::bigint, md5(coalesce(string_agg(digest, '' ORDER BY chunk), ''))
            FROM (
                SELECT chunk, count(*) AS rows, md5(string_agg(h, '' ORDER BY h)) AS digest
                FROM (SELECT h, (row_number() OVER (ORDER BY h) - 1) / {ChunkRows} AS chunk
                      FROM (SELECT md5({row}) COLLATE "C" AS h FROM {SqlNames.Qualified(schema, table.Name)}) digests) numbered
                GROUP BY chunk) chunks
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetString(1));
    }
}
