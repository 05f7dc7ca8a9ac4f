namespace CiMigrate.Sql;

public sealed record SqlStatement(StatementKind Kind, IReadOnlyList<string> Objects);
