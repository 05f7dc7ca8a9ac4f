using Npgsql;

namespace CiMigrate.Copying;

/// <summary>
/// Row count and checksum of a table, computed by the server holding it in one pass: each row's text is hashed with
/// PostgreSQL's 64-bit <c>hashtextextended</c>, and the hashes are folded by their exact sum and their XOR, which is
/// the same for the same rows in any order (the canonical order of the rows is the order of their hashes, and a sum
/// needs no sort to see it). Constant memory and no sort however large the table, and PostgreSQL may use parallel
/// workers; the idea of pt-table-checksum (BIT_XOR of per-row CRC32s). It finds accidental differences (a changed,
/// missing or extra row changes the sum unless 64-bit hashes collide); it is not a defence against rows crafted to
/// cancel each other out.
/// </summary>
static class TableChecksum
{
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
        var sql = $"""
            SELECT count(*), md5(count(*) || ':' || coalesce(sum(h::numeric), 0) || ':' || coalesce(bit_xor(h), 0))
            FROM (SELECT hashtextextended(ROW({SqlNames.ColumnList(table.Columns)})::text, 0) AS h
                  FROM {SqlNames.Qualified(schema, table.Name)}) hashes
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetString(1));
    }
}
