namespace CiMigrate.Generation;

/// <summary>
/// A statement of the declared schema that was not loaded: data rather than schema, or one that fails on a fresh
/// Supabase project. It is that one statement's object that cannot be compared or generated; the rest loads.
/// </summary>
public sealed record DeclaredProblem(string Path, int Line, int Column, string Message)
{
    public override string ToString() => $"{Path}:{Line}:{Column}: {Message}";
}
