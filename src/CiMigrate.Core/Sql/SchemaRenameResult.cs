namespace CiMigrate.Sql;

/// <summary>A file with its schema renamed: the new text, how many names changed, and what could not be rewritten.</summary>
public sealed record SchemaRenameResult(string Text, int Rewritten, IReadOnlyList<SchemaRenameProblem> Problems);
