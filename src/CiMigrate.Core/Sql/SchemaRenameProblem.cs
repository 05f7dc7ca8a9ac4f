namespace CiMigrate.Sql;

/// <summary>A place where a schema name could not be rewritten structurally (a name inside a string, say).</summary>
public sealed record SchemaRenameProblem(string Path, SqlLocation Location, string Message)
{
    public override string ToString() => $"{Path}:{Location.Line}:{Location.Column}: {Message}";
}
