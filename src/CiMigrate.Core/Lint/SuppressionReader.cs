using CiMigrate.Sql;

namespace CiMigrate.Lint;

/// <summary>
/// Reads <c>-- ci-migrate:ignore &lt;rule&gt;[,&lt;rule&gt;] [reason]</c> and <c>-- ci-migrate:ignore-file ...</c>
/// from the comments before each statement (block comments work too).
/// </summary>
static class SuppressionReader
{
    public static List<Suppression> Read(LintFile file)
    {
        var suppressions = new List<Suppression>();
        var searchFrom = 0;
        foreach (var statement in file.Statements)
        {
            foreach (var comment in statement.LeadingComments)
            {
                var at = file.Text.IndexOf(comment, searchFrom, StringComparison.Ordinal);
                if (at >= 0)
                    searchFrom = at + comment.Length;
                if (Parse(comment) is not { } parsed)
                    continue;
                var location = file.Script.LineColumnOf(Math.Max(at, 0));
                foreach (var rule in parsed.Rules)
                    suppressions.Add(new Suppression(rule, parsed.Reason, parsed.Scope, statement.Index, location.Line, location.Column));
            }

            searchFrom = Math.Max(searchFrom, statement.Offset + statement.Length);
        }

        return suppressions;
    }

    static (SuppressionScope Scope, string[] Rules, string? Reason)? Parse(string comment)
    {
        var body = comment.StartsWith("--", StringComparison.Ordinal)
            ? comment[2..]
            : comment.StartsWith("/*", StringComparison.Ordinal) && comment.EndsWith("*/", StringComparison.Ordinal)
                ? comment[2..^2]
                : comment;
        body = body.Trim();
        SuppressionScope scope;
        if (body.StartsWith(LintMarkers.IgnoreFile + " ", StringComparison.Ordinal))
        {
            scope = SuppressionScope.File;
            body = body[LintMarkers.IgnoreFile.Length..].TrimStart();
        }
        else if (body.StartsWith(LintMarkers.Ignore + " ", StringComparison.Ordinal))
        {
            scope = SuppressionScope.Statement;
            body = body[LintMarkers.Ignore.Length..].TrimStart();
        }
        else
        {
            return null;
        }

        var end = body.IndexOfAny([' ', '\t']);
        var rules = (end < 0 ? body : body[..end]).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var reason = end < 0 ? null : body[end..].Trim();
        return (scope, rules, string.IsNullOrEmpty(reason) ? null : reason);
    }
}
