namespace CiMigrate.Sql;

/// <summary>A 1-based line and column in a file; columns count UTF-16 code units, a leading BOM not counted.</summary>
public readonly record struct SqlLocation(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
