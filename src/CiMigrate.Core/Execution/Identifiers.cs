namespace CiMigrate.Execution;

/// <summary>Quoting of names the tool puts into SQL it writes itself (schemas, tables, roles).</summary>
static class Identifiers
{
    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";
}
