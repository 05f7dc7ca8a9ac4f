using System.Text;
using System.Text.RegularExpressions;

namespace CiMigrate.Sql;

/// <summary>
/// A file's expand-contract directive, read once from the comments before its first statement (where
/// <c>-- ci-migrate:no-transaction</c> lives too): <c>-- ci-migrate:expand</c>, or
/// <c>-- ci-migrate:contract 20250208000004</c> naming the expand migration it completes.
/// </summary>
/// <param name="Phase">Expand, contract, or neither.</param>
/// <param name="ExpandVersion">For a contract: the version of the expand migration it completes.</param>
/// <param name="Line">The 1-based line of the directive (1 when there is none).</param>
public sealed partial record PhaseDirective(MigrationPhase Phase, string? ExpandVersion, int Line = 1)
{
    public static readonly PhaseDirective None = new(MigrationPhase.None, null);

    /// <summary>The directive of <paramref name="script"/>; throws <see cref="SqlSyntaxException"/> naming the line of a malformed one.</summary>
    /// <remarks>Called by <see cref="SqlScript"/> while it is made; everyone else reads <see cref="SqlScript.Phase"/>.</remarks>
    internal static PhaseDirective Of(SqlScript script)
    {
        if (script.Statements is not [var first, ..])
            return None;
        var found = None;
        var searchFrom = 0;
        foreach (var comment in first.LeadingComments)
        {
            var at = script.Text.IndexOf(comment, searchFrom, StringComparison.Ordinal);
            searchFrom = Math.Max(at, 0) + comment.Length;
            var match = Directive().Match(comment);
            if (!match.Success)
                continue;
            var location = script.LineColumnOf(Math.Max(at, 0));
            var argument = match.Groups["argument"].Value.Trim();
            var directive = match.Groups["verb"].Value.ToLowerInvariant() switch
            {
                "expand" when argument.Length == 0 => new PhaseDirective(MigrationPhase.Expand, null, location.Line),
                "contract" when VersionPattern().IsMatch(argument) => new PhaseDirective(MigrationPhase.Contract, argument, location.Line),
                "expand" => throw new SqlSyntaxException(script.Path, location.Line, location.Column,
                    "-- ci-migrate:expand takes no argument"),
                _ => throw new SqlSyntaxException(script.Path, location.Line, location.Column,
                    "-- ci-migrate:contract needs the 14-digit version of its expand migration: -- ci-migrate:contract 20250208000004"),
            };
            if (found != None)
            {
                throw new SqlSyntaxException(script.Path, location.Line, location.Column,
                    "a file is either the expand or the contract of a change, and says so once");
            }

            found = directive;
        }

        RefuseMisplaced(script, first);
        return found;
    }

    /// <summary>
    /// A directive anywhere else (after the first statement, or in a <c>/* */</c> comment) would be silently ignored,
    /// and a contract then runs at once: it is an error at its line instead.
    /// </summary>
    static void RefuseMisplaced(SqlScript script, SqlStatement first)
    {
        var searchFrom = 0;
        foreach (var statement in script.Statements)
        {
            foreach (var comment in statement.LeadingComments.Concat(statement.TrailingComments))
            {
                var at = script.Text.IndexOf(comment, searchFrom, StringComparison.Ordinal);
                searchFrom = Math.Max(at, 0) + comment.Length;
                var placed = statement == first && statement.LeadingComments.Contains(comment) && Directive().IsMatch(comment);
                if (placed || !Mentioned().IsMatch(comment))
                    continue;
                var location = script.LineColumnOf(Math.Max(at, 0));
                throw new SqlSyntaxException(script.Path, location.Line, location.Column,
                    "an expand-contract directive counts only as a -- comment before the first statement; here it would be ignored");
            }
        }
    }

    /// <summary>
    /// Whether a file's UTF-8 bytes may hold a directive, without parsing them: every directive has "grate:" in it
    /// (of "ci-migrate:"), in whatever case; only ASCII letters compare equal to those five under the directive's
    /// case-insensitive match, so a file without them has no directive.
    /// </summary>
    public static bool MayBeIn(ReadOnlySpan<byte> utf8)
    {
        const int Before = 5;
        for (var at = utf8.IndexOf((byte)':'); at >= 0; at = NextColon(utf8, at))
        {
            if (at >= Before && Ascii.EqualsIgnoreCase(utf8.Slice(at - Before, Before), "grate"u8))
                return true;
        }

        return false;
    }

    static int NextColon(ReadOnlySpan<byte> utf8, int at)
    {
        var next = utf8[(at + 1)..].IndexOf((byte)':');
        return next < 0 ? -1 : at + 1 + next;
    }

    [GeneratedRegex(@"^--\s*ci-migrate:(?<verb>expand|contract)\b(?<argument>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();

    [GeneratedRegex(@"ci-migrate:(expand|contract)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Mentioned();

    [GeneratedRegex(@"^\d{14}$")]
    private static partial Regex VersionPattern();
}
