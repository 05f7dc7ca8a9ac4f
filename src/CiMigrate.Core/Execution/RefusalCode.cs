namespace CiMigrate.Execution;

/// <summary>
/// Why a run was refused (<see cref="RefusalCodes"/>): the stable code reports show, and the exit code the refusal
/// costs, so a new refusal cannot exit without saying which.
/// </summary>
/// <param name="Id">The code in reports: <c>not-promoted</c>.</param>
/// <param name="ExitCode">One of <see cref="Hosting.ExitCodes"/>.</param>
public sealed record RefusalCode(string Id, int ExitCode)
{
    public override string ToString() => Id;
}
