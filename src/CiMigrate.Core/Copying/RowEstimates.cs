using Npgsql;

namespace CiMigrate.Copying;

/// <summary>
/// The second signal of a copy's proof: the source server's own idea of how many rows each table holds, from its
/// statistics, not from the rows the copy's session can see. Row-level security, a login that sees only part of a
/// table, or a filter nobody knew of make the COPY and the checksum agree on fewer rows; the statistics do not see
/// through that session, so a count far below them is reported loudly (the proof itself still decides).
/// </summary>
public static class RowEstimates
{
    /// <summary>Below this estimate no warning: small tables come and go by whole fractions between two ANALYZEs.</summary>
    public const long SmallestEstimate = 1_000;

    /// <summary>
    /// A count below this share of the estimate is "far below": ANALYZE samples, and autovacuum analyzes again after
    /// about a tenth of the rows changed, so an estimate is seldom off by half unless rows were deleted in bulk since.
    /// </summary>
    public const double FarBelow = 0.5;

    /// <summary>
    /// Per table of <paramref name="schema"/>: <c>pg_class.reltuples</c> (set by ANALYZE, VACUUM and CREATE INDEX), or,
    /// for a table none of them has seen yet (reltuples = -1), the live rows the statistics system counted
    /// (<c>pg_stat_user_tables.n_live_tup</c>, kept up by every insert and delete); no entry when neither knows.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, RowEstimate>> ReadAsync(NpgsqlConnection connection, string schema,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, c.reltuples::bigint, s.n_live_tup
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_stat_all_tables s ON s.relid = c.oid
            WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
            """, connection);
        command.Parameters.Add(new() { Value = schema });
        var estimates = new Dictionary<string, RowEstimate>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var analyzed = reader.GetInt64(1);
            var live = reader.IsDBNull(2) ? 0 : reader.GetInt64(2);
            if (analyzed >= 0)
                estimates[reader.GetString(0)] = new RowEstimate(analyzed, "pg_class.reltuples");
            else if (live > 0)
                estimates[reader.GetString(0)] = new RowEstimate(live, "pg_stat_user_tables.n_live_tup, never analyzed");
        }

        return estimates;
    }

    /// <summary>The warning for a table whose <paramref name="rows"/> are far below its estimate; null otherwise.</summary>
    public static string? Warning(string table, long rows, RowEstimate? estimate, string from) =>
        estimate is { Rows: >= SmallestEstimate } e && rows < e.Rows * FarBelow
            ? $"{table}: {rows:N0} row(s) copied, but {from} estimates {e.Rows:N0} ({e.Source}). The copy's session may not see " +
              "every row (row-level security it is exempt from, a login with a filtered view of the table), or the rows " +
              $"were deleted since the last ANALYZE. Check the count on {from} as its owner before relying on this copy."
            : null;
}

/// <summary>How many rows the source's statistics say a table holds, and which statistic said so.</summary>
public sealed record RowEstimate(long Rows, string Source);
