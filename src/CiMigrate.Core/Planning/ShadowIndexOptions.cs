using System.Text;
using System.Text.RegularExpressions;
using CiMigrate.Migrations;
using Npgsql;

namespace CiMigrate.Planning;

/// <summary>
/// The hnsw and ivfflat index methods of the vector stand-in are built on PostgreSQL's hash index, which refuses
/// pgvector's options (<c>WITH (m = 16, ef_construction = 64)</c>, <c>WITH (lists = 100)</c>), and PostgreSQL offers
/// no way to declare index options without C. So, on a shadow whose vector is the stand-in, the replay runs copies of
/// the files with those WITH clauses blanked out (spaces, so every line and column stays where it was), also inside
/// DO blocks and function bodies. The files themselves are never changed.
/// </summary>
public sealed partial class ShadowIndexOptions : IDisposable
{
    readonly string _folder;
    readonly List<string> _adapted = [];

    ShadowIndexOptions(string folder) => _folder = folder;

    /// <summary>The files that were replayed without their index options, for the plan's notes.</summary>
    public IReadOnlyList<string> Adapted => _adapted;

    /// <summary>Whether the shadow's vector extension is the ci-migrate stand-in.</summary>
    public static async Task<bool> NeededAsync(NpgsqlConnection shadow, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(starts_with(comment, $1), false) FROM pg_available_extensions WHERE name = 'vector'", shadow);
        command.Parameters.Add(new NpgsqlParameter { Value = ShadowExtensions.StandInCommentPrefix });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>A temp folder for the adapted copies; deleted when disposed.</summary>
    public static ShadowIndexOptions Create() =>
        new(Directory.CreateTempSubdirectory("ci-migrate-shadow-files-").FullName);

    /// <summary>
    /// <paramref name="migrations"/>, each one that writes WITH (...) after USING hnsw/ivfflat (...) replaced by a copy
    /// without it; the others as they are.
    /// </summary>
    public IReadOnlyList<Migration> Adapt(IReadOnlyList<Migration> migrations) => [.. migrations.Select(Adapt)];

    Migration Adapt(Migration migration)
    {
        var text = migration.Up.Text;
        var blanked = Blank(text);
        if (ReferenceEquals(blanked, text))
            return migration;

        // Same display path under our folder as under the repository, so errors still name the user's file.
        var copy = Path.Combine(_folder, migration.Up.DisplayPath);
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.WriteAllText(copy, blanked, new UTF8Encoding(false));
        _adapted.Add(migration.Up.DisplayPath);
        return migration with { Up = MigrationFile.Read(copy, _folder) };
    }

    /// <summary>The text with each such WITH clause replaced by spaces (line breaks kept); the same instance if none.</summary>
    internal static string Blank(string text)
    {
        StringBuilder? result = null;
        foreach (Match match in IndexMethod().Matches(text))
        {
            var columnsEnd = ClosingParenthesis(text, match.Index + match.Length - 1);
            if (columnsEnd < 0)
                continue;
            var with = WithClause().Match(text, columnsEnd + 1);
            if (!with.Success || with.Index != columnsEnd + 1)
                continue;
            var optionsEnd = ClosingParenthesis(text, with.Index + with.Length - 1);
            if (optionsEnd < 0)
                continue;
            result ??= new StringBuilder(text);
            for (var i = with.Index; i <= optionsEnd; i++)
            {
                if (result[i] is not ('\n' or '\r'))
                    result[i] = ' ';
            }
        }

        return result?.ToString() ?? text;
    }

    static int ClosingParenthesis(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '(')
                depth++;
            else if (text[i] == ')' && --depth == 0)
                return i;
        }

        return -1;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex(@"\bUSING\s+(""?)(hnsw|ivfflat)\1\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IndexMethod();

    [GeneratedRegex(@"\s*WITH\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithClause();
}
