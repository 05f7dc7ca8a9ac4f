using CiMigrate.Hosting;

namespace CiMigrate.Generation;

/// <summary>The declared state holds changes the generator cannot express; each problem names the object and why.</summary>
public sealed class GenerationRefusedException(IReadOnlyList<string> problems)
    : UsageException("ci-migrate generate cannot express the declared schema, so it wrote nothing:\n" +
        string.Join("\n", problems.Select(p => $"  - {p}")))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
