namespace CiMigrate.Sql;

public sealed class SqlScript
{
    public required IReadOnlyList<SqlStatement> Statements { get; init; }

    public static SqlScript Parse(string text, string path) => new() { Statements = [] };
}
