using CiMigrate.Migrations;

namespace CiMigrate.History;

/// <summary>
/// Which rows of the Supabase CLI's history <c>baseline --from-supabase</c> may adopt for an app, and why the others are
/// left: a row matches a pending file by version and name, else by its statements (the same fingerprint: a file applied
/// by another tool under its own version); a row another app owns (its ledger, or the mirror's record) is never adopted.
/// A pure function of the rows, the files and the owners, so its rule is tested as a table.
/// </summary>
public static class SupabaseAdoption
{
    /// <summary>A file to mark applied, the row that says so, and how they matched.</summary>
    public sealed record Match(Migration Migration, SupabaseRow Row, string How);

    /// <summary>A row not adopted, and why.</summary>
    public sealed record Left(SupabaseRow Row, string Reason);

    public static (IReadOnlyList<Match> Matches, IReadOnlyList<Left> Left) Of(IReadOnlyList<SupabaseRow> rows,
        IReadOnlyList<Migration> pending, IReadOnlySet<string> localVersions, IReadOnlyDictionary<string, string> otherApps)
    {
        var matches = new List<Match>();
        var left = new List<Left>();
        var unmatched = new List<SupabaseRow>();
        var byFingerprint = pending.GroupBy(m => StatementsFingerprint.Of(m.Up.Script.Statements)).ToDictionary(g => g.Key, g => g.ToList());
        var taken = new HashSet<Migration>();
        foreach (var row in rows.OrderBy(r => r.Version, StringComparer.Ordinal))
        {
            if (otherApps.TryGetValue(row.Version, out var owner))
            {
                left.Add(new Left(row, $"version {row.Version} belongs to {owner}"));
                continue;
            }

            var sameVersion = pending.FirstOrDefault(m => m.Version == row.Version && !taken.Contains(m));
            if (sameVersion is not null && sameVersion.Name == row.Name)
            {
                matches.Add(new Match(sameVersion, row, "by version and name"));
                taken.Add(sameVersion);
                continue;
            }

            var fingerprint = row.Statements.Count == 0 ? null : StatementsFingerprint.Of(row.Statements);
            var sameStatements = fingerprint is not null && byFingerprint.TryGetValue(fingerprint, out var files)
                ? files.FirstOrDefault(m => !taken.Contains(m))
                : null;
            if (sameStatements is not null)
            {
                matches.Add(new Match(sameStatements, row, "by its statements"));
                taken.Add(sameStatements);
            }
            else
                unmatched.Add(row);
        }

        foreach (var row in unmatched)
        {
            left.Add(new Left(row, localVersions.Contains(row.Version)
                ? $"its name and statements differ from the file of version {row.Version}"
                : "no file of this app has its version and name or its statements"));
        }

        return (matches, left);
    }
}
