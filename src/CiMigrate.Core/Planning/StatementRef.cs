namespace CiMigrate.Planning;

/// <summary>The statement of a pending migration that made a schema change: where it is, and how it starts.</summary>
/// <param name="File">The migration's path as reports show it.</param>
/// <param name="Line">1-based.</param>
/// <param name="Column">1-based.</param>
/// <param name="Excerpt">The statement's first line, shortened.</param>
public sealed record StatementRef(string File, int Line, int Column, string Excerpt);
