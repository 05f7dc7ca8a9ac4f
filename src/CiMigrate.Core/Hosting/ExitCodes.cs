namespace CiMigrate.Hosting;

/// <summary>Process exit codes; README documents them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Lint findings of error severity, or a gate (approval, promotion, plan hash) refused.</summary>
    public const int Findings = 1;

    /// <summary>Bad command line, settings or input files.</summary>
    public const int Usage = 2;

    /// <summary>The database or the execution failed.</summary>
    public const int Execution = 3;
}
