namespace CiMigrate.Execution.Events;

/// <summary>A gate or a preflight check refused the run: nothing was applied because of it. Its code says what it costs.</summary>
public sealed record RunRefused(RefusalCode Code, RunFinding Finding) : RunStop(Finding)
{
    /// <summary>The refusal at <paramref name="file"/>:<paramref name="line"/>:<paramref name="column"/> (column 1 when only the line is known), or at no place.</summary>
    internal RunRefused(RefusalCode code, string message, string? help, string? file, int? line, int? column)
        : this(code, new RunFinding(file, line ?? 0, line is null ? 0 : column ?? 1, code.Id, message, help))
    {
    }
}
