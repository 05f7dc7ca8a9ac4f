using CiMigrate.Planning;

namespace CiMigrate.Generation;

/// <summary>
/// What a generation produced and what its proof found: the replay of history plus the files against the declared
/// catalog (<see cref="UpDifferences"/>), then their down files against the history's (<see cref="DownDifferences"/>).
/// </summary>
public sealed record GenerationResult(
    IReadOnlyList<GeneratedFile> Files,
    IReadOnlyList<SchemaChange> UpDifferences,
    IReadOnlyList<SchemaChange> DownDifferences)
{
    /// <summary>Both comparisons equal, object by object: the files may be written.</summary>
    public bool Proven => UpDifferences.Count == 0 && DownDifferences.Count == 0;
}
