namespace CiMigrate.Execution.Events;

/// <summary>The run stopped for a reason that is not a failing statement (the connection was lost, say).</summary>
public sealed record RunFailed(RunFinding Finding) : RunStop(Finding)
{
    internal RunFailed(string message, string? file)
        : this(new RunFinding(file, 0, 0, RunFinding.RunFailedCode, message, null))
    {
    }
}
