namespace CiMigrate.Sql;

public enum StatementKind
{
    Other,
    SetSearchPath,
}
