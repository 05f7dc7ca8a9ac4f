namespace CiMigrate.Copying;

/// <summary>
/// A step of the copy failed inside the target's transaction; <see cref="SchemaCopier"/> rolls back and turns it into
/// a <see cref="CopyStatus.Failed"/> outcome, so it never leaves the engine.
/// </summary>
sealed class CopyFailedException(string message, string? table = null, Exception? inner = null) : Exception(message, inner)
{
    public string? Table { get; } = table;
}
