namespace CiMigrate.Sql;

/// <summary>
/// Statements that change the database or the cluster outside every schema, so for every app at once: event triggers
/// (which then act inside other apps' runs), <c>ALTER DATABASE</c>, <c>ALTER SYSTEM</c>, role memberships
/// (<c>GRANT role TO role</c>) and default privileges for another role across all schemas. Lint reports them and the
/// executor refuses them unless the statement says why with <c>-- ci-migrate:allow-global &lt;reason&gt;</c>.
/// </summary>
public static class GlobalDdl
{
    /// <summary>The directive as users write it, without the comment dashes.</summary>
    public const string Directive = "ci-migrate:allow-global";

    /// <summary>What <paramref name="statement"/> changes outside every schema, in words; null when it changes no such thing.</summary>
    public static string? Of(SqlStatement statement)
    {
        var second = statement.Tokens.Count > 1 ? statement.Tokens[1] : default;
        return statement.Kind switch
        {
            StatementKind.Create or StatementKind.Alter or StatementKind.Drop when second.Is("EVENT") =>
                $"{statement.Tokens[0].Keyword} EVENT TRIGGER acts in every app's migrations",
            StatementKind.Alter when second.Is("SYSTEM") => "ALTER SYSTEM changes the whole server's configuration",
            StatementKind.AlterDatabase => "ALTER DATABASE changes the database every app shares",
            StatementKind.Grant or StatementKind.Revoke when statement.IndexOfKeywords(0, "ON") < 0 =>
                $"{statement.Tokens[0].Keyword} of a role membership changes what a role may do in every schema",
            StatementKind.AlterDefaultPrivileges when statement.IndexOfKeywords(0, "IN", "SCHEMA") < 0 =>
                "ALTER DEFAULT PRIVILEGES without IN SCHEMA changes the privileges of objects created in every schema",
            _ => null,
        };
    }

    /// <summary>Whether a comment before <paramref name="statement"/> allows its global change, with a reason.</summary>
    public static bool IsAllowed(SqlStatement statement) =>
        Of(statement) is not null && statement.LeadingComments.Any(comment => ReasonOf(comment) is { Length: > 0 });

    /// <summary>The reason of an allow-global comment; empty without one; null for another comment.</summary>
    static string? ReasonOf(string comment)
    {
        var text = comment.Trim().TrimStart('-').Trim();
        return text.StartsWith(Directive, StringComparison.OrdinalIgnoreCase) ? text[Directive.Length..].Trim() : null;
    }
}
