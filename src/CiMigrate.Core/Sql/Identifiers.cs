namespace CiMigrate.Sql;

/// <summary>Quoting of names the tool puts into SQL it writes itself (schemas, tables, roles, databases).</summary>
public static class Identifiers
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
