namespace CiMigrate.Sql;

/// <summary>
/// The schemas a statement creates, changes, drops, grants on or writes to, as its text names them: what lint's
/// <c>foreign-schema</c> rule checks and which statements an <c>allow-schema</c> directive covers when the executor
/// runs them. References (<c>REFERENCES auth.users</c>, <c>auth.uid()</c> in a policy, a view reading another
/// schema) do not count, nor do unqualified names (they land in the file's own schema) or dynamic SQL.
/// </summary>
public static class SchemasActedOn
{
    public static IEnumerable<string> Of(SqlStatement statement)
    {
        switch (statement.Kind)
        {
            case StatementKind.SetSearchPath or StatementKind.Select or StatementKind.Do or StatementKind.CreateExtension
                or StatementKind.DropExtension or StatementKind.AlterExtension or StatementKind.CreateRole or StatementKind.AlterRole
                or StatementKind.DropRole or StatementKind.CreateDatabase or StatementKind.DropDatabase or StatementKind.AlterDatabase:
                return [];
            case StatementKind.CreateSchema or StatementKind.DropSchema or StatementKind.AlterSchema or StatementKind.AlterDefaultPrivileges:
                return statement.Objects;
            case StatementKind.Grant or StatementKind.Revoke when NamesSchemas(statement):
                return statement.Objects;
            default:
                return statement.Objects.Select(SqlNames.SchemaOf).OfType<string>();
        }
    }

    /// <summary><c>GRANT USAGE ON SCHEMA s</c> and <c>GRANT ... ON ALL TABLES IN SCHEMA s</c> name schemas, not tables.</summary>
    static bool NamesSchemas(SqlStatement statement)
    {
        var on = statement.IndexOfKeywords(0, "ON");
        return on >= 0 && on + 1 < statement.Tokens.Count
            && (statement.Tokens[on + 1].Is("SCHEMA") || statement.Tokens[on + 1].Is("ALL"));
    }
}
