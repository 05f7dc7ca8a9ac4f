namespace CiMigrate.Sql;

/// <summary>
/// <c>-- ci-migrate:allow-schema &lt;schema&gt; &lt;reason&gt;</c>: a schema besides the app's own that the file may
/// change (storage policies, triggers on <c>auth.users</c>), written in any comment before a statement. The reason is
/// required: the exception is explicit, and reviewed with the file. The schema guard of the executor reads them.
/// </summary>
public sealed record SchemaAllowance(string Schema, string Reason, int Line)
{
    /// <summary>The directive as users write it, without the comment dashes.</summary>
    public const string Directive = "ci-migrate:allow-schema";

    /// <summary>Every allowance of the script, in order; one without a schema or a reason has an empty one.</summary>
    internal static IReadOnlyList<SchemaAllowance> Of(SqlScript script)
    {
        List<SchemaAllowance> found = [];
        var searchFrom = 0;
        foreach (var comment in script.Statements.SelectMany(s => s.LeadingComments))
        {
            var text = comment.Trim().TrimStart('-').Trim();
            if (!text.StartsWith(Directive, StringComparison.OrdinalIgnoreCase))
                continue;
            // Comments keep their text, not their place: find it in the file, after the one before.
            var at = script.Text.IndexOf(comment, searchFrom, StringComparison.Ordinal);
            searchFrom = Math.Max(at, 0) + comment.Length;
            var words = text[Directive.Length..].Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            found.Add(new SchemaAllowance(words.Length > 0 ? words[0].Trim('"').ToLowerInvariant() : "",
                words.Length > 1 ? words[1].Trim() : "", at < 0 ? 1 : script.LineColumnOf(at).Line));
        }

        return found;
    }
}
